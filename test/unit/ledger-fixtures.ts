import type { DetectionInput, ScopeReading } from '../../src/ledger/model.ts';

/** Shared inputs for the ledger tests; each test overrides what it is about. */

export const DAY = 24 * 60 * 60 * 1000;
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

export const EMAIL: ScopeReading = { scope: 'email', means: 'see your email address', category: 'email-address', risk: 'low' };
export const FRIENDS: ScopeReading = {
  scope: 'user_friends',
  means: 'see your friends list',
  category: 'friends',
  risk: 'medium',
};
export const POSTS: ScopeReading = { scope: 'user_posts', means: 'read the posts on your timeline', category: 'posts', risk: 'high' };
export const BALANCE: ScopeReading = { scope: 'balance', means: 'see your account balances', category: 'balances', risk: 'high' };
export const TRANSACTIONS: ScopeReading = {
  scope: 'transactions',
  means: 'see your card and account transactions',
  category: 'transactions',
  risk: 'high',
};

export function oauthDetection(overrides: Partial<DetectionInput> = {}): DetectionInput {
  return {
    channel: 'oauth',
    providerId: 'facebook',
    providerKind: 'identity',
    source: { label: 'Facebook account', providerId: 'facebook' },
    recipient: { site: 'budgetly.app', clientId: '4242424242', name: 'Budgetly' },
    intermediary: null,
    scopes: [EMAIL, FRIENDS],
    outcome: 'prompted',
    evidence: { pageUrl: 'https://www.facebook.com/v19.0/dialog/oauth?client_id=4242424242', seen: 'Facebook Login dialog' },
    at: T0,
    ...overrides,
  };
}

export function widgetDetection(overrides: Partial<DetectionInput> = {}): DetectionInput {
  return {
    channel: 'widget',
    providerId: 'plaid',
    providerKind: 'aggregator',
    source: { label: 'Bank account', providerId: null },
    recipient: { site: 'budgetly.app', clientId: null, name: null },
    intermediary: { providerId: 'plaid', name: 'Plaid' },
    scopes: [BALANCE, TRANSACTIONS],
    outcome: 'prompted',
    evidence: { pageUrl: 'https://www.budgetly.app/connect-bank', seen: 'Plaid Link frame shown' },
    at: T0,
    ...overrides,
  };
}

let counter = 0;
/** Ids that are unique and readable in failure output. */
export function sequentialIds(prefix = 'rec'): () => string {
  return () => `${prefix}-${++counter}`;
}
