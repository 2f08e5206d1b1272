import type { DataCategory, Risk } from '../shared/categories.ts';
import type { ProviderKind, ScopeMeaning } from '../providers/types.ts';

/**
 * The consent ledger's data model. Field names follow the public consent-record standards
 * (FDX ConsentGrant, Kantara Consent Receipt v1.1, ISO/IEC TS 27560, CFPB 1033 disclosures);
 * docs/ledger.md maps each field. Times are epoch milliseconds; ISO strings appear only in exports.
 */

export const CHANNELS = ['oauth', 'widget', 'text-prompt', 'imported'] as const;
/** How the link was asked for. `imported`: found in a provider's own list of connected apps. */
export type Channel = (typeof CHANNELS)[number];

export const CONSENT_STATUSES = [
  'prompted',
  'granted',
  'declined',
  'blocked',
  'revocation-pending',
  'revoked',
  'expired',
] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const EVENT_KINDS = [
  'prompted',
  'granted',
  'declined',
  'abandoned',
  'allowed-by-user',
  'blocked',
  'unblocked',
  'revoke-requested',
  'revoked',
  'revocation-failed',
  'imported',
  'expired',
  'note',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const DETECTION_OUTCOMES = ['prompted', 'granted', 'declined', 'abandoned'] as const;
export type DetectionOutcome = (typeof DETECTION_OUTCOMES)[number];

/** Caps keep one noisy page from bloating every later export and storage write. */
export const LIMITS = {
  pageUrl: 2048,
  seen: 500,
  label: 256,
  site: 253,
  clientId: 256,
  providerId: 64,
  scope: 512,
  means: 300,
  scopesPerRecord: 256,
} as const;

export interface Evidence {
  /** The page the event was seen on; fragment and token-carrying parameters removed. */
  readonly pageUrl: string | null;
  /** What was seen, in words: "Plaid Link frame shown", "Allow clicked". */
  readonly seen: string;
}

export interface LedgerEvent {
  readonly at: number;
  readonly kind: EventKind;
  readonly evidence: Evidence;
}

/** The account whose data flows ("Facebook account", "Chase checking"). FDX DATA_PROVIDER. */
export interface DataSource {
  readonly label: string;
  readonly providerId: string | null;
}

/** Who gets the data. FDX DATA_RECIPIENT, Kantara piiController. */
export interface Recipient {
  /** Hostname, lower case: "budgetly.app". */
  readonly site: string;
  readonly clientId: string | null;
  readonly name: string | null;
}

/** The aggregator in the middle (Plaid, MX, ...). FDX DATA_ACCESS_PLATFORM, 1033.431(b). */
export interface Intermediary {
  readonly providerId: string;
  readonly name: string;
}

export interface ScopeEntry {
  /** The raw scope or permission as the provider names it. */
  readonly scope: string;
  readonly means: string;
  readonly category: DataCategory;
  readonly risk: Risk;
  /** null until an outcome says; false when the person unticked it or declined. */
  readonly granted: boolean | null;
}

export interface ConsentRecord {
  readonly id: string;
  readonly source: DataSource;
  readonly recipient: Recipient;
  readonly intermediary: Intermediary | null;
  /** Whose prompt or catalogue described the scopes. */
  readonly providerId: string;
  readonly channel: Channel;
  /** Sorted by `scope`, unique. Part of the merge key: another scope set is another record. */
  readonly scopes: readonly ScopeEntry[];
  /**
   * How long one authorization lasts, in days (FDX durationPeriod); null when the standards set
   * no limit (FDX PERSISTENT). 365 for financial-data links per CFPB 1033.421(b).
   */
  readonly durationDays: number | null;
  /** Sorted by `at`; append-only (an older event is inserted in place, none is ever rewritten). */
  readonly history: readonly LedgerEvent[];
  // Everything below is derived from `history` and `durationDays` by rules.ts, kept for readers.
  readonly status: ConsentStatus;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** The last time a prompt, grant, decline or the provider's own list showed this link. */
  readonly lastSeenAt: number;
  /** The most recent authorization. */
  readonly grantedAt: number | null;
  readonly expiresAt: number | null;
}

/** A scope as the ledger receives it: the catalogue's meaning of it, and what became of it. */
export interface ScopeReading extends ScopeMeaning {
  readonly scope: string;
  /** Per-scope outcome when the page shows it (TikTok lets people untick scopes). */
  readonly granted?: boolean | null;
}

/** What the background hands the ledger for one detection. */
export interface DetectionInput {
  readonly channel: Channel;
  readonly providerId: string;
  /** Decides the authorization's duration: bank-kind providers are financial data sources. */
  readonly providerKind: ProviderKind;
  readonly source: DataSource;
  readonly recipient: Recipient;
  readonly intermediary: Intermediary | null;
  readonly scopes: readonly ScopeReading[];
  readonly outcome: DetectionOutcome;
  readonly evidence: Evidence;
  readonly at: number;
}
