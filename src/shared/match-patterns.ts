/**
 * The content-script match pattern for every address under `url`'s path: "https://host/path*".
 * Match patterns know no queries, so a prefix's query is dropped and the script checks it.
 */
export function matchPatternUnder(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path || '/'}*`;
}

/** Patterns sorted and without repeats, as the manifest lists them. */
export function uniquePatterns(patterns: Iterable<string>): string[] {
  return [...new Set(patterns)].sort();
}
