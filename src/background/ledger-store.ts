import type { ProviderDefinition } from '../providers/types.ts';
import { Ledger } from '../ledger/index.ts';
import type { ConsentRecord, DetectionInput, LedgerEvent } from '../ledger/model.ts';
import {
  CURRENT_SCHEMA_VERSION,
  META_KEY,
  migrate,
  QUARANTINE_PREFIX,
  type QuarantineEntry,
  quarantineKey,
  RECORD_PREFIX,
  recordKey,
  schemaVersionOf,
  type Snapshot,
  V1_DETECTIONS_KEY,
} from '../ledger/migrations.ts';
import { parseImport } from '../ledger/export.ts';
import { applyDetection, applyStatus, expiryEvent } from '../ledger/rules.ts';
import { checkStoredRecord } from '../ledger/schema.ts';
import type { StorageAreaLike } from '../ledger/storage-area.ts';

/**
 * The one owner of the ledger's data in storage. Nothing else reads or writes these keys.
 *
 * - Layout: `ledger/meta`, one `ledger/record/<id>` per record (a change writes one record, not
 *   10,000), `ledger/quarantine/<id>` for entries that could not be read.
 * - Writes are serialized through one queue and resolve only after storage has the change, so a
 *   caller that acknowledges a detection after `await record(...)` never acknowledges a loss, and
 *   two tabs reporting at once cannot overwrite each other.
 * - The in-memory ledger changes only after the write succeeded: a failed write leaves memory
 *   and storage as they were, reports a StorageProblem and rejects.
 * - Nothing is deleted on an error: damaged entries are quarantined, data from a newer version
 *   makes the store read-only.
 */

export type StorageProblemKind = 'quota' | 'corrupt' | 'future-schema' | 'unknown';

export interface StorageProblem {
  readonly kind: StorageProblemKind;
  /** Plain words, shown as-is in the popup. */
  readonly message: string;
  readonly at: number;
}

export class LedgerStorageError extends Error {
  constructor(readonly problem: StorageProblem) {
    super(problem.message);
    this.name = 'LedgerStorageError';
  }
}

export interface LoadReport {
  readonly records: number;
  readonly quarantined: number;
  /** The schema version the data was migrated from, or null when none was needed. */
  readonly migratedFrom: number | null;
  readonly readOnly: boolean;
  /** Authorizations whose time ran out while the worker was not running. */
  readonly expired: number;
}

export type ImportResult =
  | { readonly ok: true; readonly added: number; readonly merged: number; readonly unchanged: number }
  | { readonly ok: false; readonly error: string };

export interface QuarantineSummary {
  readonly id: string;
  readonly reason: string;
  readonly at: number;
}

export interface LedgerStoreOptions {
  /** The provider catalogue, for migrating early data. */
  readonly providerById: (id: string) => ProviderDefinition | undefined;
  readonly now?: () => number;
  readonly newId?: () => string;
}

const MAX_PROBLEMS = 20;

const MESSAGES: Readonly<Record<StorageProblemKind, string>> = {
  quota:
    "Linkwatch could not save because the browser's storage for extensions is full. Nothing was deleted. Export your ledger, then remove records you no longer need.",
  corrupt:
    'Part of the saved ledger is damaged and could not be read. It was set aside, not deleted, and everything else still works.',
  'future-schema':
    'This ledger was saved by a newer version of Linkwatch. To keep it safe, this version only shows it and will not change it. Update Linkwatch to record new links.',
  unknown: 'Linkwatch could not use the browser storage. Nothing was deleted.',
};

/** Chrome says "QUOTA_BYTES quota exceeded"; Firefox throws QuotaExceededError; LevelDB "Corruption:". */
export function classifyStorageError(error: unknown): StorageProblemKind {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota';
  if (/corrupt/i.test(message)) return 'corrupt';
  return 'unknown';
}

function isQuarantineEntry(value: unknown): value is QuarantineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { reason, at } = value as Partial<QuarantineEntry>;
  return typeof reason === 'string' && typeof at === 'number';
}

export class LedgerStore {
  readonly ledger = new Ledger();
  private readonly now: () => number;
  private readonly newId: () => string;
  private loading: Promise<LoadReport> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readOnlyReason: StorageProblem | null = null;
  private readonly problemList: StorageProblem[] = [];
  private quarantine: QuarantineSummary[] = [];

