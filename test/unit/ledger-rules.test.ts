import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConsentRecord, DetectionInput, EventKind } from '../../src/ledger/model.ts';
import { CONSENT_STATUSES, EVENT_KINDS } from '../../src/ledger/model.ts';
import {
  applyDetection,
  applyStatus,
  expiryEvent,
  FINANCIAL_AUTHORIZATION_DAYS,
  isStale,
  mergeImported,
  mergeKey,
  STATUS_TABLE,
} from '../../src/ledger/rules.ts';
import { DAY, EMAIL, FRIENDS, oauthDetection, POSTS, sequentialIds, T0, widgetDetection } from './ledger-fixtures.ts';

/** Feeds detections through applyDetection with a one-map index, as the Ledger does. */
function run(inputs: readonly DetectionInput[]): ConsentRecord[] {
  const byKey = new Map<string, ConsentRecord>();
  const newId = sequentialIds();
  for (const input of inputs) {
    const { record, key } = applyDetection((k) => byKey.get(k), input, newId);
    byKey.set(key, record);
  }
  return [...byKey.values()];
}

function single(inputs: readonly DetectionInput[]): ConsentRecord {
  const records = run(inputs);
  expect(records).toHaveLength(1);
  return records[0] as ConsentRecord;
}

function act(record: ConsentRecord, kind: EventKind, at: number): ConsentRecord {
  return applyStatus(record, { at, kind, evidence: { pageUrl: null, seen: `${kind} in test` } });
}

describe('merging detections', () => {
  it('merges repeated prompts for the same source, recipient and scopes into one record', () => {
    const record = single([
      oauthDetection(),
      oauthDetection({ at: T0 + 1000 }),
      oauthDetection({ at: T0 + 2000, scopes: [FRIENDS, EMAIL] }),
      oauthDetection({ at: T0 + 3000, recipient: { site: 'WWW.Budgetly.app', clientId: '4242424242', name: null } }),
    ]);
    expect(record.history.map((event) => event.at)).toEqual([T0, T0 + 1000, T0 + 2000, T0 + 3000]);
    expect(record.recipient).toEqual({ site: 'budgetly.app', clientId: '4242424242', name: 'Budgetly' });
  });

  it('keeps another scope set, client id, intermediary or source as another record', () => {
    const records = run([
      oauthDetection(),
      oauthDetection({ scopes: [EMAIL, FRIENDS, POSTS] }),
      oauthDetection({ recipient: { site: 'budgetly.app', clientId: '999', name: null } }),
      oauthDetection({ source: { label: 'Google account', providerId: 'google' } }),
      widgetDetection(),
      widgetDetection({ intermediary: { providerId: 'mx', name: 'MX' } }),
    ]);
    expect(records).toHaveLength(6);
    expect(new Set(records.map((r) => r.id)).size).toBe(6);
  });

  it('never modifies the record it merges into and only appends to history', () => {
    const first = single([oauthDetection()]);
    const frozenHistory = [...first.history];
    const { record, created } = applyDetection(() => first, oauthDetection({ outcome: 'granted', at: T0 + 5 }), sequentialIds());
    expect(created).toBe(false);
    expect(record.id).toBe(first.id);
    expect(first.history).toEqual(frozenHistory);
    expect(first.status).toBe('prompted');
    expect(record.history.slice(0, 1)).toEqual(frozenHistory);
    expect(record.status).toBe('granted');
  });

  it('inserts a late-arriving older event in time order and derives dates from the history', () => {
    const record = single([
      oauthDetection({ at: T0 + 10_000, outcome: 'granted' }),
      oauthDetection({ at: T0, outcome: 'prompted' }),
    ]);
    expect(record.history.map((e) => e.kind)).toEqual(['prompted', 'granted']);
    expect(record.createdAt).toBe(T0);
    expect(record.updatedAt).toBe(T0 + 10_000);
    expect(record.grantedAt).toBe(T0 + 10_000);
    expect(record.status).toBe('granted');
  });

  it('records per-scope outcomes: unticked scopes stay ungranted, a decline ungrants all', () => {
    const granted = single([oauthDetection({ outcome: 'granted', scopes: [EMAIL, { ...FRIENDS, granted: false }] })]);
    expect(granted.scopes.map((s) => [s.scope, s.granted])).toEqual([
      ['email', true],
      ['user_friends', false],
    ]);
    const prompted = single([oauthDetection()]);
    expect(prompted.scopes.every((s) => s.granted === null)).toBe(true);
    const declined = single([oauthDetection(), oauthDetection({ outcome: 'declined', at: T0 + 1 })]);
    expect(declined.scopes.every((s) => s.granted === false)).toBe(true);
  });

  it('strips fragments and token parameters from evidence URLs and caps what was seen', () => {
    const record = single([
      oauthDetection({
        evidence: {
          pageUrl: 'https://budgetly.app/callback?code=SECRET&state=abc#access_token=SECRET2',
          seen: 'x'.repeat(5000),
        },
      }),
    ]);
    const evidence = record.history[0]?.evidence;
    expect(evidence?.pageUrl).toBe('https://budgetly.app/callback?state=abc');
    expect(evidence?.seen.length).toBe(500);
  });

  it('uses the provider id of the source, or its label when there is none, in the merge key', () => {
    const parts = { recipient: { site: 'a.example', clientId: null, name: null }, intermediary: null, scopes: [] };
    expect(mergeKey({ ...parts, source: { label: 'Chase', providerId: 'chase' } })).toBe(
      mergeKey({ ...parts, source: { label: 'Chase checking', providerId: 'chase' } }),
    );
    expect(mergeKey({ ...parts, source: { label: 'Bank account', providerId: null } })).toBe(
      mergeKey({ ...parts, source: { label: 'bank ACCOUNT', providerId: null } }),
    );
  });

  it('rejects a time that is not epoch milliseconds', () => {
    expect(() => run([oauthDetection({ at: Number.NaN })])).toThrow(RangeError);
  });
});

