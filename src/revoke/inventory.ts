import type { ConsentRecord, DetectionInput } from '../ledger/model.ts';
import type { ProviderDefinition } from '../providers/types.ts';
import { type ListedName, matchStrength, namesFor } from './match.ts';

/**
 * A provider's own list of connected apps, filed in the ledger: each app the list shows becomes
 * an `imported` sighting, of the records it is (the same client id or name), or of a new record.
 * Pure: the background hands the result to the ledger store's record().
 */

/** The records of `provider` that are this listed app. */
export function recordsListedAs(records: readonly ConsentRecord[], provider: ProviderDefinition, app: ListedName): ConsentRecord[] {
  return records.filter(
    (record) =>
      record.providerId === provider.id &&
      matchStrength(app, { names: namesFor(record.recipient), clientId: record.recipient.clientId }) === 'strong',
  );
}

/** Nothing new to say: the last thing the ledger heard of this link is that the list shows it. */
export function alreadyImported(record: ConsentRecord): boolean {
  return record.status === 'granted' && record.history[record.history.length - 1]?.kind === 'imported';
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/**
 * Where an app only known by name is filed: its name when that is a hostname ("budgetly.app"),
 * else a slug of it ("photo-print"). Lists rarely show the app's site; the popup shows the name.
 */
export function siteForName(name: string): string {
  const lower = name.trim().toLowerCase();
  if (HOSTNAME.test(lower)) return lower;
  const slug = lower
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug || 'unnamed-app';
}

interface Sighting {
  readonly pageUrl: string;
  readonly at: number;
}

function evidenceFor(provider: ProviderDefinition, sighting: Sighting) {
  return { pageUrl: sighting.pageUrl, seen: `Listed on ${provider.name}'s page of connected apps` };
}

/** The same link as `record`, seen again in the provider's list: merges into it. */
export function sightingOf(record: ConsentRecord, provider: ProviderDefinition, app: ListedName, sighting: Sighting): DetectionInput {
  return {
    channel: 'imported',
    providerId: record.providerId,
    providerKind: provider.kind,
    source: record.source,
    recipient: { ...record.recipient, name: record.recipient.name ?? app.name },
    intermediary: record.intermediary,
    scopes: record.scopes.map(({ scope, means, category, risk }) => ({ scope, means, category, risk })),
    outcome: 'granted',
    evidence: evidenceFor(provider, sighting),
    at: sighting.at,
  };
}

/**
 * An app Linkwatch never saw being linked. What it may do is unknown (lists show it only on a
 * details page), so the record has no scopes; an aggregator is the intermediary of a bank link.
 */
export function newImport(provider: ProviderDefinition, app: ListedName, sighting: Sighting): DetectionInput {
  const aggregator = provider.kind === 'aggregator';
  return {
    channel: 'imported',
    providerId: provider.id,
    providerKind: provider.kind,
    source: aggregator ? { label: provider.source, providerId: null } : { label: provider.source, providerId: provider.id },
    recipient: { site: siteForName(app.name), clientId: app.clientId, name: app.name },
    intermediary: aggregator ? { providerId: provider.id, name: provider.name } : null,
    scopes: [],
    outcome: 'granted',
    evidence: evidenceFor(provider, sighting),
    at: sighting.at,
  };
}
