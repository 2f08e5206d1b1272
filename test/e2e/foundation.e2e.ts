import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './browsers.ts';
import { OUTPUT } from './paths.ts';
import { packetsOffLoopback } from './netwatch.ts';
import { RECORD_PREFIX } from '../../src/ledger/migrations.ts';
import { badgeText, eventually, noticeFrame, readStorage, tabIdOf, waitForNotice, type ExtensionSession } from './session.ts';

const WIDGET_PAGE = 'https://www.budgetly.app/connect-bank';
const QUIET_PAGE = 'https://www.budgetly.app/blog/how-we-use-plaid';

const ledgerRecords = (storage: Record<string, unknown>) => Object.keys(storage).filter((key) => key.startsWith(RECORD_PREFIX));

describe.each(BROWSERS)('foundation in $name', (target) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    if (target.available) session = await target.launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it.runIf(target.available)('content script reports, background stores and badges, popup shows it', async () => {
    const page = await session.openPage(WIDGET_PAGE);
    const tabId = await tabIdOf(session, page);
    await eventually(() => badgeText(session, tabId), (text) => text === '1', 'the badge to count the Plaid widget');
    await waitForNotice(page);

    const storage = await readStorage(session);
    expect(ledgerRecords(storage)).toHaveLength(1);

    const popup = await session.openPopup(tabId);
    await popup.waitForSelector('[data-testid=tab-detections] li');
    const listed = await popup.evaluate(() => document.querySelector('[data-testid=tab-detections]')?.textContent ?? '', undefined);
    expect(listed).toContain('budgetly.app');
    expect(listed).toContain('Plaid');
    await popup.screenshot(join(OUTPUT, `${target.name}-popup-foundation.png`));
    await popup.close();
    await page.close();
  });

  it.runIf(target.available)('a page with nothing to find gets no badge and no notice', async () => {
    const page = await session.openPage(QUIET_PAGE);
    const tabId = await tabIdOf(session, page);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await badgeText(session, tabId)).toBe('');
    expect(await noticeFrame(page)).toBeNull();
    await page.close();
  });

  it.runIf(target.available)('no packet tried to leave loopback', () => {
    const packets = packetsOffLoopback();
    if (process.env.CI === 'true') expect(packets, 'CI runs the e2e suite inside tools/netns.sh').not.toBeNull();
    expect(packets ?? []).toEqual([]);
  });
});
