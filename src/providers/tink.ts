import type { ProviderDefinition } from './types.ts';

// Tink Link (Visa) redirects to link.tink.com: /1.0/transactions/connect-accounts?client_id=…&
// redirect_uri=…&market=SE&locale=en_US (hexdocs.pm/tink Tink.Link; many public clients), older
// /1.0/authorize/?…&scope=accounts:read,transactions:read. The product flows carry no scope param;
// they read accounts, balances and transactions. With iframe=true Tink Link runs inside a page's
// iframe, so the same URLs are also its widget frame.
export default {
  id: 'tink',
  name: 'Tink',
  kind: 'aggregator',
  source: 'Bank account',
  oauth: {
    hosts: ['link.tink.com'],
    paths: [/^\/1\.0\/authorize\/?$/, /^\/1\.0\/(business-)?transactions\/connect-accounts\/?$/, /^\/1\.0\/account-check\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
    implicitScopes: ['accounts:read', 'balances:read', 'transactions:read'],
  },
  widget: {
    scriptUrls: [],
    frameUrls: ['https://link.tink.com/1.0/'],
    hosts: ['link.tink.com'],
    defaultScopes: ['accounts:read', 'balances:read', 'transactions:read'],
  },
  scopes: {
    'accounts:read': { means: 'see your accounts and their numbers', category: 'account-numbers', risk: 'high' },
    'balances:read': { means: 'see your account balances', category: 'balances', risk: 'high' },
    'transactions:read': { means: 'see your account and card transactions', category: 'transactions', risk: 'high' },
    'user:read': { means: 'see your Tink user profile', category: 'profile', risk: 'low' },
    'credentials:read': { means: 'see which banks you have connected', category: 'account-details', risk: 'low' },
    'identity:read': { means: 'see the name, address and ID number your bank has on file', category: 'ownership', risk: 'medium' },
    'investments:read': { means: 'see your investment holdings', category: 'investments', risk: 'high' },
    'provider-consents:read': { means: 'see when your bank consents expire', category: 'account-details', risk: 'low' },
  },
  revocation: {
    url: 'https://tink.com/',
    steps: [
      'Open the app that you connected and remove the bank connection in its settings.',
      'Or open your banking app and withdraw the consent under "Connected apps" or "Third-party providers".',
    ],
  },
  fixtures: {
    positive: [
      'https://link.tink.com/1.0/transactions/connect-accounts?client_id=3f9c1a7e5b2d4c8f&redirect_uri=https%3A%2F%2Fwww.kronor-demo.app%2Fcallback%2Ftink&market=SE&locale=en_US&state=k7d2',
      'https://www.kronor-demo.app/connect-bank',
    ],
    negative: ['https://www.kronor-demo.app/help/tink'],
  },
} satisfies ProviderDefinition;
