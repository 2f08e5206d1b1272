import { LedgerStore } from '../src/background/ledger-store.ts';
import type { LedgerQuery } from '../src/ledger/index.ts';
import type { DetectionInput, DetectionOutcome, ScopeReading } from '../src/ledger/model.ts';
import { MemoryStorageArea } from '../src/ledger/storage-area.ts';
import facebook from '../src/providers/facebook.ts';
import plaid from '../src/providers/plaid.ts';
import { type BenchFigure, median } from './figures.ts';

/**
 * The ledger at the scale the issue sets (10,000 records, 100,000 events), built through the real
 * LedgerStore and Ledger over an in-memory storage area, then timed: add, update and the popup's
 * queries, median of `runs` each. Budget: under 5 ms median each.
 */

export interface BenchResult {
  readonly name: string;
  readonly medianMs: number;
  readonly runs: number;
}

export interface BenchOptions {
  readonly records?: number;
  readonly eventsPerRecord?: number;
  readonly runs?: number;
}

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2025, 0, 1);
const NOW = START + 500 * DAY;
const OUTCOMES: readonly DetectionOutcome[] = ['prompted', 'abandoned', 'prompted', 'granted', 'prompted', 'declined'];

function readings(provider: typeof facebook | typeof plaid, count: number, offset: number): ScopeReading[] {
  const entries = Object.entries(provider.scopes);
  return Array.from({ length: count }, (_, i) => {
    const [scope, meaning] = entries[(offset + i) % entries.length] as [string, (typeof entries)[number][1]];
    return { scope, ...meaning };
  });
}

/** The n-th link, seen for the k-th time: alternating Facebook Login and Plaid Link on many sites. */
function detection(n: number, k: number): DetectionInput {
  const at = START + ((n * 7 + k * 13) % 480) * DAY + n;
  const evidence = { pageUrl: `https://www.site-${n}.example/connect?step=${k}`, seen: `detection ${k} of link ${n}` };
  const site = `site-${n}.example`;
  const outcome = OUTCOMES[(n + k) % OUTCOMES.length] as DetectionOutcome;
  if (n % 2 === 0) {
    return {
      channel: 'oauth',
      providerId: 'facebook',
      providerKind: 'identity',
      source: { label: 'Facebook account', providerId: 'facebook' },
      recipient: { site, clientId: String(100000 + n), name: n % 3 === 0 ? `App number ${n}` : null },
      intermediary: null,
      scopes: readings(facebook, 1 + (n % 4), n % 7),
      outcome,
      evidence,
      at,
    };
  }
  return {
    channel: 'widget',
    providerId: 'plaid',
    providerKind: 'aggregator',
    source: { label: 'Bank account', providerId: null },
    recipient: { site, clientId: null, name: null },
    intermediary: { providerId: 'plaid', name: 'Plaid' },
    scopes: readings(plaid, 2 + (n % 3), n % 5),
    outcome,
    evidence,
    at,
  };
}

async function time(name: string, runs: number, operation: (run: number) => unknown): Promise<BenchResult> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await operation(run);
    samples.push(performance.now() - start);
  }
  return { name, medianMs: median(samples), runs };
}

export async function runLedgerBench(options: BenchOptions = {}): Promise<BenchResult[]> {
  const records = options.records ?? 10_000;
  const eventsPerRecord = options.eventsPerRecord ?? 10;
  const runs = options.runs ?? 200;
  const providerById = (id: string) => [facebook, plaid].find((provider) => provider.id === id);
  const area = new MemoryStorageArea();
  let ids = 0;
  const newId = () => `bench-${++ids}`;
  const store = new LedgerStore(area, { providerById, now: () => NOW, newId });
  await store.load();

  const results: BenchResult[] = [];
  const buildStart = performance.now();
  // Round-robin, so histories grow together as they would over months of use.
  for (let k = 0; k < eventsPerRecord; k++) for (let n = 0; n < records; n++) await store.record(detection(n, k));
  const buildMs = performance.now() - buildStart;
  results.push({ name: `build: ${records * eventsPerRecord} detections, per detection`, medianMs: buildMs / (records * eventsPerRecord), runs: 1 });

  let events = 0;
  for (const record of store.ledger.records()) events += record.history.length;
  if (store.size !== records || events !== records * eventsPerRecord) {
    throw new Error(`Benchmark ledger has ${store.size} records and ${events} events, expected ${records} and ${records * eventsPerRecord}.`);
  }

  results.push(
    await time(`load ${records} records from storage`, Math.min(runs, 5), () =>
      new LedgerStore(area, { providerById, now: () => NOW }).load(),
    ),
  );
  results.push(await time('add: a new link', runs, (run) => store.record(detection(records + run, 0))));
  results.push(await time('update: a link seen again', runs, (run) => store.record(detection((run * 7919) % records, eventsPerRecord))));

  const queries: readonly (readonly [string, LedgerQuery])[] = [
    ['query: first page, most recent', { sort: 'recent', limit: 20, now: NOW }],
    ['query: first page, riskiest', { sort: 'risk', limit: 20, now: NOW }],
    ['query: text search', { sort: 'recent', text: 'site-42', limit: 20, now: NOW }],
    ['query: high risk only', { sort: 'risk', risks: ['high'], limit: 20, now: NOW }],
    ['query: granted, page 10', { sort: 'recent', statuses: ['granted'], offset: 180, limit: 20, now: NOW }],
    ['query: stale only', { sort: 'recent', staleOnly: true, staleMonths: 6, limit: 20, now: NOW }],
  ];
  for (const [name, query] of queries) results.push(await time(name, runs, () => store.ledger.query(query)));
  return results;
}

const LEDGER_BUDGET_MS = 5;

/** For `npm run bench`: every result as a figure; add, update and the queries carry the 5 ms budget. */
export async function ledgerFigures(options?: BenchOptions): Promise<BenchFigure[]> {
  const results = await runLedgerBench(options);
  return results.map((result) => {
    const budgeted = !result.name.startsWith('load') && !result.name.startsWith('build');
    const name = `ledger: ${result.name}${result.runs > 1 ? ` (median of ${result.runs})` : ''}`;
    return budgeted ? { name, value: result.medianMs, unit: 'ms', budget: LEDGER_BUDGET_MS } : { name, value: result.medianMs, unit: 'ms' };
  });
}
