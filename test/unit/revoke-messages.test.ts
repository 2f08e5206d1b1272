import { describe, expect, it } from 'vitest';
import { INVENTORY_LIMITS, isFromContent } from '../../src/shared/messages.ts';

describe("the revoke assistant's messages", () => {
  it('accepts what the assistant sends', () => {
    expect(isFromContent({ type: 'get-revoke-task' })).toBe(true);
    expect(isFromContent({ type: 'revoke-report', recordId: 'r1', outcome: 'revoked', checkedBy: 'list' })).toBe(true);
    expect(isFromContent({ type: 'revoke-report', recordId: 'r1', outcome: 'pending', reason: 'ambiguous' })).toBe(true);
    expect(isFromContent({ type: 'inventory-report', providerId: 'plaid', state: 'list', apps: [{ name: 'Budgetly', clientId: null }] })).toBe(true);
  });

  it('refuses mixed, unknown or oversized reports', () => {
    expect(isFromContent({ type: 'get-revoke-task', providerId: 'plaid' })).toBe(false);
    expect(isFromContent({ type: 'revoke-report', recordId: 'r1', outcome: 'revoked', reason: 'signin' })).toBe(false);
    expect(isFromContent({ type: 'revoke-report', recordId: 'r1', outcome: 'pending', reason: 'bored' })).toBe(false);
    expect(isFromContent({ type: 'revoke-report', recordId: 'r1', outcome: 'pending', reason: 'signin', checkedBy: 'list' })).toBe(false);
    const many = Array.from({ length: INVENTORY_LIMITS.apps + 1 }, (_, i) => ({ name: `App ${i}`, clientId: null }));
    expect(isFromContent({ type: 'inventory-report', providerId: 'plaid', state: 'list', apps: many })).toBe(false);
    expect(isFromContent({ type: 'inventory-report', providerId: 'plaid', state: 'list', apps: [{ name: 'x'.repeat(257), clientId: null }] })).toBe(false);
    expect(isFromContent({ type: 'inventory-report', providerId: 'plaid', state: 'gone', apps: [] })).toBe(false);
  });
});
