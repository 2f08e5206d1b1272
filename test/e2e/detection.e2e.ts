import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/providers/index.ts';
import { BROWSERS } from './browsers.ts';
import { badgeText, eventually, noticeShown, openTab, type ExtensionSession, type TestPage } from './session.ts';

// Every provider's evidence, in a real browser: positives raise the badge and the notice; negatives
// (a help page, a script loaded but never shown, a hidden prompt...) raise nothing.
const QUIET_MS = 1200;
/** Tabs navigated in turn by concurrent cases: opening and closing tabs is what is slow and flaky. */
const LANES = 4;

interface Lane {
  readonly page: TestPage;
  readonly tabId: number;
}

class LanePool {
  private readonly idle: Lane[] = [];
  private readonly waiting: ((lane: Lane) => void)[] = [];

  add(lane: Lane): void {
    const next = this.waiting.shift();
    if (next) next(lane);
    else this.idle.push(lane);
  }

  async use<T>(task: (lane: Lane) => Promise<T>): Promise<T> {
    const lane = this.idle.pop() ?? (await new Promise<Lane>((resolve) => this.waiting.push(resolve)));
    try {
      return await task(lane);
    } finally {
      this.add(lane);
    }
  }
}

describe.each(BROWSERS)('detection in $name', (target) => {
  let session: ExtensionSession;
  const lanes = new LanePool();

  beforeAll(async () => {
    if (!target.available) return;
    session = await target.launch();
    for (let i = 0; i < LANES; i++) lanes.add(await openTab(session, 'https://www.budgetly.app/blog/how-we-use-plaid'));
  });
  afterAll(async () => {
    await session?.close();
  });

  const cases = PROVIDERS.map((p) => [p.id, p] as const);

  it.runIf(target.available).concurrent.each(cases)('%s: every positive fixture is detected', async (_id, provider) => {
    for (const url of provider.fixtures.positive) {
      await lanes.use(async ({ page, tabId }) => {
        await page.goto(url);
        await eventually(() => badgeText(session, tabId), (text) => Number(text) >= 1, `a badge on ${url}`);
        await eventually(() => noticeShown(page), Boolean, `the notice on ${url}`);
      });
    }
  });

  it.runIf(target.available).concurrent.each(cases)('%s: no negative fixture is detected', async (_id, provider) => {
    for (const url of provider.fixtures.negative) {
      await lanes.use(async ({ page, tabId }) => {
        await page.goto(url);
        await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
        expect(await badgeText(session, tabId), `badge on ${url}`).toBe('');
        expect(await noticeShown(page), `notice on ${url}`).toBe(false);
      });
    }
  });
});
