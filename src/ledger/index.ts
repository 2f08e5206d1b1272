import type { DataCategory, Risk } from '../shared/categories.ts';
import { compareRisk, DATA_CATEGORIES, highestRisk } from '../shared/categories.ts';
import type { Channel, ConsentRecord, ConsentStatus } from './model.ts';
import { CONSENT_STATUSES } from './model.ts';
import { isStaleBefore, mergeImported, mergeKey, staleCutoff } from './rules.ts';

/**
 * The ledger in memory: every record by id, plus what the popup's queries need kept ready
 * (merge-key lookup, per-status sets, and both sort orders maintained on every change), so a
 * query walks one pre-sorted list instead of sorting 10,000 records.
 */

/** What the popup shows for one record; small enough to send in a message. */
export interface RecordSummary {
  readonly id: string;
  readonly source: string;
  readonly sourceProviderId: string | null;
  /** The recipient's name when known, else its site. */
  readonly recipient: string;
  readonly site: string;
  readonly intermediary: string | null;
  readonly providerId: string;
  readonly channel: Channel;
  readonly status: ConsentStatus;
  readonly risk: Risk;
  /** In catalogue order. */
  readonly categories: readonly DataCategory[];
  readonly scopeCount: number;
  readonly eventCount: number;
  readonly lastSeenAt: number;
  readonly grantedAt: number | null;
  readonly expiresAt: number | null;
  readonly stale: boolean;
}

export type LedgerSort = 'risk' | 'recent';

export interface LedgerQuery {
  /** Case-insensitive substring of source, recipient, client id, intermediary, provider or scope. */
  readonly text?: string;
  /** Matches the record's provider, source provider or intermediary. */
  readonly providerIds?: readonly string[];
  readonly risks?: readonly Risk[];
  readonly statuses?: readonly ConsentStatus[];
  readonly sort: LedgerSort;
  readonly staleOnly?: boolean;
  readonly staleMonths?: number;
  readonly offset?: number;
  readonly limit?: number;
  /** Defaults to the current time; staleness depends on it. */
  readonly now?: number;
}

export interface QueryResult {
  readonly total: number;
  readonly items: readonly RecordSummary[];
}

export const MAX_PAGE = 500;

/** Kept flat and built in one place, so scans and comparisons read one object shape. */
interface Entry {
  readonly id: string;
  readonly status: ConsentStatus;
  readonly lastSeenAt: number;
  readonly risk: Risk;
  readonly record: ConsentRecord;
  readonly key: string;
  readonly summary: Omit<RecordSummary, 'stale'>;
  readonly riskRank: number;
  readonly haystack: string;
  readonly providers: readonly string[];
}

function summarise(record: ConsentRecord): Omit<RecordSummary, 'stale'> {
  const present = new Set(record.scopes.map((entry) => entry.category));
  return {
    id: record.id,
    source: record.source.label,
    sourceProviderId: record.source.providerId,
    recipient: record.recipient.name ?? record.recipient.site,
    site: record.recipient.site,
    intermediary: record.intermediary?.name ?? null,
    providerId: record.providerId,
    channel: record.channel,
    status: record.status,
    risk: highestRisk(record.scopes.map((entry) => entry.risk)),
    categories: DATA_CATEGORIES.filter((category) => present.has(category)),
    scopeCount: record.scopes.length,
    eventCount: record.history.length,
    lastSeenAt: record.lastSeenAt,
    grantedAt: record.grantedAt,
    expiresAt: record.expiresAt,
  };
}

function entryFor(record: ConsentRecord): Entry {
  const summary = summarise(record);
  const words = [
    record.source.label,
    record.recipient.site,
    record.recipient.name ?? '',
    record.recipient.clientId ?? '',
    record.intermediary?.name ?? '',
    record.providerId,
    ...record.scopes.map((entry) => entry.scope),
  ];
  const providers = [record.providerId, record.source.providerId, record.intermediary?.providerId];
  return {
    id: record.id,
    status: record.status,
    lastSeenAt: record.lastSeenAt,
    risk: summary.risk,
    record,
    key: mergeKey(record),
    summary,
    riskRank: compareRisk(summary.risk, 'low'),
    haystack: words.join('\n').toLowerCase(),
    providers: providers.filter((id): id is string => id !== null && id !== undefined),
  };
}

