import type { ProviderDefinition } from './types.ts';

// Teller Connect: <script src="https://cdn.teller.io/connect/connect.js"> then
// TellerConnect.setup({applicationId, environment, products, onSuccess}).open()
// (teller.io/docs/guides/connect). The modal frames https://teller.io/connect/<application id>
// (URL built the same way by public integrations that open Connect without the loader).
export default {
  id: 'teller',
  name: 'Teller',
  kind: 'aggregator',
  source: 'Bank account',
  widget: {
    scriptUrls: ['https://cdn.teller.io/connect/'],
    frameUrls: ['https://teller.io/connect/'],
    hosts: ['cdn.teller.io', 'teller.io', 'api.teller.io'],
    defaultScopes: ['balance', 'transactions', 'identity'],
  },
  // Values of Connect's `products` option (teller-connect-react types) plus balance and payments.
  scopes: {
    balance: { means: 'see your account balances', category: 'balances', risk: 'high' },
    transactions: { means: 'see your account and card transactions', category: 'transactions', risk: 'high' },
    identity: { means: 'see the name, address, email and phone your bank has on file', category: 'ownership', risk: 'medium' },
    verify: { means: 'see your full account and routing numbers', category: 'account-numbers', risk: 'high' },
    payments: { means: 'send Zelle payments from your account', category: 'payments', risk: 'high' },
  },
  revocation: {
    url: 'https://teller.io/',
    steps: [
      'Open the app that you connected and disconnect the bank in its settings.',
      'Or sign in to your bank and remove the app under "Connected apps" or "Third-party access".',
    ],
  },
  fixtures: {
    positive: ['https://www.tallyup-demo.app/onboarding/bank'],
    negative: ['https://www.tallyup-demo.app/blog/teller-vs-screen-scraping', 'https://www.tallyup-demo.app/settings/banks'],
  },
} satisfies ProviderDefinition;
