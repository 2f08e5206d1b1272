import type { ProviderDefinition } from './types.ts';

// MX Connect widget. The server asks api.mx.com for a widget URL (POST /users/{guid}/widget_urls,
// widget_type connect_widget) and the page frames it: widgets.moneydesktop.com/md/connect/<token>
// in production, int-widgets.moneydesktop.com in integration (URLs in the tests of
// github.com/mxenabled/web-widget-sdk). The SDK is bundled into the app, so there is no MX-hosted
// loader script to recognise.
export default {
  id: 'mx',
  name: 'MX',
  kind: 'aggregator',
  source: 'Bank account',
  widget: {
    scriptUrls: [],
    frameUrls: ['https://widgets.moneydesktop.com/md/connect/', 'https://int-widgets.moneydesktop.com/md/connect/'],
    hosts: ['widgets.moneydesktop.com', 'int-widgets.moneydesktop.com'],
    defaultScopes: ['accounts', 'balances', 'transactions'],
  },
  // MX products (docs.mx.com): aggregation, verification, identity, holdings, statements.
  scopes: {
    accounts: { means: 'see the names and types of your accounts', category: 'account-details', risk: 'low' },
    balances: { means: 'see your account balances', category: 'balances', risk: 'high' },
    transactions: { means: 'see your account and card transactions', category: 'transactions', risk: 'high' },
    verification: { means: 'see your full account and routing numbers', category: 'account-numbers', risk: 'high' },
    identity: { means: 'see the name, address, email and phone your bank has on file', category: 'ownership', risk: 'medium' },
    holdings: { means: 'see your investment holdings', category: 'investments', risk: 'high' },
    statements: { means: 'download your account statements', category: 'statements', risk: 'high' },
  },
  // MX has no page where a person removes an app; banks using MX's Data Access show a dashboard.
  revocation: {
    url: 'https://www.mx.com/privacy/',
    steps: [
      'Open the app that you connected and remove the bank connection in its settings.',
      'Or sign in to your bank and look for "Data access", "Connected apps" or "Third-party access".',
      "Remove the app there; MX then stops reading your accounts for it.",
    ],
  },
  fixtures: {
    positive: ['https://app.fintrack.io/accounts/add'],
    negative: ['https://app.fintrack.io/help/why-mx', 'https://app.fintrack.io/accounts'],
  },
} satisfies ProviderDefinition;
