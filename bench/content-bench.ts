import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import facebook from '../src/providers/facebook.ts';
import plaid from '../src/providers/plaid.ts';
import { chromiumLaunchOptions, wrap } from '../test/e2e/chromium.ts';
import { DIST, FIXTURES, scratchDir } from '../test/e2e/paths.ts';
import { startFixtureServer } from '../test/e2e/server.ts';
import { waitForNotice } from '../test/e2e/session.ts';
import { type BenchFigure, median } from './figures.ts';

/**
 * What Linkwatch's content scripts cost pages, in real Chromium with the built extension: their
 * size; on an ordinary page of 20,000 elements, that nothing of Linkwatch runs at all; on a
 * provider's site, the page detector's start-up (document_start, then it waits for the parsed
 * page), its first scan once the page is idle and the filtering after; in a Plaid frame, the
 * widget-frame script; and the page load with and without the extension.
 *
 * Script time is read from a Chromium trace (devtools.timeline: EvaluateScript and FunctionCall
 * events carry the URL of the script they run, in every renderer, widget frames' included), so
 * the scripts expose nothing to pages. The page-load comparison runs four fresh Chromium
 * instances with the same flags: no extension, no extension again (the noise floor), Linkwatch,
 * and Linkwatch with empty content scripts (what injecting any script costs). Each round loads
 * the page in all four in a random order; each load is timed by the page's own navigation and
 * paint timing and by the CPU time of its main thread (CDP Performance metrics).
 */

const PAGE_DETECTOR = 'src/content/index.js';
const WIDGET_FRAME = 'src/content/widget-frame.js';
const INJECTED_SCRIPTS = [PAGE_DETECTOR, WIDGET_FRAME];
const SIZED_SCRIPTS = [...INJECTED_SCRIPTS, 'src/content/revoke.js'];
const SIZE_BUDGET_KB = 15;
const OVERHEAD_BUDGET_PERCENT = 3;

const GENERATOR_FILE = join(FIXTURES, 'bench.linkwatch.test/index.html');
const GENERATED_ORIGIN = 'https://bench.linkwatch.test';
const GENERATED_PAGE = `${GENERATED_ORIGIN}/`;
/** A bank's site, where the page detector runs and reads prompts; the generator page is routed in there. */
const BANK_PAGE = 'https://www.chase.com/linkwatch-bench/';
const ELEMENTS = 20_000;
const APPENDED = 1_000;
const APPEND_EVENT = 'linkwatch-bench-append';
/** Long enough for the first scan, which waits until the page is idle, and what it schedules. */
const SETTLE_MS = 1_000;
/** After the load event: the first scan waits for idle, at most the content script's 1 s timeout. */
const LOAD_SETTLE_MS = 1_000;
/**
 * The page-load comparison: no extension twice (what two identical browsers differ by: the
 * protocol's noise), Linkwatch with empty content scripts, Linkwatch.
 */
const LOAD_VARIANTS = ['without', 'without-again', 'empty', 'with'] as const;
type LoadVariant = (typeof LOAD_VARIANTS)[number];

export interface ContentBenchOptions {
  /** Traced loads per scan figure, after one warm-up load. */
  readonly scanRuns?: number;
  /** Loads of each page in each browser for the page-load comparison, after one warm-up. */
  readonly loadRuns?: number;
}

interface TraceEvent {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall']);

/** The script-running events of a raw trace, in microseconds; everything else is dropped. */
function scriptEvent(raw: unknown): TraceEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, ph, ts, dur, args } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || !SCRIPT_EVENTS.has(name) || ph !== 'X') return null;
  if (typeof ts !== 'number' || typeof dur !== 'number') return null;
  const data = typeof args === 'object' && args !== null ? (args as Record<string, unknown>).data : undefined;
  const url = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).url : undefined;
  return typeof url === 'string' ? { name, start: ts, end: ts + dur, url } : null;
}

