import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerById } from '../../src/providers/index.ts';
import { QUARANTINE_PREFIX, RECORD_PREFIX } from '../../src/ledger/migrations.ts';
import type { ConsentRecord } from '../../src/ledger/model.ts';
import { normaliseSite } from '../../src/ledger/rules.ts';
import { BROWSERS } from './browsers.ts';
import type { ChromiumSession } from './chromium.ts';
import { scratchDir } from './paths.ts';
import { badgeText, eventually, readStorage, tabIdOf, waitForNotice, type ExtensionSession } from './session.ts';

// The ledger's promises in a real browser: a detection is stored before it is acknowledged, so a
// service worker stopped mid-burst loses nothing; concurrent reports of one link are one record
// with every event; a restart on the same profile finds the ledger as it was; and a hostile page
// can neither add to it, read it nor change it.

interface Expected {
  readonly url: string;
  readonly providerId: string;
  /** The recipient the record must name: the widget's page, or the OAuth redirect_uri's host. */
  readonly site: string;
}

function firstPositive(providerId: string, channel: 'widget' | 'oauth'): Expected {
  const url = providerById(providerId)?.fixtures.positive[0];
  if (!url) throw new Error(`no positive fixture for ${providerId}`);
  const recipientUrl = channel === 'oauth' ? new URL(url).searchParams.get('redirect_uri') : url;
  if (!recipientUrl) throw new Error(`${url} names no redirect_uri`);
  return { url, providerId, site: normaliseSite(new URL(recipientUrl).hostname) };
}

/** Every aggregator widget with its own recipient, and two OAuth consents: nine distinct records. */
const BURST: readonly Expected[] = [
  ...['plaid', 'mx', 'finicity', 'flinks', 'stripe-financial-connections', 'teller', 'yodlee'].map((id) => firstPositive(id, 'widget')),
  ...['github', 'facebook'].map((id) => firstPositive(id, 'oauth')),
];
const PLAID = firstPositive('plaid', 'widget');
const HOSTILE_PAGE = 'https://www.evil-budget.app/';

type Storage = Record<string, unknown>;

/** Everything the ledger owns in storage: `ledger/meta`, records and quarantined entries. */
const ledgerOf = (storage: Storage): Storage => Object.fromEntries(Object.entries(storage).filter(([key]) => key.startsWith('ledger/')));
const recordsOf = (storage: Storage): ConsentRecord[] =>
  Object.entries(storage)
    .filter(([key]) => key.startsWith(RECORD_PREFIX))
    .map(([, value]) => value as ConsentRecord);
const recordsFor = (storage: Storage, expected: Pick<Expected, 'providerId' | 'site'>): ConsentRecord[] =>
  recordsOf(storage).filter((r) => r.providerId === expected.providerId && r.recipient.site === expected.site);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Only Chromium has the MV3 service worker that the browser stops at will; Firefox runs the same
 * code as a non-persistent background script, which no harness call can stop mid-message.
 */
const canStopWorker = (session: ExtensionSession): session is ChromiumSession => 'stopWorker' in session;

async function ledgerSizeSeenByBackground(session: ExtensionSession): Promise<number> {
  return session.inExtension(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return ((await api.runtime.sendMessage({ type: 'get-overview', tabId: null })) as { ledgerSize: number }).ledgerSize;
  }, undefined);
}

async function waitForBadge(session: ExtensionSession, tabId: number, url: string): Promise<void> {
  await eventually(() => badgeText(session, tabId), (text) => Number(text) >= 1, `a badge on ${url}`, 15_000);
}

