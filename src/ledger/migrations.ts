import type { ProviderDefinition } from '../providers/types.ts';
import type { ConsentRecord, DetectionInput, ScopeReading } from './model.ts';
import { applyDetection, mergeKey } from './rules.ts';
import { isTime } from './schema.ts';

/**
 * Storage schema versions and the steps between them. Every step takes the whole stored snapshot
 * and returns the next one, leaving untouched values as the same objects, so the store can write
 * only what changed. docs/ledger.md lists the versions.
 *
 * v1: the first build's pre-ledger format: a `detections` key with an array of
 *     `{ providerId, pageUrl, at, kind: 'oauth' | 'widget' | 'prompt' }`.
 * v2: one key per record, a meta key with the schema version, quarantined entries.
 */

export const CURRENT_SCHEMA_VERSION = 2;

export const META_KEY = 'ledger/meta';
export const RECORD_PREFIX = 'ledger/record/';
export const QUARANTINE_PREFIX = 'ledger/quarantine/';
export const V1_DETECTIONS_KEY = 'detections';

export const recordKey = (id: string): string => `${RECORD_PREFIX}${id}`;
export const quarantineKey = (id: string): string => `${QUARANTINE_PREFIX}${id}`;

export interface Meta {
  readonly schemaVersion: number;
}

/** Set aside instead of dropped: the damaged value, where it was and why it was set aside. */
export interface QuarantineEntry {
  readonly reason: string;
  readonly at: number;
  readonly key: string;
  readonly value: unknown;
}

export type Snapshot = Readonly<Record<string, unknown>>;

export interface MigrationContext {
  readonly providerById: (id: string) => ProviderDefinition | undefined;
  readonly now: number;
}

type Step = (snapshot: Snapshot, context: MigrationContext) => Record<string, unknown>;

const V1_KINDS = ['oauth', 'widget', 'prompt'] as const;
type V1Kind = (typeof V1_KINDS)[number];

interface V1Detection {
  readonly providerId: string;
  readonly pageUrl: string;
  readonly at: number;
  readonly kind: V1Kind;
}

/** Early builds may have stored more fields than these four; they are ignored, not refused. */
function readV1(item: unknown): V1Detection | string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'it is not a detection';
  const { providerId, pageUrl, at, kind } = item as Record<string, unknown>;
  if (typeof providerId !== 'string' || providerId.length === 0 || providerId.length > 64) return 'it names no provider';
  if (typeof pageUrl !== 'string' || pageUrl.length > 8192) return 'it has no page address';
  if (!isTime(at)) return 'it has no valid time';
  if (!(V1_KINDS as readonly unknown[]).includes(kind)) return `its kind "${String(kind)}" is unknown`;
  return { providerId, pageUrl, at, kind: kind as V1Kind };
}

function readScopes(provider: ProviderDefinition | undefined, raw: readonly string[]): ScopeReading[] {
  return raw.map((scope) => {
    const meaning = provider && Object.hasOwn(provider.scopes, scope) ? provider.scopes[scope] : undefined;
    return meaning
      ? { scope, ...meaning }
      : { scope, means: `a permission Linkwatch does not know yet ("${scope}")`, category: 'profile', risk: 'medium' };
  });
}

/** The scopes an OAuth URL asked for, in the provider's parameters, comma or space separated. */
function oauthScopes(provider: ProviderDefinition | undefined, url: URL): string[] {
  const params = provider?.oauth?.scopeParams ?? ['scope'];
  const raw = params.flatMap((param) => (url.searchParams.get(param) ?? '').split(/[\s,]+/));
  return [...new Set([...raw, ...(provider?.oauth?.implicitScopes ?? [])].filter((scope) => scope !== ''))];
}

