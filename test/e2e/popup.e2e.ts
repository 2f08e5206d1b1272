import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './browsers.ts';
import { OUTPUT } from './paths.ts';
import { badgeText, eventually, tabIdOf, type ExtensionSession, type TestPage } from './session.ts';
import facebook from '../../src/providers/facebook.ts';
import { syntheticLedgerJson } from '../../bench/popup-bench.ts';
import type { ImportResult } from '../../src/background/ledger-store.ts';

const WIDGET_PAGE = 'https://www.budgetly.app/connect-bank';
const OAUTH_PAGE = facebook.fixtures.positive.find((url) => url.includes('/dialog/oauth')) as string;
const PROMPT_PAGE = 'https://www.messenger.com/t/chasebank';
const POPUP_SIZE = { width: 420, height: 720 } as const;

interface Saved {
  readonly name: string;
  readonly text: string;
}

const rowCount = (popup: TestPage) => popup.evaluate(() => document.querySelectorAll('[data-testid=link-row]').length, undefined);
const textOf = (popup: TestPage, selector: string) => popup.evaluate((s: string) => document.querySelector(s)?.textContent ?? '', selector);

async function typeText(popup: TestPage, selector: string, text: string): Promise<void> {
  await popup.focus(selector);
  for (const key of text) await popup.press(key);
}

/** Keyboard only, like a person without a mouse: focus the control, press Enter. */
async function activate(popup: TestPage, selector: string): Promise<void> {
  await popup.waitForSelector(selector, { state: 'visible', timeout: 5000 });
  await popup.focus(selector);
  await popup.press('Enter');
}

async function chooseOption(popup: TestPage, selector: string, value: string): Promise<void> {
  await popup.evaluate(
    ({ s, v }: { s: string; v: string }) => {
      const select = document.querySelector<HTMLSelectElement>(s);
      if (!select) throw new Error(`no ${s}`);
      select.value = v;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { s: selector, v: value },
  );
}

/** Keeps what the popup hands to <a download> instead of letting the browser save it. */
async function captureDownloads(popup: TestPage): Promise<void> {
  await popup.evaluate(() => {
    const saved: { name: string; href: string }[] = [];
    (window as unknown as { __saved: typeof saved }).__saved = saved;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      if (this.download) saved.push({ name: this.download, href: this.href });
    };
  }, undefined);
}

async function lastDownload(popup: TestPage): Promise<Saved> {
  await eventually(
    () => popup.evaluate(() => (window as unknown as { __saved: unknown[] }).__saved.length, undefined),
    (count) => count > 0,
    'the popup to save a file',
  );
  return popup.evaluate(async () => {
    const saved = (window as unknown as { __saved: { name: string; href: string }[] }).__saved;
    const last = saved[saved.length - 1] as { name: string; href: string };
    return { name: last.name, text: await (await fetch(last.href)).text() };
  }, undefined);
}

const dynamicRules = (session: ExtensionSession) =>
  session.inExtension(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return (await api.declarativeNetRequest.getDynamicRules()).length;
  }, undefined);

