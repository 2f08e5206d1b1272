import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger, type LedgerQuery } from '../../src/ledger/index.ts';
import type { ConsentRecord, ConsentStatus, DetectionInput } from '../../src/ledger/model.ts';
import type { Risk } from '../../src/shared/categories.ts';
import { applyDetection, applyStatus, isStale } from '../../src/ledger/rules.ts';
import { compareRisk, highestRisk } from '../../src/shared/categories.ts';
import { BALANCE, DAY, EMAIL, FRIENDS, oauthDetection, POSTS, sequentialIds, T0, widgetDetection } from './ledger-fixtures.ts';

function add(ledger: Ledger, input: DetectionInput, newId = sequentialIds('idx')): ConsentRecord {
  const { record } = applyDetection((key) => ledger.findByKey(key), input, newId);
  ledger.put(record);
  return record;
}

const NOW = T0 + 400 * DAY;

describe('ledger queries', () => {
  function fixture(): { ledger: Ledger; low: ConsentRecord; high: ConsentRecord; bank: ConsentRecord } {
    const ledger = new Ledger();
    const low = add(ledger, oauthDetection({ scopes: [EMAIL], outcome: 'granted', at: T0 }));
    const high = add(ledger, oauthDetection({ scopes: [POSTS], at: T0 + 300 * DAY, recipient: { site: 'photos.example', clientId: '1', name: 'PhotoFun' } }));
    const bank = add(ledger, widgetDetection({ at: T0 + 200 * DAY }));
    return { ledger, low, high, bank };
  }

  it('sorts by most recently seen, or by risk then recency', () => {
    const { ledger, low, high, bank } = fixture();
    expect(ledger.query({ sort: 'recent', now: NOW }).items.map((s) => s.id)).toEqual([high.id, bank.id, low.id]);
    expect(ledger.query({ sort: 'risk', now: NOW }).items.map((s) => s.id)).toEqual([high.id, bank.id, low.id]);
    const seenAgain = add(ledger, oauthDetection({ scopes: [EMAIL], at: T0 + 350 * DAY }));
    expect(seenAgain.id).toBe(low.id);
    expect(ledger.query({ sort: 'recent', now: NOW }).items.map((s) => s.id)).toEqual([low.id, high.id, bank.id]);
    expect(ledger.query({ sort: 'risk', now: NOW }).items.map((s) => s.id)).toEqual([high.id, bank.id, low.id]);
    expect(ledger.size).toBe(3);
  });

  it('filters by text, provider, risk, status and staleness, and pages', () => {
    const { ledger, low, high, bank } = fixture();
    const ids = (query: Omit<LedgerQuery, 'sort'>) => ledger.query({ sort: 'recent', now: NOW, ...query }).items.map((s) => s.id);
    expect(ids({ text: 'photofun' })).toEqual([high.id]);
    expect(ids({ text: '  USER_POSTS ' })).toEqual([high.id]);
    expect(ids({ text: 'plaid' })).toEqual([bank.id]);
    expect(ids({ providerIds: ['plaid'] })).toEqual([bank.id]);
    expect(ids({ providerIds: ['facebook'] })).toEqual([high.id, low.id]);
    expect(ids({ risks: ['low'] })).toEqual([low.id]);
    expect(ids({ statuses: ['granted'] })).toEqual([low.id]);
    expect(ids({ staleOnly: true })).toEqual([low.id]);
    expect(ids({ staleOnly: true, staleMonths: 24 })).toEqual([]);
    const page = ledger.query({ sort: 'recent', now: NOW, offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((s) => s.id)).toEqual([bank.id]);
    expect(page.items[0]).toMatchObject({ recipient: 'budgetly.app', intermediary: 'Plaid', risk: 'high', categories: ['balances', 'transactions'], stale: false });
    expect(ledger.query({ sort: 'recent', now: NOW, statuses: ['granted'] }).items[0]?.stale).toBe(true);
  });

  it('counts records by status and keeps the status index current', () => {
    const { ledger, low } = fixture();
    expect(ledger.counts()).toMatchObject({ prompted: 2, granted: 1, revoked: 0 });
    ledger.put(applyStatus(low, { at: NOW, kind: 'revoked', evidence: { pageUrl: null, seen: 'x' } }));
    expect(ledger.counts()).toMatchObject({ prompted: 2, granted: 0, revoked: 1 });
    expect(ledger.withStatus('revoked').map((r) => r.id)).toEqual([low.id]);
  });

  it('answers like a plain filter and sort over any sequence of changes', () => {
    const site = fc.constantFrom('a.example', 'b.example', 'c.example');
    const scopeSet = fc.subarray([EMAIL, FRIENDS, POSTS, BALANCE], { minLength: 1 });
    const outcome = fc.constantFrom('prompted', 'granted', 'declined', 'abandoned' as const);
    const step = fc.record({ site, scopes: scopeSet, outcome, day: fc.nat(500) });
    const query = fc.record({
      sort: fc.constantFrom('risk', 'recent' as const),
      text: fc.constantFrom(undefined, 'a.example', 'friends', 'zzz'),
      risks: fc.constantFrom<readonly Risk[] | undefined>(undefined, ['high'], ['low', 'medium']),
      statuses: fc.constantFrom<readonly ConsentStatus[] | undefined>(undefined, ['granted'], ['prompted', 'declined']),
      staleOnly: fc.boolean(),
      offset: fc.nat(5),
      limit: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), query, (steps, q) => {
        const ledger = new Ledger();
        const newId = sequentialIds('prop');
        for (const s of steps) {
          add(ledger, oauthDetection({ recipient: { site: s.site, clientId: null, name: null }, scopes: s.scopes, outcome: s.outcome, at: T0 + s.day * DAY }), newId);
        }
        const risk = (r: ConsentRecord) => highestRisk(r.scopes.map((x) => x.risk));
        const recent = (a: ConsentRecord, b: ConsentRecord) => b.lastSeenAt - a.lastSeenAt || (a.id < b.id ? -1 : 1);
        const expected = [...ledger.records()]
          .filter((r) => !q.text || [r.recipient.site, r.source.label, r.providerId, ...r.scopes.map((x) => x.scope)].join('\n').includes(q.text))
          .filter((r) => !q.risks || q.risks.includes(risk(r)))
          .filter((r) => !q.statuses || q.statuses.includes(r.status))
          .filter((r) => !q.staleOnly || isStale(r, NOW))
          .sort((a, b) => (q.sort === 'risk' ? compareRisk(risk(b), risk(a)) || recent(a, b) : recent(a, b)));
        const result = ledger.query({ ...q, now: NOW });
        expect(result.total).toBe(expected.length);
        expect(result.items.map((s) => s.id)).toEqual(expected.slice(q.offset, q.offset + q.limit).map((r) => r.id));
      }),
      { numRuns: 200 },
    );
  });

  it('bulk replacement gives the same answers as one-by-one insertion', () => {
    const { ledger } = fixture();
    const bulk = new Ledger();
    bulk.replaceAll([...ledger.records()].reverse());
    for (const sort of ['risk', 'recent'] as const) expect(bulk.query({ sort, now: NOW })).toEqual(ledger.query({ sort, now: NOW }));
  });
});
