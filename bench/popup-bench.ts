import { launchChromium } from '../test/e2e/chromium.ts';
import { PROVIDERS } from '../src/providers/index.ts';
import type { ProviderDefinition } from '../src/providers/types.ts';
import type { ConsentRecord, EventKind, LedgerEvent, ScopeEntry } from '../src/ledger/model.ts';
import { buildRecord } from '../src/ledger/rules.ts';
import { toJson } from '../src/ledger/export.ts';
import type { ImportResult } from '../src/background/ledger-store.ts';
import { type BenchFigure, median } from './figures.ts';

/**
 * How fast the popup shows its first records with a 10,000-record ledger: the built Chrome
 * extension in Chromium, the ledger seeded through the popup's own `import` message, then the
 * popup opened `runs` times; each run reads the `linkwatch:first-rows` mark the list sets once the
 * first frame with records has been produced. Budget: 100 ms median.
 */

const DAY = 24 * 60 * 60 * 1000;
const FIRST_ROWS_MARK = 'linkwatch:first-rows';
const POPUP_BUDGET_MS = 100;

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

export async function runPopupBench(options: { records?: number; runs?: number } = {}): Promise<BenchFigure[]> {
  const records = options.records ?? 10_000;
  const runs = options.runs ?? 15;
  const session = await launchChromium();
  try {
    const imported = await session.inExtension(async (text: string) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.runtime.sendMessage({ type: 'import', text })) as ImportResult;
    }, syntheticLedgerJson(records));
    if (!imported.ok || imported.added !== records) throw new Error(`seeding the ledger failed: ${JSON.stringify(imported)}`);

    const rows: number[] = [];
    const contentful: number[] = [];
    // One warm-up open: the first one also pays for loading the extension's code from disk.
    for (let run = 0; run <= runs; run++) {
      const popup = await session.openPopup();
      let painted: { rows: number; contentful: number } | null = null;
      for (let tries = 0; painted === null && tries < 200; tries++) {
        painted = await popup.evaluate((mark: string) => {
          const rowsAt = performance.getEntriesByName(mark)[0]?.startTime;
          const contentfulAt = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
          return rowsAt === undefined || contentfulAt === undefined ? null : { rows: rowsAt, contentful: contentfulAt };
        }, FIRST_ROWS_MARK);
        if (painted === null) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await popup.close();
      if (painted === null) throw new Error('the popup never showed its first records');
      if (run === 0) continue;
      rows.push(painted.rows);
      contentful.push(painted.contentful);
    }
    const count = records.toLocaleString('en');
    return [
      { name: `popup: first records painted, ${count} records (median of ${runs})`, value: Math.round(median(rows)), unit: 'ms', budget: POPUP_BUDGET_MS },
      { name: `popup: first contentful paint, ${count} records (median of ${runs})`, value: Math.round(median(contentful)), unit: 'ms', budget: POPUP_BUDGET_MS },
    ];
  } finally {
    await session.close();
  }
}
