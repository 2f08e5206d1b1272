import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

/**
 * The management-page fixtures, loaded with their own scripts into a happy-dom window at their
 * real address: the same pages the e2e tests drive, so the recipes and the assistant are checked
 * against one model of each provider's page.
 */

const FIXTURES_DIR = join(import.meta.dirname, '../fixtures');

export const VARIANTS = ['list', 'similar', 'empty', 'signin', 'redesign'] as const;
export type Variant = (typeof VARIANTS)[number];

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The fixture server's mapping: test/fixtures/<host>/<path>, else that folder's index.html. */
export function fixtureFileOf(url: string): string | undefined {
  const { hostname, pathname } = new URL(url);
  const direct = join(FIXTURES_DIR, hostname, decodeURIComponent(pathname));
  return [direct, join(direct, 'index.html')].find(isFile);
}

export function fixtureHtml(url: string): string {
  const file = fixtureFileOf(url);
  if (!file) throw new Error(`no fixture for ${url}`);
  return readFileSync(file, 'utf8');
}

/** The fixture at `url` as the browser shows it with `lw_variant=<variant>` and `removed` apps gone. */
export async function openFixture(url: string, variant: Variant, removed: readonly string[] = []): Promise<Window> {
  const window = new Window({
    url,
    // Our own fixture pages: their scripts are what the test is about.
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  window.document.cookie = `lw_variant=${variant}`;
  window.localStorage.setItem('lw_removed', JSON.stringify(removed));
  window.document.write(fixtureHtml(url));
  await window.happyDOM.waitUntilComplete();
  return window;
}