describe.each(BROWSERS)('popup in $name', (target) => {
  let session: ExtensionSession;
  const shot = (name: string) => join(OUTPUT, target.name === 'chromium' ? `${name}.png` : `${name}-firefox.png`);

  async function openPopup(tabId?: number): Promise<TestPage> {
    const popup = await session.openPopup(tabId);
    await popup.setViewport?.(POPUP_SIZE.width, POPUP_SIZE.height);
    return popup;
  }

  beforeAll(async () => {
    if (target.available) session = await target.launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it.runIf(target.available)('first run explains itself, and an empty ledger says what will appear', async () => {
    const popup = await openPopup();
    await popup.waitForSelector('[data-testid=first-run]');
    await popup.waitForSelector('[data-testid=empty-state]');
    expect(await textOf(popup, '[data-testid=first-run]')).toContain('nothing is ever sent');
    await popup.screenshot(shot('popup-empty'));
    await activate(popup, '[data-testid=intro-ok]');
    await popup.waitForSelector('[data-testid=first-run]', { state: 'detached', timeout: 5000 });
    await popup.close();
  });

  it.runIf(target.available)('after real detections: this page, filter, detail, block with undo, revoke, export', async () => {
    const widget = await session.openPage(WIDGET_PAGE);
    const widgetTab = await tabIdOf(session, widget);
    await eventually(() => badgeText(session, widgetTab), (text) => text === '1', 'the Plaid widget detection');
    const oauth = await session.openPage(OAUTH_PAGE);
    const oauthTab = await tabIdOf(session, oauth);
    await eventually(() => badgeText(session, oauthTab), (text) => text === '1', 'the Facebook OAuth detection');
    const prompt = await session.openPage(PROMPT_PAGE);
    const promptTab = await tabIdOf(session, prompt);
    await eventually(() => badgeText(session, promptTab), (text) => text === '1', 'the Messenger bank prompt');

    const popup = await openPopup(widgetTab);
    await popup.waitForSelector('[data-testid=tab-detections] li');
    expect(await textOf(popup, '[data-testid=tab-detections]')).toContain('Plaid');
    await eventually(() => rowCount(popup), (count) => count === 3, 'three links in the list');
    expect(await textOf(popup, '[data-testid=link-list]')).toContain('budgetly.app');
    await popup.screenshot(shot('popup-few'));

    // Filter: search, then a status filter that matches nothing, then back.
    await typeText(popup, '[data-testid=search]', 'plaid');
    await eventually(() => rowCount(popup), (count) => count === 1, 'the search to leave the Plaid link');
    expect(await textOf(popup, '[data-testid=link-list]')).toContain('budgetly.app');
    await chooseOption(popup, '[data-testid=filter-status]', 'revoked');
    await popup.waitForSelector('[data-testid=no-matches]', { timeout: 5000 });
    await activate(popup, '[data-testid=clear-filters]');
    await eventually(() => rowCount(popup), (count) => count === 3, 'all three links after clearing the filters');

    // Detail of the Plaid link: raw scopes beside their meaning, history with evidence, receipt.
    const plaidId = await popup.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('[data-testid=link-row]')].find((row) => row.textContent?.includes('via Plaid'))?.dataset.recordId ??
        '',
      undefined,
    );
    expect(plaidId).not.toBe('');
    await activate(popup, `[data-record-id="${plaidId}"] .row-main`);
    await popup.waitForSelector('[data-testid=detail]');
    expect(await popup.evaluate(() => document.querySelectorAll('[data-testid=scope-row] code').length, undefined)).toBeGreaterThan(0);
    expect(await textOf(popup, '[data-testid=history-item]')).toContain('Plaid');
    await activate(popup, '[data-testid=receipt-toggle]');
    await popup.waitForSelector('[data-testid=receipt-frame]');
    expect(await popup.evaluate(() => document.querySelector('[data-testid=receipt-frame]')?.getAttribute('sandbox'), undefined)).toBe('');

    // Block, then Undo from the toast: the network rule comes and goes with it.
    expect(await dynamicRules(session)).toBe(0);
    await activate(popup, '[data-testid=block]');
    await popup.waitForSelector('[data-testid=unblock]', { timeout: 5000 });
    expect(await dynamicRules(session)).toBeGreaterThan(0);
    await activate(popup, '[data-testid=toast-undo]');
    await popup.waitForSelector('[data-testid=block]', { timeout: 5000 });
    expect(await dynamicRules(session)).toBe(0);

    // Revoke: blocked here at once, and pending until the provider confirms (the revoke assistant
    // may already have finished on the provider's page by the time this looks).
    await activate(popup, '[data-testid=revoke]');
    await popup.waitForSelector('[data-testid=detail] .status-revocation-pending, [data-testid=detail] .status-revoked', { timeout: 5000 });
    expect(await dynamicRules(session)).toBeGreaterThan(0);
    // Revoke may open the provider's page in front of the popup.
    await popup.bringToFront();

    // One-click Revoke from the list row, on the Facebook link.
    await activate(popup, '[data-testid=back]');
    const facebookId = await popup.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('[data-testid=link-row]')].find((row) => row.getAttribute('aria-label')?.startsWith('Facebook account'))
          ?.dataset.recordId ?? '',
      undefined,
    );
    expect(facebookId).not.toBe('');
    await activate(popup, `[data-record-id="${facebookId}"] [data-testid=row-revoke]`);
    await eventually(
      () => popup.evaluate((id: string) => document.querySelector<HTMLElement>(`[data-record-id="${id}"]`)?.dataset.status ?? null, facebookId),
      (status) => status === 'revocation-pending' || status === 'revoked',
      'the Facebook row to show the revocation',
    );
    await popup.bringToFront();

    // Export from settings: the saved file is the ledger, with the revocation in it.
    await captureDownloads(popup);
    await activate(popup, '[data-testid=settings-button]');
    await activate(popup, '[data-testid=export-json]');
    const json = await lastDownload(popup);
    expect(json.name).toMatch(/^linkwatch-ledger-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(json.text) as { records: { recipient: { site: string }; status: string }[] };
    // The three detections, plus any app the revoke assistant found listed on a provider's page.
    expect(exported.records.length).toBeGreaterThanOrEqual(3);
    expect(exported.records.filter((record) => ['budgetly.app', 'messenger.com'].includes(record.recipient.site)).length).toBe(3);
    expect(exported.records.filter((record) => record.status === 'revocation-pending' || record.status === 'revoked')).toHaveLength(2);
    await activate(popup, '[data-testid=export-csv]');
    await eventually(
      () => lastDownload(popup),
      (saved) => saved.name.endsWith('.csv'),
      'the CSV export',
    );
    expect((await lastDownload(popup)).text).toContain('budgetly.app');

    await popup.close();
    await Promise.all([widget.close(), oauth.close(), prompt.close()]);
  });

  it.runIf(target.available)('many links: 250 imported records, virtualised, grouped by source; dark theme', async () => {
    const before = await session.inExtension(async () => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      return ((await api.runtime.sendMessage({ type: 'get-overview', tabId: null })) as { ledgerSize: number }).ledgerSize;
    }, undefined);
    const total = before + 250;
    const result = await session.inExtension(async (text: string) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.runtime.sendMessage({ type: 'import', text })) as ImportResult;
    }, syntheticLedgerJson(250));
    expect(result).toMatchObject({ ok: true, added: 250 });

    const popup = await openPopup();
    await popup.waitForSelector('[data-testid=link-row]');
    await eventually(() => textOf(popup, '[data-testid=list-total]'), (text) => text.startsWith(`${total} of ${total}`), `the list to count ${total} links`);
    const rendered = await rowCount(popup);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(40);
    expect(await popup.evaluate(() => document.querySelectorAll('[data-testid=group-header]').length, undefined)).toBeGreaterThan(0);
    await popup.screenshot(shot('popup-many'));

    // End moves focus to the last record, which the list renders on the way.
    await popup.focus('[data-testid=link-row] .row-main');
    await popup.press('End');
    await eventually(
      () => popup.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-index]')?.dataset.index ?? '', undefined),
      (index) => index === String(total - 1),
      'focus on the last record',
    );

    if (popup.setColorScheme && target.name === 'chromium') {
      await popup.setColorScheme('dark');
      await popup.press('Home');
      const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor, undefined);
      expect(background).toBe('rgb(27, 27, 31)');
      await popup.screenshot(shot('popup-dark'));
    }
    await popup.close();
  });
});
