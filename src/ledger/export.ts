import { highestRisk } from '../shared/categories.ts';
import type { Check } from '../shared/validate.ts';
import type { Channel, ConsentRecord, ConsentStatus, EventKind, LedgerEvent } from './model.ts';
import { exportedRecordChecker, rebuild } from './schema.ts';

/**
 * The ledger leaves the extension only as files the person saves: JSON (complete, re-importable),
 * CSV (one row per record, for a spreadsheet) and a printable consent receipt per record.
 * docs/ledger.md documents all three.
 */

/** Bumped when the JSON export changes incompatibly; older files stay importable. */
export const EXPORT_FORMAT_VERSION = 1;

export const IMPORT_LIMITS = { chars: 64 * 1024 * 1024, records: 100_000, events: 2_000_000 } as const;

type Iso = string;

export interface ExportedEvent {
  readonly at: Iso;
  readonly kind: EventKind;
  readonly evidence: LedgerEvent['evidence'];
}

export type ExportedRecord = Omit<
  ConsentRecord,
  'history' | 'createdAt' | 'updatedAt' | 'lastSeenAt' | 'grantedAt' | 'expiresAt'
> & {
  readonly createdAt: Iso;
  readonly updatedAt: Iso;
  readonly lastSeenAt: Iso;
  readonly grantedAt: Iso | null;
  readonly expiresAt: Iso | null;
  readonly history: readonly ExportedEvent[];
};

export interface LedgerExport {
  readonly linkwatchLedgerVersion: number;
  readonly exportedAt: Iso;
  readonly records: readonly ExportedRecord[];
}

const iso = (time: number): Iso => new Date(time).toISOString();
const isoOrNull = (time: number | null): Iso | null => (time === null ? null : iso(time));

function exported(record: ConsentRecord): ExportedRecord {
  return {
    id: record.id,
    status: record.status,
    source: record.source,
    recipient: record.recipient,
    intermediary: record.intermediary,
    providerId: record.providerId,
    channel: record.channel,
    scopes: record.scopes,
    durationDays: record.durationDays,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    lastSeenAt: iso(record.lastSeenAt),
    grantedAt: isoOrNull(record.grantedAt),
    expiresAt: isoOrNull(record.expiresAt),
    history: record.history.map((event) => ({ at: iso(event.at), kind: event.kind, evidence: event.evidence })),
  };
}

function selected(records: Iterable<ConsentRecord>, ids?: readonly string[]): ConsentRecord[] {
  const wanted = ids === undefined ? null : new Set(ids);
  return [...records].filter((record) => wanted === null || wanted.has(record.id));
}