describe.each(BROWSERS)('ledger in $name', (target) => {
  const profile = scratchDir(`${target.name}-ledger-profile`);
  let session: ExtensionSession;

  beforeAll(async () => {
    if (target.available) session = await target.launch({ userDataDir: profile });
  });
  afterAll(async () => {
    await session?.close();
  });

  it.runIf(target.available && target.name === 'chromium')(
    'a burst of detections survives the service worker being stopped again and again in the middle of it',
    async () => {
      if (!canStopWorker(session)) throw new Error('this session cannot stop its service worker');
      const chromium = session;
      const stopsAt: number[] = [];
      const stop = async () => {
        await chromium.stopWorker();
        stopsAt.push(Date.now());
      };

      // Once before the burst, so the harness's own set-up does not delay the first stop in it.
      await chromium.stopWorker();
      // Then every 100 ms or so while the burst loads: some stops land while the background stores
      // an OAuth navigation (no one sends that again), others while widget reports await an answer.
      let opening = true;
      const storm = (async () => {
        do {
          await stop();
          await sleep(100);
        } while (opening);
      })();
      const opened = await Promise.all(BURST.map(async (expected) => ({ expected, page: await chromium.openPage(expected.url) })));
      await sleep(1000);
      opening = false;
      await storm;

      const missing = (storage: Storage) =>
        BURST.filter((expected) => recordsFor(storage, expected).length === 0).map((e) => `${e.providerId} for ${e.site}`);
      await eventually(() => readStorage(chromium).then(missing), (left) => left.length === 0, 'every detection of the burst in storage', 20_000);
      const storage = await readStorage(chromium);
      // The records' creation times (the browser's clock, which is this machine's) frame the burst.
      const created = BURST.flatMap((expected) => recordsFor(storage, expected).map((r) => r.createdAt));
      const during = stopsAt.filter((at) => at > Math.min(...created) && at < Math.max(...created));
      console.info(`burst of ${BURST.length} over ${Math.max(...created) - Math.min(...created)} ms: ${during.length} of ${stopsAt.length} stops inside it`);
      expect(during.length, 'stops in the middle of the burst').toBeGreaterThan(0);
      for (const expected of BURST) {
        // A report retried after its write had landed merges into the same record.
        expect(recordsFor(storage, expected), `${expected.providerId} for ${expected.site}`).toHaveLength(1);
      }
      expect(Object.keys(storage).filter((key) => key.startsWith(QUARANTINE_PREFIX))).toEqual([]);
      for (const { expected, page } of opened) {
        await waitForBadge(chromium, await tabIdOf(chromium, page), expected.url);
        await page.close();
      }
      expect(await ledgerSizeSeenByBackground(chromium)).toBe(recordsOf(storage).length);
    },
  );

  it.runIf(target.available)('two tabs reporting the same link at once make one record with both events', async () => {
    const before = recordsFor(await readStorage(session), PLAID);
    const eventsBefore = before[0]?.history.length ?? 0;
    const pages = await Promise.all([session.openPage(PLAID.url), session.openPage(PLAID.url)]);
    for (const page of pages) await waitForBadge(session, await tabIdOf(session, page), PLAID.url);
    const after = recordsFor(await readStorage(session), PLAID);
    expect(after).toHaveLength(1);
    const record = after[0] as ConsentRecord;
    if (before[0]) expect(record.id).toBe(before[0].id);
    expect(record.history).toHaveLength(eventsBefore + 2);
    expect(record.history.slice(-2).map((event) => event.kind)).toEqual(['prompted', 'prompted']);
    for (const page of pages) await page.close();
  });

  it.runIf(target.available)('a restart on the same profile finds the whole ledger intact', async () => {
    // Three channels and a person's choice: a widget, an OAuth consent, a prompt, an Allow.
    const prompt = providerById('cash-app')?.fixtures.positive[0];
    if (!prompt) throw new Error('no Cash App prompt fixture');
    for (const url of [PLAID.url, firstPositive('spotify', 'oauth').url, prompt]) {
      const page = await session.openPage(url);
      await waitForBadge(session, await tabIdOf(session, page), url);
      if (url === PLAID.url) {
        const allowed = () => readStorage(session).then((s) => recordsFor(s, PLAID)[0]?.history.filter((e) => e.kind === 'allowed-by-user').length ?? 0);
        const allowedBefore = await allowed();
        await (await waitForNotice(page)).focus('linkwatch-notice');
        await page.press('Enter');
        await eventually(allowed, (count) => count === allowedBefore + 1, 'Allow to be recorded');
      }
      await page.close();
    }
    const before = ledgerOf(await readStorage(session));
    expect(recordsOf(before).length).toBeGreaterThanOrEqual(3);

    await session.close();
    session = await target.launch({ userDataDir: profile });

    expect(ledgerOf(await readStorage(session))).toEqual(before);
    expect(await ledgerSizeSeenByBackground(session)).toBe(recordsOf(before).length);
    // Still writable after the restart: a new detection merges into the record it had.
    const page = await session.openPage(PLAID.url);
    await waitForBadge(session, await tabIdOf(session, page), PLAID.url);
    await page.close();
    const plaidBefore = recordsFor(before, PLAID)[0] as ConsentRecord;
    const plaidAfter = recordsFor(await readStorage(session), PLAID);
    expect(plaidAfter.map((r) => r.id)).toEqual([plaidBefore.id]);
    expect(plaidAfter[0]?.history).toHaveLength(plaidBefore.history.length + 1);
  });

  it.runIf(target.available)('a hostile page can neither add to the ledger nor read or change it', async () => {
    // A real detection first, so there is something to steal, change or erase.
    const seed = await session.openPage(PLAID.url);
    await waitForBadge(session, await tabIdOf(session, seed), PLAID.url);
    await seed.close();
    const rulesOf = () =>
      session.inExtension(async () => {
        const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
        return api.declarativeNetRequest.getDynamicRules();
      }, undefined);
    const storageBefore = await readStorage(session);
    const rulesBefore = await rulesOf();
    const victim = recordsFor(storageBefore, PLAID)[0] as ConsentRecord;
    const base = await session.inExtension(() => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      return { id: api.runtime.id, base: api.runtime.getURL('/') };
    }, undefined);

    const fragment = new URLSearchParams({ id: base.id, base: base.base, record: victim.id });
    const page = await session.openPage(`${HOSTILE_PAGE}#${fragment}`);
    const tabId = await tabIdOf(session, page);
    await page.waitForSelector('#hostile-results[data-done]', { state: 'attached', timeout: 20_000 });
    const text = await page.evaluate(() => document.getElementById('hostile-results')?.textContent ?? '', undefined);
    const results = JSON.parse(text) as HostileResults;

    // The page tried everything it meant to.
    expect(results.posted).toBeGreaterThan(0);
    expect(results.dispatched).toBeGreaterThan(0);
    expect(results.runtime.length).toBeGreaterThan(0);
    expect(results.probes.map((p) => p.how)).toEqual(expect.arrayContaining(['fetch', 'script', 'img', 'iframe']));
    // ...and got nothing: no answer from the extension, no storage, no extension resource, no notice.
    expect(results.runtime.filter((r) => r.outcome === 'replied' || r.outcome === 'connected')).toEqual([]);
    expect(results.storage.filter((s) => s.outcome === 'read')).toEqual([]);
    expect(results.probes.filter((p) => p.outcome === 'loaded' || p.outcome === 'read')).toEqual([]);
    expect(results.notice).toBeNull();
    // The page's own attachShadow, patched to force open roots, never saw Linkwatch's (isolated world).
    expect(results.shadowRoots).not.toContain('linkwatch-notice');
    for (const secret of [victim.recipient.site, victim.id, RECORD_PREFIX, '"history"']) expect(text).not.toContain(secret);

    // Time for anything the page set off to reach storage, then nothing changed at all.
    await sleep(1000);
    expect(await badgeText(session, tabId)).toBe('');
    const storageAfter = await readStorage(session);
    expect(recordsOf(storageAfter).filter((r) => r.recipient.site.endsWith('evil-budget.app'))).toEqual([]);
    expect(storageAfter).toEqual(storageBefore);
    expect(await rulesOf()).toEqual(rulesBefore);
    expect(await ledgerSizeSeenByBackground(session)).toBe(recordsOf(storageBefore).length);
    await page.close();
  });
});

interface HostileResults {
  readonly posted: number;
  readonly dispatched: number;
  readonly runtime: readonly { api: string; type?: string; outcome: 'unavailable' | 'replied' | 'failed' | 'connected' }[];
  readonly storage: readonly { api: string; outcome: 'unavailable' | 'read' | 'failed' }[];
  readonly probes: readonly { how: string; path: string; outcome: string }[];
  readonly shadowRoots: readonly string[];
  readonly notice: { shadowRoot: string | null } | null;
}
