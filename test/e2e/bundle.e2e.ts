import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './paths.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// What shipped code would need in order to send anything anywhere. Checked on the built bundles,
// so dependencies are covered too, not just our sources.
const NETWORK_APIS = [/\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bWebSocket\b/, /\bEventSource\b/, /\bsendBeacon\b/, /\bimportScripts\s*\(/, /\bRTCPeerConnection\b/];

describe.each(Object.entries(DIST))('the %s build', (browser, dir) => {
  const scripts = files(dir).filter((path) => path.endsWith('.js'));

  it('has scripts to check', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  it.each(scripts.map((path) => [relative(dir, path), path]))('%s contains no network API', (_name, path) => {
    const source = readFileSync(path, 'utf8');
    const found = NETWORK_APIS.flatMap((api) => {
      const at = source.search(api);
      return at < 0 ? [] : [`${browser}: ${source.slice(Math.max(0, at - 80), at + 40)}`];
    });
    expect(found).toEqual([]);
  });

  it('loads no remote code: every script and page is packaged', () => {
    for (const path of files(dir).filter((p) => /\.(js|html|json)$/.test(p))) {
      expect(readFileSync(path, 'utf8'), relative(dir, path)).not.toMatch(/<script[^>]+src=["']https?:|import\(["']https?:/);
    }
  });

  it('exposes no file to web pages', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
  });
});
