// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { panelSentence, renderPanel, RevokePanel } from '../../src/revoke/panel.ts';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** browser.i18n.getMessage over the English catalogue, placeholders included. */
function translate(key: string, substitutions: string[] = []): string {
  const entry = (en as Catalog)[key];
  if (!entry) throw new Error(`missing message ${key}`);
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return substitutions[Number(content.slice(1)) - 1] ?? '';
  });
}

const base = { app: 'Budgetly', provider: 'Plaid' };

describe('the revoke panel', () => {
  it('has a sentence for every state and reason, naming the app', () => {
    const reasons = ['guided', 'signin', 'ambiguous', 'not-found', 'unexpected-page', 'confirm-missing', 'still-listed'] as const;
    for (const reason of reasons) expect(panelSentence({ ...base, kind: 'guide', reason, steps: [] }, translate)).toContain('Budgetly');
    for (const kind of ['working', 'done', 'noted', 'signin'] as const) expect(panelSentence({ ...base, kind }, translate)).toContain('Budgetly');
  });

  it('shows the steps and "I removed it" when it hands over, with page text only as text', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    const removed = vi.fn();
    const first = renderPanel(root, { kind: 'guide', app: '<img src=x>', provider: 'Plaid', reason: 'ambiguous', steps: ['Open it.', 'Remove it.'] }, translate, {
      removed,
      close: () => undefined,
    });
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Open it.', 'Remove it.']);
    expect(root.querySelector('img')).toBeNull();
    expect(first.textContent).toBe('I removed it');
    first.click();
    expect(removed).toHaveBeenCalledOnce();
  });

  it('mounts one closed host, outlines the candidates, and leaves no trace when closed', () => {
    document.body.innerHTML = '<ul><li id="a">Budgetly Personal</li><li id="b">Budgetly for Teams</li></ul>';
    const panel = new RevokePanel(document, translate);
    const rows = [document.getElementById('a'), document.getElementById('b')].filter((row): row is HTMLElement => row !== null);
    panel.show({ ...base, kind: 'guide', reason: 'ambiguous', steps: ['x'] }, rows);
    panel.show({ ...base, kind: 'working' });
    const hosts = document.querySelectorAll('linkwatch-revoke');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.shadowRoot).toBeNull();
    panel.clear();
    expect(document.querySelector('linkwatch-revoke')).toBeNull();
  });
});
