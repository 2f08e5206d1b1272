import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-output/', 'test/fixtures/', '.home/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  {
    // In tests a wrong non-null assertion fails the test loudly, which is what a test is for.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Shipped code: every browser call goes through webextension-polyfill, and nothing talks to
    // the network, ever.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Use browser.* from webextension-polyfill.' },
        { name: 'fetch', message: 'Linkwatch sends nothing anywhere.' },
        { name: 'XMLHttpRequest', message: 'Linkwatch sends nothing anywhere.' },
        { name: 'WebSocket', message: 'Linkwatch sends nothing anywhere.' },
        { name: 'EventSource', message: 'Linkwatch sends nothing anywhere.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'navigator', property: 'sendBeacon', message: 'Linkwatch sends nothing anywhere.' },
        { property: 'innerHTML', message: 'Build DOM with textContent; page text is never markup.' },
        { property: 'outerHTML', message: 'Build DOM with textContent; page text is never markup.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with textContent; page text is never markup.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
);