  constructor(
    private readonly area: StorageAreaLike,
    private readonly options: LedgerStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  get size(): number {
    return this.ledger.size;
  }

  get(id: string): ConsentRecord | undefined {
    return this.ledger.get(id);
  }

  /** True when the data came from a newer version or could not be read: nothing will be written. */
  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  /** Most recent last. */
  problems(): readonly StorageProblem[] {
    return [...this.problemList];
  }

  quarantined(): readonly QuarantineSummary[] {
    return [...this.quarantine];
  }

  /** Reads, migrates and checks the stored ledger once; every other method waits for it. */
  load(): Promise<LoadReport> {
    this.loading ??= this.serially(() => this.readAll());
    return this.loading;
  }

  /** Stores one detection; resolves once it is in storage, so the caller may acknowledge it. */
  record(input: DetectionInput): Promise<ConsentRecord> {
    return this.write(async () => {
      const { record } = applyDetection((key) => this.ledger.findByKey(key), input, this.newId);
      await this.persist({ [recordKey(record.id)]: record });
      this.ledger.put(record);
      return record;
    });
  }

  /** A person's or the revoke assistant's action on one record (block, revoke, note, ...). */
  append(id: string, event: LedgerEvent): Promise<ConsentRecord> {
    return this.write(async () => {
      const current = this.ledger.get(id);
      if (current === undefined) throw new RangeError(`The ledger has no record ${id}.`);
      const record = applyStatus(current, event);
      await this.persist({ [recordKey(id)]: record });
      this.ledger.put(record);
      return record;
    });
  }

  /** Marks every time-limited authorization whose time is up as expired; returns how many. */
  expireDue(now = this.now()): Promise<number> {
    return this.write(() => this.expire(now));
  }

  /** Merges a JSON export into the ledger. A file that fails validation changes nothing. */
  importJson(text: string): Promise<ImportResult> {
    return this.write(async () => {
      const parsed = parseImport(text);
      if ('error' in parsed) return { ok: false, error: parsed.error };
      const plan = this.ledger.planImport(parsed.records, this.newId);
      if (plan.writes.length > 0) {
        await this.persist(Object.fromEntries(plan.writes.map((record) => [recordKey(record.id), record])));
        for (const record of plan.writes) this.ledger.put(record);
      }
      return { ok: true, added: plan.added, merged: plan.merged, unchanged: plan.unchanged };
    });
  }

  /**
   * Removes every ledger key, quarantined entries and early-version data included. The caller
   * asks the person first. Allowed when read-only: it is the way out of data nobody can use.
   */
  erase(): Promise<void> {
    return this.write(async () => {
      const keys = Object.keys(await this.attempt(() => this.area.get(null)));
      const ours = keys.filter((key) => key.startsWith('ledger/') || key === V1_DETECTIONS_KEY);
      if (ours.length > 0) await this.attempt(() => this.area.remove(ours));
      this.ledger.clear();
      this.quarantine = [];
      this.readOnlyReason = null;
      this.problemList.length = 0;
      await this.persist({ [META_KEY]: { schemaVersion: CURRENT_SCHEMA_VERSION } });
    }, true);
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private write<T>(operation: () => Promise<T>, evenReadOnly = false): Promise<T> {
    const loaded = this.load();
    return this.serially(async () => {
      await loaded;
      if (this.readOnlyReason !== null && !evenReadOnly) throw new LedgerStorageError(this.readOnlyReason);
      return operation();
    });
  }

  private report(kind: StorageProblemKind, detail?: string): StorageProblem {
    const problem: StorageProblem = { kind, message: detail ? `${MESSAGES[kind]} (${detail})` : MESSAGES[kind], at: this.now() };
    this.problemList.push(problem);
    if (this.problemList.length > MAX_PROBLEMS) this.problemList.shift();
    return problem;
  }

  /** Runs one storage call; a failure becomes a reported, classified LedgerStorageError. */
  private async attempt<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const kind = classifyStorageError(error);
      throw new LedgerStorageError(this.report(kind, kind === 'unknown' ? String(error) : undefined));
    }
  }

  private persist(items: Record<string, unknown>): Promise<void> {
    return this.attempt(() => this.area.set(items));
  }

  private async expire(now: number): Promise<number> {
    const expired: ConsentRecord[] = [];
    for (const record of this.ledger.withStatus('granted')) {
      const event = expiryEvent(record, now);
      if (event !== null) expired.push(applyStatus(record, event));
    }
    if (expired.length > 0) {
      await this.persist(Object.fromEntries(expired.map((record) => [recordKey(record.id), record])));
      for (const record of expired) this.ledger.put(record);
    }
    return expired.length;
  }

