import type { ManifestV3Export } from '@crxjs/vite-plugin';
import source from '../manifest.json' with { type: 'json' };
import { PROVIDERS } from '../src/providers/index.ts';
import { managementMatchPatterns } from '../src/revoke/pages.ts';
import { providerSiteMatchPatterns, widgetFrameMatchPatterns } from '../src/detect/signatures.ts';

export type TargetBrowser = 'chrome' | 'firefox';

/**
 * manifest.json is the one source for both browsers. Chrome runs the background as a service
 * worker and rejects Gecko keys with a warning; Firefox has no MV3 service workers, so the same
 * entry runs there as a background script.
 */
export function manifestFor(browser: TargetBrowser): ManifestV3Export {
  const { browser_specific_settings, background, ...shared } = source;
  // Every content script runs only where the catalogue says: nothing of Linkwatch enters an
  // ordinary page. document_start, because Chrome holds a page's load event until the scripts
  // declared for later have run (src/content/parsed.ts).
  const contentScripts = [
    { matches: providerSiteMatchPatterns(PROVIDERS), js: ['src/content/index.ts'], run_at: 'document_start' },
    { matches: widgetFrameMatchPatterns(PROVIDERS), js: ['src/content/widget-frame.ts'], run_at: 'document_start', all_frames: true },
    { matches: managementMatchPatterns(PROVIDERS), js: ['src/content/revoke.ts'], run_at: 'document_idle' },
  ];
  const common = { ...shared, content_scripts: contentScripts };
  if (browser === 'chrome') return { ...common, background };
  return {
    ...common,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings,
  } as ManifestV3Export;
}
