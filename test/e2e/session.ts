/**
 * What every e2e test needs from a browser with Linkwatch installed, the same in Chromium
 * (playwright-core) and Firefox ESR (puppeteer-core over WebDriver BiDi).
 */

/** One frame of a page: the top one, or a frame inside it (a widget's, for instance). */
export interface TestFrame {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  focus(selector: string): Promise<void>;
}

export interface TestPage {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  url(): string;
  waitForSelector(selector: string, options?: { timeout?: number; state?: 'attached' | 'detached' | 'visible' | 'hidden' }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  focus(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
  bringToFront(): Promise<void>;
  /** The page's frames, the top one first. */
  frames(): TestFrame[];
  /** Resizes the page's viewport, e.g. to a popup's size for a screenshot. */
  setViewport?(width: number, height: number): Promise<void>;
  /** Emulates the system's light or dark preference (`prefers-color-scheme`). */
  setColorScheme?(scheme: 'light' | 'dark'): Promise<void>;
}

export interface ExtensionSession {
  readonly browserName: 'chromium' | 'firefox';
  /** Opens a new tab on `url` and waits for the load event. */
  openPage(url: string): Promise<TestPage>;
  /** The extension's popup, opened as a tab; `forTab` selects which tab it reports on. */
  openPopup(forTab?: number): Promise<TestPage>;
  /**
   * Runs `fn` in an extension page, where the extension API is `globalThis.browser` (Firefox) or
   * `globalThis.chrome` (Chromium); both return promises in MV3.
   */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

/**
 * The browser's tab id for `page`. Linkwatch has no `tabs` permission, so tab URLs are hidden from
 * it; the page is brought to the front and the extension asks for the active tab instead.
 */
let activeTabLock: Promise<unknown> = Promise.resolve();

/** Runs `task` alone: "make a tab active, then ask which tab is active" must not interleave. */
function withActiveTab<T>(task: () => Promise<T>): Promise<T> {
  const turn = activeTabLock.then(task);
  activeTabLock = turn.catch(() => undefined);
  return turn;
}

async function activeTabId(session: ExtensionSession, page: TestPage): Promise<number> {
  await page.bringToFront();
  const id = await session.inExtension(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  }, undefined);
  if (id < 0) throw new Error(`no active tab for ${page.url()}`);
  return id;
}

/**
 * The browser's tab id for `page`. Linkwatch has no `tabs` permission, so tab URLs are hidden from
 * it; the page is brought to the front and the extension asks for the active tab instead.
 */
export function tabIdOf(session: ExtensionSession, page: TestPage): Promise<number> {
  return withActiveTab(async () => {
    // Opens the extension page the query runs in first, so it is not the tab that ends up active.
    await session.inExtension(() => true, undefined);
    return activeTabId(session, page);
  });
}

/** Opens `url` in a new tab and learns its id, safe to use from concurrent tests. */
export function openTab(session: ExtensionSession, url: string): Promise<{ page: TestPage; tabId: number }> {
  return withActiveTab(async () => {
    await session.inExtension(() => true, undefined);
    const page = await session.openPage(url);
    return { page, tabId: await activeTabId(session, page) };
  });
}

export async function badgeText(session: ExtensionSession, tabId: number): Promise<string> {
  return session.inExtension(async (id: number) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
}

export async function readStorage(session: ExtensionSession): Promise<Record<string, unknown>> {
  return session.inExtension(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return api.storage.local.get(null);
  }, undefined);
}

/** Polls `read` until `accept` holds, or fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The frame that holds Linkwatch's notice, or null: the page itself for a prompt or a consent
 * page, the aggregator's own frame for a widget (nothing of Linkwatch runs in the embedding page).
 */
export async function noticeFrame(page: TestPage): Promise<TestFrame | null> {
  for (const frame of page.frames()) {
    // A frame that navigates or goes away while it is asked holds no notice.
    const present = await frame.evaluate(() => document.querySelector('linkwatch-notice') !== null, undefined).catch(() => false);
    if (present) return frame;
  }
  return null;
}

export async function waitForNotice(page: TestPage, timeoutMs = 5000): Promise<TestFrame> {
  return (await eventually(() => noticeFrame(page), Boolean, `the notice on ${page.url()}`, timeoutMs)) as TestFrame;
}

/** Whether the notice is on screen: in a frame with a box of its own. */
export async function noticeShown(page: TestPage): Promise<boolean> {
  const frame = await noticeFrame(page);
  if (!frame) return false;
  return frame
    .evaluate(() => {
      const box = document.querySelector('linkwatch-notice')?.getBoundingClientRect();
      return !!box && box.width > 0 && box.height > 0;
    }, undefined)
    .catch(() => false);
}
