import type { ProviderDefinition } from './types.ts';

// TrueLayer (UK/EU) redirects to its auth dialog: https://auth.truelayer.com/?response_type=code&
// client_id=…&scope=info%20accounts%20balance…&redirect_uri=…&providers=…
// (docs.truelayer.com "Generate an auth link"); the sandbox dialog is auth.truelayer-sandbox.com.
export default {
  id: 'truelayer',
  name: 'TrueLayer',
  kind: 'aggregator',
  source: 'Bank account',
  oauth: {
    hosts: ['auth.truelayer.com', 'auth.truelayer-sandbox.com'],
    paths: [/^\/$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  scopes: {
    info: { means: 'see your name, address, email, phone and date of birth', category: 'ownership', risk: 'medium' },
    accounts: { means: 'see your accounts with their account numbers and sort codes', category: 'account-numbers', risk: 'high' },
    balance: { means: 'see your account balances', category: 'balances', risk: 'high' },
    cards: { means: 'see your credit cards and their balances', category: 'liabilities', risk: 'high' },
    transactions: { means: 'see your account and card transactions', category: 'transactions', risk: 'high' },
    direct_debits: { means: 'see your direct debits', category: 'transactions', risk: 'medium' },
    standing_orders: { means: 'see your standing orders', category: 'transactions', risk: 'medium' },
    verification: { means: 'check that the name on your account matches yours', category: 'ownership', risk: 'low' },
    offline_access: { means: 'keep reading your data when you are not using the app', category: 'offline-access', risk: 'medium' },
  },
  // UK banks must offer an access dashboard (OBIE customer experience guidelines); TrueLayer has none for people.
  revocation: {
    url: 'https://truelayer.com/',
    steps: [
      'Open the app that you connected and remove the bank connection in its settings.',
      'Or open your banking app and remove the app under "Connected apps" or "Open Banking permissions".',
    ],
  },
  fixtures: {
    positive: [
      'https://auth.truelayer.com/?response_type=code&client_id=moneypot-7f3a2c&scope=info%20accounts%20balance%20cards%20transactions%20direct_debits%20standing_orders%20offline_access&redirect_uri=https%3A%2F%2Fwww.moneypot-demo.app%2Fauth%2Ftruelayer&providers=uk-ob-all%20uk-oauth-all&state=9c1d4e',
    ],
    negative: ['https://www.moneypot-demo.app/help/open-banking', 'https://truelayer.com/open-banking-explained'],
  },
} satisfies ProviderDefinition;
