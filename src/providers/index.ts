import type { ProviderDefinition } from './types.ts';
import akoya from './akoya.ts';
import amazon from './amazon.ts';
import apple from './apple.ts';
import bankOfAmerica from './bank-of-america.ts';
import basiq from './basiq.ts';
import capitalOne from './capital-one.ts';
import cashApp from './cash-app.ts';
import chase from './chase.ts';
import citi from './citi.ts';
import discord from './discord.ts';
import facebook from './facebook.ts';
import finicity from './finicity.ts';
import flinks from './flinks.ts';
import github from './github.ts';
import google from './google.ts';
import instagram from './instagram.ts';
import linkedin from './linkedin.ts';
import microsoft from './microsoft.ts';
import mx from './mx.ts';
import paypal from './paypal.ts';
import plaid from './plaid.ts';
import saltedge from './saltedge.ts';
import slack from './slack.ts';
import spotify from './spotify.ts';
import stripeFinancialConnections from './stripe-financial-connections.ts';
import teller from './teller.ts';
import tiktok from './tiktok.ts';
import tink from './tink.ts';
import truelayer from './truelayer.ts';
import usBank from './us-bank.ts';
import venmo from './venmo.ts';
import wellsFargo from './wells-fargo.ts';
import x from './x.ts';
import yodlee from './yodlee.ts';

// The catalogue every part of Linkwatch reads. One import and one entry per provider file, both
// sorted by file name; test/unit/providers.test.ts fails when a provider file is left out.
export const PROVIDERS: readonly ProviderDefinition[] = [
  akoya,
  amazon,
  apple,
  bankOfAmerica,
  basiq,
  capitalOne,
  cashApp,
  chase,
  citi,
  discord,
  facebook,
  finicity,
  flinks,
  github,
  google,
  instagram,
  linkedin,
  microsoft,
  mx,
  paypal,
  plaid,
  saltedge,
  slack,
  spotify,
  stripeFinancialConnections,
  teller,
  tiktok,
  tink,
  truelayer,
  usBank,
  venmo,
  wellsFargo,
  x,
  yodlee,
];

const PROVIDERS_BY_ID: ReadonlyMap<string, ProviderDefinition> = new Map(
  PROVIDERS.map((provider) => [provider.id, provider]),
);

export function providerById(id: string): ProviderDefinition | undefined {
  return PROVIDERS_BY_ID.get(id);
}
