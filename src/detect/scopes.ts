import type { ProviderDefinition, ScopeMeaning } from '../providers/types.ts';
import { compareRisk, DATA_CATEGORIES, highestRisk, type DataCategory, type Risk } from '../shared/categories.ts';

/** One requested scope, read against the provider's catalogue. */
export interface ScopeReading extends ScopeMeaning {
  readonly scope: string;
  /** False when the catalogue does not list the scope; the reading is then a cautious guess. */
  readonly known: boolean;
}

/**
 * The catalogue entry for a scope. Own properties only: scopes come from URLs a page controls,
 * and "constructor" or "__proto__" must not resolve to Object.prototype members.
 */
export function scopeMeaning(provider: ProviderDefinition, scope: string): ScopeMeaning | undefined {
  return Object.hasOwn(provider.scopes, scope) ? provider.scopes[scope] : undefined;
}

export function describeScopes(provider: ProviderDefinition, rawScopes: readonly string[]): ScopeReading[] {
  return rawScopes.map((scope) => {
    const meaning = scopeMeaning(provider, scope);
    if (meaning) return { scope, means: meaning.means, category: meaning.category, risk: meaning.risk, known: true };
    // Unknown is not harmless: medium keeps it visible without crying wolf.
    return { scope, means: `a permission Linkwatch does not know yet ("${scope}")`, category: 'profile', risk: 'medium', known: false };
  });
}

/**
 * The categories a set of readings touches, riskiest first, then in catalogue order. Takes any
 * reading with a category and risk, so stored ledger readings summarise the same way.
 */
export function summarizeCategories(
  readings: readonly Pick<ScopeReading, 'category' | 'risk'>[],
): { categories: DataCategory[]; risk: Risk } {
  const riskByCategory = new Map<DataCategory, Risk>();
  for (const { category, risk } of readings) {
    riskByCategory.set(category, highestRisk([risk, riskByCategory.get(category) ?? 'low']));
  }
  const categories = [...riskByCategory.keys()].sort(
    (a, b) =>
      compareRisk(riskByCategory.get(b) ?? 'low', riskByCategory.get(a) ?? 'low') ||
      DATA_CATEGORIES.indexOf(a) - DATA_CATEGORIES.indexOf(b),
  );
  return { categories, risk: highestRisk(readings.map((reading) => reading.risk)) };
}
