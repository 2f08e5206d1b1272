import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { DIST, LOOPBACK_IP, scratchDir } from './paths.ts';
import type { ExtensionSession, TestFrame, TestPage } from './session.ts';

export const CHROMIUM_PATH = process.env.LINKWATCH_CHROMIUM ?? '/usr/bin/chromium';

function wrapFrame(frame: Frame): TestFrame {
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as (arg: unknown) => never, arg),
    focus: (selector) => frame.focus(selector),
  };
}

/** A Playwright page as every e2e test (and the benchmarks) drive it. */
export function wrap(page: Page): TestPage {
  return {
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    url: () => page.url(),
    waitForSelector: (selector, options) => page.waitForSelector(selector, options ?? {}),
    // Arguments cross into the page as JSON; Playwright's Unboxed<A> is A for those.
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    focus: (selector) => page.focus(selector),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
    frames: () => page.frames().map(wrapFrame),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    setColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
  };
}

/**
 * Debian's Chromium as every e2e test and benchmark launches it, with `extensionDir` loaded (or
 * none): every hostname resolves to the fixture server on loopback, background networking is off.
 */
export function chromiumLaunchOptions(extensionDir: string | null): LaunchOptions {
  return {
    executablePath: CHROMIUM_PATH,
    // Playwright switches the whole extension system off by default. Without an extension to load
    // it stays on too, so a comparison with and without Linkwatch differs by Linkwatch alone.
    ignoreDefaultArgs: ['--disable-extensions'],
    headless: false,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=OptimizationHints,MediaRouter,Translate',
      `--host-resolver-rules=MAP * ${LOOPBACK_IP}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
    ],
  };
}

type LaunchOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

export interface ChromiumSession extends ExtensionSession {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** Stops the extension's service worker, as Chrome does when it is idle. */
  stopWorker(): Promise<void>;
}

/** Debian's Chromium with the built extension loaded. */
export async function launchChromium(options: { userDataDir?: string } = {}): Promise<ChromiumSession> {
  const userDataDir = options.userDataDir ?? scratchDir('chromium-profile');
  const context = await chromium.launchPersistentContext(userDataDir, chromiumLaunchOptions(DIST.chrome));
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}`;

  let extensionPage: Page | null = null;
  const extensionContext = async (): Promise<Page> => {
    if (extensionPage && !extensionPage.isClosed()) return extensionPage;
    extensionPage = await context.newPage();
    await extensionPage.goto(`${base}/src/popup/index.html?harness=1`);
    return extensionPage;
  };

  return {
    browserName: 'chromium',
    context,
    extensionId,
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async openPopup(forTab) {
      const page = await context.newPage();
      await page.goto(`${base}/src/popup/index.html${forTab === undefined ? '' : `?tab=${forTab}`}`);
      return wrap(page);
    },
    async inExtension(fn, arg) {
      return (await extensionContext()).evaluate(fn as (arg: unknown) => never, arg);
    },
    async stopWorker() {
      const page = await extensionContext();
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    close: () => context.close(),
  };
}
