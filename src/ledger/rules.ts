import type {
  ConsentRecord,
  ConsentStatus,
  DataSource,
  DetectionInput,
  EventKind,
  Evidence,
  Intermediary,
  LedgerEvent,
  Recipient,
  ScopeEntry,
} from './model.ts';
import { LIMITS } from './model.ts';

/**
 * The ledger's rules, pure: how a detection becomes a record, how events move a record's status,
 * when an authorization expires and when a link is stale. A record's status and dates are a fold
 * over its history, so a merged or imported history always yields the same record.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** CFPB 12 CFR 1033.421(b): a third party's collection lasts at most one year per authorization. */
export const FINANCIAL_AUTHORIZATION_DAYS = 365;

/** Target status, or `resume`: go back to the status before the block or revocation request. */
export type Transition = ConsentStatus | 'resume';

/**
 * Event kind x current status -> next status. A missing cell means "unchanged". docs/ledger.md
 * prints this table; test/unit/ledger-rules.test.ts checks the two agree.
 */
export const STATUS_TABLE: Readonly<Record<EventKind, Readonly<Partial<Record<ConsentStatus, Transition>>>>> = {
  // An unanswered prompt says nothing new about access.
  prompted: {},
  abandoned: {},
  note: {},
  granted: {
    prompted: 'granted',
    declined: 'granted',
    blocked: 'granted',
    'revocation-pending': 'granted',
    revoked: 'granted',
    expired: 'granted',
  },
  // Listed as connected on the provider's own page. While a revocation is pending, the revoke
  // check (revoked / revocation-failed) decides instead.
  imported: { prompted: 'granted', declined: 'granted', blocked: 'granted', revoked: 'granted', expired: 'granted' },
  // Declining a repeated prompt does not end a grant that is still live at the provider.
  declined: { prompted: 'declined', expired: 'declined' },
  'allowed-by-user': { blocked: 'resume' },
  // Blocking future prompts does not end a live grant or a revocation in progress.
  blocked: { prompted: 'blocked', declined: 'blocked', expired: 'blocked' },
  unblocked: { blocked: 'resume' },
  'revoke-requested': {
    prompted: 'revocation-pending',
    granted: 'revocation-pending',
    declined: 'revocation-pending',
    blocked: 'revocation-pending',
    expired: 'revocation-pending',
  },
  revoked: {
    prompted: 'revoked',
    granted: 'revoked',
    declined: 'revoked',
    blocked: 'revoked',
    'revocation-pending': 'revoked',
    expired: 'revoked',
  },
  'revocation-failed': { 'revocation-pending': 'resume' },
  expired: { granted: 'expired' },
};

const PAUSING_STATUSES: ReadonlySet<ConsentStatus> = new Set(['blocked', 'revocation-pending']);

/** Events that mean the link itself was seen again (as opposed to the person acting on it). */
const SIGHTINGS: ReadonlySet<EventKind> = new Set(['prompted', 'granted', 'declined', 'abandoned', 'imported']);

type DerivedField = 'status' | 'createdAt' | 'updatedAt' | 'lastSeenAt' | 'grantedAt' | 'expiresAt';
export type RecordBody = Omit<ConsentRecord, DerivedField>;

interface Derived {
  status: ConsentStatus;
  grantedAt: number | null;
}

function foldHistory(history: readonly LedgerEvent[]): Derived {
  let status: ConsentStatus = 'prompted';
  let grantedAt: number | null = null;
  let resumeStack: ConsentStatus[] = [];
  for (const event of history) {
    const before = status;
    const target: Transition | undefined = STATUS_TABLE[event.kind][status];
    if (target === 'resume') {
      status = resumeStack.pop() ?? 'prompted';
    } else if (target !== undefined && target !== status) {
      if (PAUSING_STATUSES.has(target)) resumeStack.push(status);
      else resumeStack = [];
      status = target;
    }
    if (event.kind === 'granted') grantedAt = event.at;
    // The provider's list shows access without saying since when: its first sighting after a
    // gap in access is the earliest time we know of.
    if (event.kind === 'imported' && (grantedAt === null || (before !== 'granted' && status === 'granted'))) {
      grantedAt = event.at;
    }
  }
  return { status, grantedAt };
}

