import { describe, expect, it } from 'vitest';
import { ERASE_CONFIRMATION, isFromExtensionPage, isToExtensionPage } from '../../src/shared/messages.ts';

const watch = { oauth: true, widget: false, 'text-prompt': true };

describe('messages from extension pages are validated before use', () => {
  it.each([
    { type: 'get-overview', tabId: 3 },
    { type: 'get-overview', tabId: null },
    { type: 'query-ledger', query: { sort: 'risk' } },
    { type: 'query-ledger', query: { sort: 'recent', text: 'plaid', providerIds: ['plaid'], risks: ['high'], statuses: ['granted'], staleOnly: true, offset: 100, limit: 100 } },
    { type: 'get-record', id: 'rec-1' },
    { type: 'block', id: 'a1b2' },
    { type: 'unblock', id: 'a1b2' },
    { type: 'revoke', id: 'synthetic-9' },
    { type: 'undo-revoke', id: 'synthetic-9' },
    { type: 'set-settings', settings: { mutedSites: ['budgetly.app'], watch } },
    { type: 'dismiss-intro' },
    { type: 'export', format: 'csv' },
    { type: 'export', format: 'json', ids: ['a', 'b'] },
    { type: 'get-receipt', id: 'x' },
    { type: 'import', text: '{}' },
    { type: 'erase', confirmation: ERASE_CONFIRMATION },
    { type: 'scan-accounts' },
  ])('accepts %j', (message) => {
    expect(isFromExtensionPage(message)).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'drop-tables' }],
    ['erase without the confirmation', { type: 'erase' }],
    ['erase with another confirmation', { type: 'erase', confirmation: 'yes' }],
    ['a page larger than the ledger serves', { type: 'query-ledger', query: { sort: 'risk', limit: 501 } }],
    ['a negative offset', { type: 'query-ledger', query: { sort: 'risk', offset: -1 } }],
    ['a fractional limit', { type: 'query-ledger', query: { sort: 'risk', limit: 2.5 } }],
    ['an unknown sort', { type: 'query-ledger', query: { sort: 'name' } }],
    ['a search longer than 200 characters', { type: 'query-ledger', query: { sort: 'risk', text: 'x'.repeat(201) } }],
    ['an unknown status filter', { type: 'query-ledger', query: { sort: 'risk', statuses: ['deleted'] } }],
    ['a caller-chosen clock', { type: 'query-ledger', query: { sort: 'risk', now: 0 } }],
    ['a record id with a quote', { type: 'revoke', id: 'a"b' }],
    ['an empty record id', { type: 'get-record', id: '' }],
    ['settings with an unknown prompt kind', { type: 'set-settings', settings: { mutedSites: [], watch: { ...watch, fax: true } } }],
    ['settings without watch', { type: 'set-settings', settings: { mutedSites: [] } }],
    ['an unknown export format', { type: 'export', format: 'xml' }],
    ['an extra field', { type: 'dismiss-intro', also: 'erase' }],
    ['an import that is not text', { type: 'import', text: { records: [] } }],
  ])('refuses %s', (_what, message) => {
    expect(isFromExtensionPage(message)).toBe(false);
  });

  it('knows the background broadcast and nothing else as one', () => {
    expect(isToExtensionPage({ type: 'ledger-changed' })).toBe(true);
    expect(isToExtensionPage({ type: 'ledger-changed', records: [] })).toBe(false);
    expect(isToExtensionPage({ type: 'get-overview', tabId: null })).toBe(false);
  });
});
