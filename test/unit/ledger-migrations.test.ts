import { describe, expect, it } from 'vitest';
import { LedgerStore } from '../../src/background/ledger-store.ts';
import type { ConsentRecord } from '../../src/ledger/model.ts';
import {
  CURRENT_SCHEMA_VERSION,
  META_KEY,
  migrate,
  MIGRATIONS,
  quarantineKey,
  recordKey,
  schemaVersionOf,
  type Snapshot,
  V1_DETECTIONS_KEY,
} from '../../src/ledger/migrations.ts';
import { checkStoredRecord } from '../../src/ledger/schema.ts';
import { MemoryStorageArea } from '../../src/ledger/storage-area.ts';
import facebook from '../../src/providers/facebook.ts';
import plaid from '../../src/providers/plaid.ts';
import { T0 } from './ledger-fixtures.ts';

const providerById = (id: string) => [facebook, plaid].find((p) => p.id === id);
const context = { providerById, now: T0 + 1 };

const OAUTH_URL =
  'https://www.facebook.com/v19.0/dialog/oauth?client_id=4242424242&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fauth&scope=email,user_friends&state=xyz';

/** What the first build wrote: the `detections` key, as early users have it. */
const V1_FIXTURE: Snapshot = {
  settings: { theme: 'dark' },
  [V1_DETECTIONS_KEY]: [
    { providerId: 'facebook', pageUrl: OAUTH_URL, at: T0, kind: 'oauth' },
    { providerId: 'facebook', pageUrl: OAUTH_URL, at: T0 + 60_000, kind: 'oauth', tabId: 7 },
    { providerId: 'plaid', pageUrl: 'https://www.budgetly.app/connect-bank', at: T0 + 1000, kind: 'widget' },
    { providerId: 'facebook', pageUrl: 'https://www.messenger.com/t/chasebank', at: T0 + 2000, kind: 'prompt' },
    { providerId: 'somebank', pageUrl: 'https://somebank.example/link', at: T0 + 3000, kind: 'prompt' },
    { providerId: 'facebook', pageUrl: OAUTH_URL, at: 'yesterday', kind: 'oauth' },
    { providerId: 'plaid', pageUrl: 'https://x.example', at: T0, kind: 'fedcm' },
    'not an object',
    { providerId: 'plaid', pageUrl: 'not a url', at: T0, kind: 'widget' },
  ],
};

/** One fixture per earlier schema version; the test below insists on it. */
const FIXTURES: Readonly<Record<number, Snapshot>> = { 1: V1_FIXTURE };

function recordsOf(snapshot: Snapshot): ConsentRecord[] {
  return Object.entries(snapshot)
    .filter(([key]) => key.startsWith('ledger/record/'))
    .map(([, value]) => value as ConsentRecord);
}

