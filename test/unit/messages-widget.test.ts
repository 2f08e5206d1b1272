import { describe, expect, it } from 'vitest';
import { isFromContent, isFromWidgetFrame, NOTICE_DECISIONS } from '../../src/shared/messages.ts';

const SHOWING = { type: 'widget-showing' };
const DECISION = { type: 'notice-decision', detectionId: 'd1', decision: 'block' };

describe("the widget frame's messages", () => {
  it('accepts a bare widget-showing from content, and nothing it could claim beside it', () => {
    expect(isFromContent(SHOWING)).toBe(true);
    expect(isFromContent({ type: 'widget-showing', providerId: 'plaid' })).toBe(false);
    expect(isFromContent({ type: 'widget-showing', url: 'https://cdn.plaid.com/link/v2/stable/link.html' })).toBe(false);
    expect(isFromContent({ type: 'widget-showing', showing: true })).toBe(false);
  });

  it('no longer knows the old report-widget message', () => {
    expect(isFromContent({ type: 'report-widget', providerId: 'plaid', url: 'https://cdn.plaid.com/link/v2/stable/link.html', showing: true })).toBe(false);
    expect(isFromWidgetFrame({ type: 'report-widget', providerId: 'plaid', url: 'https://cdn.plaid.com/link/v2/stable/link.html', showing: true })).toBe(false);
  });

  it('lets a widget frame say it shows, and what the person chose in its notice', () => {
    expect(isFromWidgetFrame(SHOWING)).toBe(true);
    for (const decision of NOTICE_DECISIONS) expect(isFromWidgetFrame({ ...DECISION, decision })).toBe(true);
  });

  it('refuses a malformed message from a widget frame', () => {
    expect(isFromWidgetFrame({ type: 'widget-showing', providerId: 'plaid' })).toBe(false);
    expect(isFromWidgetFrame({ ...DECISION, decision: 'forget' })).toBe(false);
    expect(isFromWidgetFrame({ ...DECISION, detectionId: 'd'.repeat(65) })).toBe(false);
    expect(isFromWidgetFrame({ type: 'notice-decision', decision: 'allow' })).toBe(false);
    expect(isFromWidgetFrame({ ...DECISION, tabId: 3 })).toBe(false);
    expect(isFromWidgetFrame(null)).toBe(false);
    expect(isFromWidgetFrame('widget-showing')).toBe(false);
  });

  it("refuses from a widget frame what only the page detector or the revoke assistant may say, though they are valid content messages", () => {
    const others = [
      { type: 'report-prompt', providerId: 'facebook', topic: 'bank-link', text: 'Connect your bank', cta: 'Connect bank' },
      { type: 'get-page-notices' },
      { type: 'get-revoke-task' },
      { type: 'revoke-report', recordId: 'r1', outcome: 'revoked', checkedBy: 'list' },
      { type: 'inventory-report', providerId: 'plaid', state: 'list', apps: [] },
    ];
    for (const message of others) {
      expect(isFromContent(message), message.type).toBe(true);
      expect(isFromWidgetFrame(message), message.type).toBe(false);
    }
  });
});
