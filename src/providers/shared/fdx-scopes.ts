import type { PromptSignature, ScopeMeaning } from '../types.ts';

/**
 * What a US bank shares with an app, named by the FDX OAuth scopes for the FDX data clusters
 * (FDX API v6 `FdxOauthScope`; FDX UX Guidelines v3, Table 1). Banks behind Akoya, Plaid's and
 * MX's OAuth connections ask the user to approve these clusters on their own consent page, so one
 * catalogue serves every bank and the popup describes Chase and Citi in the same words.
 */
export const FDX_SCOPES = {
  'fdx:accountbasic:read': { means: 'see the names and types of your accounts and the last digits of their numbers', category: 'account-details', risk: 'low' },
  'fdx:accountdetailed:read': { means: 'see your account details: balances, credit limits, due dates and interest rates', category: 'account-details', risk: 'medium' },
  'fdx:balances:read': { means: 'see your account balances', category: 'balances', risk: 'high' },
  'fdx:transactions:read': { means: 'see your account and card transactions', category: 'transactions', risk: 'high' },
  'fdx:statements:read': { means: 'download your account statements', category: 'statements', risk: 'high' },
  'fdx:paymentsupport:read': { means: 'see your full account and routing numbers', category: 'account-numbers', risk: 'high' },
  'fdx:customercontact:read': { means: 'see the name, address, email and phone your bank has on file', category: 'ownership', risk: 'medium' },
  'fdx:customerpersonal:read': { means: 'see your date of birth and government ID details', category: 'ownership', risk: 'high' },
  'fdx:investments:read': { means: 'see your investment holdings', category: 'investments', risk: 'high' },
  'fdx:tax:read': { means: 'see your tax forms', category: 'income', risk: 'high' },
} as const satisfies Record<string, ScopeMeaning>;

export type FdxScope = keyof typeof FDX_SCOPES;

/**
 * What a bank's consent page hands over when it does not list the clusters in a form we can read:
 * the set the big aggregators' bank connections ask for by default (accounts, balances,
 * transactions, account and routing numbers, contact details).
 */
const CONSENT_PAGE_SCOPES: readonly FdxScope[] = [
  'fdx:accountbasic:read',
  'fdx:balances:read',
  'fdx:transactions:read',
  'fdx:paymentsupport:read',
  'fdx:customercontact:read',
];

/**
 * Prompt topics of a bank's own pages: the data-sharing consent page and "share your balance".
 * On the bank's own site "connect <App> to your U.S. Bank accounts" reads as linking a bank, and
 * it shares the same data as the consent page, so both topics name the same clusters.
 */
export const BANK_PROMPT_TOPICS: PromptSignature['topics'] = {
  'account-connect': CONSENT_PAGE_SCOPES,
  'bank-link': CONSENT_PAGE_SCOPES,
  'balance-share': ['fdx:balances:read'],
};
