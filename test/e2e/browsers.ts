import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';
import type { ExtensionSession } from './session.ts';

export interface BrowserUnderTest {
  readonly name: 'chromium' | 'firefox';
  /** False when tools/test.mjs found the browser missing outside CI (it said so in one line). */
  readonly available: boolean;
  launch(options?: { userDataDir?: string }): Promise<ExtensionSession>;
}

const skipped = (process.env.LINKWATCH_SKIP_BROWSERS ?? '').split(',');

export const BROWSERS: readonly BrowserUnderTest[] = [
  { name: 'chromium', available: !skipped.includes('chromium'), launch: launchChromium },
  { name: 'firefox', available: !skipped.includes('firefox-esr'), launch: launchFirefox },
];
