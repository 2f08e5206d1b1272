import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import facebook from '../src/providers/facebook.ts';
import plaid from '../src/providers/plaid.ts';
import { chromiumLaunchOptions } from '../test/e2e/chromium.ts';
import { DIST, FIXTURES, scratchDir } from '../test/e2e/paths.ts';
import { startFixtureServer } from '../test/e2e/server.ts';
import { type BenchFigure, median } from './figures.ts';

/**
 * What the content script costs the pages it runs in, in real Chromium with the built extension:
 * its size, the time of its first run (which includes the first scan) on a generated page of
 * 20,000 elements, the work it does afterwards, and the page-load time with and without it.
 *
 * Script time is read from a Chromium trace (devtools.timeline: EvaluateScript and FunctionCall
 * events carry the URL of the script they run), so the content script exposes nothing to pages.
 * The page-load comparison runs two Chromium instances with the same flags, one without the
 * extension, and loads each page in them alternately.
 */

const CONTENT_SCRIPT = 'src/content/index.js';
const SIZED_SCRIPTS = [CONTENT_SCRIPT, 'src/content/revoke.js'];
const SIZE_BUDGET_KB = 15;
const OVERHEAD_BUDGET_PERCENT = 3;

const GENERATOR_FILE = join(FIXTURES, 'bench.linkwatch.test/index.html');
const GENERATED_ORIGIN = 'https://bench.linkwatch.test';
const GENERATED_PAGE = `${GENERATED_ORIGIN}/`;
/** A bank's site, where the scanner also reads prompts; the generator page is routed in there. */
const BANK_PAGE = 'https://www.chase.com/linkwatch-bench/';
const ELEMENTS = 20_000;
const APPENDED = 1_000;
const APPEND_EVENT = 'linkwatch-bench-append';
/** Long enough for the document_idle injection and any callbacks the first scan schedules. */
const SETTLE_MS = 1_000;

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
  /** The content script's URL, as trace events name it; null without the extension. */
  readonly contentScriptUrl: string | null;
}

/**
 * Chromium as the e2e harness launches it, with or without the built extension: both instances
 * of the page-load comparison come from here so that the extension is their only difference.
 */
async function launchBenchChromium(withExtension: boolean): Promise<BenchBrowser> {
  const context = await chromium.launchPersistentContext(
    scratchDir(withExtension ? 'bench-with' : 'bench-without'),
    chromiumLaunchOptions(withExtension ? DIST.chrome : null),
  );
  if (!withExtension) return { context, contentScriptUrl: null };
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, contentScriptUrl: `chrome-extension://${new URL(worker.url()).host}/${CONTENT_SCRIPT}` };
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
  /** The content script's first run: compile, start-up and the first scan. */
  readonly firstRunMs: number;
  /** Everything the content script ran after its first run, until the page settled. */
  readonly afterMs: number;
}

/** Loads `url` in a fresh tab under a trace, waits for `settled`, and times the content script. */
async function traceScan(browser: BenchBrowser, url: string, settled: (page: Page) => Promise<unknown>): Promise<ScanSample> {
  const page = await browser.context.newPage();
  try {
    const events = await traced(page, async () => {
      await page.goto(url);
      await settled(page);
    });
    const mine = events.filter((event) => event.url === browser.contentScriptUrl);
    const firstRun = mine.find((event) => event.name === 'EvaluateScript');
    if (!firstRun) throw new Error(`the content script did not run on ${url}`);
    return { firstRunMs: scriptMs([firstRun]), afterMs: scriptMs(mine.filter((event) => event.start >= firstRun.end)) };
  } finally {
    await page.close();
  }
}

async function scanSamples(browser: BenchBrowser, runs: number, url: string, settled: (page: Page) => Promise<unknown>): Promise<ScanSample[]> {
  const samples: ScanSample[] = [];
  // Run 0 warms up: the first load in a fresh browser also pays for reading the script from disk.
  for (let run = 0; run <= runs; run++) {
    const sample = await traceScan(browser, url, settled);
    if (run > 0) samples.push(sample);
  }
  return samples;
}

const settle = (page: Page) => page.waitForTimeout(SETTLE_MS);
const settleAfterNotice = async (page: Page) => {
  await page.waitForSelector('linkwatch-notice', { state: 'attached', timeout: 10_000 });
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
  const empty = await scanSamples(browser, runs, `${GENERATED_PAGE}?nodes=0`, settle);
  const nothing = await scanSamples(browser, runs, GENERATED_PAGE, checked);
  const widget = await scanSamples(browser, runs, `${GENERATED_PAGE}?widget=plaid`, settleAfterNotice);

  const generator = readFileSync(GENERATOR_FILE);
  await browser.context.route(`${BANK_PAGE}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: generator }));
  const bank = await scanSamples(browser, runs, BANK_PAGE, checked);
  await browser.context.unrouteAll();

  return [
    { name: `scan: content script first run, empty page: start-up alone (${ofRuns})`, value: firstRunOf(empty), unit: 'ms' },
    { name: `scan: content script first run, ${count} elements, nothing to find (${ofRuns})`, value: firstRunOf(nothing), unit: 'ms' },
    { name: `scan: content script first run, ${count} elements on a bank's site, prompts read (${ofRuns})`, value: firstRunOf(bank), unit: 'ms' },
    { name: `scan: content script first run, ${count} elements + showing Plaid frame (${ofRuns})`, value: firstRunOf(widget), unit: 'ms' },
    { name: `scan: Plaid frame: content script after its first run, until the notice shows + 1 s (${ofRuns})`, value: afterOf(widget), unit: 'ms' },
    { name: `idle: content script after its first run, ${count} elements, nothing to find, 1 s (${ofRuns})`, value: afterOf(nothing), unit: 'ms' },
    { name: `idle: same on the bank's site (${ofRuns})`, value: afterOf(bank), unit: 'ms' },
  ];
}

