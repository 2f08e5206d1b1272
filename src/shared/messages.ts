import type { DataCategory, Risk } from './categories.ts';
import { DATA_CATEGORIES, RISKS } from './categories.ts';
import type { PromptTopic, RevokeRecipe } from '../providers/types.ts';
import type { ConsentRecord, ConsentStatus } from '../ledger/model.ts';
import { CONSENT_STATUSES } from '../ledger/model.ts';
import type { LedgerQuery, RecordSummary } from '../ledger/index.ts';
import type { ImportResult, StorageProblem } from '../background/ledger-store.ts';
import {
  type Check,
  isArrayOf,
  isBoolean,
  isInteger,
  isNullable,
  isObject,
  isOneOf,
  isOptional,
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

/** Why a revocation is still pending: what the person is asked to do about it. */
export const PENDING_REASONS = ['signin', 'ambiguous', 'not-found', 'unexpected-page', 'confirm-missing', 'still-listed'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

/** What a provider's management page showed: its list, a sign-in step, or a page the recipe does not fit. */
export const LIST_STATES = ['list', 'signin', 'unexpected'] as const;
export type ListState = (typeof LIST_STATES)[number];

/** Inventory bounds: what one page may add to the ledger. */
export const INVENTORY_LIMITS = { apps: 200, name: 256 } as const;

export interface ListedAppView {
  readonly name: string;
  readonly clientId: string | null;
}

/** The revoke assistant on a provider's management page (src/content/revoke.ts). */
export type AssistantMessage =
  /** What to do on this page: the background answers from the page's address, which the browser gives. */
  | { type: 'get-revoke-task' }
  /** `person`: the person said they removed it where Linkwatch could not check the list. */
  | { type: 'revoke-report'; recordId: string; outcome: 'revoked'; checkedBy: 'list' | 'person' }
  | { type: 'revoke-report'; recordId: string; outcome: 'pending'; reason: PendingReason }
  | { type: 'inventory-report'; providerId: string; state: ListState; apps: ListedAppView[] };

/** One app the person asked Linkwatch to remove from this provider. */
export interface RevokeTask {
  readonly recordId: string;
  /** How people name the app: "budgetly.app". */
  readonly app: string;
  /** The names it may be listed under (match.ts namesFor). */
  readonly names: readonly string[];
  readonly clientId: string | null;
}

export interface RevokePage {
  readonly providerId: string;
  readonly providerName: string;
  /** null: guided mode, the assistant shows `steps` and highlights the app's name. */
  readonly recipe: RevokeRecipe | null;
  readonly steps: readonly string[];
  /** This tab's task first; empty while Linkwatch only reads the list (a scan). */
  readonly tasks: readonly RevokeTask[];
}

export type FromContent =
  /**
   * From inside an aggregator's widget frame, once the person can see it. Says nothing else: which
   * widget, in which tab and on which site come from `sender`, which the browser fills in.
   */
  | { type: 'widget-showing' }
  /** A "link your bank"-style prompt with a visible call to action. */
  | { type: 'report-prompt'; providerId: string; topic: PromptTopic; text: string; cta: string }
  /** On an identity provider's page: what did the background see this tab navigate to? */
  | { type: 'get-page-notices' }
  | { type: 'notice-decision'; detectionId: string; decision: NoticeDecision }
  | AssistantMessage;

/** The person's settings as extension pages see and change them (prefs-store's Settings). */
export interface SettingsView {
  readonly mutedSites: readonly string[];
  readonly watch: Readonly<Record<NoticeChannel, boolean>>;
}

/** The popup's ledger query: Ledger.query's fields a page may set, bounded (`now` is the background's). */
export type LedgerPageQuery = Omit<LedgerQuery, 'now' | 'staleMonths'>;

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Typed by the person in the erase dialog's stead: a page cannot erase by accident. */
export const ERASE_CONFIRMATION = 'erase-all-linkwatch-records';

export type FromExtensionPage =
  | { type: 'get-overview'; tabId: number | null }
  | { type: 'query-ledger'; query: LedgerPageQuery }
  | { type: 'get-record'; id: string }
  /** Block in this browser; `unblock` is its undo. */
  | { type: 'block'; id: string }
  | { type: 'unblock'; id: string }
  | { type: 'revoke'; id: string }
  | { type: 'undo-revoke'; id: string }
  | { type: 'set-settings'; settings: SettingsView }
  /** The first-run explanation was read; it is not shown again. */
  | { type: 'dismiss-intro' }
  | { type: 'export'; format: ExportFormat; ids?: string[] }
  | { type: 'get-receipt'; id: string }
  | { type: 'import'; text: string }
  | { type: 'erase'; confirmation: typeof ERASE_CONFIRMATION }
  | { type: 'scan-accounts' };

/** Background -> extension pages, after every ledger write. */
export type ToExtensionPage = { type: 'ledger-changed' };

export type Message = FromContent | FromExtensionPage;

/** One detection on the current tab, with the ledger record it went into. */
export interface TabFinding extends NoticeView {
  readonly recordId: string;
  readonly status: ConsentStatus;
}

export interface ScanProgress {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  readonly current: string | null;
}

export interface Overview {
  readonly tab: readonly TabFinding[];
  readonly ledgerSize: number;
  readonly counts: Readonly<Record<ConsentStatus, number>>;
  /** Storage problems in plain words, most recent last. */
  readonly problems: readonly StorageProblem[];
  /** The ledger is shown but nothing can be changed (see problems). */
  readonly readOnly: boolean;
  readonly settings: SettingsView;
  /** The person has not yet dismissed the first-run explanation. */
  readonly firstRun: boolean;
  /** Providers that occur in the ledger, for the provider filter. */
  readonly providers: readonly { readonly id: string; readonly name: string }[];
  readonly scan: ScanProgress | null;
}

/** The records are grouped by data source: each group's rows are contiguous in `items` order. */
export interface SourceGroup {
  readonly label: string;
  /** Index of the group's first record in the whole grouped order. */
  readonly start: number;
  readonly count: number;
}

export interface LedgerPage {
  readonly total: number;
  readonly groups: readonly SourceGroup[];
  /** `items[0]` is record number `offset` of the grouped order. */
  readonly offset: number;
  readonly items: readonly RecordSummary[];
}

export interface RecordDetail {
  readonly record: ConsentRecord;
  /** Dynamic rules from Linkwatch stop this link in this browser. */
  readonly blockedHere: boolean;
  readonly canBlock: boolean;
  /** The recipient's site is muted: the in-page notice stays quiet there. */
  readonly muted: boolean;
  readonly providerName: string;
  /** The provider's own page to remove the app, and the steps there. */
  readonly revocation: { readonly url: string; readonly steps: readonly string[] } | null;
}

export interface RevokeReply {
  readonly status: ConsentStatus;
  readonly managementUrl: string;
  readonly automated: boolean;
}

/** What the background answers to each message, by its type. */
interface Replies {
  'widget-showing': { stored: true; notice: NoticeView | null };
  'report-prompt': { stored: true; notice: NoticeView | null };
  'get-page-notices': { notices: NoticeView[] };
  'notice-decision': { done: true };
  'get-revoke-task': RevokePage | null;
  'revoke-report': { done: true };
  'inventory-report': { imported: number };
  'get-overview': Overview;
  'query-ledger': LedgerPage;
  'get-record': RecordDetail;
  block: { status: ConsentStatus };
  unblock: { status: ConsentStatus };
  revoke: RevokeReply;
  'undo-revoke': { status: ConsentStatus };
  'set-settings': SettingsView;
  export: { text: string; filename: string; mimeType: string };
  'get-receipt': { html: string; filename: string };
  import: ImportResult;
  erase: { done: true };
  'dismiss-intro': { done: true };
  'scan-accounts': { done: true };
}

export type Reply<M extends Message> = Replies[M['type']];

// Fails to compile when a message type has no reply above.
type EveryMessageAnswered<Missing extends never> = Missing;
type _RepliesComplete = EveryMessageAnswered<Exclude<Message['type'], keyof Replies>>;

const providerId = isString(64);

const fromContentChecks: Record<FromContent['type'], Check<FromContent>> = {
  'widget-showing': isObject({ type: isOneOf(['widget-showing']) }),
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
  'get-revoke-task': isObject({ type: isOneOf(['get-revoke-task']) }),
  'revoke-report': (v): v is Extract<FromContent, { type: 'revoke-report' }> =>
    isObject({ type: isOneOf(['revoke-report']), recordId: isString(64), outcome: isOneOf(['revoked']), checkedBy: isOneOf(['list', 'person']) })(v) ||
    isObject({ type: isOneOf(['revoke-report']), recordId: isString(64), outcome: isOneOf(['pending']), reason: isOneOf(PENDING_REASONS) })(v),
  'inventory-report': isObject({
    type: isOneOf(['inventory-report']),
    providerId,
    state: isOneOf(LIST_STATES),
    apps: isArrayOf(
      isObject({ name: isString(INVENTORY_LIMITS.name), clientId: isNullable(isString(INVENTORY_LIMITS.name)) }),
      INVENTORY_LIMITS.apps,
    ),
  }),
};

const isIntegerIn =
  (min: number, max: number): Check<number> =>
  (v): v is number =>
    isInteger(v) && v >= min && v <= max;

/** The ledger's record id format (ledger/schema.ts); repeated so the content script stays small. */
const recordId: Check<string> = (v): v is string => typeof v === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(v);
const site = isString(253);

/** Bounds: a page of the popup's list, and an import as large as the ledger's own limit (64 MB). */
export const PAGE_QUERY_LIMITS = { text: 200, providers: 64, offset: 1_000_000, limit: 500 } as const;
const IMPORT_MAX_CHARS = 64 * 1024 * 1024;

export const isSettingsView: Check<SettingsView> = isObject({
  mutedSites: isArrayOf(site, 10_000),
  watch: isObject({ oauth: isBoolean, widget: isBoolean, 'text-prompt': isBoolean }),
});

const withId = <T extends FromExtensionPage['type']>(type: T) => isObject({ type: isOneOf([type]), id: recordId });

const fromExtensionPageChecks: Record<FromExtensionPage['type'], Check<FromExtensionPage>> = {
  'get-overview': isObject({ type: isOneOf(['get-overview']), tabId: isNullable(isInteger) }),
  'query-ledger': isObject({
    type: isOneOf(['query-ledger']),
    query: isObject({
      text: isOptional(isString(PAGE_QUERY_LIMITS.text)),
      providerIds: isOptional(isArrayOf(providerId, PAGE_QUERY_LIMITS.providers)),
      risks: isOptional(isArrayOf(isOneOf(RISKS), RISKS.length)),
      statuses: isOptional(isArrayOf(isOneOf(CONSENT_STATUSES), CONSENT_STATUSES.length)),
      sort: isOneOf(['risk', 'recent']),
      staleOnly: isOptional(isBoolean),
      offset: isOptional(isIntegerIn(0, PAGE_QUERY_LIMITS.offset)),
      limit: isOptional(isIntegerIn(0, PAGE_QUERY_LIMITS.limit)),
    }),
  }),
  'get-record': withId('get-record'),
  block: withId('block'),
  unblock: withId('unblock'),
  revoke: withId('revoke'),
  'undo-revoke': withId('undo-revoke'),
  'set-settings': isObject({ type: isOneOf(['set-settings']), settings: isSettingsView }),
  'dismiss-intro': isObject({ type: isOneOf(['dismiss-intro']) }),
  export: isObject({
    type: isOneOf(['export']),
    format: isOneOf(EXPORT_FORMATS),
    ids: isOptional(isArrayOf(recordId, 100_000)),
  }),
  'get-receipt': withId('get-receipt'),
  import: isObject({ type: isOneOf(['import']), text: isString(IMPORT_MAX_CHARS) }),
  erase: isObject({ type: isOneOf(['erase']), confirmation: isOneOf([ERASE_CONFIRMATION]) }),
  'scan-accounts': isObject({ type: isOneOf(['scan-accounts']) }),
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

/** What a widget frame may say: it shows, and what the person chose in the notice it holds. */
export type FromWidgetFrame = Extract<FromContent, { type: 'widget-showing' | 'notice-decision' }>;
const WIDGET_FRAME_TYPES: readonly string[] = ['widget-showing', 'notice-decision'] satisfies FromWidgetFrame['type'][];

export function isFromWidgetFrame(value: unknown): value is FromWidgetFrame {
  return isFromContent(value) && WIDGET_FRAME_TYPES.includes(value.type);
}

export function isFromExtensionPage(value: unknown): value is FromExtensionPage {
  const type = typeOf(value);
  return (
    type !== undefined &&
    Object.hasOwn(fromExtensionPageChecks, type) &&
    fromExtensionPageChecks[type as FromExtensionPage['type']](value)
  );
}

export const isToExtensionPage: Check<ToExtensionPage> = isObject({ type: isOneOf(['ledger-changed']) });

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
