import type { DataCategory, Risk } from './categories.ts';
import { DATA_CATEGORIES, RISKS } from './categories.ts';
import type { PromptTopic } from '../providers/types.ts';
import {
  type Check,
  isArrayOf,
  isBoolean,
  isHttpsUrl,
  isInteger,
  isNullable,
  isObject,
  isOneOf,
  isString,
} from './validate.ts';

/**
 * Every message between Linkwatch's contexts. Content scripts speak `FromContent`; the popup and
 * other extension pages speak `FromExtensionPage`; the background answers with `Reply<M>`.
 * The background trusts nothing a content script says about where it is: the page comes from
 * `sender`, which the browser fills in.
 */

export const PROMPT_TOPICS = ['bank-link', 'balance-share', 'contacts-upload', 'account-connect'] as const satisfies readonly PromptTopic[];
export const NOTICE_DECISIONS = ['allow', 'block', 'dismiss', 'mute-site'] as const;
export type NoticeDecision = (typeof NOTICE_DECISIONS)[number];

/** What the in-page notice says; composed by the background, which holds the catalogue. */
export const NOTICE_CHANNELS = ['oauth', 'widget', 'text-prompt'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export interface NoticeView {
  readonly detectionId: string;
  readonly channel: NoticeChannel;
  /** Who gets the data: "budgetly.app". */
  readonly recipient: string;
  /** Whose account the data comes from: "Facebook account", "Bank account". */
  readonly source: string;
  /** The aggregator in the middle, when there is one: "Plaid". */
  readonly intermediary: string | null;
  readonly categories: readonly DataCategory[];
  readonly risk: Risk;
  /** Whether Block can stop this link in the browser (a text prompt on the provider's own site cannot be). */
  readonly blockable: boolean;
}

export type FromContent =
  /** An aggregator's script, frame or request seen on the page; `showing` once the user can see it. */
  | { type: 'report-widget'; providerId: string; url: string; showing: boolean }
  /** A "link your bank"-style prompt with a visible call to action. */
  | { type: 'report-prompt'; providerId: string; topic: PromptTopic; text: string; cta: string }
  /** On an identity provider's page: what did the background see this tab navigate to? */
  | { type: 'get-page-notices' }
  | { type: 'notice-decision'; detectionId: string; decision: NoticeDecision };

export type FromExtensionPage = { type: 'get-overview'; tabId: number | null };

export type Message = FromContent | FromExtensionPage;

export interface Overview {
  readonly tab: readonly NoticeView[];
  readonly ledgerSize: number;
}

export type Reply<M extends Message> = M extends { type: 'report-widget' | 'report-prompt' }
  ? { stored: true; notice: NoticeView | null }
  : M extends { type: 'get-page-notices' }
    ? { notices: NoticeView[] }
    : M extends { type: 'notice-decision' }
      ? { done: true }
      : M extends { type: 'get-overview' }
        ? Overview
        : never;

const providerId = isString(64);

const fromContentChecks: Record<FromContent['type'], Check<FromContent>> = {
  'report-widget': isObject({
    type: isOneOf(['report-widget']),
    providerId,
    url: isHttpsUrl(),
    showing: isBoolean,
  }),
  'report-prompt': isObject({
    type: isOneOf(['report-prompt']),
    providerId,
    topic: isOneOf(PROMPT_TOPICS),
    text: isString(2000),
    cta: isString(200),
  }),
  'get-page-notices': isObject({ type: isOneOf(['get-page-notices']) }),
  'notice-decision': isObject({
    type: isOneOf(['notice-decision']),
    detectionId: isString(64),
    decision: isOneOf(NOTICE_DECISIONS),
  }),
};

const fromExtensionPageChecks: Record<FromExtensionPage['type'], Check<FromExtensionPage>> = {
  'get-overview': isObject({ type: isOneOf(['get-overview']), tabId: isNullable(isInteger) }),
};

function typeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

export function isFromContent(value: unknown): value is FromContent {
  const type = typeOf(value);
  return type !== undefined && Object.hasOwn(fromContentChecks, type) && fromContentChecks[type as FromContent['type']](value);
}

export function isFromExtensionPage(value: unknown): value is FromExtensionPage {
  const type = typeOf(value);
  return (
    type !== undefined &&
    Object.hasOwn(fromExtensionPageChecks, type) &&
    fromExtensionPageChecks[type as FromExtensionPage['type']](value)
  );
}

export const isNoticeView: Check<NoticeView> = isObject({
  detectionId: isString(64),
  channel: isOneOf(NOTICE_CHANNELS),
  recipient: isString(256),
  source: isString(256),
  intermediary: isNullable(isString(256)),
  categories: isArrayOf(isOneOf(DATA_CATEGORIES), DATA_CATEGORIES.length),
  risk: isOneOf(RISKS),
  blockable: isBoolean,
});
