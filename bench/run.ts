import { runContentBench } from './content-bench.ts';
import type { BenchFigure } from './figures.ts';
import { ledgerFigures } from './ledger-bench.ts';
import { runPopupBench } from './popup-bench.ts';

export type { BenchFigure } from './figures.ts';

/** The benchmarks `npm run bench` runs, in order; `npm run bench -- <name>...` picks some. */
export const BENCHES: Readonly<Record<string, () => Promise<BenchFigure[]>>> = {
  ledger: () => ledgerFigures(),
  popup: () => runPopupBench(),
  content: () => runContentBench(),
};
