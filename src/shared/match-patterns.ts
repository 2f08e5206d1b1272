/** Patterns sorted and without repeats, as the manifest lists them. */
export function uniquePatterns(patterns: Iterable<string>): string[] {
  return [...new Set(patterns)].sort();
}
