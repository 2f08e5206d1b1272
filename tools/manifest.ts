import type { ManifestV3Export } from '@crxjs/vite-plugin';
import source from '../manifest.json' with { type: 'json' };

export type TargetBrowser = 'chrome' | 'firefox';

/**
 * manifest.json is the one source for both browsers. Chrome runs the background as a service
 * worker and rejects Gecko keys with a warning; Firefox has no MV3 service workers, so the same
 * entry runs there as a background script.
 */
export function manifestFor(browser: TargetBrowser): ManifestV3Export {
  const { browser_specific_settings, background, ...common } = source;
  if (browser === 'chrome') return { ...common, background };
  return {
    ...common,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings,
  } as ManifestV3Export;
}
