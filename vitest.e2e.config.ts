import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Debian's Chromium and Firefox ESR, against fixture pages
// served over HTTPS on loopback under their real hostnames. One file at a time: they share port 443.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
