import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './paths.ts';
import { PROVIDERS } from '../../src/providers/index.ts';

/** Every hostname the catalogue names for a provider: its prompts, authorization, widget and management pages. */
const CATALOGUE_HOSTS = new Set(
  PROVIDERS.flatMap((p) => [
    ...(p.prompts?.hosts ?? []),
    ...(p.oauth?.hosts ?? []),
    ...(p.widget?.frameUrls ?? []).map((url) => new URL(url).hostname),
    ...[p.revocation.url, ...(p.revocation.pages ?? [])].map((url) => new URL(url).hostname),
  ]),
);

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

  it('runs content scripts only on the catalogue\'s hosts, never on every site', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[]; host_permissions?: string[] };
    const matches = manifest.content_scripts.flatMap((script) => script.matches);
    expect(matches.length).toBeGreaterThan(0);
    expect(manifest.host_permissions ?? []).toEqual([]);
    for (const pattern of matches) {
      const parsed = /^https:\/\/([^/*]+)\/.*$/.exec(pattern);
      expect(parsed, `${pattern} names one https host`).not.toBeNull();
      expect(CATALOGUE_HOSTS.has(parsed?.[1] ?? ''), `${pattern} is a catalogue host`).toBe(true);
    }
  });
});