describe('status transitions', () => {
  it('a later prompt never downgrades a grant', () => {
    const record = single([oauthDetection({ outcome: 'granted' }), oauthDetection({ at: T0 + 1 }), oauthDetection({ at: T0 + 2, outcome: 'abandoned' })]);
    expect(record.status).toBe('granted');
    expect(record.grantedAt).toBe(T0);
  });

  it('declining a repeated prompt keeps a live grant, but declines an open prompt', () => {
    expect(single([oauthDetection({ outcome: 'granted' }), oauthDetection({ at: T0 + 1, outcome: 'declined' })]).status).toBe('granted');
    expect(single([oauthDetection(), oauthDetection({ at: T0 + 1, outcome: 'declined' })]).status).toBe('declined');
  });

  it('revoked stays revoked until a new grant is seen', () => {
    let record = act(single([oauthDetection({ outcome: 'granted' })]), 'revoked', T0 + 10);
    for (const [i, outcome] of (['prompted', 'declined', 'abandoned'] as const).entries()) {
      record = applyDetection(() => record, oauthDetection({ at: T0 + 20 + i, outcome }), sequentialIds()).record;
      expect(record.status).toBe('revoked');
    }
    record = act(record, 'blocked', T0 + 30);
    expect(record.status).toBe('revoked');
    record = applyDetection(() => record, oauthDetection({ at: T0 + 40, outcome: 'granted' }), sequentialIds()).record;
    expect(record.status).toBe('granted');
    expect(record.grantedAt).toBe(T0 + 40);
  });

  it('unblocking returns to the status before the block', () => {
    const declined = single([oauthDetection(), oauthDetection({ at: T0 + 1, outcome: 'declined' })]);
    const blocked = act(declined, 'blocked', T0 + 2);
    expect(blocked.status).toBe('blocked');
    expect(act(blocked, 'unblocked', T0 + 3).status).toBe('declined');
    expect(act(blocked, 'allowed-by-user', T0 + 3).status).toBe('declined');
  });

  it('blocking does not end a live grant', () => {
    expect(act(single([oauthDetection({ outcome: 'granted' })]), 'blocked', T0 + 1).status).toBe('granted');
  });

  it('a failed revocation returns to the status before the request, through nested pauses', () => {
    const granted = single([oauthDetection({ outcome: 'granted' })]);
    const pending = act(granted, 'revoke-requested', T0 + 1);
    expect(pending.status).toBe('revocation-pending');
    expect(act(pending, 'revocation-failed', T0 + 2).status).toBe('granted');
    expect(act(pending, 'revoked', T0 + 2).status).toBe('revoked');

    const blocked = act(single([oauthDetection()]), 'blocked', T0 + 1);
    const pendingWhileBlocked = act(blocked, 'revoke-requested', T0 + 2);
    const back = act(pendingWhileBlocked, 'revocation-failed', T0 + 3);
    expect(back.status).toBe('blocked');
    expect(act(back, 'unblocked', T0 + 4).status).toBe('prompted');
  });

  it('the provider list showing the link marks it granted, except while a revocation is pending', () => {
    const listed = single([oauthDetection({ channel: 'imported', outcome: 'granted' })]);
    expect(listed.history[0]?.kind).toBe('imported');
    expect(listed.status).toBe('granted');
    expect(listed.grantedAt).toBe(T0);
    const pending = act(listed, 'revoke-requested', T0 + 1);
    const stillListed = applyDetection(() => pending, oauthDetection({ channel: 'imported', outcome: 'granted', at: T0 + 2 }), sequentialIds());
    expect(stillListed.record.status).toBe('revocation-pending');
  });

  it('notes change nothing but the history', () => {
    const record = single([oauthDetection({ outcome: 'granted' })]);
    const noted = act(record, 'note', T0 + 1);
    expect(noted.status).toBe('granted');
    expect(noted.history).toHaveLength(2);
  });
});