/** Milliseconds spent in the given events, a call nested in another counted once. */
function scriptMs(events: readonly TraceEvent[]): number {
  const sorted = [...events].sort((a, b) => a.start - b.start);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const { start, end } of sorted) {
    if (end <= coveredUntil) continue;
    total += end - Math.max(start, coveredUntil);
    coveredUntil = end;
  }
  return total / 1000;
}

/** Runs `action` on `page` under a Chromium trace; returns its script events. */
async function traced(page: Page, action: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const raw of value) {
      const event = scriptEvent(raw);
      if (event) events.push(event);
    }
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

interface BenchBrowser {
  readonly context: BrowserContext;
  /** The extension's origin, with which trace events name its scripts; null without the extension. */
  readonly extensionOrigin: string | null;
}

/**
 * Chromium as the e2e harness launches it, with an extension loaded or none: every instance of the
 * page-load comparison comes from here so that the extension is their only difference.
 */
async function launchBenchChromium(extensionDir: string | null, name: string): Promise<BenchBrowser> {
  const context = await chromium.launchPersistentContext(scratchDir(name), chromiumLaunchOptions(extensionDir));
  // The bank's site is the generator page too, in every instance alike.
  const generator = readFileSync(GENERATOR_FILE);
  await context.route(`${BANK_PAGE}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: generator }));
  if (!extensionDir) return { context, extensionOrigin: null };
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // URL.origin is "null" for a scheme Node does not know.
  return { context, extensionOrigin: `chrome-extension://${new URL(worker.url()).host}` };
}

function sizeFigures(): BenchFigure[] {
  return SIZED_SCRIPTS.flatMap((path) => {
    const code = readFileSync(join(DIST.chrome, path));
    return [
      { name: `size: ${path}, raw`, value: code.length / 1000, unit: 'KB' },
      { name: `size: ${path}, gzip -9`, value: gzipSync(code, { level: 9 }).length / 1000, unit: 'KB', budget: SIZE_BUDGET_KB },
    ];
  });
}

interface ScanSample {
  /** The script's first run: compile and start-up, at document_start. */
  readonly firstRunMs: number;
  /** Everything the script ran after its first run, until the page settled. */
  readonly afterMs: number;
  /** Every script of the extension's in the page and its frames. */
  readonly extensionMs: number;
}

const isExtensionScript = (browser: BenchBrowser) => (event: TraceEvent) =>
  browser.extensionOrigin !== null && event.url.startsWith(`${browser.extensionOrigin}/`);

/**
 * Loads `url` in a fresh tab under a trace, waits for `settled`, and times the extension's
 * scripts; `script`, when given, must have run, and its first run is told apart from the rest.
 */
async function traceScan(browser: BenchBrowser, url: string, settled: (page: Page) => Promise<unknown>, script: string | null): Promise<ScanSample> {
  const page = await browser.context.newPage();
  try {
    const events = await traced(page, async () => {
      await page.goto(url);
      await settled(page);
    });
    const ours = events.filter(isExtensionScript(browser));
    const extensionMs = scriptMs(ours);
    if (script === null) return { firstRunMs: 0, afterMs: extensionMs, extensionMs };
    const mine = ours.filter((event) => event.url === `${browser.extensionOrigin}/${script}`);
    const firstRun = mine.find((event) => event.name === 'EvaluateScript');
    if (!firstRun) throw new Error(`${script} did not run on ${url}`);
    return { firstRunMs: scriptMs([firstRun]), afterMs: scriptMs(mine.filter((event) => event.start >= firstRun.end)), extensionMs };
  } finally {
    await page.close();
  }
}

async function scanSamples(
  browser: BenchBrowser,
  runs: number,
  url: string,
  settled: (page: Page) => Promise<unknown>,
  script: string | null,
): Promise<ScanSample[]> {
  const samples: ScanSample[] = [];
  // Run 0 warms up: the first load in a fresh browser also pays for reading the script from disk.
  for (let run = 0; run <= runs; run++) {
    const sample = await traceScan(browser, url, settled, script);
    if (run > 0) samples.push(sample);
  }
  return samples;
}

const settle = (page: Page) => page.waitForTimeout(SETTLE_MS);
/** The widget's notice is drawn inside the widget's own frame. */
const settleAfterNotice = async (page: Page) => {
  await waitForNotice(wrap(page), 10_000);
  await page.waitForTimeout(SETTLE_MS);
};

async function elementsOn(page: Page): Promise<number> {
  return Number(await page.evaluate(() => document.documentElement.dataset.benchElements));
}

async function scanFigures(browser: BenchBrowser, runs: number): Promise<BenchFigure[]> {
  const count = ELEMENTS.toLocaleString('en');
  const firstRunOf = (samples: readonly ScanSample[]) => median(samples.map((sample) => sample.firstRunMs));
  const afterOf = (samples: readonly ScanSample[]) => median(samples.map((sample) => sample.afterMs));
  const ofRuns = `median of ${runs}`;

  const checked = async (page: Page) => {
    const elements = await elementsOn(page);
    if (elements < ELEMENTS) throw new Error(`the generated page has ${elements} elements, expected ${ELEMENTS}`);
    await settle(page);
  };
  const ordinary = await scanSamples(browser, runs, GENERATED_PAGE, checked, null);
  const emptyBank = await scanSamples(browser, runs, `${BANK_PAGE}?nodes=0`, settle, PAGE_DETECTOR);
  const bank = await scanSamples(browser, runs, BANK_PAGE, checked, PAGE_DETECTOR);
  const widget = await scanSamples(browser, runs, `${GENERATED_PAGE}?widget=plaid`, settleAfterNotice, WIDGET_FRAME);
  const extensionOf = (samples: readonly ScanSample[]) => median(samples.map((sample) => sample.extensionMs));

  return [
    { name: `ordinary page: every Linkwatch script, ${count} elements, nothing to find, until 1 s after load (${ofRuns})`, value: extensionOf(ordinary), unit: 'ms' },
    { name: `start-up: page detector's run at document_start, bank's site, empty page (${ofRuns})`, value: firstRunOf(emptyBank), unit: 'ms' },
    { name: `start-up: same, ${count}-element page (${ofRuns})`, value: firstRunOf(bank), unit: 'ms' },
    { name: `scan: after start-up (first scan once the page is idle, prompt wording read, then mutation filtering), bank's site, ${count} elements, nothing to find, until 1 s after load (${ofRuns})`, value: afterOf(bank), unit: 'ms' },
    { name: `widget frame: every Linkwatch script with a showing Plaid frame on the ${count}-element page, until the notice shows + 1 s (${ofRuns})`, value: extensionOf(widget), unit: 'ms' },
  ];
}

interface AppendSample {
  /** The page's scripts and the content script together; observer callbacks nest in the page's calls. */
  readonly scriptMs: number;
  readonly contentMs: number;
}

/** Appends APPENDED elements to a loaded, settled 20,000-element bank page and times the scripts meanwhile. */
async function traceAppend(browser: BenchBrowser): Promise<AppendSample> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${BANK_PAGE}?append=${APPENDED}`);
    await settle(page);
    const events = await traced(page, async () => {
      await page.evaluate((name) => dispatchEvent(new Event(name)), APPEND_EVENT);
      await page.waitForFunction((count) => document.documentElement.dataset.benchAppended === String(count), APPENDED);
      await page.waitForTimeout(SETTLE_MS);
    });
    const isContentScript = isExtensionScript(browser);
    return {
      scriptMs: scriptMs(events.filter((event) => isContentScript(event) || event.url.startsWith(new URL(BANK_PAGE).origin))),
      contentMs: scriptMs(events.filter(isContentScript)),
    };
  } finally {
    await page.close();
  }
}

async function appendFigures(withIt: BenchBrowser, without: BenchBrowser, runs: number): Promise<BenchFigure[]> {
  const withSamples: AppendSample[] = [];
  const withoutSamples: AppendSample[] = [];
  for (let run = 0; run <= runs; run++) {
    const [first, second] = run % 2 === 0 ? [withIt, without] : [without, withIt];
    for (const browser of [first, second]) {
      const sample = await traceAppend(browser);
      if (run > 0) (browser === withIt ? withSamples : withoutSamples).push(sample);
    }
  }
  const withMs = median(withSamples.map((sample) => sample.scriptMs));
  const withoutMs = median(withoutSamples.map((sample) => sample.scriptMs));
  const what = `${APPENDED.toLocaleString('en')} elements appended in batches of 50 to ${ELEMENTS.toLocaleString('en')} on a bank's site`;
  return [
    { name: `mutations: content script time, ${what} (median of ${runs})`, value: median(withSamples.map((sample) => sample.contentMs)), unit: 'ms' },
    {
      name: `mutations: extra script time with the extension, ${what} (${withMs.toFixed(1)} ms with, ${withoutMs.toFixed(1)} ms without)`,
      value: withMs - withoutMs,
      unit: 'ms',
    },
  ];
}

