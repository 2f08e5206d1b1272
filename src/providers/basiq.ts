import type { ProviderDefinition } from './types.ts';

// Basiq (Australia) sends people to its Consent UI: https://consent.basiq.io/home?token=<client token
// bound to the user>&action=connect (older ?userId=…&token=…; public clients and pub.dev/basiq).
// The URL names neither scopes nor the app: the token stands for the app's session, and the data are
// the CDR clusters Basiq's connect consent asks for (account details, balances, transactions).
export default {
  id: 'basiq',
  name: 'Basiq',
  kind: 'aggregator',
  source: 'Bank account',
  oauth: {
    hosts: ['consent.basiq.io'],
    paths: [/^\/home\/?$/],
    clientIdParam: 'token',
    scopeParams: [],
    implicitScopes: ['bank:accounts.basic:read', 'bank:accounts.detail:read', 'bank:transactions:read'],
  },
  // Australian Consumer Data Right scopes.
  scopes: {
    'bank:accounts.basic:read': { means: 'see your account names, types and balances', category: 'balances', risk: 'high' },
    'bank:accounts.detail:read': { means: 'see your full account numbers and account features', category: 'account-numbers', risk: 'high' },
    'bank:transactions:read': { means: 'see your account and card transactions', category: 'transactions', risk: 'high' },
    'bank:regular_payments:read': { means: 'see your direct debits and scheduled payments', category: 'payments', risk: 'medium' },
    'bank:payees:read': { means: 'see the people and businesses you pay', category: 'contacts', risk: 'medium' },
    'common:customer.basic:read': { means: 'see your name and occupation', category: 'ownership', risk: 'low' },
    'common:customer.detail:read': { means: 'see your address, email and phone', category: 'ownership', risk: 'medium' },
  },
  // CDR data recipients must offer a consent dashboard; Basiq shows it inside the app's Consent UI.
  revocation: {
    url: 'https://basiq.io/',
    steps: [
      'Open the app that you connected and find its consent dashboard or "Connected banks".',
      'Withdraw the consent there, or in your banking app under "Data sharing".',
    ],
  },
  fixtures: {
    positive: ['https://consent.basiq.io/home?token=eyJhbGciOiJIUzI1NiJ9.eyJhcHAiOiJidWRnZXRyb28ifQ.c2lnbmF0dXJl&action=connect'],
    negative: ['https://www.budgetroo.app/help/basiq'],
  },
} satisfies ProviderDefinition;
