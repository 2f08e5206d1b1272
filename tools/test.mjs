// `npm test`: typecheck, lint, unit tests, build, web-ext lint, then the end-to-end tests in real
// Chromium and Firefox ESR. Ends with one line "tests: N passed, N failed" summing both suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ci = process.env.CI === 'true';
// Browsers, vitest and web-ext write caches and profiles under $HOME: point it into the temp dir.
const home = join(tmpdir(), 'linkwatch-home');
mkdirSync(home, { recursive: true });
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_CACHE_HOME: join(home, '.cache'),
  XDG_DATA_HOME: join(home, '.local/share'),
};

const BROWSERS = [
  { name: 'Chromium', path: process.env.LINKWATCH_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'Firefox ESR', path: process.env.LINKWATCH_FIREFOX ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];

function run(title, command, args, extraEnv = {}) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

const out = 'test-output';
mkdirSync(out, { recursive: true });
const npx = (title, args, extraEnv) => run(title, 'npx', args, extraEnv);

let ok = npx('typecheck', ['tsc', '--noEmit', '-p', '.']);
ok = npx('eslint', ['eslint', '.', '--max-warnings=0']) && ok;
ok = npx('unit tests', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/unit.json`]) && ok;
ok = run('build', 'npm', ['run', '--silent', 'build']) && ok;
ok = npx('web-ext lint', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--no-input', '--warnings-as-errors=false']) && ok;

const missing = BROWSERS.filter((b) => !existsSync(b.path));
for (const b of missing) {
  console.log(`${ci ? 'ERROR' : 'SKIP'}: ${b.name} is not installed at ${b.path}; install the Debian package '${b.pkg}' (apt-get install ${b.pkg}).`);
}
if (ci && missing.length) ok = false;
// The e2e run goes into a network namespace of its own when we may make one (root): there every
// address but loopback leads to a dummy interface that a packet capture watches, so the test sees
// any packet that tries to leave, and none can.
const isolate = process.getuid?.() === 0 && existsSync('/usr/bin/unshare') && existsSync('/usr/sbin/ip');
if (ci && !isolate) {
  console.log('ERROR: CI runs as root with unshare and ip (iproute2) available, to isolate the e2e network.');
  ok = false;
}
const e2eEnv = { LINKWATCH_SKIP_BROWSERS: missing.map((b) => b.pkg).join(',') };
const e2eArgs = ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/e2e.json`];
ok = (isolate
  ? run('end-to-end tests (isolated network)', 'unshare', ['-n', '--', 'sh', 'tools/netns.sh', 'npx', ...e2eArgs], e2eEnv)
  : npx('end-to-end tests', e2eArgs, e2eEnv)) && ok;

const unit = counts(`${out}/unit.json`);
const e2e = counts(`${out}/e2e.json`);
const failed = unit.failed + e2e.failed + (ok ? 0 : unit.failed + e2e.failed === 0 ? 1 : 0);
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`tests: ${unit.passed + e2e.passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exit(ok ? 0 : 1);
