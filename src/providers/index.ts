import type { ProviderDefinition } from './types.ts';
import facebook from './facebook.ts';
import plaid from './plaid.ts';

// The catalogue every part of Linkwatch reads. One import and one entry per provider file, both
// sorted by file name; test/unit/providers.test.ts fails when a provider file is left out.
export const PROVIDERS: readonly ProviderDefinition[] = [
  facebook,
  plaid,
];

const PROVIDERS_BY_ID: ReadonlyMap<string, ProviderDefinition> = new Map(
  PROVIDERS.map((provider) => [provider.id, provider]),
);

export function providerById(id: string): ProviderDefinition | undefined {
  return PROVIDERS_BY_ID.get(id);
}
