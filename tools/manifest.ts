import type { ManifestV3Export } from '@crxjs/vite-plugin';
import source from '../manifest.json' with { type: 'json' };
import { PROVIDERS } from '../src/providers/index.ts';
import { managementMatchPatterns } from '../src/revoke/pages.ts';

export type TargetBrowser = 'chrome' | 'firefox';

/**
 * manifest.json is the one source for both browsers. Chrome runs the background as a service
 * worker and rejects Gecko keys with a warning; Firefox has no MV3 service workers, so the same
 * entry runs there as a background script.
 */
export function manifestFor(browser: TargetBrowser): ManifestV3Export {
  const { browser_specific_settings, background, ...shared } = source;
  // The revoke assistant runs only on providers' management pages, listed from the catalogue.
  const revokeAssistant = { matches: managementMatchPatterns(PROVIDERS), js: ['src/content/revoke.ts'], run_at: 'document_idle' };
  const common = { ...shared, content_scripts: [...shared.content_scripts, revokeAssistant] };
  if (browser === 'chrome') return { ...common, background };
  return {
    ...common,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings,
  } as ManifestV3Export;
}
