import type { ProviderDefinition } from './types.ts';

// Flinks Connect (Canada) is an iframe snippet, without a loader script:
// https://<instance>-iframe.private.fin.ag/v2/?… (docs.flinks.com "Add Flinks Connect iframe");
// the sandbox instance is toolbox-iframe, the API <instance>-api.private.fin.ag. Customer instances
// have their own host names, which a URL prefix cannot cover; only the sandbox is listed.
export default {
  id: 'flinks',
  name: 'Flinks',
  kind: 'aggregator',
  source: 'Bank account',
  widget: {
    scriptUrls: [],
    frameUrls: ['https://toolbox-iframe.private.fin.ag/v2/'],
    hosts: ['toolbox-iframe.private.fin.ag', 'toolbox-api.private.fin.ag'],
    defaultScopes: ['balances', 'transactions', 'account_numbers', 'holder'],
  },
  // Flinks has no scope names; these are the data its GetAccountsDetail and GetStatements calls return.
  scopes: {
    balances: { means: 'see your account balances', category: 'balances', risk: 'high' },
    transactions: { means: 'see up to a year of your account transactions', category: 'transactions', risk: 'high' },
    account_numbers: { means: 'see your account, transit and institution numbers', category: 'account-numbers', risk: 'high' },
    holder: { means: 'see the name, address, email and phone your bank has on file', category: 'ownership', risk: 'medium' },
    statements: { means: 'download your bank statements', category: 'statements', risk: 'high' },
    investments: { means: 'see your investment accounts and holdings', category: 'investments', risk: 'high' },
  },
  revocation: {
    url: 'https://flinks.com/',
    steps: [
      'Open the app that you connected and remove the bank connection in its settings.',
      'Or sign in to your bank and remove the app under "Connected apps" or "Third-party access".',
    ],
  },
  fixtures: {
    positive: ['https://www.loonie-budget.app/connect'],
    negative: ['https://www.loonie-budget.app/blog/open-banking-canada', 'https://www.loonie-budget.app/connect-later'],
  },
} satisfies ProviderDefinition;
