import type { ProviderDefinition } from '../providers/types.ts';
import { uniquePatterns } from '../shared/match-patterns.ts';

/**
 * Where the revoke assistant runs: each provider's management page (revocation.url, query
 * included) and the extra prefixes in revocation.pages. The manifest's match patterns are wider
 * (a match pattern cannot require a query parameter); the background decides with
 * isManagementPage, from the URL the browser reports.
 */

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isManagementPage(provider: ProviderDefinition, pageUrl: string): boolean {
  const page = parse(pageUrl);
  if (!page || page.protocol !== 'https:') return false;
  const home = new URL(provider.revocation.url);
  const samePage =
    page.origin === home.origin &&
    withoutTrailingSlash(page.pathname) === withoutTrailingSlash(home.pathname) &&
    [...home.searchParams].every(([name, value]) => page.searchParams.getAll(name).includes(value));
  return samePage || (provider.revocation.pages ?? []).some((prefix) => page.href.startsWith(prefix));
}

export function managementProviderFor(providers: readonly ProviderDefinition[], pageUrl: string): ProviderDefinition | undefined {
  return providers.find((provider) => isManagementPage(provider, pageUrl));
}

/**
 * The content-script match pattern for every address under `url`'s path: "https://host/path*".
 * Match patterns know no queries, so a page's query is dropped and isManagementPage checks it.
 */
export function matchPatternUnder(url: URL): string {
  return `${url.protocol}//${url.host}${withoutTrailingSlash(url.pathname) || '/'}*`;
}

/** Content-script match patterns covering every management page, sorted, without repeats. */
export function managementMatchPatterns(providers: readonly ProviderDefinition[]): string[] {
  const urls = providers.flatMap((provider) => [provider.revocation.url, ...(provider.revocation.pages ?? [])]);
  return uniquePatterns(urls.map((url) => matchPatternUnder(new URL(url))));
}
