import type { ProviderDefinition } from './types.ts';

// Observed: cash.app is Cash App's web host (cash.app/account signed in, cash.app/help/… the help
// centre). Assumed: the web pages' paths and wording, and the settings names in the steps.
export default {
  id: 'cash-app',
  name: 'Cash App',
  kind: 'social-payments',
  source: 'Bank account',
  prompts: {
    hosts: ['cash.app'],
    topics: {
      'bank-link': ['bank_account'],
      'contacts-upload': ['contacts_sync'],
    },
  },
  scopes: {
    bank_account: { means: 'keep your bank account and routing numbers and move money to and from the account', category: 'account-numbers', risk: 'high' },
    contacts_sync: { means: "keep a copy of your phone's contacts to find people you know on Cash App", category: 'contacts', risk: 'high' },
  },
  revocation: {
    url: 'https://cash.app/account',
    steps: [
      'Open Cash App, tap the profile icon and choose "Linked Banks".',
      'Choose the bank and then "Remove Bank".',
      'To stop contact syncing, turn off "Contacts" under "Privacy & Security".',
    ],
  },
  fixtures: {
    positive: ['https://cash.app/account/banks/link', 'https://cash.app/account/find-friends'],
    negative: ['https://cash.app/help/us/en-us/3101-linking-a-bank', 'https://cash.app/'],
  },
} satisfies ProviderDefinition;