describe('schema migrations', () => {
  it('has a step and a fixture for every earlier version, each migrating to valid current data', () => {
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version++) {
      expect(MIGRATIONS[version], `step from v${version}`).toBeTypeOf('function');
      const fixture = FIXTURES[version];
      expect(fixture, `fixture for v${version}`).toBeDefined();
      expect(schemaVersionOf(fixture as Snapshot)).toBe(version);
      const { snapshot } = migrate(fixture as Snapshot, version, context);
      expect(schemaVersionOf(snapshot)).toBe(CURRENT_SCHEMA_VERSION);
      const records = recordsOf(snapshot);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(checkStoredRecord(record)).toEqual({ record });
    }
  });

  it('turns v1 detections into records, merging repeats and quarantining what it cannot read', () => {
    const { snapshot, set, remove } = migrate(V1_FIXTURE, 1, context);
    expect(remove).toEqual([V1_DETECTIONS_KEY]);
    expect(set).not.toHaveProperty('settings');
    expect(snapshot.settings).toBe(V1_FIXTURE.settings);
    expect(snapshot[META_KEY]).toEqual({ schemaVersion: 2 });

    const oauth = snapshot[recordKey('v1-0')] as ConsentRecord;
    expect(oauth).toMatchObject({
      channel: 'oauth',
      source: { label: 'Facebook account', providerId: 'facebook' },
      recipient: { site: 'budgetly.app', clientId: '4242424242', name: null },
      intermediary: null,
      status: 'prompted',
      durationDays: null,
    });
    expect(oauth.scopes.map((s) => s.scope)).toEqual(['email', 'public_profile', 'user_friends']);
    expect(oauth.history.map((e) => e.at)).toEqual([T0, T0 + 60_000]);

    const widget = snapshot[recordKey('v1-2')] as ConsentRecord;
    expect(widget).toMatchObject({
      channel: 'widget',
      source: { label: 'Bank account', providerId: null },
      recipient: { site: 'budgetly.app' },
      intermediary: { providerId: 'plaid', name: 'Plaid' },
      durationDays: 365,
    });
    expect(widget.scopes.map((s) => s.scope)).toEqual(['auth', 'balance', 'identity', 'transactions']);

    expect(snapshot[recordKey('v1-3')]).toMatchObject({ channel: 'text-prompt', recipient: { site: 'messenger.com' } });
    // A provider the catalogue no longer knows is still migrated, with what the detection says.
    expect(snapshot[recordKey('v1-4')]).toMatchObject({ source: { label: 'somebank account', providerId: 'somebank' } });
    expect(recordsOf(snapshot)).toHaveLength(4);

    expect(snapshot[quarantineKey('v1-detection-5')]).toMatchObject({ reason: expect.stringContaining('no valid time'), key: 'detections' });
    expect(snapshot[quarantineKey('v1-detection-6')]).toMatchObject({ reason: expect.stringContaining('"fedcm" is unknown') });
    expect(snapshot[quarantineKey('v1-detection-7')]).toMatchObject({ value: 'not an object' });
    expect(snapshot[quarantineKey('v1-detection-8')]).toMatchObject({ reason: expect.stringContaining('not a URL') });
  });

  it('quarantines a v1 value that is not a list at all', () => {
    const { snapshot } = migrate({ [V1_DETECTIONS_KEY]: { oops: true } }, 1, context);
    expect(snapshot[quarantineKey('v1-detections')]).toMatchObject({ value: { oops: true } });
    expect(recordsOf(snapshot)).toEqual([]);
  });

  it('reads the version: new store, v1 data, meta, damaged meta', () => {
    expect(schemaVersionOf({})).toBe(CURRENT_SCHEMA_VERSION);
    expect(schemaVersionOf({ [META_KEY]: { schemaVersion: 7 } })).toBe(7);
    expect(schemaVersionOf({ [META_KEY]: { schemaVersion: 'two' } })).toBeNull();
    expect(schemaVersionOf({ [META_KEY]: null })).toBeNull();
  });

  it('migrates through the store once, and a second start finds the same ledger', async () => {
    const area = new MemoryStorageArea();
    await area.set(V1_FIXTURE);
    const store = new LedgerStore(area, { providerById, now: () => T0 + 10_000 });
    expect(await store.load()).toEqual({ records: 4, quarantined: 4, migratedFrom: 1, readOnly: false, expired: 0 });
    const stored = area.snapshot();
    expect(stored[V1_DETECTIONS_KEY]).toBeUndefined();
    expect(stored.settings).toEqual({ theme: 'dark' });
    const again = new LedgerStore(area, { providerById, now: () => T0 + 10_000 });
    expect(await again.load()).toEqual({ records: 4, quarantined: 4, migratedFrom: null, readOnly: false, expired: 0 });
    expect([...again.ledger.records()]).toEqual([...store.ledger.records()]);
  });

  it('finishes an interrupted migration without duplicating records', async () => {
    const area = new MemoryStorageArea();
    await area.set(V1_FIXTURE);
    area.failNext('remove', new Error('worker stopped'));
    const first = new LedgerStore(area, { providerById, now: () => T0 });
    await first.load();
    expect(area.snapshot()[V1_DETECTIONS_KEY]).toBeDefined();
    const second = new LedgerStore(area, { providerById, now: () => T0 });
    await second.load();
    expect(area.snapshot()[V1_DETECTIONS_KEY]).toBeUndefined();
    expect(second.size).toBe(4);
  });

  it('merges v1 detections an older build wrote after the migration, losing none', async () => {
    const area = new MemoryStorageArea();
    await area.set(V1_FIXTURE);
    await new LedgerStore(area, { providerById, now: () => T0 }).load();
    // The person went back to the first build for a while; it knows only `detections`.
    const later = { providerId: 'facebook', pageUrl: OAUTH_URL, at: T0 + 90_000, kind: 'oauth' };
    const other = { providerId: 'plaid', pageUrl: 'https://www.newapp.example/link', at: T0 + 95_000, kind: 'widget' };
    await area.set({ [V1_DETECTIONS_KEY]: [later, other] });
    const store = new LedgerStore(area, { providerById, now: () => T0 + 100_000 });
    await store.load();
    expect(area.snapshot()[V1_DETECTIONS_KEY]).toBeUndefined();
    expect(store.size).toBe(5);
    expect(store.get('v1-0')?.history.map((e) => e.at)).toEqual([T0, T0 + 60_000, T0 + 90_000]);
    expect([...store.ledger.records()].filter((r) => r.recipient.site === 'newapp.example')).toHaveLength(1);
    expect(store.quarantined()).toHaveLength(4);
  });

  it('keeps v1 data untouched and goes read-only when the migrated data cannot be written', async () => {
    const area = new MemoryStorageArea();
    await area.set(V1_FIXTURE);
    area.failNext('set', new Error('QUOTA_BYTES quota exceeded'));
    const store = new LedgerStore(area, { providerById, now: () => T0 });
    expect(await store.load()).toMatchObject({ readOnly: true, migratedFrom: null, records: 0 });
    expect(area.snapshot()).toEqual(V1_FIXTURE);
    expect(store.problems().map((p) => p.kind)).toEqual(['quota']);
  });
});
