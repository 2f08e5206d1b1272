// `npm run bench`: the ledger, popup and content-script benchmarks, measured against the budgets the
// issues set. Prints one table and writes bench/results.json. It reports, it does not gate: over
// budget still exits 0 (timings depend on the machine); only a benchmark that cannot run fails it.
// `npm run bench -- content` runs only the named benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
process.chdir(ROOT);
// Chromium writes caches and profiles under $HOME: point it into the temp dir, as `npm test` does.
const home = join(tmpdir(), 'linkwatch-home');
mkdirSync(home, { recursive: true });
Object.assign(process.env, {
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_CACHE_HOME: join(home, '.cache'),
  XDG_DATA_HOME: join(home, '.local/share'),
});

const dist = process.env.LINKWATCH_DIST ?? 'dist';
if (!existsSync(join(dist, 'chrome/manifest.json'))) {
  console.log(`== build (no extension in ${dist}/)`);
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

// Vite's module runner loads the TypeScript benchmarks as the tests see them, with no extra package.
const { runnerImport } = await import('vite');
const { module } = await runnerImport(join(ROOT, 'bench/run.ts'));
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(module.BENCHES);
const unknown = names.filter((name) => !(name in module.BENCHES));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(module.BENCHES).join(', ')}`);
  process.exit(2);
}

const loadBefore = loadavg();
const rows = [];
const failures = [];
for (const name of names) {
  console.log(`== ${name}`);
  const started = Date.now();
  try {
    for (const figure of await module.BENCHES[name]()) {
      rows.push({ ...figure, budget: figure.budget ?? null, withinBudget: figure.budget === undefined ? null : figure.value <= figure.budget });
    }
    console.log(`== ${name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (error) {
    failures.push(name);
    console.error(`== ${name}: FAILED`, error);
  }
}

const format = (value, unit) => `${value.toFixed(Math.abs(value) < 10 ? 2 : 1)} ${unit}`;
const table = rows.map((row) => [
  row.name,
  format(row.value, row.unit),
  row.budget === null ? '—' : `≤ ${row.budget} ${row.unit}`,
  row.withinBudget === null ? '—' : row.withinBudget ? 'yes' : 'OVER BUDGET',
]);
const header = ['figure', 'value', 'budget', 'within budget'];
const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column].length)));
const line = (cells) => cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
for (const cells of table) console.log(line(cells));

const over = rows.filter((row) => row.withinBudget === false);
const loadAfter = loadavg();
const load = (averages) => averages.map((value) => value.toFixed(2)).join(' ');
console.log(`\n${over.length === 0 ? 'All figures within budget.' : `OVER BUDGET: ${over.length} figure(s): ${over.map((row) => row.name).join('; ')}`}`);
console.log(`Machine: ${cpus().length} cores, load average ${load(loadBefore)} before, ${load(loadAfter)} after (1, 5, 15 min).`);
if (failures.length > 0) console.log(`FAILED to run: ${failures.join(', ')}`);

const chromium = spawnSync(process.env.LINKWATCH_CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim();
writeFileSync(
  join(ROOT, 'bench/results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter, node: process.version, chromium },
      dist,
      figures: rows,
      failed: failures,
    },
    null,
    2,
  )}\n`,
);
console.log('Written: bench/results.json');
process.exit(failures.length > 0 ? 1 : 0);
