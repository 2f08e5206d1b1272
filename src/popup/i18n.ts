import browser from 'webextension-polyfill';
import type { DataCategory, Risk } from '../shared/categories.ts';
import type { Channel, ConsentStatus, EventKind } from '../ledger/model.ts';

/** Every key of the English catalogue, which is complete: a typo in a key fails the typecheck. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

export function t(key: MessageKey, ...substitutions: string[]): string {
  // An empty answer means the key is missing in this locale and in English: show the key, so the
  // gap is visible rather than a blank button.
  return browser.i18n.getMessage(key, substitutions) || key;
}

export const STATUS_KEYS: Readonly<Record<ConsentStatus, MessageKey>> = {
  prompted: 'popup_status_prompted',
  granted: 'popup_status_granted',
  declined: 'popup_status_declined',
  blocked: 'popup_status_blocked',
  'revocation-pending': 'popup_status_revocation_pending',
  revoked: 'popup_status_revoked',
  expired: 'popup_status_expired',
};

export const EVENT_KEYS: Readonly<Record<EventKind, MessageKey>> = {
  prompted: 'popup_event_prompted',
  granted: 'popup_event_granted',
  declined: 'popup_event_declined',
  abandoned: 'popup_event_abandoned',
  'allowed-by-user': 'popup_event_allowed_by_user',
  blocked: 'popup_event_blocked',
  unblocked: 'popup_event_unblocked',
  'revoke-requested': 'popup_event_revoke_requested',
  revoked: 'popup_event_revoked',
  'revocation-failed': 'popup_event_revocation_failed',
  imported: 'popup_event_imported',
  expired: 'popup_event_expired',
  note: 'popup_event_note',
};

export const CHANNEL_KEYS: Readonly<Record<Channel, MessageKey>> = {
  oauth: 'popup_channel_oauth',
  widget: 'popup_channel_widget',
  'text-prompt': 'popup_channel_text_prompt',
  imported: 'popup_channel_imported',
};

export const RISK_KEYS: Readonly<Record<Risk, MessageKey>> = { low: 'risk_low', medium: 'risk_medium', high: 'risk_high' };

export function categoryKey(category: DataCategory): MessageKey {
  // The in-page notice's keys: category ids with '_' for '-'. test/unit/popup-i18n checks all exist.
  return `category_${category.replaceAll('-', '_')}` as MessageKey;
}

export function categoryList(categories: readonly DataCategory[]): string {
  return categories.map((category) => t(categoryKey(category))).join(', ');
}

function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}

// Built once: a list of rows formats many dates, and a formatter is costly to construct.
let formats: { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; ago: Intl.RelativeTimeFormat } | null = null;
function formatters() {
  const language = uiLanguage();
  formats ??= {
    date: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
    dateTime: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    ago: new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
  };
  return formats;
}

export function formatDate(time: number): string {
  return formatters().date.format(time);
}

export function formatDateTime(time: number): string {
  return formatters().dateTime.format(time);
}

const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "2 days ago", "yesterday", in the browser's language. */
export function formatAgo(time: number, now: number): string {
  const format = formatters().ago;
  const elapsed = now - time;
  for (const [unit, size] of UNITS) if (Math.abs(elapsed) >= size) return format.format(-Math.round(elapsed / size), unit);
  return format.format(0, 'minute');
}
