import { describe, expect, it } from 'vitest';
import { LedgerStorageError, LedgerStore, classifyStorageError } from '../../src/background/ledger-store.ts';
import type { ConsentRecord } from '../../src/ledger/model.ts';
import { toJson } from '../../src/ledger/export.ts';
import { META_KEY, quarantineKey, recordKey } from '../../src/ledger/migrations.ts';
import { MemoryStorageArea } from '../../src/ledger/storage-area.ts';
import facebook from '../../src/providers/facebook.ts';
import plaid from '../../src/providers/plaid.ts';
import { DAY, EMAIL, oauthDetection, POSTS, sequentialIds, T0, widgetDetection } from './ledger-fixtures.ts';

const providerById = (id: string) => [facebook, plaid].find((p) => p.id === id);

function storeOver(area: MemoryStorageArea, now = T0 + DAY): LedgerStore {
  return new LedgerStore(area, { providerById, now: () => now, newId: sequentialIds('store') });
}

function sortedRecords(store: LedgerStore): ConsentRecord[] {
  return [...store.ledger.records()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

const QUOTA = () => new Error('QUOTA_BYTES quota exceeded');

describe('ledger store: durable, serialized writes', () => {
  it('stamps a new store with the schema version', async () => {
    const area = new MemoryStorageArea();
    const report = await storeOver(area).load();
    expect(report).toEqual({ records: 0, quarantined: 0, migratedFrom: null, readOnly: false, expired: 0 });
    expect(area.snapshot()[META_KEY]).toEqual({ schemaVersion: 2 });
  });

  it('resolves a detection only once storage holds it, and a fresh store reads it back', async () => {
    const area = new MemoryStorageArea();
    const store = storeOver(area);
    const record = await store.record(oauthDetection());
    expect(area.snapshot()[recordKey(record.id)]).toEqual(record);
    const again = storeOver(area);
    await again.load();
    expect(again.get(record.id)).toEqual(record);
  });

  it('loses no update when two tabs report the same link at once', async () => {
    const area = new MemoryStorageArea();
    const store = storeOver(area);
    const [a, b] = await Promise.all([
      store.record(oauthDetection({ at: T0 + 1 })),
      store.record(oauthDetection({ at: T0 + 2, outcome: 'granted' })),
    ]);
    expect(a.id).toBe(b.id);
    const stored = area.snapshot()[recordKey(a.id)] as ConsentRecord;
    expect(stored.history.map((event) => event.kind)).toEqual(['prompted', 'granted']);
    expect(store.get(a.id)?.history).toHaveLength(2);
  });

  it('keeps both of two different links reported at once', async () => {
    const area = new MemoryStorageArea();
    const store = storeOver(area);
    await Promise.all([store.record(oauthDetection()), store.record(widgetDetection())]);
    expect(Object.keys(area.snapshot()).filter((key) => key.startsWith('ledger/record/'))).toHaveLength(2);
  });

  it('rolls back and reports a write that fails for lack of space, then carries on', async () => {
    const area = new MemoryStorageArea();
    const store = storeOver(area);
    const first = await store.record(oauthDetection());
    const before = area.snapshot();
    area.failNext('set', QUOTA());
    const failed = store.record(oauthDetection({ at: T0 + 5, outcome: 'granted' }));
    await expect(failed).rejects.toBeInstanceOf(LedgerStorageError);
    await expect(failed).rejects.toMatchObject({ problem: { kind: 'quota' } });
    expect(store.get(first.id)).toEqual(first);
    expect(area.snapshot()).toEqual(before);
    expect(store.problems()).toHaveLength(1);
    expect(store.problems()[0]?.message).toMatch(/storage for extensions is full\. Nothing was deleted/);
    const later = await store.record(oauthDetection({ at: T0 + 6, outcome: 'granted' }));
    expect(later.history).toHaveLength(2);
  });

  it('fails a write that exceeds a real byte quota without touching what is stored', async () => {
    const area = new MemoryStorageArea(600);
    const store = storeOver(area);
    await store.load();
    const before = area.snapshot();
    await expect(store.record(oauthDetection({ scopes: [EMAIL, POSTS] }))).rejects.toMatchObject({ problem: { kind: 'quota' } });
    expect(store.size).toBe(0);
    expect(area.snapshot()).toEqual(before);
  });

  it('a failed new record leaves no trace in memory', async () => {
    const area = new MemoryStorageArea();
    const store = storeOver(area);
    await store.load();
    area.failNext('set', new Error('IO error: something odd'));
    await expect(store.record(widgetDetection())).rejects.toMatchObject({ problem: { kind: 'unknown' } });
    expect(store.size).toBe(0);
    expect(store.ledger.query({ sort: 'recent', now: T0 }).total).toBe(0);
    expect(store.problems()[0]?.message).toContain('IO error: something odd');
  });

  it('appends actions to a record and refuses an unknown id', async () => {
    const store = storeOver(new MemoryStorageArea());
    const record = await store.record(oauthDetection());
    const blocked = await store.append(record.id, { at: T0 + 1, kind: 'blocked', evidence: { pageUrl: null, seen: 'Block chosen' } });
    expect(blocked.status).toBe('blocked');
    await expect(store.append('nope', { at: T0, kind: 'note', evidence: { pageUrl: null, seen: '' } })).rejects.toThrow(RangeError);
  });

  it('expires year-limited grants on load and on request', async () => {
    const area = new MemoryStorageArea();
    const store = storeOver(area);
    const widget = await store.record(widgetDetection({ outcome: 'granted' }));
    await store.record(oauthDetection({ outcome: 'granted' }));
    expect(await store.expireDue(T0 + 100 * DAY)).toBe(0);
    expect(await store.expireDue(T0 + 366 * DAY)).toBe(1);
    expect(store.get(widget.id)?.status).toBe('expired');
    expect((area.snapshot()[recordKey(widget.id)] as ConsentRecord).status).toBe('expired');

    const area2 = new MemoryStorageArea();
    const earlier = storeOver(area2);
    const granted = await earlier.record(widgetDetection({ outcome: 'granted' }));
    const later = storeOver(area2, T0 + 400 * DAY);
    expect((await later.load()).expired).toBe(1);
    expect(later.get(granted.id)?.status).toBe('expired');
  });
});

describe('ledger store: damaged and foreign data', () => {
  async function seeded(extra: Record<string, unknown>): Promise<{ area: MemoryStorageArea; good: ConsentRecord }> {
    const area = new MemoryStorageArea();
    const good = await storeOver(area).record(oauthDetection());
    await area.set(extra);
    return { area, good };
  }

  it('quarantines a damaged record with its reason instead of dropping it', async () => {
    const broken = { id: 'broken', status: 'granted', history: 'not a list' };
    const { area, good } = await seeded({ [recordKey('broken')]: broken, [recordKey('junk')]: 42 });
    const store = storeOver(area);
    const report = await store.load();
    expect(report).toMatchObject({ records: 1, quarantined: 2, readOnly: false });
    expect(store.get(good.id)).toEqual(good);
    const stored = area.snapshot();
    expect(stored[recordKey('broken')]).toBeUndefined();
    expect(stored[quarantineKey('broken')]).toMatchObject({ key: recordKey('broken'), value: broken });
    expect(stored[quarantineKey('junk')]).toMatchObject({ value: 42, reason: expect.stringContaining('not a record') });
    expect(store.quarantined().map((q) => q.id).sort()).toEqual(['broken', 'junk']);
    expect(store.problems().map((p) => p.kind)).toEqual(['corrupt']);
    // Quarantine survives the next start.
    const next = storeOver(area);
    expect((await next.load()).quarantined).toBe(2);
    expect(next.problems()).toEqual([]);
  });

  it('quarantines a record stored under another id', async () => {
    const { area, good } = await seeded({});
    await area.set({ [recordKey('other')]: good });
    const store = storeOver(area);
    await store.load();
    expect(store.quarantined()).toEqual([{ id: 'other', reason: expect.stringContaining('another id'), at: T0 + DAY }]);
  });

  it('keeps a damaged record in place when quarantining it fails', async () => {
    const { area } = await seeded({ [recordKey('broken')]: { nonsense: true } });
    area.failNext('set', QUOTA());
    const store = storeOver(area);
    await store.load();
    expect(area.snapshot()[recordKey('broken')]).toEqual({ nonsense: true });
    expect(store.problems().map((p) => p.kind)).toEqual(['corrupt', 'quota']);
  });

  it('shows but never changes a ledger written by a newer version', async () => {
    const { area, good } = await seeded({ [META_KEY]: { schemaVersion: 3 }, [recordKey('future')]: { id: 'future', shape: 'new' } });
    const before = area.snapshot();
    const store = storeOver(area, T0 + 1000 * DAY);
    const report = await store.load();
    expect(report).toMatchObject({ readOnly: true, records: 1, quarantined: 0, expired: 0 });
    expect(store.get(good.id)).toEqual(good);
    expect(store.problems().map((p) => p.kind)).toEqual(['future-schema']);
    expect(store.problems()[0]?.message).toMatch(/newer version of Linkwatch/);
    await expect(store.record(oauthDetection())).rejects.toMatchObject({ problem: { kind: 'future-schema' } });
    await expect(store.importJson(toJson([good]))).rejects.toBeInstanceOf(LedgerStorageError);
    expect(area.snapshot()).toEqual(before);
  });

  it('goes read-only when the version marker is damaged', async () => {
    const { area } = await seeded({ [META_KEY]: 'garbage' });
    const before = area.snapshot();
    const store = storeOver(area);
    expect((await store.load()).readOnly).toBe(true);
    expect(store.problems()[0]?.kind).toBe('corrupt');
    await expect(store.record(oauthDetection())).rejects.toBeInstanceOf(LedgerStorageError);
    expect(area.snapshot()).toEqual(before);
  });

  it('goes read-only when storage cannot be read at all', async () => {
    const area = new MemoryStorageArea();
    area.failNext('get', new Error('Corruption: block checksum mismatch'));
    const store = storeOver(area);
    expect((await store.load()).readOnly).toBe(true);
    expect(store.problems()[0]?.kind).toBe('corrupt');
  });

  it('classifies browser storage errors', () => {
    const quota = new Error('The quota has been exceeded.');
    quota.name = 'QuotaExceededError';
    expect(classifyStorageError(quota)).toBe('quota');
    expect(classifyStorageError(QUOTA())).toBe('quota');
    expect(classifyStorageError(new Error('Corruption: bad block'))).toBe('corrupt');
    expect(classifyStorageError('weird')).toBe('unknown');
  });
});

describe('ledger store: erase, export and import', () => {
  async function populated(): Promise<{ area: MemoryStorageArea; store: LedgerStore }> {
    const area = new MemoryStorageArea();
    await area.set({ settings: { keep: 'me' } });
    const store = storeOver(area, T0 + 10 * DAY);
    const oauth = await store.record(oauthDetection());
    await store.record(oauthDetection({ at: T0 + 1, outcome: 'granted', scopes: [EMAIL, { ...POSTS, granted: false }] }));
    await store.record(oauthDetection({ at: T0 + 2, outcome: 'granted' }));
    const widget = await store.record(widgetDetection({ outcome: 'granted', evidence: { pageUrl: null, seen: 'Plaid "Link", shown\nagain' } }));
    await store.record(widgetDetection({ at: T0 + 3, recipient: { site: 'other.example', clientId: null, name: '=cmd' } }));
    await store.append(oauth.id, { at: T0 + 4, kind: 'revoke-requested', evidence: { pageUrl: 'https://www.facebook.com/settings', seen: 'Revoke' } });
    await store.append(widget.id, { at: T0 + 5, kind: 'note', evidence: { pageUrl: null, seen: 'ünïcödé ✓' } });
    return { area, store };
  }

  it('export, erase, import gives the same ledger', async () => {
    const { area, store } = await populated();
    const before = sortedRecords(store);
    const recordsInStorage = (snapshot: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(snapshot).filter(([key]) => key.startsWith('ledger/')));
    const storedBefore = recordsInStorage(area.snapshot());
    const file = toJson(store.ledger.records(), { now: T0 });
    await store.erase();
    expect(store.size).toBe(0);
    expect(area.snapshot()).toEqual({ settings: { keep: 'me' }, [META_KEY]: { schemaVersion: 2 } });
    expect(await store.importJson(file)).toEqual({ ok: true, added: before.length, merged: 0, unchanged: 0 });
    expect(sortedRecords(store)).toEqual(before);
    expect(recordsInStorage(area.snapshot())).toEqual(storedBefore);
    const reloaded = storeOver(area, T0 + 10 * DAY);
    await reloaded.load();
    expect(sortedRecords(reloaded)).toEqual(before);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const { area, store } = await populated();
    const file = toJson(store.ledger.records(), { now: T0 });
    const writes = area.setCalls;
    const before = area.snapshot();
    expect(await store.importJson(file)).toEqual({ ok: true, added: 0, merged: 0, unchanged: store.size });
    expect(area.setCalls).toBe(writes);
    expect(area.snapshot()).toEqual(before);
  });

  it('merges another browser’s history of the same links without duplicates', async () => {
    const { store } = await populated();
    const mine = storeOver(new MemoryStorageArea(), T0 + 10 * DAY);
    await mine.record(oauthDetection({ at: T0 - 100 }));
    await mine.record(widgetDetection({ recipient: { site: 'third.example', clientId: null, name: null } }));
    const result = await mine.importJson(toJson(store.ledger.records()));
    // Four links come in: one is the link already held (merged), three are new.
    expect(result).toEqual({ ok: true, added: 3, merged: 1, unchanged: 0 });
    expect(mine.size).toBe(5);
    const facebookLink = [...mine.ledger.records()].find((r) => r.providerId === 'facebook' && r.scopes.some((s) => s.scope === 'user_friends'));
    expect(facebookLink?.history.map((e) => e.at)).toEqual([T0 - 100, T0, T0 + 2, T0 + 4]);
    expect(facebookLink?.status).toBe('revocation-pending');
  });

  it('a bad file gets a clear error and changes nothing', async () => {
    const { area, store } = await populated();
    const before = area.snapshot();
    const records = sortedRecords(store);
    const good = JSON.parse(toJson(store.ledger.records())) as { records: Record<string, unknown>[] };
    good.records.push({ ...good.records[0], id: 'x', status: 'maybe' });
    const result = await store.importJson(JSON.stringify(good));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Record 5 in this file cannot be imported: its field "status".*Nothing was imported\.$/) });
    expect(await store.importJson('{"hello": 1}')).toMatchObject({ ok: false, error: expect.stringContaining('not a Linkwatch ledger export') });
    expect(area.snapshot()).toEqual(before);
    expect(sortedRecords(store)).toEqual(records);
  });

  it('erases a read-only ledger when asked, and records again afterwards', async () => {
    const area = new MemoryStorageArea();
    await area.set({ [META_KEY]: { schemaVersion: 9 }, [recordKey('x')]: {}, detections: [], settings: 1 });
    const store = storeOver(area);
    expect((await store.load()).readOnly).toBe(true);
    await store.erase();
    expect(store.readOnly).toBe(false);
    expect(store.problems()).toEqual([]);
    expect(area.snapshot()).toEqual({ settings: 1, [META_KEY]: { schemaVersion: 2 } });
    await store.record(oauthDetection());
    expect(store.size).toBe(1);
  });
});
