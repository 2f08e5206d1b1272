import { launchChromium } from '../test/e2e/chromium.ts';
import type { TestPage } from '../test/e2e/session.ts';
import { PROVIDERS } from '../src/providers/index.ts';
import type { ProviderDefinition } from '../src/providers/types.ts';
import type { ConsentRecord, EventKind, LedgerEvent, ScopeEntry } from '../src/ledger/model.ts';
import { buildRecord } from '../src/ledger/rules.ts';
import { ROW_PAINT_TIMING } from '../src/popup/paint-timing.ts';
import { toJson } from '../src/ledger/export.ts';
import type { ImportResult } from '../src/background/ledger-store.ts';
import { type BenchFigure, median } from './figures.ts';

/**
 * How fast the popup shows its first records with a 10,000-record ledger: the built Chrome
 * extension in Chromium, the ledger seeded through the popup's own `import` message, then the
 * popup opened `runs` times. Each run reads, from the browser's own paint timing, the first
 * contentful paint and when the first record's title was painted (Element Timing, on the rows'
 * `elementtiming` attribute). Budget: 100 ms median.
 */

const DAY = 24 * 60 * 60 * 1000;
const POPUP_BUDGET_MS = 100;
const PAINT_TIMEOUT_MS = 5_000;

/** Providers whose scopes make plausible links: identity providers, aggregators and banks. */
const LINKABLE = PROVIDERS.filter((provider) => Object.keys(provider.scopes).length > 0);

function scopesOf(provider: ProviderDefinition, n: number, granted: boolean | null): ScopeEntry[] {
  const entries = Object.entries(provider.scopes);
  const start = n % entries.length;
  const count = 1 + (n % Math.min(4, entries.length));
  const picked = Array.from({ length: count }, (_, i) => entries[(start + i) % entries.length] as (typeof entries)[number]);
  const unique = new Map(picked.map(([scope, meaning]) => [scope, { scope, ...meaning, granted }]));
  return [...unique.values()].sort((a, b) => (a.scope < b.scope ? -1 : 1));
}

/** The n-th synthetic link: a spread of providers, sources, ages and statuses. */
function syntheticRecord(n: number, now: number): ConsentRecord {
  const provider = LINKABLE[n % LINKABLE.length] as ProviderDefinition;
  const aggregator = provider.kind === 'aggregator';
  const grantedAt = now - ((n * 37) % 800) * DAY - (n % 1000) * 1000;
  const site = `app-${n}.example`;
  const event = (at: number, kind: EventKind, seen: string): LedgerEvent => ({ at, kind, evidence: { pageUrl: `https://www.${site}/connect`, seen } });
  const history: LedgerEvent[] = [event(grantedAt - 60_000, 'prompted', `${provider.name} prompt shown`)];
  const declined = n % 11 === 0;
  history.push(event(grantedAt, declined ? 'declined' : 'granted', declined ? 'Declined at the provider' : 'Redirected back with a grant'));
  if (n % 17 === 0) history.push(event(grantedAt + DAY, 'revoke-requested', 'Revoke chosen in the Linkwatch popup'));
  if (n % 29 === 0) history.push(event(grantedAt + DAY, 'blocked', 'Block chosen in the Linkwatch notice'));
  return buildRecord(
    {
      id: `synthetic-${n}`,
      source: aggregator ? { label: 'Bank account', providerId: null } : { label: provider.source, providerId: provider.id },
      recipient: { site, clientId: aggregator ? null : String(100_000 + n), name: n % 5 === 0 ? `App ${n}` : null },
      intermediary: aggregator ? { providerId: provider.id, name: provider.name } : null,
      providerId: provider.id,
      channel: aggregator ? 'widget' : 'oauth',
      scopes: scopesOf(provider, n, declined ? false : true),
      durationDays: aggregator || provider.kind === 'bank' ? 365 : null,
      history: [],
    },
    history,
  );
}

