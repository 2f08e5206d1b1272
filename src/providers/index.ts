import type { ProviderDefinition } from './types.ts';
import bankOfAmerica from './bank-of-america.ts';
import capitalOne from './capital-one.ts';
import cashApp from './cash-app.ts';
import chase from './chase.ts';
import citi from './citi.ts';
import facebook from './facebook.ts';
import plaid from './plaid.ts';
import usBank from './us-bank.ts';
import venmo from './venmo.ts';
import wellsFargo from './wells-fargo.ts';

// The catalogue every part of Linkwatch reads. One import and one entry per provider file, both
// sorted by file name; test/unit/providers.test.ts fails when a provider file is left out.
export const PROVIDERS: readonly ProviderDefinition[] = [
  bankOfAmerica,
  capitalOne,
  cashApp,
  chase,
  citi,
  facebook,
  plaid,
  usBank,
  venmo,
  wellsFargo,
];

const PROVIDERS_BY_ID: ReadonlyMap<string, ProviderDefinition> = new Map(
  PROVIDERS.map((provider) => [provider.id, provider]),
);

export function providerById(id: string): ProviderDefinition | undefined {
  return PROVIDERS_BY_ID.get(id);
}
