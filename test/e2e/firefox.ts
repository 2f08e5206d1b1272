import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { DIST, LOOPBACK_IP, scratchDir } from './paths.ts';
import type { ExtensionSession, TestFrame, TestPage } from './session.ts';
import manifest from '../../manifest.json' with { type: 'json' };

export const FIREFOX_PATH = process.env.LINKWATCH_FIREFOX ?? '/usr/bin/firefox-esr';
const GECKO_ID = manifest.browser_specific_settings.gecko.id;
/** Pinned so the test knows the moz-extension:// origin; Firefox picks a random one otherwise. */
const EXTENSION_UUID = '6c1f7a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const BASE = `moz-extension://${EXTENSION_UUID}`;

function wrapFrame(frame: Frame): TestFrame {
  return {
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => frame.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>,
    focus: (selector) => frame.focus(selector),
  };
}

function wrap(page: Page): TestPage {
  return {
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    url: () => page.url(),
    waitForSelector: (selector, options) =>
      page.waitForSelector(selector, {
        timeout: options?.timeout,
        visible: options?.state === 'visible' || undefined,
        hidden: options?.state === 'hidden' || options?.state === 'detached' || undefined,
      }),
    // Arguments cross into the page as JSON; puppeteer's FlattenHandle<A> is A for those.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>,
    focus: (selector) => page.focus(selector),
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
    frames: () => page.frames().map(wrapFrame),
    setViewport: (width, height) => page.setViewport({ width, height }),
    setColorScheme: (scheme) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
  };
}

/** Extension pages hang on 'load' under BiDi; 'commit' then a selector is the reliable wait. */
async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${BASE}/${path}`, { waitUntil: 'commit' as never });
  await page.waitForSelector('body');
  return page;
}

/**
 * Debian's Firefox ESR with the built extension installed as a temporary add-on. Every hostname
 * resolves to the fixture server; Firefox's own services are switched off.
 */
export async function launchFirefox(options: { userDataDir?: string } = {}): Promise<ExtensionSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: options.userDataDir ?? scratchDir('firefox-profile'),
    defaultViewport: { width: 1280, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.forceResolve': LOOPBACK_IP,
      'network.trr.mode': 5,
      'network.dns.disableIPv6': true,
      'network.http.http3.enable': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // A temporary add-on is uninstalled when Firefox quits; keep its storage for restart tests.
      'extensions.webextensions.keepStorageOnUninstall': true,
    },
  });
  await browser.installExtension(DIST.firefox);

  let extensionPage: Page | null = null;
  const extensionContext = async (): Promise<Page> => {
    if (extensionPage && !extensionPage.isClosed()) return extensionPage;
    extensionPage = await openExtensionPage(browser, 'src/popup/index.html?harness=1');
    return extensionPage;
  };

  return {
    browserName: 'firefox',
    async openPage(url) {
      // A window each: Firefox renders only a window's selected tab, and a widget counts only once
      // it is on screen (an IntersectionObserver in its frame), as for a person.
      const page = await browser.newPage({ type: 'window' });
      await page.goto(url);
      return wrap(page);
    },
    async openPopup(forTab) {
      return wrap(await openExtensionPage(browser, `src/popup/index.html${forTab === undefined ? '' : `?tab=${forTab}`}`));
    },
    async inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A) {
      return (await extensionContext()).evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
    },
    close: () => browser.close(),
  };
}