/** The whole record from its body and history; the only place derived fields are computed. */
export function buildRecord(body: RecordBody, history: readonly LedgerEvent[]): ConsentRecord {
  const first = history[0];
  const last = history[history.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('A consent record needs at least one event.');
  const { status, grantedAt } = foldHistory(history);
  let lastSeenAt = first.at;
  for (const event of history) if (SIGHTINGS.has(event.kind)) lastSeenAt = event.at;
  const expiresAt = grantedAt !== null && body.durationDays !== null ? grantedAt + body.durationDays * DAY_MS : null;
  // Spelled out, not spread: every record gets the same property order, hence one hidden class,
  // which keeps the popup's scans over 10,000 records fast.
  return {
    id: body.id,
    source: body.source,
    recipient: body.recipient,
    intermediary: body.intermediary,
    providerId: body.providerId,
    channel: body.channel,
    scopes: body.scopes,
    durationDays: body.durationDays,
    history,
    status,
    createdAt: first.at,
    updatedAt: last.at,
    lastSeenAt,
    grantedAt,
    expiresAt,
  };
}

export function bodyOf(record: ConsentRecord): RecordBody {
  const { status: _s, createdAt: _c, updatedAt: _u, lastSeenAt: _l, grantedAt: _g, expiresAt: _e, ...body } = record;
  return body;
}

/** Inserts after every event at the same time or earlier: history stays sorted, nothing moves. */
export function insertEvent(history: readonly LedgerEvent[], event: LedgerEvent): LedgerEvent[] {
  let low = 0;
  let high = history.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((history[mid] as LedgerEvent).at <= event.at) low = mid + 1;
    else high = mid;
  }
  return [...history.slice(0, low), event, ...history.slice(low)];
}

function cap(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// Implicit-flow tokens and authorization codes must never end up in an export handed to others.
const SECRET_PARAMS = ['code', 'access_token', 'id_token', 'refresh_token', 'token', 'code_verifier', 'password'];

export function sanitizePageUrl(pageUrl: string | null): string | null {
  if (pageUrl === null) return null;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return cap(pageUrl, LIMITS.pageUrl);
  }
  url.hash = '';
  for (const param of SECRET_PARAMS) if (url.searchParams.has(param)) url.searchParams.delete(param);
  return cap(url.href, LIMITS.pageUrl);
}

export function sanitizeEvidence(evidence: Evidence): Evidence {
  return { pageUrl: sanitizePageUrl(evidence.pageUrl), seen: cap(evidence.seen, LIMITS.seen) };
}

/** Lower case, without a leading "www.": the same site however the page spelled it. */
export function normaliseSite(site: string): string {
  return cap(site.trim().toLowerCase().replace(/^www\./, ''), LIMITS.site);
}

function assertTime(at: number): void {
  if (!Number.isSafeInteger(at) || at < 0) throw new RangeError(`Not a time in epoch milliseconds: ${at}`);
}

interface KeyParts {
  readonly source: DataSource;
  readonly recipient: Recipient;
  readonly intermediary: Intermediary | null;
  readonly scopes: readonly { readonly scope: string }[];
}

/** Same source, recipient, client, intermediary and scope set: the same consent. */
export function mergeKey(parts: KeyParts): string {
  return JSON.stringify([
    parts.source.providerId ?? `label:${parts.source.label.toLowerCase()}`,
    parts.recipient.site,
    parts.recipient.clientId ?? '',
    parts.intermediary?.providerId ?? '',
    parts.scopes.map((entry) => entry.scope).sort(),
  ]);
}

/** Financial-data channels are time-limited (1033.421(b)); other links last until revoked. */
export function durationFor(input: Pick<DetectionInput, 'intermediary' | 'providerKind'>): number | null {
  return input.intermediary !== null || input.providerKind === 'bank' ? FINANCIAL_AUTHORIZATION_DAYS : null;
}

/** A scope's flag after an outcome: a decline never unticks what a live grant still covers. */
function flagAfter(kind: EventKind, reported: boolean | null | undefined, previous: boolean | null): boolean | null {
  if (kind === 'granted') return reported ?? true;
  if (kind === 'declined') return previous ?? false;
  return previous;
}

function scopeEntries(input: DetectionInput, previous: readonly ScopeEntry[]): ScopeEntry[] {
  const before = new Map(previous.map((entry) => [entry.scope, entry.granted]));
  const byScope = new Map<string, ScopeEntry>();
  for (const reading of input.scopes.slice(0, LIMITS.scopesPerRecord)) {
    const scope = cap(reading.scope, LIMITS.scope);
    byScope.set(scope, {
      scope,
      means: cap(reading.means, LIMITS.means),
      category: reading.category,
      risk: reading.risk,
      granted: flagAfter(input.outcome, reading.granted, before.get(scope) ?? null),
    });
  }
  return [...byScope.values()].sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
}

function eventKindOf(input: DetectionInput): EventKind {
  return input.channel === 'imported' && input.outcome === 'granted' ? 'imported' : input.outcome;
}

