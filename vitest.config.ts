import { defineConfig } from 'vitest/config';

// Unit and component tests: pure logic in node, components in happy-dom (per-file pragma).
export default defineConfig({
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    server: { deps: { inline: ['zustand'] } },
  },
});