interface AppendSample {
  /** The page's scripts and the content script together; observer callbacks nest in the page's calls. */
  readonly scriptMs: number;
  readonly contentMs: number;
}

/** Appends APPENDED elements to a loaded, settled 20,000-element page and times the scripts meanwhile. */
async function traceAppend(browser: BenchBrowser): Promise<AppendSample> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${GENERATED_PAGE}?append=${APPENDED}`);
    await settle(page);
    const events = await traced(page, async () => {
      await page.evaluate((name) => dispatchEvent(new Event(name)), APPEND_EVENT);
      await page.waitForFunction((count) => document.documentElement.dataset.benchAppended === String(count), APPENDED);
      await page.waitForTimeout(SETTLE_MS);
    });
    const isContentScript = (event: TraceEvent) => event.url === browser.contentScriptUrl;
    return {
      scriptMs: scriptMs(events.filter((event) => isContentScript(event) || event.url.startsWith(GENERATED_ORIGIN))),
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
  const what = `${APPENDED.toLocaleString('en')} elements appended in batches of 50 to ${ELEMENTS.toLocaleString('en')}`;
  return [
    { name: `mutations: content script time, ${what} (median of ${runs})`, value: median(withSamples.map((sample) => sample.contentMs)), unit: 'ms' },
    {
      name: `mutations: extra script time with the extension, ${what} (${withMs.toFixed(1)} ms with, ${withoutMs.toFixed(1)} ms without)`,
      value: withMs - withoutMs,
      unit: 'ms',
    },
  ];
}

/** Milliseconds from navigation start to the end of the load event, for the page in `tab`. */
async function loadTime(tab: Page, url: string): Promise<number> {
  await tab.goto(url);
  return tab.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const read = () => {
          const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          if (navigation && navigation.loadEventEnd > 0) resolve(navigation.loadEventEnd);
          else setTimeout(read, 10);
        };
        read();
      }),
  );
}

async function overheadFigures(withIt: BenchBrowser, without: BenchBrowser, runs: number): Promise<BenchFigure[]> {
  const pages: readonly (readonly [string, string])[] = [
    [`generated page, ${ELEMENTS.toLocaleString('en')} elements, nothing to find`, GENERATED_PAGE],
    ['generated page + showing Plaid frame', `${GENERATED_PAGE}?widget=plaid`],
    ['fixture: blog post about Plaid (negative)', plaid.fixtures.negative[0] as string],
    ['fixture: Plaid Link opening (positive)', plaid.fixtures.positive[0] as string],
    ['fixture: Facebook OAuth dialog (positive)', facebook.fixtures.positive[0] as string],
  ];
  const tabs = [await withIt.context.newPage(), await without.context.newPage()] as const;
  const figures: BenchFigure[] = [];
  for (const [label, url] of pages) {
    const samples: [number[], number[]] = [[], []];
    for (let run = 0; run <= runs; run++) {
      // Alternate which browser goes first, so neither always loads right after the other.
      for (const which of run % 2 === 0 ? [0, 1] : [1, 0]) {
        const time = await loadTime(tabs[which] as Page, url);
        if (run > 0) samples[which]?.push(time);
      }
    }
    const [withMs, withoutMs] = samples.map(median) as [number, number];
    figures.push({
      name: `load: ${label} (load event ${withMs.toFixed(1)} ms with, ${withoutMs.toFixed(1)} ms without, median of ${runs})`,
      value: ((withMs - withoutMs) / withoutMs) * 100,
      unit: '%',
      budget: OVERHEAD_BUDGET_PERCENT,
    });
  }
  await Promise.all(tabs.map((tab) => tab.close()));
  return figures;
}

export async function runContentBench(options: ContentBenchOptions = {}): Promise<BenchFigure[]> {
  const scanRuns = options.scanRuns ?? 11;
  const loadRuns = options.loadRuns ?? 21;
  const figures = sizeFigures();
  const server = await startFixtureServer();
  const browsers: BenchBrowser[] = [];
  try {
    const withIt = await launchBenchChromium(true);
    browsers.push(withIt);
    figures.push(...(await scanFigures(withIt, scanRuns)));
    const without = await launchBenchChromium(false);
    browsers.push(without);
    figures.push(...(await appendFigures(withIt, without, scanRuns)));
    figures.push(...(await overheadFigures(withIt, without, loadRuns)));
    return figures;
  } finally {
    await Promise.all(browsers.map((browser) => browser.context.close()));
    await server.close();
  }
}
