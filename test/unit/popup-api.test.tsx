import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./popup-fake-browser.ts')).browser }));

import { fake } from './popup-fake-browser.ts';
import { DAY, oauthDetection, T0, widgetDetection } from './ledger-fixtures.ts';
import { LedgerStore } from '../../src/background/ledger-store.ts';
import { handleExtensionPageMessage, ledgerPage, type PopupApiDeps, type RevokeService } from '../../src/background/popup-api.ts';
import { META_KEY } from '../../src/ledger/migrations.ts';
import { providerById } from '../../src/providers/index.ts';
import { ERASE_CONFIRMATION, type FromExtensionPage, type Reply } from '../../src/shared/messages.ts';

const NOW = T0 + DAY;
let store: LedgerStore;
let deps: PopupApiDeps;
// The handler answers the union of replies; each test knows which message it sent.
const ask = <M extends FromExtensionPage>(message: M, with_: Partial<PopupApiDeps> = {}) =>
  handleExtensionPageMessage(message, { ...deps, ...with_ }) as Promise<Reply<M>>;

beforeEach(async () => {
  fake.reset();
  let ids = 0;
  store = new LedgerStore(fake.local, { providerById, now: () => NOW, newId: () => `r${++ids}` });
  await store.load();
  deps = { ledger: async () => store, providerById, revoke: null, now: () => NOW };
});

async function seedSources(): Promise<void> {
  // Facebook links interleaved in time with bank links: grouping must not depend on the sort.
  for (let n = 0; n < 6; n++) {
    const at = T0 - n * DAY;
    if (n % 2 === 0) await store.record(oauthDetection({ at, recipient: { site: `fb-${n}.example`, clientId: String(n), name: null } }));
    else await store.record(widgetDetection({ at, recipient: { site: `bank-${n}.example`, clientId: null, name: null } }));
  }
}

describe('popup-api: the grouped ledger page', () => {
  it('keeps each data source together, in the order of its first record, and the sort inside', async () => {
    await seedSources();
    const page = ledgerPage(store, { sort: 'recent' }, NOW);
    expect(page.groups).toEqual([
      { label: 'Facebook account', start: 0, count: 3 },
      { label: 'Bank account', start: 3, count: 3 },
    ]);
    expect(page.items.map((item) => item.site)).toEqual(['fb-0.example', 'fb-2.example', 'fb-4.example', 'bank-1.example', 'bank-3.example', 'bank-5.example']);
    const risky = ledgerPage(store, { sort: 'risk' }, NOW);
    expect(risky.groups.map((group) => group.label)).toEqual(['Bank account', 'Facebook account']);
  });

  it('pages through the grouped order with offset and limit', async () => {
    await seedSources();
    const whole = ledgerPage(store, { sort: 'recent' }, NOW).items.map((item) => item.id);
    const second = ledgerPage(store, { sort: 'recent', offset: 2, limit: 3 }, NOW);
    expect(second.offset).toBe(2);
    expect(second.total).toBe(6);
    expect(second.items.map((item) => item.id)).toEqual(whole.slice(2, 5));
  });

  it('groups more records than one ledger query returns', async () => {
    const records = Array.from({ length: 1200 }, (_, n) => oauthDetection({ at: T0 - n, recipient: { site: `s${n}.example`, clientId: String(n), name: null } }));
    for (const input of records) await store.record(input);
    const page = ledgerPage(store, { sort: 'recent', offset: 1100, limit: 200 }, NOW);
    expect(page.total).toBe(1200);
    expect(page.items).toHaveLength(100);
    expect(page.groups).toEqual([{ label: 'Facebook account', start: 0, count: 1200 }]);
  });
});

