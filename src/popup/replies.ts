import { DATA_CATEGORIES, RISKS } from '../shared/categories.ts';
import { CHANNELS, CONSENT_STATUSES, type ConsentRecord } from '../ledger/model.ts';
import type { RecordSummary } from '../ledger/index.ts';
import type { ImportResult, StorageProblem } from '../background/ledger-store.ts';
import { checkStoredRecord } from '../ledger/schema.ts';
import { type Check, isArrayOf, isBoolean, isInteger, isNullable, isObject, isOneOf, isString } from '../shared/validate.ts';
import {
  type FromExtensionPage,
  type Overview,
  type Reply,
  type ScanProgress,
  isNoticeView,
  isSettingsView,
} from '../shared/messages.ts';

/**
 * Checks for every reply the popup receives. The background is our own code, but the store is fed
 * only what passed here: a reply of the wrong shape (an old worker after an update, a bug) becomes
 * one clear error instead of a half-drawn popup.
 */

const count: Check<number> = (v): v is number => isInteger(v) && v >= 0;
const time = count;
const text = isString(64 * 1024);
const id = isString(64);

const isSummary: Check<RecordSummary> = isObject({
  id,
  source: text,
  sourceProviderId: isNullable(id),
  recipient: text,
  site: text,
  intermediary: isNullable(text),
  providerId: id,
  channel: isOneOf(CHANNELS),
  status: isOneOf(CONSENT_STATUSES),
  risk: isOneOf(RISKS),
  categories: isArrayOf(isOneOf(DATA_CATEGORIES), DATA_CATEGORIES.length),
  scopeCount: count,
  eventCount: count,
  lastSeenAt: time,
  grantedAt: isNullable(time),
  expiresAt: isNullable(time),
  stale: isBoolean,
});

/** The ledger's own check of a stored record, which also proves its derived fields. */
const isRecord: Check<ConsentRecord> = (v): v is ConsentRecord => 'record' in checkStoredRecord(v);

const isProblem: Check<StorageProblem> = isObject({
  kind: isOneOf(['quota', 'corrupt', 'future-schema', 'unknown']),
  message: text,
  at: time,
});

const isScanProgress: Check<ScanProgress> = isObject({ running: isBoolean, done: count, total: count, current: isNullable(text) });

const isCounts = isObject(Object.fromEntries(CONSENT_STATUSES.map((status) => [status, count]))) as Check<Overview['counts']>;

const isTabFinding = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const { recordId, status, ...view } = v as Record<string, unknown>;
  return id(recordId) && isOneOf(CONSENT_STATUSES)(status) && isNoticeView(view);
};

const isTrue: Check<true> = (v): v is true => v === true;
const isFalse: Check<false> = (v): v is false => v === false;
const isDone = isObject({ done: isTrue });
const isStatusReply = isObject({ status: isOneOf(CONSENT_STATUSES) });

const isImportResult: Check<ImportResult> = (v): v is ImportResult =>
  isObject({ ok: isTrue, added: count, merged: count, unchanged: count })(v) || isObject({ ok: isFalse, error: text })(v);

type ReplyChecks = { readonly [T in FromExtensionPage['type']]: Check<Reply<Extract<FromExtensionPage, { type: T }>>> };

const REPLY_CHECKS: ReplyChecks = {
  'get-overview': isObject({
    tab: isArrayOf(isTabFinding as Check<Overview['tab'][number]>, 1000),
    ledgerSize: count,
    counts: isCounts,
    problems: isArrayOf(isProblem, 100),
    readOnly: isBoolean,
    settings: isSettingsView,
    firstRun: isBoolean,
    providers: isArrayOf(isObject({ id, name: text }), 1000),
    scan: isNullable(isScanProgress),
  }),
  'query-ledger': isObject({
    total: count,
    groups: isArrayOf(isObject({ label: text, start: count, count }), 100_000),
    offset: count,
    items: isArrayOf(isSummary, 500),
  }),
  'get-record': isObject({
    record: isRecord,
    blockedHere: isBoolean,
    canBlock: isBoolean,
    muted: isBoolean,
    providerName: text,
    revocation: isNullable(isObject({ url: text, steps: isArrayOf(text, 50) })),
  }),
  block: isStatusReply,
  unblock: isStatusReply,
  'undo-revoke': isStatusReply,
  revoke: isObject({ status: isOneOf(CONSENT_STATUSES), managementUrl: text, automated: isBoolean }),
  'set-settings': isSettingsView,
  'dismiss-intro': isDone,
  export: isObject({ text: isString(Number.MAX_SAFE_INTEGER), filename: text, mimeType: text }),
  'get-receipt': isObject({ html: isString(Number.MAX_SAFE_INTEGER), filename: text }),
  import: isImportResult,
  erase: isDone,
  'scan-accounts': isDone,
};

export function isReplyTo<M extends FromExtensionPage>(message: M, reply: unknown): reply is Reply<M> {
  // TypeScript cannot tie REPLY_CHECKS[M['type']] to Reply<M> for a generic M; the table's type does.
  return (REPLY_CHECKS[message.type] as Check<unknown>)(reply);
}
