import type { ProviderDefinition } from './types.ts';

// Observed: venmo.com is the public site and account.venmo.com the signed-in web app; Venmo links
// banks by instant verification through Plaid or by micro-deposits, and bank accounts are removed
// under Settings → Payment methods (domain facts §5). Assumed: the web pages' paths and wording.
export default {
  id: 'venmo',
  name: 'Venmo',
  kind: 'social-payments',
  source: 'Bank account',
  prompts: {
    hosts: ['venmo.com', 'account.venmo.com'],
    topics: {
      'bank-link': ['bank_account', 'bank_balance'],
      'contacts-upload': ['contacts_sync'],
    },
  },
  scopes: {
    bank_account: { means: 'keep your bank account and routing numbers and move money to and from the account', category: 'account-numbers', risk: 'high' },
    bank_balance: { means: 'check your bank balance before a transfer', category: 'balances', risk: 'high' },
    contacts_sync: { means: "keep a copy of your phone's contacts to suggest friends", category: 'contacts', risk: 'high' },
  },
  revocation: {
    url: 'https://account.venmo.com/settings/payments',
    steps: [
      'Open Venmo\'s Settings and choose "Payment methods".',
      'Choose the bank account and then "Remove bank".',
      'To stop contact syncing, turn off "Sync contacts" under Settings → "Friends & social".',
    ],
  },
  fixtures: {
    positive: ['https://account.venmo.com/add-bank', 'https://account.venmo.com/friends/find'],
    negative: ['https://venmo.com/resources/adding-a-bank/', 'https://account.venmo.com/friends'],
  },
} satisfies ProviderDefinition;
