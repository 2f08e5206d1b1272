// Zips each built extension for its store: dist/linkwatch-<browser>-<version>.zip.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const dist = process.env.LINKWATCH_DIST ?? 'dist';
for (const browser of ['chrome', 'firefox']) {
  const root = join(dist, browser);
  // A fixed timestamp keeps the archives byte-for-byte reproducible.
  const entries = Object.fromEntries(
    files(root).sort().map((path) => [relative(root, path), [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }]]),
  );
  const zip = zipSync(entries, { level: 9 });
  const out = join(dist, `linkwatch-${browser}-${version}.zip`);
  writeFileSync(out, zip);
  console.log(`${out}: ${zip.length} bytes`);
}