describe('expiry and staleness', () => {
  it('limits financial-data authorizations to one year from the most recent grant', () => {
    const widget = single([widgetDetection({ outcome: 'granted' })]);
    expect(widget.durationDays).toBe(FINANCIAL_AUTHORIZATION_DAYS);
    expect(widget.expiresAt).toBe(T0 + 365 * DAY);
    const bank = single([oauthDetection({ providerKind: 'bank', outcome: 'granted' })]);
    expect(bank.expiresAt).toBe(T0 + 365 * DAY);
    const social = single([oauthDetection({ outcome: 'granted' })]);
    expect(social.durationDays).toBeNull();
    expect(social.expiresAt).toBeNull();
    expect(single([widgetDetection()]).expiresAt).toBeNull();
  });

  it('expires a grant whose year is up, at the moment it ran out, and a new grant renews it', () => {
    const widget = single([widgetDetection({ outcome: 'granted' })]);
    expect(expiryEvent(widget, T0 + 364 * DAY)).toBeNull();
    const event = expiryEvent(widget, T0 + 400 * DAY);
    expect(event).toMatchObject({ at: T0 + 365 * DAY, kind: 'expired' });
    const expired = applyStatus(widget, event!);
    expect(expired.status).toBe('expired');
    expect(expiryEvent(expired, T0 + 400 * DAY)).toBeNull();
    const renewed = applyDetection(() => expired, widgetDetection({ outcome: 'granted', at: T0 + 401 * DAY }), sequentialIds()).record;
    expect(renewed.status).toBe('granted');
    expect(renewed.expiresAt).toBe(T0 + (401 + 365) * DAY);
    expect(expiryEvent(social(), T0 + 10_000 * DAY)).toBeNull();
  });

  it('a grant seen again on the provider list after expiry starts a new year', () => {
    const widget = single([widgetDetection({ outcome: 'granted' })]);
    const expired = applyStatus(widget, expiryEvent(widget, T0 + 400 * DAY)!);
    const listed = applyDetection(() => expired, widgetDetection({ channel: 'imported', outcome: 'granted', at: T0 + 500 * DAY }), sequentialIds()).record;
    expect(listed.status).toBe('granted');
    expect(listed.grantedAt).toBe(T0 + 500 * DAY);
    expect(expiryEvent(listed, T0 + 600 * DAY)).toBeNull();
  });

  it('a live grant not seen for N calendar months is stale; other statuses never are', () => {
    const granted = single([oauthDetection({ outcome: 'granted' })]);
    const now = Date.UTC(2027, 1, 15, 12);
    expect(isStale(granted, now)).toBe(true);
    expect(isStale(granted, Date.UTC(2027, 0, 15, 11))).toBe(false);
    expect(isStale(granted, now, 24)).toBe(false);
    expect(isStale(granted, Date.UTC(2026, 3, 16), 3)).toBe(true);
    const blockNote = act(granted, 'note', now - DAY);
    expect(blockNote.lastSeenAt).toBe(T0);
    expect(isStale(blockNote, now)).toBe(true);
    expect(isStale(single([oauthDetection()]), now)).toBe(false);
  });
});

describe('merging an imported copy', () => {
  it('is idempotent and unions histories', () => {
    const original = single([oauthDetection(), oauthDetection({ at: T0 + 1, outcome: 'granted' })]);
    expect(mergeImported(original, original)).toBe(original);
    const later = act(original, 'revoked', T0 + 2);
    const merged = mergeImported(original, later);
    expect(merged.history).toEqual(later.history);
    expect(merged.status).toBe('revoked');
    expect(mergeImported(merged, later)).toBe(merged);
    expect(mergeImported(merged, original)).toBe(merged);
  });
});

function social(): ConsentRecord {
  return single([oauthDetection({ outcome: 'granted' })]);
}

describe('documentation', () => {
  it('docs/ledger.md prints the status table the code runs', () => {
    const doc = readFileSync(new URL('../../docs/ledger.md', import.meta.url), 'utf8');
    const rows = doc
      .split('\n')
      .filter((line) => line.startsWith('| ') && EVENT_KINDS.includes(line.split('|')[1]?.trim() as EventKind))
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    const header = doc.split('\n').find((line) => line.startsWith('| event'))?.split('|').slice(2, -1).map((cell) => cell.trim());
    expect(header).toEqual([...CONSENT_STATUSES]);
    expect(rows.map((row) => row[0])).toEqual([...EVENT_KINDS]);
    for (const [kind, ...cells] of rows) {
      const expected = CONSENT_STATUSES.map((status) => STATUS_TABLE[kind as EventKind][status] ?? '·');
      expect(cells, kind).toEqual(expected);
    }
  });
});