/** The whole ledger, or the records with the given ids, as a JSON export. */
export function toJson(records: Iterable<ConsentRecord>, selection?: { ids?: readonly string[]; now?: number }): string {
  const file: LedgerExport = {
    linkwatchLedgerVersion: EXPORT_FORMAT_VERSION,
    exportedAt: iso(selection?.now ?? Date.now()),
    records: selected(records, selection?.ids).map(exported),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const isIsoTime: Check<string> = (v): v is string =>
  typeof v === 'string' && ISO_PATTERN.test(v) && Number.isSafeInteger(Date.parse(v)) && Date.parse(v) >= 0;

const exportedRecordProblem = exportedRecordChecker(isIsoTime);

function fromExported(value: ExportedRecord): ConsentRecord {
  const time = (text: Iso): number => Date.parse(text);
  const timeOrNull = (text: Iso | null): number | null => (text === null ? null : time(text));
  return {
    ...value,
    createdAt: time(value.createdAt),
    updatedAt: time(value.updatedAt),
    lastSeenAt: time(value.lastSeenAt),
    grantedAt: timeOrNull(value.grantedAt),
    expiresAt: timeOrNull(value.expiresAt),
    history: value.history.map((event) => ({ ...event, at: time(event.at) })),
  };
}

export type ParsedImport = { readonly records: ConsentRecord[] } | { readonly error: string };

/**
 * Reads a JSON export. Every record is checked before any is returned, so a bad file is refused
 * whole with one plain sentence saying what is wrong. Derived fields are recomputed from history.
 */
export function parseImport(text: string): ParsedImport {
  if (text.length > IMPORT_LIMITS.chars) return { error: 'This file is too large to be a Linkwatch export (over 64 MB).' };
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { error: 'This file is not a Linkwatch export: it is not valid JSON.' };
  }
  if (typeof file !== 'object' || file === null || Array.isArray(file) || !('linkwatchLedgerVersion' in file)) {
    return { error: 'This file is not a Linkwatch ledger export: it has no "linkwatchLedgerVersion" field.' };
  }
  const { linkwatchLedgerVersion: version, records } = file as { linkwatchLedgerVersion: unknown; records?: unknown };
  if (!Number.isSafeInteger(version) || (version as number) < 1) {
    return { error: 'This file is not a Linkwatch ledger export: its version field is not valid.' };
  }
  if ((version as number) > EXPORT_FORMAT_VERSION) {
    return { error: `This file was exported by a newer version of Linkwatch (format ${String(version)}). Update Linkwatch to import it.` };
  }
  if (!Array.isArray(records)) return { error: 'This export has no list of records.' };
  if (records.length > IMPORT_LIMITS.records) {
    return { error: `This export has more records than Linkwatch can import at once (${IMPORT_LIMITS.records.toLocaleString('en')}).` };
  }
  const result: ConsentRecord[] = [];
  let events = 0;
  for (const [index, value] of (records as unknown[]).entries()) {
    const problem = exportedRecordProblem(value);
    if (problem !== null) return { error: `Record ${index + 1} in this file cannot be imported: ${problem}. Nothing was imported.` };
    const checked = rebuild(fromExported(value as ExportedRecord));
    if ('problem' in checked) {
      return { error: `Record ${index + 1} in this file cannot be imported: ${checked.problem}. Nothing was imported.` };
    }
    events += checked.record.history.length;
    if (events > IMPORT_LIMITS.events) {
      return { error: `This export has more events than Linkwatch can import at once (${IMPORT_LIMITS.events.toLocaleString('en')}).` };
    }
    result.push(checked.record);
  }
  return { records: result };
}

// ---- CSV -----------------------------------------------------------------------------------

const CSV_COLUMNS: readonly (readonly [string, (record: ConsentRecord) => string])[] = [
  ['record_id', (r) => r.id],
  ['status', (r) => r.status],
  ['source', (r) => r.source.label],
  ['source_provider', (r) => r.source.providerId ?? ''],
  ['recipient_site', (r) => r.recipient.site],
  ['recipient_name', (r) => r.recipient.name ?? ''],
  ['client_id', (r) => r.recipient.clientId ?? ''],
  ['intermediary', (r) => r.intermediary?.name ?? ''],
  ['provider', (r) => r.providerId],
  ['channel', (r) => r.channel],
  ['highest_risk', (r) => (r.scopes.length === 0 ? '' : highestRisk(r.scopes.map((s) => s.risk)))],
  ['data_categories', (r) => [...new Set(r.scopes.map((s) => s.category))].join('; ')],
  ['scopes_requested', (r) => r.scopes.map((s) => s.scope).join('; ')],
  ['scopes_granted', (r) => r.scopes.filter((s) => s.granted === true).map((s) => s.scope).join('; ')],
  ['created_at', (r) => iso(r.createdAt)],
  ['granted_at', (r) => isoOrNull(r.grantedAt) ?? ''],
  ['expires_at', (r) => isoOrNull(r.expiresAt) ?? ''],
  ['last_seen_at', (r) => iso(r.lastSeenAt)],
  ['updated_at', (r) => iso(r.updatedAt)],
  ['events', (r) => String(r.history.length)],
];

/**
 * One spreadsheet cell. A leading = + - @ (or tab / carriage return) would make a spreadsheet run
 * the cell as a formula, so it gets an apostrophe; then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per record; UTF-8 with a byte-order mark and CRLF line ends, as spreadsheets expect. */
export function toCsv(records: Iterable<ConsentRecord>, selection?: { ids?: readonly string[] }): string {
  const rows = [CSV_COLUMNS.map(([name]) => name)];
  for (const record of selected(records, selection?.ids)) rows.push(CSV_COLUMNS.map(([, cell]) => cell(record)));
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

// ---- Consent receipt ------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const CHANNEL_WORDS: Readonly<Record<Channel, string>> = {
  oauth: 'OAuth authorization page',
  widget: 'Data aggregator widget embedded in the recipient’s site',
  'text-prompt': 'Prompt shown on the provider’s site',
  imported: 'Listed in the provider’s own list of connected apps',
};

/** FDX ConsentGrant status: only a grant that took effect has one. */
const FDX_STATUS: Readonly<Record<ConsentStatus, string>> = {
  granted: 'ACTIVE',
  'revocation-pending': 'ACTIVE (revocation requested)',
  expired: 'EXPIRED',
  revoked: 'REVOKED',
  prompted: 'none: asked, no grant seen',
  declined: 'none: declined',
  blocked: 'none: blocked in this browser',
};

const NOT_RECORDED = 'Not recorded by Linkwatch';

export interface ReceiptOptions {
  /** The provider's page where the person removes the app (1033.411(b)(7) revocation method). */
  readonly revocationUrl?: string;
  readonly now?: number;
}

/**
 * A printable consent receipt for one record: the Kantara Consent Receipt v1.1 / ISO/IEC TS 27560
 * fields, the FDX ConsentGrant parties and status, the 1033 disclosure items and the history.
 * Every value is escaped; no scripts, no external resources, inline CSS only.
 */
export function toReceiptHtml(record: ConsentRecord, options: ReceiptOptions = {}): string {
  const e = escapeHtml;
  const when = (time: number | null, none: string): string => (time === null ? none : iso(time));
  const recipient = record.recipient.name ? `${record.recipient.name} (${record.recipient.site})` : record.recipient.site;
  const high = record.scopes.filter((scope) => scope.risk === 'high');
  const categories = [...new Set(record.scopes.map((scope) => scope.category))];
  const rows: readonly (readonly [string, string, string])[] = [
    ['Consent receipt ID', 'Kantara consentReceiptID · FDX ConsentGrant.id', record.id],
    ['Receipt format', 'Kantara version', 'KI-CR-v1.1.0 fields, ISO/IEC TS 27560 record; Linkwatch export format 1'],
    ['Consent time', 'Kantara consentTimestamp · 1033.401 authorization', when(record.grantedAt, `No grant seen (first seen ${iso(record.createdAt)})`)],
    ['Collection method', 'Kantara collectionMethod', CHANNEL_WORDS[record.channel]],
    ['Status', 'FDX ConsentGrant.status', `${FDX_STATUS[record.status]} (Linkwatch: ${record.status})`],
    ['Data recipient', 'FDX DATA_RECIPIENT · Kantara piiControllers · 1033.411(b)(1) third party', recipient],
    ['Recipient client ID', 'OAuth client_id', record.recipient.clientId ?? NOT_RECORDED],
    ['Data provider (source)', 'FDX DATA_PROVIDER · 1033.411(b)(2)', record.source.label],
    ['Intermediary', 'FDX DATA_ACCESS_PLATFORM · Kantara thirdPartyName · 1033.431(b)', record.intermediary?.name ?? 'None'],
    ['Data categories', 'Kantara piiCategory · 1033.411(b)(4)', categories.join(', ') || NOT_RECORDED],
    ['Sensitive', 'Kantara sensitive / spiCat', high.length > 0 ? `Yes: ${high.map((s) => s.category).join(', ')}` : 'No high-risk data'],
    [
      'Duration',
      'FDX durationType / durationPeriod · 1033.421(b)',
      record.durationDays === null ? 'PERSISTENT (until revoked)' : `TIME_BOUND, ${record.durationDays} days per authorization`,
    ],
    ['Expires', 'FDX expirationTime', when(record.expiresAt, 'No expiry set')],
    ['Created / updated', 'FDX createdTime / updatedTime', `${iso(record.createdAt)} / ${iso(record.updatedAt)}`],
    ['How to revoke', 'Kantara termination · 1033.411(b)(7)', options.revocationUrl ?? NOT_RECORDED],
    ['Person', 'Kantara piiPrincipalId', 'The person using this browser (not identified by Linkwatch)'],
    ['Purpose', 'Kantara purpose · 1033.411(b)(3)', NOT_RECORDED],
    ['Jurisdiction / language', 'Kantara jurisdiction / language', `${NOT_RECORDED} / en`],
  ];
  const scopeRows = record.scopes
    .map(
      (s) =>
        `<tr><td><code>${e(s.scope)}</code></td><td>${e(s.means)}</td><td>${e(s.category)}</td><td>${e(s.risk)}</td><td>${
          s.granted === null ? 'unknown' : s.granted ? 'granted' : 'not granted'
        }</td></tr>`,
    )
    .join('\n');
  const eventRows = record.history
    .map((h) => `<tr><td>${e(iso(h.at))}</td><td>${e(h.kind)}</td><td>${e(h.evidence.seen)}</td><td class="url">${e(h.evidence.pageUrl ?? '')}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Consent receipt: ${e(record.source.label)} → ${e(recipient)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } .std { color: #555; font-size: .85em; } .url { word-break: break-all; font-size: .85em; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>Consent receipt</h1>
<p>${e(record.source.label)} → ${e(recipient)}. Recorded by Linkwatch in this browser; generated ${e(iso(options.now ?? Date.now()))}.</p>
<table>
<tr><th>Field</th><th>Standard</th><th>Value</th></tr>
${rows.map(([label, standard, value]) => `<tr><td>${e(label)}</td><td class="std">${e(standard)}</td><td>${e(value)}</td></tr>`).join('\n')}
</table>
<h2>Data requested (FDX data clusters / Kantara purposes)</h2>
<table>
<tr><th>Scope</th><th>Means the recipient can</th><th>Category</th><th>Risk</th><th>Outcome</th></tr>
${scopeRows}
</table>
<h2>History (evidence)</h2>
<table>
<tr><th>Time (UTC)</th><th>Event</th><th>What was seen</th><th>Page</th></tr>
${eventRows}
</table>
</body>
</html>
`;
}
