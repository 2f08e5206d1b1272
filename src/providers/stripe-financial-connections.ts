import type { ProviderDefinition } from './types.ts';

// Stripe Financial Connections: stripe.collectFinancialConnectionsAccounts({clientSecret}) and
// collectBankAccountForPayment/Setup open an on-page modal (docs.stripe.com/js/financial_connections).
// Stripe.js itself (js.stripe.com/v3, /basil/stripe.js) is loaded by every Stripe checkout, so it is
// not evidence of a prompt: only the modal frame is. The frame is
// js.stripe.com/v3/linked-accounts-inner-<hash>.html (LINKED_ACCOUNTS_INNER in the Stripe.js bundle;
// public Playwright tests locate it by that prefix); it embeds the bank sign-in from
// connections-auth.stripe.com. Blocking js.stripe.com or api.stripe.com would break every card
// payment on the site too, so a Block only cuts the bank sign-in.
export default {
  id: 'stripe-financial-connections',
  name: 'Stripe Financial Connections',
  kind: 'aggregator',
  source: 'Bank account',
  widget: {
    scriptUrls: [],
    frameUrls: ['https://js.stripe.com/v3/linked-accounts-inner-'],
    hosts: ['connections-auth.stripe.com'],
    // Stripe's default when a payment flow does not ask for more.
    defaultScopes: ['payment_method'],
  },
  // The session's `permissions` (docs.stripe.com/financial-connections/fundamentals).
  scopes: {
    payment_method: { means: 'see your account and routing numbers to debit your account', category: 'account-numbers', risk: 'high' },
    balances: { means: 'see your account balances', category: 'balances', risk: 'high' },
    ownership: { means: 'see the names, addresses, emails and phones of the account owners', category: 'ownership', risk: 'medium' },
    transactions: { means: 'see your account transactions', category: 'transactions', risk: 'high' },
  },
  revocation: {
    url: 'https://support.stripe.com/user/questions/how-do-i-disconnect-my-linked-financial-account',
    steps: [
      'Open the Stripe help page and choose to manage your accounts with Link.',
      'Sign in to Link with your email and the code Stripe sends you.',
      'Find the business under your bank account and disconnect it.',
    ],
  },
  fixtures: {
    positive: ['https://www.rentpay-demo.app/pay-by-bank'],
    negative: ['https://www.rentpay-demo.app/pay-by-card', 'https://www.rentpay-demo.app/help/bank-payments'],
  },
} satisfies ProviderDefinition;