interface LoadSample {
  /** Navigation start to the end of the load event. */
  readonly loadMs: number;
  readonly contentfulMs: number;
  /** CPU time of the page's main thread, navigation to the end of the settle window: all it ran. */
  readonly mainThreadMs: number;
}

interface LoadTab {
  readonly page: Page;
  readonly cdp: CDPSession;
}

async function mainThreadSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
}

/** Loads `url` in `tab` and measures it; the settle window lets the first scan, which waits for idle, run. */
async function loadSample({ page, cdp }: LoadTab, url: string): Promise<LoadSample> {
  await page.goto('about:blank');
  const before = await mainThreadSeconds(cdp);
  await page.goto(url);
  const { loadMs, contentfulMs } = await page.evaluate(
    () =>
      new Promise<{ loadMs: number; contentfulMs: number }>((resolve) => {
        const read = () => {
          const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          const contentful = performance.getEntriesByName('first-contentful-paint')[0];
          if (navigation && navigation.loadEventEnd > 0 && contentful) resolve({ loadMs: navigation.loadEventEnd, contentfulMs: contentful.startTime });
          else setTimeout(read, 10);
        };
        read();
      }),
  );
  await page.waitForTimeout(LOAD_SETTLE_MS);
  const after = await mainThreadSeconds(cdp);
  // A new renderer for the page starts its count at zero.
  return { loadMs, contentfulMs, mainThreadMs: (after >= before ? after - before : after) * 1000 };
}