  private async readAll(): Promise<LoadReport> {
    let snapshot: Snapshot;
    try {
      snapshot = await this.attempt(() => this.area.get(null));
    } catch (error) {
      this.readOnlyReason = error instanceof LedgerStorageError ? error.problem : this.report('unknown');
      return { records: 0, quarantined: 0, migratedFrom: null, readOnly: true, expired: 0 };
    }
    const version = schemaVersionOf(snapshot);
    if (version === null) {
      this.readOnlyReason = this.report('corrupt', "the ledger's version marker is damaged, so nothing will be changed");
    } else if (version > CURRENT_SCHEMA_VERSION) {
      this.readOnlyReason = this.report('future-schema');
    }
    let migratedFrom: number | null = null;
    if (this.readOnlyReason === null && version !== null) {
      snapshot = await this.upgrade(snapshot, version);
      if (version < CURRENT_SCHEMA_VERSION && this.readOnlyReason === null) migratedFrom = version;
    }
    await this.loadRecords(snapshot);
    if (this.readOnlyReason === null && V1_DETECTIONS_KEY in snapshot) await this.absorbV1(snapshot).catch(() => undefined);
    const expired = this.readOnlyReason === null ? await this.expire(this.now()).catch(() => 0) : 0;
    return { records: this.ledger.size, quarantined: this.quarantine.length, migratedFrom, readOnly: this.readOnly, expired };
  }

  /** Migrates (or just stamps a new store) and writes the result; on failure, stays read-only. */
  private async upgrade(snapshot: Snapshot, version: number): Promise<Snapshot> {
    const migrated = migrate(snapshot, version, { providerById: this.options.providerById, now: this.now() });
    try {
      if (Object.keys(migrated.set).length > 0) await this.persist(migrated.set);
      if (migrated.remove.length > 0) await this.attempt(() => this.area.remove([...migrated.remove]));
    } catch (error) {
      if (!(error instanceof LedgerStorageError)) throw error;
      // The old data is untouched; show what can be shown and change nothing more this session.
      this.readOnlyReason = error.problem;
      return snapshot;
    }
    return migrated.snapshot;
  }

  /**
   * v1 data next to current data: a migration stopped before it removed the old key, or an older
   * build ran again and recorded more. Merged like an import (known events count once), then
   * removed; nothing the older build recorded is lost.
   */
  private async absorbV1(snapshot: Snapshot): Promise<void> {
    const converted = migrate({ [V1_DETECTIONS_KEY]: snapshot[V1_DETECTIONS_KEY] }, 1, {
      providerById: this.options.providerById,
      now: this.now(),
    }).snapshot;
    const incoming: ConsentRecord[] = [];
    const items: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(converted)) {
      if (key.startsWith(RECORD_PREFIX)) incoming.push(value as ConsentRecord);
      // Never over another quarantined entry: an older one under the same index stays.
      else if (key.startsWith(QUARANTINE_PREFIX) && !(key in snapshot)) items[key] = value;
    }
    const plan = this.ledger.planImport(incoming, this.newId);
    for (const record of plan.writes) items[recordKey(record.id)] = record;
    if (Object.keys(items).length > 0) await this.persist(items);
    for (const record of plan.writes) this.ledger.put(record);
    await this.attempt(() => this.area.remove(V1_DETECTIONS_KEY));
  }

  private async loadRecords(snapshot: Snapshot): Promise<void> {
    const good: ConsentRecord[] = [];
    const damaged: Record<string, QuarantineEntry> = {};
    const at = this.now();
    for (const [key, value] of Object.entries(snapshot)) {
      if (!key.startsWith(RECORD_PREFIX)) continue;
      const id = key.slice(RECORD_PREFIX.length);
      const checked = checkStoredRecord(value);
      let reason = 'problem' in checked ? checked.problem : null;
      if ('record' in checked && checked.record.id !== id) reason = `it is stored under another id ("${id}")`;
      if (reason === null && 'record' in checked) good.push(checked.record);
      else damaged[quarantineKey(id)] = { reason: `This record could not be read: ${reason}.`, at, key, value };
    }
    this.ledger.replaceAll(good);
    const stored = Object.entries(snapshot).filter(([key]) => key.startsWith(QUARANTINE_PREFIX));
    const damagedKeys = Object.keys(damaged);
    // Read-only: records a newer version wrote may just be beyond this version; leave them be.
    if (damagedKeys.length > 0 && this.readOnlyReason === null) {
      this.report('corrupt', `${damagedKeys.length} record(s) set aside`);
      try {
        await this.persist(damaged);
        await this.attempt(() => this.area.remove(damagedKeys.map((key) => (damaged[key] as QuarantineEntry).key)));
      } catch {
        // Reported by attempt(); the damaged records stay where they are until the next start.
      }
      stored.push(...Object.entries(damaged));
    }
    this.quarantine = stored
      .filter((entry): entry is [string, QuarantineEntry] => isQuarantineEntry(entry[1]))
      .map(([key, entry]) => ({ id: key.slice(QUARANTINE_PREFIX.length), reason: entry.reason, at: entry.at }));
  }
}
