import type { ProviderDefinition } from './types.ts';

// Plaid Link: plaid.com/docs/link/web. The loader must come from cdn.plaid.com
// (<script src="https://cdn.plaid.com/link/v2/stable/link-initialize.js">); Plaid.create() adds a
// hidden full-screen iframe of cdn.plaid.com/link/v2/stable/link.html (element id
// plaid-link-iframe-N, seen in public Cypress tests) and open() shows it. Product names are those of
// Plaid's /link/token/create `products` list.
export default {
  id: 'plaid',
  name: 'Plaid',
  kind: 'aggregator',
  source: 'Bank account',
  widget: {
    scriptUrls: ['https://cdn.plaid.com/link/'],
    frameUrls: ['https://cdn.plaid.com/link/v2/stable/link.html'],
    hosts: ['cdn.plaid.com', 'production.plaid.com', 'secure.plaid.com'],
    defaultScopes: ['balance', 'transactions', 'auth', 'identity'],
  },
  scopes: {
    balance: { means: 'see your account balances', category: 'balances', risk: 'high' },
    transactions: { means: 'see your card and account transactions', category: 'transactions', risk: 'high' },
    auth: { means: 'see your account and routing numbers', category: 'account-numbers', risk: 'high' },
    identity: { means: 'see the name, address, email and phone your bank has on file', category: 'ownership', risk: 'medium' },
    investments: { means: 'see your investment holdings and trades', category: 'investments', risk: 'high' },
    liabilities: { means: 'see your loans and credit card debt', category: 'liabilities', risk: 'high' },
    income_verification: { means: 'see your income and employer', category: 'income', risk: 'high' },
    employment: { means: 'see who you work for and since when', category: 'income', risk: 'medium' },
    assets: { means: 'get a report of your balances and up to two years of transactions', category: 'statements', risk: 'high' },
    statements: { means: 'download your bank statements', category: 'statements', risk: 'high' },
    transfer: { means: 'move money out of your account', category: 'payments', risk: 'high' },
    payment_initiation: { means: 'start payments from your account', category: 'payments', risk: 'high' },
  },
  revocation: {
    url: 'https://my.plaid.com/',
    steps: [
      'Sign in to Plaid Portal with your phone number.',
      'Open the app under "Connections".',
      'Choose "Disconnect" and confirm.',
    ],
    // Modelled on Plaid Portal (support-my.plaid.com: "view and control the app connections"):
    // "Connections" lists each app and the accounts it reaches, with "Disconnect", confirmed in a
    // dialog. Signing in is by phone number on the same address.
    recipe: {
      list: 'ul.connection-list',
      row: 'ul.connection-list > li.connection-card',
      rowName: '.connection-card__name',
      remove: 'button.connection-card__disconnect',
      confirm: '[role="dialog"] button.modal__confirm',
      signIn: 'form.login-form',
      emptyList: '.connections-empty',
    },
    fixtures: ['https://my.plaid.com/'],
  },
  fixtures: {
    positive: ['https://www.budgetly.app/connect-bank', 'https://www.budgetly.app/connect-bank/embedded'],
    negative: ['https://www.budgetly.app/blog/how-we-use-plaid', 'https://www.budgetly.app/settings/accounts'],
  },
} satisfies ProviderDefinition;
