import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsentRecord, DetectionInput } from '../../src/ledger/model.ts';
import { csvCell, EXPORT_FORMAT_VERSION, parseImport, toCsv, toJson, toReceiptHtml } from '../../src/ledger/export.ts';
import { applyDetection, applyStatus } from '../../src/ledger/rules.ts';
import { DAY, oauthDetection, sequentialIds, T0, widgetDetection } from './ledger-fixtures.ts';

function build(inputs: readonly DetectionInput[]): ConsentRecord[] {
  const byKey = new Map<string, ConsentRecord>();
  const newId = sequentialIds('exp');
  for (const input of inputs) {
    const { record, key } = applyDetection((k) => byKey.get(k), input, newId);
    byKey.set(key, record);
  }
  return [...byKey.values()];
}

const HOSTILE = '=HYPERLINK("https://evil.example","click"),\n<script>alert(1)</script>';

function sample(): ConsentRecord[] {
  const [oauth, widget, hostile] = build([
    oauthDetection({ outcome: 'granted' }),
    widgetDetection({ outcome: 'granted', at: T0 + DAY }),
    oauthDetection({
      at: T0 + 2 * DAY,
      recipient: { site: 'evil.example', clientId: '+1-555', name: HOSTILE },
      evidence: { pageUrl: 'https://evil.example/"><img src=x onerror=alert(1)>', seen: '@SUM(A1) "quoted" & <b>bold</b>' },
    }),
  ]) as [ConsentRecord, ConsentRecord, ConsentRecord];
  return [applyStatus(oauth, { at: T0 + 3 * DAY, kind: 'revoked', evidence: { pageUrl: null, seen: 'Removed on Facebook' } }), widget, hostile];
}

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('JSON export', () => {
  it('carries the format version and ISO times, and reads back to the same records', () => {
    const records = sample();
    const text = toJson(records, { now: T0 });
    const file = JSON.parse(text) as { linkwatchLedgerVersion: number; exportedAt: string; records: { createdAt: string; history: { at: string }[] }[] };
    expect(file.linkwatchLedgerVersion).toBe(EXPORT_FORMAT_VERSION);
    expect(file.exportedAt).toBe('2026-01-15T12:00:00.000Z');
    expect(file.records[0]?.createdAt).toBe('2026-01-15T12:00:00.000Z');
    expect(file.records[0]?.history[1]?.at).toBe('2026-01-18T12:00:00.000Z');
    expect(parseImport(text)).toEqual({ records });
  });

  it('exports a selection', () => {
    const records = sample();
    const file = JSON.parse(toJson(records, { ids: [records[1]!.id] })) as { records: { id: string }[] };
    expect(file.records.map((r) => r.id)).toEqual([records[1]!.id]);
  });

  it('recomputes derived fields instead of trusting the file', () => {
    const file = JSON.parse(toJson(sample())) as { records: Record<string, unknown>[] };
    file.records[0] = { ...file.records[0], status: 'granted', grantedAt: null };
    const parsed = parseImport(JSON.stringify(file));
    expect('records' in parsed && parsed.records[0]).toMatchObject({ status: 'revoked', grantedAt: T0 });
  });
});

