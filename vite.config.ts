import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, type TargetBrowser } from './tools/manifest.ts';
import { PROVIDERS } from './src/providers/index.ts';
import { compileSignatures } from './src/detect/signatures.ts';

// `vite build` targets Chrome, `vite build --mode firefox` Firefox; `npm run build` does both.
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(browser),
        browser,
        // Standalone IIFE content scripts: no loader, so no web_accessible_resources a site could
        // probe to learn that Linkwatch is installed.
        contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/content/widget-frame.ts', 'src/content/revoke.ts'] },
      }),
    ],
    // The content script gets only the compiled signature table, never the scope catalogues.
    define: { __LINKWATCH_SIGNATURES__: JSON.stringify(compileSignatures(PROVIDERS)) },
    build: {
      // LINKWATCH_DIST lets parallel work build elsewhere without clobbering a running e2e suite.
      outDir: `${process.env.LINKWATCH_DIST ?? 'dist'}/${browser}`,
      emptyOutDir: true,
      target: 'es2022',
      // Extension pages load their modules from the package; the polyfill would only add a fetch().
      modulePreload: { polyfill: false },
      sourcemap: false,
    },
  };
});
