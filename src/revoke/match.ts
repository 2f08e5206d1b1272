/**
 * Which app in a provider's list is the one the ledger means. Pure and shared: the revoke
 * assistant picks the row to remove with it, the background files imported rows with it.
 * Never a guess: a name that only resembles the app is "weak", and weak is never acted on alone.
 */

/** How the ledger knows the app: the names it may be listed under and, when known, its client id. */
export interface AppTarget {
  readonly names: readonly string[];
  readonly clientId: string | null;
}

/** One app as a provider's list shows it. */
export interface ListedName {
  readonly name: string;
  readonly clientId: string | null;
}

export type MatchStrength = 'strong' | 'weak' | 'none';

/** Case, accents, punctuation and spacing aside: "Budgetly, Inc." and "budgetly inc" are one name. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The label that names the site: "mailsort" in app.mailsort.io, "budgetly" in budgetly.co.uk
 * (a short second-level label like "co" is part of the suffix).
 */
function distinctiveLabel(site: string): string {
  const labels = site.split('.');
  if (labels.length < 2) return site;
  const beforeSuffix = labels.length > 2 && (labels[labels.length - 2] ?? '').length <= 3 ? 3 : 2;
  return labels[labels.length - beforeSuffix] ?? site;
}

/**
 * The names a recipient may be listed under: its own name, its site ("budgetly.app") and the
 * site's distinctive label ("budgetly"). Providers list apps by display name, which for most
 * apps is that label.
 */
export function namesFor(recipient: { readonly name: string | null; readonly site: string }): string[] {
  const site = recipient.site.toLowerCase().replace(/^www\./, '');
  const names = [recipient.name ?? '', site, distinctiveLabel(site)].map(normaliseName).filter((name) => name.length >= 2);
  return [...new Set(names)];
}

function containsWord(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

/**
 * strong: the same client id, or the same name with no client id saying otherwise;
 * weak: one name holds the other as whole words ("Budgetly" in "Budgetly for Teams");
 * none: anything else, including the same name under another client id.
 */
export function matchStrength(listed: ListedName, target: AppTarget): MatchStrength {
  if (target.clientId !== null && listed.clientId !== null) {
    if (listed.clientId === target.clientId) return 'strong';
    return 'none';
  }
  const name = normaliseName(listed.name);
  if (name === '') return 'none';
  const names = target.names.map(normaliseName).filter((n) => n !== '');
  if (names.includes(name)) return 'strong';
  if (names.some((n) => n.length >= 3 && (containsWord(name, n) || containsWord(n, name)))) return 'weak';
  return 'none';
}

export type AppPick<T> =
  | { readonly kind: 'found'; readonly item: T }
  | { readonly kind: 'ambiguous'; readonly items: readonly T[] }
  | { readonly kind: 'not-found' };

/** Exactly one strong match is found; two strong, or only weak ones, are ambiguous. */
export function pickApp<T extends ListedName>(listed: readonly T[], target: AppTarget): AppPick<T> {
  const strong = listed.filter((item) => matchStrength(item, target) === 'strong');
  if (strong.length === 1) return { kind: 'found', item: strong[0] as T };
  if (strong.length > 1) return { kind: 'ambiguous', items: strong };
  const weak = listed.filter((item) => matchStrength(item, target) === 'weak');
  return weak.length > 0 ? { kind: 'ambiguous', items: weak } : { kind: 'not-found' };
}