describe('import parser', () => {
  const valid = () => JSON.parse(toJson(sample())) as { linkwatchLedgerVersion: number; records: Record<string, unknown>[] };

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['no version', '{"records": []}', /no "linkwatchLedgerVersion" field/],
    ['a bad version', '{"linkwatchLedgerVersion": "1", "records": []}', /version field is not valid/],
    ['a newer version', '{"linkwatchLedgerVersion": 2, "records": []}', /newer version of Linkwatch \(format 2\)/],
    ['no records', '{"linkwatchLedgerVersion": 1}', /no list of records/],
    ['a list', '[]', /not a Linkwatch ledger export/],
  ])('refuses %s in plain words', (_name, text, message) => {
    expect(parseImport(text)).toEqual({ error: expect.stringMatching(message) });
  });

  it('names the record and the field that is wrong', () => {
    const withBadTime = valid();
    withBadTime.records[1] = { ...withBadTime.records[1], createdAt: '15/01/2026' };
    expect(parseImport(JSON.stringify(withBadTime))).toEqual({ error: expect.stringMatching(/^Record 2 .*field "createdAt"/) });
    const withExtra = valid();
    withExtra.records[0] = { ...withExtra.records[0], password: 'x' };
    expect(parseImport(JSON.stringify(withExtra))).toEqual({ error: expect.stringMatching(/^Record 1 .*unexpected field "password"/) });
    const noHistory = valid();
    noHistory.records[2] = { ...noHistory.records[2], history: [] };
    expect(parseImport(JSON.stringify(noHistory))).toEqual({ error: expect.stringMatching(/^Record 3 .*field "history"/) });
    const twice = valid();
    const scopes = twice.records[0]?.scopes as unknown[];
    twice.records[0] = { ...twice.records[0], scopes: [...scopes, scopes[0]] };
    expect(parseImport(JSON.stringify(twice))).toEqual({ error: expect.stringMatching(/lists the scope "email" twice/) });
  });

  it('caps the size of what it reads', () => {
    const long = valid();
    long.records[0] = { ...long.records[0], recipient: { site: 'a'.repeat(300), clientId: null, name: null } };
    expect(parseImport(JSON.stringify(long))).toEqual({ error: expect.stringContaining('field "recipient"') });
    expect(parseImport(' '.repeat(64 * 1024 * 1024 + 1))).toEqual({ error: expect.stringContaining('too large') });
  });

  it('never throws and never half-accepts random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseImport(JSON.stringify(value));
        expect('error' in result || Array.isArray(result.records)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random records inside a well-formed envelope', () => {
    const field = fc.constantFrom('id', 'status', 'source', 'recipient', 'scopes', 'history', 'createdAt', 'durationDays', 'channel');
    fc.assert(
      fc.property(fc.nat(2), field, fc.jsonValue(), (index, key, value) => {
        const file = valid();
        file.records[index] = { ...file.records[index], [key]: value };
        const result = parseImport(JSON.stringify(file));
        if ('records' in result) expect(result.records).toHaveLength(3);
        else expect(result.error).toMatch(/^Record \d/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSV export', () => {
  it('writes one row per record with a BOM, CRLF and RFC 4180 quoting', () => {
    const records = sample();
    const text = toCsv(records);
    expect(text.startsWith('\uFEFFrecord_id,status,source,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = readCsv(text.slice(1));
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
    const header = rows[0]!;
    const cell = (row: number, column: string) => rows[row]![header.indexOf(column)];
    expect(cell(1, 'status')).toBe('revoked');
    expect(cell(2, 'intermediary')).toBe('Plaid');
    expect(cell(2, 'expires_at')).toBe('2027-01-16T12:00:00.000Z');
    expect(cell(2, 'scopes_granted')).toBe('balance; transactions');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const rows = readCsv(toCsv(sample()).slice(1));
    const header = rows[0]!;
    expect(rows[3]![header.indexOf('recipient_name')]).toBe(`'${HOSTILE}`);
    expect(rows[3]![header.indexOf('client_id')]).toBe("'+1-555");
    for (const value of ['=1+1', '+1', '-1', '@A1', '\t=x', '\r=x']) expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
  });
});

describe('consent receipt', () => {
  it('maps the standard fields', () => {
    const [, widget] = sample();
    const html = toReceiptHtml(widget!, { revocationUrl: 'https://my.plaid.com/', now: T0 });
    for (const text of [
      'Kantara consentReceiptID',
      widget!.id,
      'FDX DATA_ACCESS_PLATFORM',
      'Plaid',
      'TIME_BOUND, 365 days',
      '2027-01-16T12:00:00.000Z',
      'https://my.plaid.com/',
      'Kantara collectionMethod',
      'ACTIVE',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('escapes every value and carries no script or external resource', () => {
    const [, , hostile] = sample();
    const html = toReceiptHtml(hostile!, { now: T0 });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('https://evil.example/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E');
    expect(html).toContain('@SUM(A1) &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toMatch(/<[^>]*\s(src|href|on\w+)=/i);
    expect(html).toContain("default-src 'none'");
  });
});
