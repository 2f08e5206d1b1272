/**
 * The data categories a person can understand at a glance. Every provider scope maps to one,
 * so the notice and the popup speak one vocabulary (and one translation file) across providers.
 * Loosely follows the FDX data clusters for financial data.
 */
export const DATA_CATEGORIES = [
  'profile',
  'email-address',
  'phone',
  'address',
  'birthday',
  'location',
  'friends',
  'contacts',
  'posts',
  'photos',
  'messages',
  'email-content',
  'files',
  'calendar',
  'activity',
  'code',
  'account-details',
  'account-numbers',
  'balances',
  'transactions',
  'ownership',
  'investments',
  'liabilities',
  'income',
  'statements',
  'payments',
  'act-for-you',
  'offline-access',
] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];

const RISK_ORDER: Record<Risk, number> = { low: 0, medium: 1, high: 2 };

export function highestRisk(risks: Iterable<Risk>): Risk {
  let top: Risk = 'low';
  for (const risk of risks) if (RISK_ORDER[risk] > RISK_ORDER[top]) top = risk;
  return top;
}

export function compareRisk(a: Risk, b: Risk): number {
  return RISK_ORDER[a] - RISK_ORDER[b];
}