function v1ToInput(detection: V1Detection, provider: ProviderDefinition | undefined): DetectionInput | string {
  let url: URL;
  try {
    url = new URL(detection.pageUrl);
  } catch {
    return 'its page address is not a URL';
  }
  const name = provider?.name ?? detection.providerId;
  const common = {
    providerId: detection.providerId,
    providerKind: provider?.kind ?? 'identity',
    outcome: 'prompted',
    evidence: { pageUrl: detection.pageUrl, seen: `Recorded by an earlier Linkwatch version (${name} ${detection.kind})` },
    at: detection.at,
  } as const;
  const ownAccount = { label: provider?.source ?? `${name} account`, providerId: detection.providerId };
  switch (detection.kind) {
    case 'oauth': {
      let redirectHost: string | null = null;
      try {
        redirectHost = new URL(url.searchParams.get('redirect_uri') ?? '').hostname;
      } catch {
        // No redirect_uri: the recipient is unknown beyond the page itself.
      }
      return {
        ...common,
        channel: 'oauth',
        source: ownAccount,
        recipient: {
          site: redirectHost || url.hostname,
          clientId: url.searchParams.get(provider?.oauth?.clientIdParam ?? 'client_id'),
          name: null,
        },
        intermediary: provider?.kind === 'aggregator' ? { providerId: detection.providerId, name } : null,
        scopes: readScopes(provider, oauthScopes(provider, url)),
      };
    }
    case 'widget':
      return {
        ...common,
        channel: 'widget',
        source: { label: provider?.source ?? 'Bank account', providerId: null },
        recipient: { site: url.hostname, clientId: null, name: null },
        intermediary: { providerId: detection.providerId, name },
        scopes: readScopes(provider, provider?.widget?.defaultScopes ?? []),
      };
    case 'prompt':
      return {
        ...common,
        channel: 'text-prompt',
        source: ownAccount,
        recipient: { site: url.hostname, clientId: null, name: null },
        intermediary: null,
        scopes: [],
      };
  }
}

const fromV1: Step = (snapshot, context) => {
  const { [V1_DETECTIONS_KEY]: raw, ...rest } = snapshot;
  const next: Record<string, unknown> = rest;
  const quarantine = (id: string, reason: string, value: unknown): void => {
    next[quarantineKey(id)] = { reason, at: context.now, key: V1_DETECTIONS_KEY, value } satisfies QuarantineEntry;
  };
  if (raw === undefined) return next;
  if (!Array.isArray(raw)) {
    quarantine('v1-detections', 'The detections saved by an earlier version were not a list.', raw);
    return next;
  }
  const byKey = new Map<string, ConsentRecord>();
  raw.forEach((item: unknown, index) => {
    const detection = readV1(item);
    const input = typeof detection === 'string' ? detection : v1ToInput(detection, context.providerById(detection.providerId));
    if (typeof input === 'string') {
      quarantine(`v1-detection-${index}`, `An early detection could not be converted: ${input}.`, item);
      return;
    }
    // Ids from the position in the old list: re-running an interrupted migration rewrites the
    // same records instead of adding duplicates.
    const { record } = applyDetection((key) => byKey.get(key), input, () => `v1-${index}`);
    byKey.set(mergeKey(record), record);
  });
  for (const record of byKey.values()) next[recordKey(record.id)] = record;
  return next;
};

/** MIGRATIONS[n] turns a version-n snapshot into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, Step>> = { 1: fromV1 };

/**
 * The stored snapshot's schema version: from the meta key; 1 when only the first build's data is
 * there; the current version for an empty (new) store. `null` when the meta key is damaged.
 */
export function schemaVersionOf(snapshot: Snapshot): number | null {
  const meta = snapshot[META_KEY];
  if (meta === undefined) {
    const hasRecords = Object.keys(snapshot).some((key) => key.startsWith(RECORD_PREFIX));
    return snapshot[V1_DETECTIONS_KEY] !== undefined && !hasRecords ? 1 : CURRENT_SCHEMA_VERSION;
  }
  if (typeof meta !== 'object' || meta === null) return null;
  const version = (meta as Partial<Meta>).schemaVersion;
  return Number.isSafeInteger(version) && (version as number) >= 1 ? (version as number) : null;
}

export interface Migrated {
  readonly snapshot: Record<string, unknown>;
  /** Keys to write: new or changed values, including the meta key. */
  readonly set: Record<string, unknown>;
  /** Keys that are gone. */
  readonly remove: readonly string[];
}

/** Runs every step from `from` to the current version. */
export function migrate(snapshot: Snapshot, from: number, context: MigrationContext): Migrated {
  let next: Record<string, unknown> = { ...snapshot };
  for (let version = from; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step === undefined) throw new RangeError(`No migration from ledger schema version ${version}.`);
    next = step(next, context);
  }
  if (from !== CURRENT_SCHEMA_VERSION || next[META_KEY] === undefined) {
    next[META_KEY] = { schemaVersion: CURRENT_SCHEMA_VERSION } satisfies Meta;
  }
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) if (snapshot[key] !== value) set[key] = value;
  return { snapshot: next, set, remove: Object.keys(snapshot).filter((key) => !(key in next)) };
}
