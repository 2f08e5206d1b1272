import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './browsers.ts';
import { OUTPUT } from './paths.ts';
import { badgeText, eventually, readStorage, tabIdOf, type ExtensionSession, type TestPage } from './session.ts';
import { RECORD_PREFIX } from '../../src/ledger/migrations.ts';
import type { ConsentRecord } from '../../src/ledger/model.ts';
import { PROVIDERS, providerById } from '../../src/providers/index.ts';

// One-click revoke end to end: the detection, Revoke, the block in this browser, the assistant on
// the provider's management page (a fixture under the real host, variant chosen by a cookie), and
// the ledger's verified outcome; plus the cases where the assistant must not act, and the
// inventory read from every recipe's list by "Scan my accounts".

const WIDGET_PAGE = 'https://www.budgetly.app/connect-bank';
const oauthPositive = (id: string, site: string) =>
  providerById(id)?.fixtures.positive.find((url) => decodeURIComponent(url).includes(site)) ?? '';

type Variant = 'list' | 'similar' | 'empty' | 'signin' | 'redesign';

const managementUrl = (id: string) => providerById(id)?.revocation.url ?? '';
const hostOf = (url: string) => new URL(url).host;
/** A page of the host that is not the management page: a 404 still has the host's cookies and storage. */
const stateUrl = (host: string) => `https://${host}/linkwatch-test-state`;

async function withHostPage<R>(session: ExtensionSession, host: string, fn: (page: TestPage) => Promise<R>): Promise<R> {
  const page = await session.openPage(stateUrl(host));
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** What the fixture at `host` shows next: the variant, with nothing removed yet. */
function setVariant(session: ExtensionSession, host: string, variant: Variant): Promise<void> {
  return withHostPage(session, host, (page) =>
    page.evaluate((v: string) => {
      document.cookie = `lw_variant=${v}; path=/; secure`;
      localStorage.removeItem('lw_removed');
    }, variant),
  );
}

/** The apps the fixture at `host` says were removed through its own controls. */
function removedOn(session: ExtensionSession, host: string): Promise<string[]> {
  return withHostPage(session, host, (page) => page.evaluate(() => JSON.parse(localStorage.getItem('lw_removed') ?? '[]') as string[], undefined));
}

async function records(session: ExtensionSession): Promise<ConsentRecord[]> {
  const storage = await readStorage(session);
  return Object.entries(storage)
    .filter(([key]) => key.startsWith(RECORD_PREFIX))
    .map(([, value]) => value as ConsentRecord);
}

async function recordOf(session: ExtensionSession, accept: (record: ConsentRecord) => boolean, what: string): Promise<ConsentRecord> {
  const found = await eventually(async () => (await records(session)).find(accept) ?? null, (record) => record !== null, what);
  return found as ConsentRecord;
}

const lastSeen = (record: ConsentRecord) => record.history[record.history.length - 1]?.evidence.seen ?? '';

function dynamicRules(session: ExtensionSession): Promise<chrome.declarativeNetRequest.Rule[]> {
  return session.inExtension(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return api.declarativeNetRequest.getDynamicRules();
  }, undefined);
}

/** The popup's own `revoke` message, as its Revoke button sends it. */
function revoke(session: ExtensionSession, id: string): Promise<{ status: string; managementUrl: string; automated: boolean }> {
  return session.inExtension(async (recordId: string) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return api.runtime.sendMessage({ type: 'revoke', id: recordId });
  }, id);
}

/** Opens `providerId`'s consent page for `site` (a positive fixture) and returns the link it recorded. */
async function detectOAuth(session: ExtensionSession, providerId: string, site: string): Promise<ConsentRecord> {
  const consent = await session.openPage(oauthPositive(providerId, site));
  const consentTab = await tabIdOf(session, consent);
  await eventually(() => badgeText(session, consentTab), (text) => text === '1', `the ${providerId} OAuth detection`);
  const record = await recordOf(session, (r) => r.providerId === providerId && r.recipient.site === site, `the ${providerId} link`);
  await consent.close();
  return record;
}

async function activate(page: TestPage, selector: string): Promise<void> {
  await page.waitForSelector(selector, { state: 'visible', timeout: 8000 });
  await page.focus(selector);
  await page.press('Enter');
}