function normaliseParties(input: DetectionInput): Pick<RecordBody, 'source' | 'recipient' | 'intermediary'> {
  return {
    source: { label: cap(input.source.label, LIMITS.label), providerId: input.source.providerId },
    recipient: {
      site: normaliseSite(input.recipient.site),
      clientId: input.recipient.clientId === null ? null : cap(input.recipient.clientId, LIMITS.clientId),
      name: input.recipient.name === null ? null : cap(input.recipient.name, LIMITS.label),
    },
    intermediary:
      input.intermediary === null
        ? null
        : { providerId: input.intermediary.providerId, name: cap(input.intermediary.name, LIMITS.label) },
  };
}

export interface Applied {
  readonly record: ConsentRecord;
  readonly created: boolean;
  readonly key: string;
}

/**
 * One detection into the ledger: a new record, or one more event on the record with the same
 * merge key. Returns new objects; the records passed in are never modified.
 */
export function applyDetection(
  findByKey: (key: string) => ConsentRecord | undefined,
  input: DetectionInput,
  newId: () => string,
): Applied {
  assertTime(input.at);
  const parties = normaliseParties(input);
  const event: LedgerEvent = { at: input.at, kind: eventKindOf(input), evidence: sanitizeEvidence(input.evidence) };
  const firstScopes = scopeEntries(input, []);
  const key = mergeKey({ ...parties, scopes: firstScopes });
  const existing = findByKey(key);
  if (existing === undefined) {
    const body: RecordBody = {
      id: newId(),
      ...parties,
      providerId: input.providerId,
      channel: input.channel,
      scopes: firstScopes,
      durationDays: durationFor(input),
      history: [],
    };
    return { record: buildRecord(body, [event]), created: true, key };
  }
  const body: RecordBody = {
    ...bodyOf(existing),
    recipient: { ...existing.recipient, name: parties.recipient.name ?? existing.recipient.name },
    scopes: scopeEntries(input, existing.scopes),
  };
  return { record: buildRecord(body, insertEvent(existing.history, event)), created: false, key };
}

/** A person's or the revoke assistant's action on a record: block, unblock, revoke, note, ... */
export function applyStatus(record: ConsentRecord, event: LedgerEvent): ConsentRecord {
  assertTime(event.at);
  const clean: LedgerEvent = { at: event.at, kind: event.kind, evidence: sanitizeEvidence(event.evidence) };
  const scopes = record.scopes.map((entry) => ({ ...entry, granted: flagAfter(event.kind, undefined, entry.granted) }));
  return buildRecord({ ...bodyOf(record), scopes }, insertEvent(record.history, clean));
}

/** The event that ends a time-limited authorization whose time is up, or null. */
export function expiryEvent(record: ConsentRecord, now: number): LedgerEvent | null {
  if (record.status !== 'granted' || record.expiresAt === null || record.expiresAt > now) return null;
  return {
    at: record.expiresAt,
    kind: 'expired',
    evidence: {
      pageUrl: null,
      seen: `Authorization reached its ${record.durationDays ?? 0}-day limit; the app must ask again (CFPB 1033.421(b)).`,
    },
  };
}

/** Links last seen before this time are stale: `months` calendar months before `now`. */
export function staleCutoff(now: number, months = 12): number {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.getTime();
}

export function isStaleBefore(record: Pick<ConsentRecord, 'status' | 'lastSeenAt'>, cutoff: number): boolean {
  return record.status === 'granted' && record.lastSeenAt < cutoff;
}

/** A live grant whose link has not been seen for `months` calendar months. */
export function isStale(record: ConsentRecord, now: number, months = 12): boolean {
  return isStaleBefore(record, staleCutoff(now, months));
}

function eventIdentity(event: LedgerEvent): string {
  return JSON.stringify([event.at, event.kind, event.evidence.pageUrl, event.evidence.seen]);
}

/**
 * An imported copy of a record merged into the one already held: the union of both histories.
 * Returns `existing` itself when the copy adds no event, which makes importing idempotent.
 */
export function mergeImported(existing: ConsentRecord, incoming: ConsentRecord): ConsentRecord {
  const known = new Set(existing.history.map(eventIdentity));
  const added = incoming.history.filter((event) => !known.has(eventIdentity(event)));
  if (added.length === 0) return existing;
  let history: readonly LedgerEvent[] = existing.history;
  for (const event of added) history = insertEvent(history, event);
  const newer = incoming.lastSeenAt > existing.lastSeenAt ? incoming : existing;
  const older = newer === existing ? incoming : existing;
  const olderFlags = new Map(older.scopes.map((entry) => [entry.scope, entry.granted]));
  const body: RecordBody = {
    ...bodyOf(existing),
    recipient: { ...existing.recipient, name: existing.recipient.name ?? incoming.recipient.name },
    durationDays: existing.durationDays ?? incoming.durationDays,
    scopes: newer.scopes.map((entry) => ({ ...entry, granted: entry.granted ?? olderFlags.get(entry.scope) ?? null })),
  };
  return buildRecord(body, history);
}
