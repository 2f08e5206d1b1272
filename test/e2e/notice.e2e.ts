import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_PREFIX } from '../../src/ledger/migrations.ts';
import { PROVIDERS } from '../../src/providers/index.ts';
import type { ConsentRecord } from '../../src/ledger/model.ts';
import { join } from 'node:path';
import { BROWSERS } from './browsers.ts';
import { OUTPUT } from './paths.ts';
import { badgeText, eventually, noticeFrame, openTab, readStorage, waitForNotice, type ExtensionSession, type TestPage } from './session.ts';

// The in-page notice, driven the way a keyboard user drives it: the page cannot reach into its
// closed shadow root, and neither can the test. Focus lands on Allow; Tab moves on. A widget's
// notice is inside the widget's own frame.
const PLAID_APP = 'https://www.budgetly.app/connect-bank';
const TELLER_APP = 'https://www.tallyup-demo.app/onboarding/bank';
const MESSENGER = 'https://www.messenger.com/t/chasebank';

const noticePresent = async (page: TestPage) => (await noticeFrame(page)) !== null;

async function recordsFor(session: ExtensionSession, site: string): Promise<ConsentRecord[]> {
  const storage = await readStorage(session);
  return Object.entries(storage)
    .filter(([key]) => key.startsWith(RECORD_PREFIX))
    .map(([, value]) => value as ConsentRecord)
    .filter((record) => record.recipient.site === site);
}

const dynamicRules = (session: ExtensionSession) =>
  session.inExtension(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return api.declarativeNetRequest.getDynamicRules();
  }, undefined);

/** Waits for the notice, focuses it (its first button), moves `tabs` buttons on and presses Enter. */
async function choose(page: TestPage, tabs: number): Promise<void> {
  const frame = await waitForNotice(page);
  await frame.focus('linkwatch-notice');
  for (let i = 0; i < tabs; i++) await page.press('Tab');
  await page.press('Enter');
  await eventually(() => noticePresent(page), (present) => !present, 'the notice to close');
}

describe.each(BROWSERS)('the in-page notice in $name', (target) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    if (target.available) session = await target.launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it.runIf(target.available)('Allow logs the consent and gets out of the way', async () => {
    const { page } = await openTab(session, PLAID_APP);
    await eventually(() => noticePresent(page), Boolean, 'the notice');
    await page.screenshot(join(OUTPUT, `${target.name}-notice.png`));
    await choose(page, 0);
    const [record] = await eventually(
      () => recordsFor(session, 'budgetly.app'),
      (records) => records.some((r) => r.history.some((e) => e.kind === 'allowed-by-user')),
      'an allowed-by-user event',
    );
    expect(record?.intermediary?.name).toBe('Plaid');
    await page.reload();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await noticePresent(page), 'a prompt the person allowed does not ask again').toBe(false);
    await page.close();
  });

  it.runIf(target.available)('Block stops the widget from loading for that site, and only there', async () => {
    const { page, tabId } = await openTab(session, TELLER_APP);
    await choose(page, 1);
    const rules = await eventually(() => dynamicRules(session), (r) => r.length > 0, 'a blocking rule');
    expect(rules.every((rule) => rule.condition.initiatorDomains?.includes('tallyup-demo.app'))).toBe(true);
    const [record] = await recordsFor(session, 'tallyup-demo.app');
    expect(record?.status).toBe('blocked');

    await page.reload();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await page.evaluate(() => typeof (window as { TellerConnect?: unknown }).TellerConnect, undefined)).toBe('undefined');
    expect(await page.evaluate(() => document.querySelector('iframe[src*="teller.io"]') === null, undefined)).toBe(true);
    expect(await badgeText(session, tabId)).toBe('');
    await page.close();

    // Another site keeps using the same aggregator: its loader still runs there.
    const other = await openTab(session, 'https://app.fintrack.io/help/why-mx');
    const loaded = await other.page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const script = document.createElement('script');
          script.src = 'https://cdn.teller.io/connect/connect.js';
          script.onload = () => resolve(typeof (window as { TellerConnect?: unknown }).TellerConnect === 'object');
          script.onerror = () => resolve(false);
          document.head.append(script);
        }),
      undefined,
    );
    expect(loaded, "Teller's loader on a site that was not blocked").toBe(true);
    await other.page.close();
  });

  it.runIf(target.available)('the return to the app records whether the person allowed or declined', async () => {
    const facebook = PROVIDERS.find((p) => p.id === 'facebook')!.fixtures.positive[0]!;
    const { page } = await openTab(session, facebook);
    await page.goto('https://www.budgetly.app/auth/facebook?code=AQD-secret-code&state=xyz');
    const granted = await eventually(
      () => recordsFor(session, 'budgetly.app'),
      (records) => records.some((r) => r.channel === 'oauth' && r.status === 'granted'),
      'the Facebook link to read granted',
    );
    const record = granted.find((r) => r.channel === 'oauth')!;
    expect(JSON.stringify(record.history), 'the code never reaches the ledger').not.toContain('AQD-secret-code');

    const github = PROVIDERS.find((p) => p.id === 'github')!.fixtures.positive[0]!;
    await page.goto(github);
    await page.goto('https://app.mailsort.io/integrations/github/callback?error=access_denied&state=gh-4c1d9e');
    await eventually(
      () => recordsFor(session, 'app.mailsort.io'),
      (records) => records.some((r) => r.providerId === 'github' && r.status === 'declined'),
      'the GitHub link to read declined',
    );
    await page.close();
  });

  it.runIf(target.available)("Don't show on this site mutes the notice there but still records", async () => {
    const { page, tabId } = await openTab(session, MESSENGER);
    // A prompt on the provider's own site cannot be blocked: Allow, Details, then the mute button.
    await choose(page, 2);
    const settings = await session.inExtension(async () => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.storage.local.get('settings')).settings as { mutedSites: string[] };
    }, undefined);
    expect(settings.mutedSites).toContain('messenger.com');
    await page.close();

    const again = await openTab(session, MESSENGER);
    await eventually(() => badgeText(session, again.tabId), (text) => text === '1', 'the badge on the muted site');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await noticePresent(again.page)).toBe(false);
    expect(tabId).not.toBe(again.tabId);
    await again.page.close();
  });
});
