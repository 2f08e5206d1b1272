import { describe, expect, it } from 'vitest';
import { matchStrength, namesFor, normaliseName, pickApp } from '../../src/revoke/match.ts';
import { alreadyImported, newImport, recordsListedAs, siteForName, sightingOf } from '../../src/revoke/inventory.ts';
import { providerById } from '../../src/providers/index.ts';
import { applyDetection, applyStatus } from '../../src/ledger/rules.ts';
import { widgetDetection } from './ledger-fixtures.ts';

describe('names', () => {
  it('normalises case, accents, punctuation and spacing', () => {
    expect(normaliseName('  Budgétly, Inc. ')).toBe('budgetly inc');
    expect(normaliseName('Photo-Print')).toBe('photo print');
  });

  it('lists a recipient under its name, its site and the label that names the site', () => {
    expect(namesFor({ name: null, site: 'www.budgetly.app' })).toEqual(['budgetly app', 'budgetly']);
    expect(namesFor({ name: null, site: 'app.mailsort.io' })).toEqual(['app mailsort io', 'mailsort']);
    expect(namesFor({ name: null, site: 'budgetly.co.uk' })).toEqual(['budgetly co uk', 'budgetly']);
    expect(namesFor({ name: 'Budgetly Pro', site: 'budgetly.app' })).toEqual(['budgetly pro', 'budgetly app', 'budgetly']);
  });
});

describe('matching a listed app to the ledger’s app', () => {
  const target = { names: namesFor({ name: null, site: 'budgetly.app' }), clientId: null };

  it('is strong for the same name or client id, weak for a name inside another, none otherwise', () => {
    expect(matchStrength({ name: 'Budgetly', clientId: null }, target)).toBe('strong');
    expect(matchStrength({ name: 'Budgetly for Teams', clientId: null }, target)).toBe('weak');
    expect(matchStrength({ name: 'Budget', clientId: null }, target)).toBe('none');
    expect(matchStrength({ name: 'Other', clientId: '42' }, { names: ['x'], clientId: '42' })).toBe('strong');
  });

  it('never takes the same name under another client id for the app', () => {
    expect(matchStrength({ name: 'Budgetly', clientId: '1' }, { ...target, clientId: '2' })).toBe('none');
  });

  it('finds one strong match; two strong, or weak ones only, are ambiguous', () => {
    const one = pickApp([{ name: 'Budgetly', clientId: null }, { name: 'Budgetly for Teams', clientId: null }], target);
    expect(one).toEqual({ kind: 'found', item: { name: 'Budgetly', clientId: null } });
    expect(pickApp([{ name: 'Budgetly', clientId: null }, { name: 'budgetly', clientId: null }], target).kind).toBe('ambiguous');
    expect(pickApp([{ name: 'Budgetly Personal', clientId: null }], target).kind).toBe('ambiguous');
    expect(pickApp([{ name: 'RentPay', clientId: null }], target).kind).toBe('not-found');
  });
});

describe('inventory', () => {
  const plaid = providerById('plaid');
  const facebook = providerById('facebook');
  if (!plaid || !facebook) throw new Error('catalogue');
  const sighting = { pageUrl: 'https://my.plaid.com/', at: 2_000 };
  const widget = widgetDetection({ at: 1_000 });
  const { record: existing, key } = applyDetection(() => undefined, widget, () => 'r1');

  it('files a listed app under the record it is, merging by the same key', () => {
    expect(recordsListedAs([existing], plaid, { name: 'Budgetly', clientId: null })).toEqual([existing]);
    expect(recordsListedAs([existing], facebook, { name: 'Budgetly', clientId: null })).toEqual([]);
    const merged = applyDetection((asked) => (asked === key ? existing : undefined), sightingOf(existing, plaid, { name: 'Budgetly', clientId: null }, sighting), () => 'new');
    expect(merged.created).toBe(false);
    expect(merged.record.status).toBe('granted');
    expect(merged.record.recipient.name).toBe('Budgetly');
    expect(merged.record.history.map((event) => event.kind)).toEqual(['prompted', 'imported']);
    expect(alreadyImported(merged.record)).toBe(true);
    expect(alreadyImported(applyStatus(merged.record, { at: 3_000, kind: 'revoke-requested', evidence: { pageUrl: null, seen: 'x' } }))).toBe(false);
  });

  it('makes a new record for an app never seen, under its name', () => {
    const input = newImport(plaid, { name: 'RentPay', clientId: null }, sighting);
    expect(input.recipient).toEqual({ site: 'rentpay', clientId: null, name: 'RentPay' });
    expect(input.intermediary).toEqual({ providerId: 'plaid', name: 'Plaid' });
    expect(newImport(facebook, { name: 'PhotoPrint', clientId: '5' }, sighting).source).toEqual({ label: 'Facebook account', providerId: 'facebook' });
    expect(applyDetection(() => undefined, input, () => 'r2').record.status).toBe('granted');
  });

  it('files a name as its site when it is a hostname, else as a slug', () => {
    expect(siteForName('Budgetly.app')).toBe('budgetly.app');
    expect(siteForName('Photo Print — Studio!')).toBe('photo-print-studio');
    expect(siteForName('✨')).toBe('unnamed-app');
  });
});