/**
 * Linkwatch built with empty content scripts: what Chrome costs a page for injecting any content
 * script at all, so the comparison can tell that apart from what Linkwatch's own scripts do.
 */
function emptyContentScriptBuild(): string {
  const dir = scratchDir('bench-empty-content-script');
  cpSync(DIST.chrome, dir, { recursive: true });
  for (const script of INJECTED_SCRIPTS) writeFileSync(join(dir, script), 'void 0;\n');
  return dir;
}

const percentOver = (value: number, base: number) => ((value - base) / base) * 100;

/** Fisher-Yates: every order equally likely, which sorting by a random comparison is not. */
function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

async function overheadFigures(browsers: Readonly<Record<LoadVariant, BenchBrowser>>, runs: number): Promise<BenchFigure[]> {
  // Ordinary pages first (no Linkwatch script runs in them), then a widget (its frame gets the
  // widget-frame script), then the providers' own sites (the page detector runs there).
  const pages: readonly (readonly [string, string])[] = [
    [`generated page, ${ELEMENTS.toLocaleString('en')} elements, nothing to find`, GENERATED_PAGE],
    ['fixture: blog post about Plaid (negative)', plaid.fixtures.negative[0] as string],
    ['fixture: Plaid Link opening (positive)', plaid.fixtures.positive[0] as string],
    [`provider's site: bank page, ${ELEMENTS.toLocaleString('en')} elements`, BANK_PAGE],
    ['provider\'s site: Facebook OAuth dialog (positive)', facebook.fixtures.positive[0] as string],
  ];
  const tabs = {} as Record<LoadVariant, LoadTab>;
  for (const variant of LOAD_VARIANTS) {
    const page = await browsers[variant].context.newPage();
    const cdp = await browsers[variant].context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    tabs[variant] = { page, cdp };
  }
  const figures: BenchFigure[] = [];
  for (const [label, url] of pages) {
    const samples: Record<LoadVariant, LoadSample[]> = { without: [], 'without-again': [], empty: [], with: [] };
    for (let run = 0; run <= runs; run++) {
      // A fresh random order each round, so no browser always loads right after another.
      const order = shuffled(LOAD_VARIANTS);
      for (const variant of order) {
        const sample = await loadSample(tabs[variant], url);
        if (run > 0) samples[variant].push(sample);
      }
    }
    const of = (variant: LoadVariant, key: keyof LoadSample) => median(samples[variant].map((sample) => sample[key]));
    const ms = (variant: LoadVariant, key: keyof LoadSample) => of(variant, key).toFixed(1);
    const medians = `median of ${runs}`;
    figures.push(
      {
        name: `load: ${label}: load event (${ms('with', 'loadMs')} ms with, ${ms('without', 'loadMs')} without, ${ms('empty', 'loadMs')} with empty content scripts; ${medians})`,
        value: percentOver(of('with', 'loadMs'), of('without', 'loadMs')),
        unit: '%',
        budget: OVERHEAD_BUDGET_PERCENT,
      },
      {
        name: `load: ${label}: main-thread CPU time (${ms('with', 'mainThreadMs')} ms with, ${ms('without', 'mainThreadMs')} without, ${ms('empty', 'mainThreadMs')} with empty content scripts; ${medians})`,
        value: percentOver(of('with', 'mainThreadMs'), of('without', 'mainThreadMs')),
        unit: '%',
        budget: OVERHEAD_BUDGET_PERCENT,
      },
      {
        name: `load: ${label}: first contentful paint (${ms('with', 'contentfulMs')} ms with, ${ms('without', 'contentfulMs')} without; ${medians})`,
        value: percentOver(of('with', 'contentfulMs'), of('without', 'contentfulMs')),
        unit: '%',
      },
      {
        name: `load: ${label}: noise floor, a second browser without the extension against the first: load event (${ms('without-again', 'loadMs')} ms)`,
        value: percentOver(of('without-again', 'loadMs'), of('without', 'loadMs')),
        unit: '%',
      },
      {
        name: `load: ${label}: noise floor, the same: main-thread CPU time (${ms('without-again', 'mainThreadMs')} ms)`,
        value: percentOver(of('without-again', 'mainThreadMs'), of('without', 'mainThreadMs')),
        unit: '%',
      },
    );
  }
  await Promise.all(LOAD_VARIANTS.map((variant) => tabs[variant].page.close()));
  return figures;
}