function byRecent(a: Entry, b: Entry): number {
  return b.lastSeenAt - a.lastSeenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byRisk(a: Entry, b: Entry): number {
  return b.riskRank - a.riskRank || byRecent(a, b);
}

const ORDERS: Readonly<Record<LedgerSort, (a: Entry, b: Entry) => number>> = { recent: byRecent, risk: byRisk };

/** Index of `entry` in `list` sorted by `compare`, or where it would go. */
function position(list: readonly Entry[], entry: Entry, compare: (a: Entry, b: Entry) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(list[mid] as Entry, entry) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface ImportPlan {
  /** Records to write: new ones and ones the import added events to. */
  readonly writes: readonly ConsentRecord[];
  readonly added: number;
  readonly merged: number;
  readonly unchanged: number;
}

export class Ledger {
  private readonly entries = new Map<string, Entry>();
  private readonly idByKey = new Map<string, string>();
  private readonly idsByStatus = new Map<ConsentStatus, Set<string>>(CONSENT_STATUSES.map((status) => [status, new Set()]));
  private readonly sorted: Record<LedgerSort, Entry[]> = { recent: [], risk: [] };
  /** Records per status and risk: a query filtered only by these knows its total without a scan. */
  private readonly countByStatusRisk = new Map<string, number>();

  get size(): number {
    return this.entries.size;
  }

  get(id: string): ConsentRecord | undefined {
    return this.entries.get(id)?.record;
  }

  findByKey(key: string): ConsentRecord | undefined {
    const id = this.idByKey.get(key);
    return id === undefined ? undefined : this.get(id);
  }

  *records(): IterableIterator<ConsentRecord> {
    for (const entry of this.entries.values()) yield entry.record;
  }

  withStatus(status: ConsentStatus): ConsentRecord[] {
    return [...(this.idsByStatus.get(status) ?? [])].map((id) => this.get(id) as ConsentRecord);
  }

  counts(): Record<ConsentStatus, number> {
    return Object.fromEntries(CONSENT_STATUSES.map((status) => [status, this.idsByStatus.get(status)?.size ?? 0])) as Record<
      ConsentStatus,
      number
    >;
  }

  /** Adds or replaces one record. */
  put(record: ConsentRecord): void {
    const entry = entryFor(record);
    const previous = this.entries.get(record.id);
    if (previous !== undefined) this.unindex(previous);
    this.index(entry);
    for (const sort of Object.keys(ORDERS) as LedgerSort[]) {
      const list = this.sorted[sort];
      list.splice(position(list, entry, ORDERS[sort]), 0, entry);
    }
  }

  /** Replaces everything at once: one sort instead of 10,000 insertions at load. */
  replaceAll(records: Iterable<ConsentRecord>): void {
    this.clear();
    for (const record of records) {
      const previous = this.entries.get(record.id);
      if (previous !== undefined) this.unindex(previous);
      this.index(entryFor(record));
    }
    for (const sort of Object.keys(ORDERS) as LedgerSort[]) this.sorted[sort] = [...this.entries.values()].sort(ORDERS[sort]);
  }

  clear(): void {
    this.entries.clear();
    this.idByKey.clear();
    for (const ids of this.idsByStatus.values()) ids.clear();
    this.countByStatusRisk.clear();
    this.sorted.recent = [];
    this.sorted.risk = [];
  }

  private index(entry: Entry): void {
    this.entries.set(entry.id, entry);
    this.idByKey.set(entry.key, entry.id);
    this.idsByStatus.get(entry.status)?.add(entry.id);
    this.countEntry(entry, 1);
  }

  private countEntry(entry: Entry, change: 1 | -1): void {
    const cell = `${entry.status}|${entry.risk}`;
    this.countByStatusRisk.set(cell, (this.countByStatusRisk.get(cell) ?? 0) + change);
  }

  private unindex(entry: Entry): void {
    this.entries.delete(entry.id);
    if (this.idByKey.get(entry.key) === entry.id) this.idByKey.delete(entry.key);
    this.idsByStatus.get(entry.status)?.delete(entry.id);
    this.countEntry(entry, -1);
    for (const sort of Object.keys(ORDERS) as LedgerSort[]) {
      const list = this.sorted[sort];
      const at = position(list, entry, ORDERS[sort]);
      if (list[at]?.id === entry.id) list.splice(at, 1);
    }
  }

  query(query: LedgerQuery): QueryResult {
    const now = query.now ?? Date.now();
    const cutoff = staleCutoff(now, query.staleMonths);
    const text = query.text?.trim().toLowerCase() ?? '';
    const providerIds = query.providerIds?.length ? new Set(query.providerIds) : null;
    const risks = query.risks?.length ? new Set(query.risks) : null;
    const statuses = query.statuses?.length ? new Set(query.statuses) : null;
    const offset = Math.max(0, Math.trunc(query.offset ?? 0));
    const limit = Math.min(MAX_PAGE, Math.max(0, Math.trunc(query.limit ?? 50)));
    const staleOnly = query.staleOnly === true;
    // Filtered by status and risk at most, the total comes from the counts and the walk can stop
    // at the end of the page; text, provider and staleness filters need the full scan.
    const countedTotal = text === '' && providerIds === null && !staleOnly ? this.countMatching(statuses, risks) : null;
    const items: RecordSummary[] = [];
    let matched = 0;
    for (const entry of this.sorted[query.sort]) {
      if (countedTotal !== null && items.length >= limit) break;
      if (statuses !== null && !statuses.has(entry.status)) continue;
      if (risks !== null && !risks.has(entry.risk)) continue;
      if (providerIds !== null && !entry.providers.some((id) => providerIds.has(id))) continue;
      if (text !== '' && !entry.haystack.includes(text)) continue;
      const stale = isStaleBefore(entry, cutoff);
      if (staleOnly && !stale) continue;
      if (matched >= offset && items.length < limit) items.push({ ...entry.summary, stale });
      matched++;
    }
    return { total: countedTotal ?? matched, items };
  }

  private countMatching(statuses: ReadonlySet<ConsentStatus> | null, risks: ReadonlySet<Risk> | null): number {
    let total = 0;
    for (const [cell, count] of this.countByStatusRisk) {
      const [status, risk] = cell.split('|') as [ConsentStatus, Risk];
      if ((statuses === null || statuses.has(status)) && (risks === null || risks.has(risk))) total += count;
    }
    return total;
  }

  /**
   * How an imported set of records would merge: by merge key (the same consent), keeping the
   * id already held; an incoming id that another consent already uses gets a fresh one.
   */
  planImport(incoming: readonly ConsentRecord[], newId: () => string): ImportPlan {
    const planned = new Map<string, ConsentRecord>();
    const outcomes = new Map<string, 'added' | 'merged' | 'unchanged'>();
    const takenIds = new Set<string>();
    for (const record of incoming) {
      const key = mergeKey(record);
      const held = planned.get(key) ?? this.findByKey(key);
      if (held === undefined) {
        const idFree = !this.entries.has(record.id) && !takenIds.has(record.id);
        const fresh = idFree ? record : { ...record, id: newId() };
        takenIds.add(fresh.id);
        planned.set(key, fresh);
        outcomes.set(key, 'added');
        continue;
      }
      const result = mergeImported(held, record);
      if (result !== held) {
        planned.set(key, result);
        if (outcomes.get(key) !== 'added') outcomes.set(key, 'merged');
      } else if (!outcomes.has(key)) {
        outcomes.set(key, 'unchanged');
      }
    }
    const count = (outcome: string) => [...outcomes.values()].filter((value) => value === outcome).length;
    return { writes: [...planned.values()], added: count('added'), merged: count('merged'), unchanged: count('unchanged') };
  }
}