describe('popup-api: actions', () => {
  it('reports the overview: tab findings with their records, counts, settings, first run, providers', async () => {
    const record = await store.record(widgetDetection());
    fake.session.data.set('tab:4', {
      committedUrl: null,
      detections: [{ key: 'k', recordId: record.id, view: { detectionId: 'd', channel: 'widget', recipient: 'budgetly.app', source: 'Bank account', intermediary: 'Plaid', categories: [], risk: 'high', blockable: true }, keepOnHosts: [], oauthRedirect: null, decided: false }],
    });
    const overview = await ask({ type: 'get-overview', tabId: 4 });
    expect(overview).toMatchObject({ ledgerSize: 1, readOnly: false, firstRun: true, problems: [], providers: [{ id: 'plaid', name: 'Plaid' }], scan: null });
    expect(overview.tab).toEqual([expect.objectContaining({ recordId: record.id, status: 'prompted', recipient: 'budgetly.app' })]);
    expect(overview.counts.prompted).toBe(1);
    await ask({ type: 'dismiss-intro' });
    expect((await ask({ type: 'get-overview', tabId: null })).firstRun).toBe(false);
  });

  it('hands Revoke and its undo to the revoke assistant when there is one', async () => {
    const record = await store.record(oauthDetection());
    const assistant: RevokeService = {
      startRevoke: vi.fn(async () => ({ status: 'revocation-pending' as const, managementUrl: 'https://www.facebook.com/settings?tab=applications', automated: true })),
      cancelRevoke: vi.fn(async () => undefined),
      startScan: vi.fn(async () => undefined),
      getScanProgress: () => ({ running: true, done: 1, total: 4, current: 'Google' }),
    };
    expect(await ask({ type: 'revoke', id: record.id }, { revoke: assistant })).toMatchObject({ automated: true });
    await ask({ type: 'undo-revoke', id: record.id }, { revoke: assistant });
    await ask({ type: 'scan-accounts' }, { revoke: assistant });
    expect(assistant.startRevoke).toHaveBeenCalledWith(record.id);
    expect(assistant.cancelRevoke).toHaveBeenCalledWith(record.id);
    expect(assistant.startScan).toHaveBeenCalled();
    expect((await ask({ type: 'get-overview', tabId: null }, { revoke: assistant })).scan).toEqual({ running: true, done: 1, total: 4, current: 'Google' });
  });

  it('without the assistant, Revoke blocks here, records the request and points to the provider', async () => {
    const record = await store.record(widgetDetection());
    const reply = await ask({ type: 'revoke', id: record.id });
    expect(reply).toEqual({ status: 'revocation-pending', managementUrl: providerById('plaid')?.revocation.url, automated: false });
    expect(fake.rules.length).toBeGreaterThan(0);
    expect(await ask({ type: 'undo-revoke', id: record.id })).toEqual({ status: 'prompted' });
    expect(fake.rules).toEqual([]);
  });

  it('changes nothing, not even network rules, when the ledger is read-only', async () => {
    await fake.local.set({ [META_KEY]: { schemaVersion: 99 } });
    const readOnly = new LedgerStore(fake.local, { providerById, now: () => NOW });
    await readOnly.load();
    const overview = await ask({ type: 'get-overview', tabId: null }, { ledger: async () => readOnly });
    expect(overview.readOnly).toBe(true);
    expect(overview.problems[0]?.message).toContain('newer version of Linkwatch');
    await expect(ask({ type: 'block', id: 'r1' }, { ledger: async () => readOnly })).rejects.toThrow();
    expect(fake.rules).toEqual([]);
  });

  it('normalises settings, exports a selection, serves the receipt and erases', async () => {
    const facebook = await store.record(oauthDetection());
    await store.record(widgetDetection());
    expect(await ask({ type: 'set-settings', settings: { mutedSites: [' Budgetly.app', 'budgetly.app', ''], watch: { oauth: false, widget: true, 'text-prompt': true } } })).toEqual({
      mutedSites: ['budgetly.app'],
      watch: { oauth: false, widget: true, 'text-prompt': true },
    });
    const one = await ask({ type: 'export', format: 'json', ids: [facebook.id] });
    expect((JSON.parse(one.text) as { records: unknown[] }).records).toHaveLength(1);
    expect(one).toMatchObject({ filename: 'linkwatch-ledger-2026-01-16.json', mimeType: 'application/json' });
    const receipt = await ask({ type: 'get-receipt', id: facebook.id });
    expect(receipt.html).toContain('https://www.facebook.com/settings?tab=applications');
    await ask({ type: 'erase', confirmation: ERASE_CONFIRMATION });
    expect(store.size).toBe(0);
    await expect(ask({ type: 'get-record', id: facebook.id })).rejects.toThrow('no longer in the ledger');
  });
});