export async function runContentBench(options: ContentBenchOptions = {}): Promise<BenchFigure[]> {
  const scanRuns = options.scanRuns ?? 11;
  const loadRuns = options.loadRuns ?? 15;
  const figures = sizeFigures();
  const server = await startFixtureServer();
  const browsers: BenchBrowser[] = [];
  const launch = async (extensionDir: string | null, name: string) => {
    const browser = await launchBenchChromium(extensionDir, name);
    browsers.push(browser);
    return browser;
  };
  try {
    const scanWith = await launch(DIST.chrome, 'bench-scan-with');
    figures.push(...(await scanFigures(scanWith, scanRuns)));
    const scanWithout = await launch(null, 'bench-scan-without');
    figures.push(...(await appendFigures(scanWith, scanWithout, scanRuns)));
    await Promise.all(browsers.splice(0).map((browser) => browser.context.close()));
    // Fresh instances, so that none has loaded more pages than another before the comparison.
    const loadBrowsers = {
      without: await launch(null, 'bench-load-without'),
      'without-again': await launch(null, 'bench-load-without-again'),
      empty: await launch(emptyContentScriptBuild(), 'bench-load-empty'),
      with: await launch(DIST.chrome, 'bench-load-with'),
    };
    figures.push(...(await overheadFigures(loadBrowsers, loadRuns)));
    return figures;
  } finally {
    await Promise.all(browsers.map((browser) => browser.context.close()));
    await server.close();
  }
}
