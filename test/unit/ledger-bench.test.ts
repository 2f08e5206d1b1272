import { expect, it } from 'vitest';
import { runLedgerBench } from '../../bench/ledger-bench.ts';

// Keeps the benchmark runnable; timings are measured by `npm run bench`, never asserted here.
it('runs the ledger benchmark end to end at a small size', async () => {
  const results = await runLedgerBench({ records: 60, eventsPerRecord: 3, runs: 3 });
  expect(results.map((result) => result.name)).toEqual([
    'build: 180 detections, per detection',
    'load 60 records from storage',
    'add: a new link',
    'update: a link seen again',
    'query: first page, most recent',
    'query: first page, riskiest',
    'query: text search',
    'query: high risk only',
    'query: granted, page 10',
    'query: stale only',
  ]);
  for (const result of results) {
    expect(result.runs).toBeGreaterThan(0);
    expect(Number.isFinite(result.medianMs)).toBe(true);
  }
});