/** A Linkwatch JSON export of `count` synthetic records, for seeding a browser through `import`. */
export function syntheticLedgerJson(count: number, now = Date.now()): string {
  return toJson(
    Array.from({ length: count }, (_, n) => syntheticRecord(n, now)),
    { now },
  );
}

interface PaintTimes {
  /** When the first record's title was painted. */
  readonly rows: number;
  readonly contentful: number;
}

/** The popup's paint times, from the browser's own paint timing; fails if no record shows. */
function paintTimes(popup: TestPage): Promise<PaintTimes> {
  return popup.evaluate(
    ([identifier, timeoutMs]) =>
      new Promise<PaintTimes>((resolve, reject) => {
        setTimeout(() => reject(new Error('the popup never showed its first records')), timeoutMs);
        // Element entries reach only observers; `buffered` replays the ones already painted.
        const firstOf = (type: string, pick: (entries: PerformanceEntryList) => number | undefined) =>
          new Promise<number>((found) =>
            new PerformanceObserver((list) => {
              const at = pick(list.getEntries());
              if (at !== undefined) found(at);
            }).observe({ type, buffered: true }),
          );
        const rows = firstOf('element', (entries) => {
          const row = entries.find((entry) => (entry as PerformanceEntry & { identifier: string }).identifier === identifier);
          return (row as (PerformanceEntry & { renderTime: number }) | undefined)?.renderTime;
        });
        const contentful = firstOf('paint', (entries) => entries.find((entry) => entry.name === 'first-contentful-paint')?.startTime);
        void Promise.all([rows, contentful]).then(([rowsAt, contentfulAt]) => resolve({ rows: rowsAt, contentful: contentfulAt }));
      }),
    [ROW_PAINT_TIMING, PAINT_TIMEOUT_MS] as const,
  );
}

export async function runPopupBench(options: { records?: number; runs?: number; coldRuns?: number } = {}): Promise<BenchFigure[]> {
  const records = options.records ?? 10_000;
  const runs = options.runs ?? 15;
  const coldRuns = options.coldRuns ?? 5;
  const session = await launchChromium();
  try {
    const imported = await session.inExtension(async (text: string) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.runtime.sendMessage({ type: 'import', text })) as ImportResult;
    }, syntheticLedgerJson(records));
    if (!imported.ok || imported.added !== records) throw new Error(`seeding the ledger failed: ${JSON.stringify(imported)}`);

    const warm: PaintTimes[] = [];
    // One warm-up open: the first one also pays for loading the extension's code from disk.
    for (let run = 0; run <= runs; run++) {
      const popup = await session.openPopup();
      const painted = await paintTimes(popup);
      await popup.close();
      if (run > 0) warm.push(painted);
    }
    // Chrome stops an idle worker after 30 s: the popup then waits for it to start and read the ledger.
    const cold: PaintTimes[] = [];
    for (let run = 0; run < coldRuns; run++) {
      await session.stopWorker();
      const popup = await session.openPopup();
      cold.push(await paintTimes(popup));
      await popup.close();
    }
    const count = records.toLocaleString('en');
    const medianOf = (samples: readonly PaintTimes[], key: keyof PaintTimes) => Math.round(median(samples.map((sample) => sample[key])));
    return [
      { name: `popup: first records painted, ${count} records (median of ${runs})`, value: medianOf(warm, 'rows'), unit: 'ms', budget: POPUP_BUDGET_MS },
      { name: `popup: first contentful paint, ${count} records (median of ${runs})`, value: medianOf(warm, 'contentful'), unit: 'ms', budget: POPUP_BUDGET_MS },
      { name: `popup: first records painted, ${count} records, worker stopped before (median of ${coldRuns})`, value: medianOf(cold, 'rows'), unit: 'ms' },
      { name: `popup: first contentful paint, worker stopped before (median of ${coldRuns})`, value: medianOf(cold, 'contentful'), unit: 'ms' },
    ];
  } finally {
    await session.close();
  }
}