describe.each(BROWSERS)('one-click revoke in $name', (target) => {
  let session: ExtensionSession;
  const shot = (name: string) => join(OUTPUT, `${target.name}-revoke-${name}.png`);

  beforeAll(async () => {
    if (!target.available) return;
    session = await target.launch();
    await session.inExtension(async () => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      await api.runtime.sendMessage({ type: 'dismiss-intro' });
    }, undefined);
  });
  afterAll(async () => {
    await session?.close();
  });

  it.runIf(target.available)('Plaid: Revoke in the popup blocks the widget here, removes the app in Plaid Portal and verifies it', async () => {
    await setVariant(session, 'my.plaid.com', 'list');
    const app = await session.openPage(WIDGET_PAGE);
    const appTab = await tabIdOf(session, app);
    await eventually(() => badgeText(session, appTab), (text) => text === '1', 'the Plaid widget detection');
    const record = await recordOf(session, (r) => r.providerId === 'plaid' && r.recipient.site === 'budgetly.app', 'the Plaid link in the ledger');

    const popup = await session.openPopup();
    await activate(popup, `[data-record-id="${record.id}"] [data-testid=row-revoke]`);

    // Step 1, in this browser: the widget's hosts are blocked for this site, and it no longer loads.
    const rules = await eventually(() => dynamicRules(session), (list) => list.some((rule) => rule.condition.requestDomains?.includes('cdn.plaid.com')), 'the block rule');
    expect(rules.find((rule) => rule.condition.requestDomains?.includes('cdn.plaid.com'))?.condition.initiatorDomains).toEqual(['budgetly.app']);
    await app.reload();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await app.evaluate(() => ({ plaid: 'Plaid' in window, frame: document.querySelector('iframe[src*="cdn.plaid.com"]') !== null }), undefined)).toEqual({
      plaid: false,
      frame: false,
    });

    // Steps 2 and 3, at the provider: the assistant removed exactly that app and checked the list.
    const revoked = await recordOf(session, (r) => r.id === record.id && r.status === 'revoked', 'the ledger to say revoked');
    expect(lastSeen(revoked)).toContain('(verified)');
    expect(await removedOn(session, 'my.plaid.com')).toEqual(['budgetly']);
    await eventually(
      () => popup.evaluate((id: string) => document.querySelector<HTMLElement>(`[data-record-id="${id}"]`)?.dataset.status ?? null, record.id),
      (status) => status === 'revoked',
      'the popup to show the link revoked',
    );
    await popup.screenshot(shot('popup-revoked'));
    await Promise.all([popup.close(), app.close()]);
  });

  it.runIf(target.available)('Facebook OAuth: the client is blocked here and the app removed from Apps and Websites', async () => {
    await setVariant(session, 'www.facebook.com', 'list');
    const record = await detectOAuth(session, 'facebook', 'budgetly.app');
    expect(record.recipient.clientId).toBe('4242424242');

    const reply = await revoke(session, record.id);
    expect(reply).toEqual({ status: 'revocation-pending', managementUrl: managementUrl('facebook'), automated: true });
    const rules = await dynamicRules(session);
    expect(rules.some((rule) => rule.condition.urlFilter === 'client_id=4242424242^')).toBe(true);

    const revoked = await recordOf(session, (r) => r.id === record.id && r.status === 'revoked', 'the Facebook link revoked');
    expect(lastSeen(revoked)).toContain('(verified)');
    expect(await removedOn(session, 'www.facebook.com')).toEqual(['budgetly']);
  });

  it.runIf(target.available)('two similarly named apps: nothing is clicked, the candidates are shown', async () => {
    await setVariant(session, 'myaccount.google.com', 'similar');
    const record = await detectOAuth(session, 'google', 'budgetly.app');

    await revoke(session, record.id);
    const pending = await recordOf(
      session,
      (r) => r.id === record.id && lastSeen(r).includes('more than one app'),
      'the ledger to note the ambiguity',
    );
    expect(pending.status).toBe('revocation-pending');
    expect(await removedOn(session, 'myaccount.google.com')).toEqual([]);

    // The person comes back to the page: the pending revocation is re-checked, and guidance shows.
    const page = await session.openPage(managementUrl('google'));
    await page.waitForSelector('linkwatch-revoke', { state: 'attached', timeout: 10_000 });
    await page.screenshot(shot('ambiguous'));
    expect(await removedOn(session, 'myaccount.google.com')).toEqual([]);
    expect((await records(session)).find((r) => r.id === record.id)?.status).toBe('revocation-pending');
    await page.close();

    // Undo: the task is dropped, the block lifted, and the link is back where it was.
    await session.inExtension(async (id: string) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      await api.runtime.sendMessage({ type: 'undo-revoke', id });
    }, record.id);
    await recordOf(session, (r) => r.id === record.id && r.status === 'prompted', 'the Google link back to prompted');
    expect((await dynamicRules(session)).some((rule) => rule.condition.urlFilter?.includes('381203941234'))).toBe(false);
  });

  it.runIf(target.available)('a sign-in step: the assistant waits, and finishes once the person has signed in', async () => {
    await setVariant(session, 'x.com', 'signin');
    const record = await detectOAuth(session, 'x', 'photoprint.app');

    await revoke(session, record.id);
    await recordOf(session, (r) => r.id === record.id && lastSeen(r).includes('sign in'), 'the ledger to note the sign-in step');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await removedOn(session, 'x.com')).toEqual([]);
    expect((await records(session)).find((r) => r.id === record.id)?.status).toBe('revocation-pending');

    // "Signing in": the provider now shows the list; the person loads the page again.
    await withHostPage(session, 'x.com', (page) => page.evaluate(() => void (document.cookie = 'lw_variant=list; path=/; secure'), undefined));
    const page = await session.openPage(managementUrl('x'));
    const revoked = await recordOf(session, (r) => r.id === record.id && r.status === 'revoked', 'the X link revoked after signing in');
    expect(lastSeen(revoked)).toContain('(verified)');
    expect(await removedOn(session, 'x.com')).toEqual(['photoprint']);
    await page.close();
  });

  it.runIf(target.available)('Scan my accounts reads every recipe provider’s list into the ledger', async () => {
    const withRecipe = PROVIDERS.filter((provider) => provider.revocation.recipe);
    for (const provider of withRecipe) await setVariant(session, hostOf(provider.revocation.url), 'list');
    await session.inExtension(async () => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      await api.runtime.sendMessage({ type: 'scan-accounts' });
    }, undefined);
    const scan = await eventually(
      () =>
        session.inExtension(async () => {
          const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
          const overview = await api.runtime.sendMessage({ type: 'get-overview', tabId: null });
          return overview.scan as { running: boolean; done: number; total: number; results: { providerId: string; state: string }[] } | null;
        }, undefined),
      (progress) => progress !== null && !progress.running,
      'the scan to finish',
      60_000,
    );
    expect(scan?.total).toBe(withRecipe.length);
    expect(scan?.results.map((result) => [result.providerId, result.state])).toEqual(withRecipe.map((provider) => [provider.id, 'list']));

    // Each list's apps are in the ledger, as links of that provider.
    const expected: Record<string, string[]> = {
      facebook: ['Budgetly', 'PhotoPrint'],
      google: ['Budgetly', 'Mailsort'],
      github: ['Budgetly', 'Mailsort'],
      x: ['Mailsort', 'PhotoPrint'],
      microsoft: ['Mailsort', 'PhotoPrint'],
      plaid: ['Budgetly', 'RentPay'],
    };
    const ledger = await records(session);
    for (const [providerId, names] of Object.entries(expected)) {
      const listed = ledger.filter((r) => r.providerId === providerId && names.includes(r.recipient.name ?? ''));
      expect(listed.map((r) => r.recipient.name).sort(), providerId).toEqual(names);
      expect(listed.map((r) => r.status), providerId).toEqual(names.map(() => 'granted'));
      expect(listed.every((r) => r.history.some((event) => event.kind === 'imported')), providerId).toBe(true);
    }
    // A link revoked earlier and listed again is live again: the list is the evidence.
    expect(ledger.find((r) => r.providerId === 'plaid' && r.recipient.site === 'budgetly.app')?.status).toBe('granted');
  });
});
