import type { ProviderDefinition } from './types.ts';

// Salt Edge (EU) returns a connect_url from connect_sessions/create: https://www.saltedge.com/connect?
// token=… (saltedge-android SDK_GUIDE.MD; many public clients). A page may also frame that URL and
// listen for postMessage (javascript_callback_type "post_message", Salt Edge's own example gist).
// The URL carries no scopes: they are fixed when the session is created, usually account and
// transaction details.
export default {
  id: 'saltedge',
  name: 'Salt Edge',
  kind: 'aggregator',
  source: 'Bank account',
  oauth: {
    hosts: ['www.saltedge.com'],
    paths: [/^\/connect\/?$/],
    clientIdParam: 'token',
    scopeParams: [],
    implicitScopes: ['account_details', 'transactions_details'],
  },
  widget: {
    scriptUrls: [],
    frameUrls: ['https://www.saltedge.com/connect?'],
    hosts: ['www.saltedge.com'],
    defaultScopes: ['account_details', 'transactions_details'],
  },
  // Consent scopes of API v5 and their v6 names.
  scopes: {
    account_details: { means: 'see your accounts, their numbers and balances', category: 'account-numbers', risk: 'high' },
    transactions_details: { means: 'see your account and card transactions', category: 'transactions', risk: 'high' },
    holder_information: { means: 'see the name, address, email and phone your bank has on file', category: 'ownership', risk: 'medium' },
    accounts: { means: 'see your accounts, their numbers and balances', category: 'account-numbers', risk: 'high' },
    transactions: { means: 'see your account and card transactions', category: 'transactions', risk: 'high' },
  },
  revocation: {
    url: 'https://www.saltedge.com/',
    steps: [
      'Open the app that you connected and remove the bank connection in its settings.',
      'Or open your banking app and withdraw the consent under "Connected apps" or "Third-party providers".',
    ],
  },
  fixtures: {
    positive: ['https://www.saltedge.com/connect?token=5f0c2b7e9a1d4e3c8b6a', 'https://www.eurotrack-demo.app/banks/add'],
    negative: ['https://www.eurotrack-demo.app/help/saltedge', 'https://www.saltedge.com/products/account_information'],
  },
} satisfies ProviderDefinition;
