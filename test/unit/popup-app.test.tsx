// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./popup-fake-browser.ts')).browser }));

import { fake, sendFromStranger } from './popup-fake-browser.ts';
import { DAY, oauthDetection, T0, widgetDetection } from './ledger-fixtures.ts';
import { LedgerStore } from '../../src/background/ledger-store.ts';
import { announceLedgerChanges, handleExtensionPageMessage } from '../../src/background/popup-api.ts';
import { readSettings } from '../../src/background/prefs-store.ts';
import { providerById } from '../../src/providers/index.ts';
import type { FromExtensionPage } from '../../src/shared/messages.ts';
import { App } from '../../src/popup/components/App.tsx';
import { usePopup } from '../../src/popup/store.ts';

const NOW = T0 + DAY;
const STALE_AT = T0 - 400 * DAY;
const initialState = usePopup.getState();

let store: LedgerStore;
let container: HTMLElement;

async function until<T>(read: () => T, what: string, timeoutMs = 2000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== null && value !== undefined && value !== false) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const $ = <E extends Element = HTMLElement>(selector: string): E | null => container.querySelector<E>(selector);
const $$ = (selector: string): HTMLElement[] => [...container.querySelectorAll<HTMLElement>(selector)];
const rows = () => $$('[data-testid=link-row]');
const rowFor = (site: string) => rows().find((row) => row.textContent?.includes(site)) ?? null;

function click(selector: string): void {
  const element = $(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  element.click();
}

function choose(selector: string, value: string): void {
  const select = $<HTMLSelectElement>(selector);
  if (!select) throw new Error(`nothing matches ${selector}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

async function mount(): Promise<void> {
  render(<App />, container);
  await until(() => usePopup.getState().overview, 'the overview');
}

async function seed(): Promise<{ facebook: string; plaid: string; stale: string }> {
  const facebook = await store.record(oauthDetection());
  const plaid = await store.record(widgetDetection());
  const stale = await store.record(
    oauthDetection({ outcome: 'granted', at: STALE_AT, recipient: { site: 'oldquiz.example', clientId: '77', name: null } }),
  );
  return { facebook: facebook.id, plaid: plaid.id, stale: stale.id };
}

beforeEach(async () => {
  fake.reset();
  usePopup.setState(initialState, true);
  let ids = 0;
  store = new LedgerStore(fake.local, { providerById, now: () => NOW, newId: () => `r${++ids}` });
  await store.load();
  fake.background = (message) =>
    handleExtensionPageMessage(message as FromExtensionPage, { ledger: async () => store, providerById, revoke: null, now: () => NOW });
  announceLedgerChanges(async () => store);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('popup: first run and empty state', () => {
  it('explains Linkwatch in two sentences until dismissed, and the empty ledger is not a blank box', async () => {
    await mount();
    const intro = await until(() => $('[data-testid=first-run] p'), 'the first-run text');
    expect(intro.textContent?.match(/[.!?](\s|$)/g)).toHaveLength(2);
    expect(intro.textContent).toContain('nothing is ever sent anywhere');
    expect($('[data-testid=empty-state]')?.textContent).toContain('No linked accounts yet');
    click('[data-testid=intro-ok]');
    await until(() => $('[data-testid=first-run]') === null, 'the intro to go');
    expect(fake.local.data.get('popup/intro-dismissed')).toBe(true);
  });
});

describe('popup: start-up', () => {
  it('asks for the list once when started before the app mounts, as the entry point does', async () => {
    // No records written in this test, so no ledger change is announced to refresh the list.
    const asked: string[] = [];
    const background = fake.background;
    fake.background = (message) => {
      asked.push((message as FromExtensionPage).type);
      return background(message);
    };
    const started = usePopup.getState().start();
    await mount();
    await started;
    await until(() => $('[data-testid=empty-state]'), 'the empty state');
    expect(asked.filter((type) => type === 'query-ledger')).toHaveLength(1);
    expect(asked.filter((type) => type === 'get-overview')).toHaveLength(1);
  });
});

describe('popup: the list', () => {
  it('groups links by data source, shows risk in words and shape, and flags stale links', async () => {
    await seed();
    await mount();
    await until(() => rows().length === 3, 'three rows');
    const groups = $$('[data-testid=group-header]').map((header) => header.textContent);
    expect(groups).toEqual(['Bank account: 1', 'Facebook account: 2']);
    const plaidRow = rowFor('via Plaid');
    expect(plaidRow?.querySelector('[data-risk=high]')?.textContent).toBe('high risk');
    expect(plaidRow?.querySelector('[data-risk=high] svg path')).not.toBeNull();
    expect(plaidRow?.textContent).toContain('balances, transactions');
    expect(rowFor('oldquiz.example')?.querySelector('[data-testid=stale-flag]')?.textContent).toContain('Not used for 12 months: consider revoking');
    expect(rowFor('Budgetly')?.querySelector('[data-testid=stale-flag]')).toBeNull();
    expect($('[data-testid=list-total]')?.textContent).toBe('3 of 3 links shown');
  });

  it('searches, filters by status, risk and provider, and clears', async () => {
    await seed();
    await mount();
    await until(() => rows().length === 3, 'three rows');
    const search = $<HTMLInputElement>('[data-testid=search]') as HTMLInputElement;
    search.value = 'oldquiz';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => rows().length === 1, 'the search result');
    expect(rows()[0]?.textContent).toContain('oldquiz.example');
    search.value = '';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => rows().length === 3, 'all rows again');

    choose('[data-testid=filter-risk]', 'high');
    await until(() => rows().length === 1, 'only the high-risk link');
    expect(rows()[0]?.textContent).toContain('via Plaid');
    choose('[data-testid=filter-risk]', '');
    choose('[data-testid=filter-provider]', 'facebook');
    await until(() => rows().length === 2, 'the two Facebook links');
    choose('[data-testid=filter-status]', 'revoked');
    await until(() => $('[data-testid=no-matches]'), 'the no-match message');
    click('[data-testid=clear-filters]');
    await until(() => rows().length === 3, 'all rows after clearing');
  });

  it('sorts by recency as well as by risk', async () => {
    await seed();
    await store.record(oauthDetection({ at: NOW, recipient: { site: 'fresh.example', clientId: '9', name: null } }));
    await mount();
    await until(() => rows().length === 4, 'four rows');
    choose('[data-testid=sort]', 'recent');
    await until(() => $$('[data-testid=link-row] .row-title')[1]?.textContent === 'fresh.example', 'the newest Facebook link first in its group');
  });

  it('moves focus through the rows with the arrow keys', async () => {
    await seed();
    await mount();
    await until(() => rows().length === 3, 'three rows');
    const first = rows()[0]?.querySelector<HTMLButtonElement>('.row-main') as HTMLButtonElement;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await until(() => document.activeElement?.closest<HTMLElement>('[data-index]')?.dataset.index === '1', 'focus on the second row');
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await until(() => document.activeElement?.closest<HTMLElement>('[data-index]')?.dataset.index === '2', 'focus on the last row');
  });

  it('refreshes by itself when the background says the ledger changed, and ignores strangers', async () => {
    await seed();
    await mount();
    await until(() => rows().length === 3, 'three rows');
    await store.record(oauthDetection({ recipient: { site: 'newcomer.example', clientId: '5', name: null } }));
    await until(() => rows().length === 4, 'the new link to appear without any action');
    const queries = vi.spyOn(fake, 'background');
    sendFromStranger({ type: 'ledger-changed' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queries).not.toHaveBeenCalled();
  });

  it('shows what was detected on the current tab', async () => {
    const { plaid } = await seed();
    fake.session.data.set(`tab:${fake.activeTabId}`, {
      committedUrl: 'https://www.budgetly.app/connect-bank',
      detections: [
        {
          key: 'k',
          recordId: plaid,
          view: { detectionId: 'd1', channel: 'widget', recipient: 'budgetly.app', source: 'Bank account', intermediary: 'Plaid', categories: ['balances'], risk: 'high', blockable: true },
          keepOnHosts: [],
          oauthRedirect: null,
          decided: false,
        },
      ],
    });
    await mount();
    const item = await until(() => $('[data-testid=tab-detections] li'), 'the tab finding');
    expect(item.textContent).toContain('budgetly.app wants to connect your bank through Plaid.');
    expect(item.textContent).toContain('asked, not answered');
  });
});

describe('popup: detail, revoke, block, mute with undo', () => {
  it('shows raw scopes beside their meaning, the history with evidence, and the receipt sandboxed', async () => {
    const { plaid } = await seed();
    await mount();
    await until(() => rowFor('via Plaid'), 'the Plaid row');
    rowFor('via Plaid')?.querySelector<HTMLButtonElement>('.row-main')?.click();
    await until(() => $('[data-testid=detail]'), 'the detail view');
    const scopes = $$('[data-testid=scope-row]').map((row) => [row.querySelector('code')?.textContent, row.textContent]);
    expect(scopes.map(([raw]) => raw)).toEqual(['balance', 'transactions']);
    expect(scopes[0]?.[1]).toContain('see your account balances');
    expect($('[data-testid=history-item]')?.textContent).toContain('Plaid Link frame shown');
    expect($('[data-testid=history-item]')?.textContent).toContain('https://www.budgetly.app/connect-bank');
    click('[data-testid=receipt-toggle]');
    const frame = await until(() => $<HTMLIFrameElement>('[data-testid=receipt-frame]'), 'the receipt frame');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain(`Consent receipt`);
    expect(frame.getAttribute('srcdoc')).toContain(plaid);
    // The receipt's markup is never part of the popup's own document.
    expect(container.querySelector('table tr th')?.textContent).not.toBe('Field');
  });

  it('Revoke marks the record, blocks it here and says what to do at the provider; Undo puts it back', async () => {
    const { plaid } = await seed();
    await mount();
    await until(() => rowFor('via Plaid'), 'the Plaid row');
    rowFor('via Plaid')?.querySelector<HTMLButtonElement>('[data-testid=row-revoke]')?.click();
    await until(() => rowFor('via Plaid')?.dataset.status === 'revocation-pending', 'revocation pending');
    expect(fake.rules.length).toBeGreaterThan(0);
    expect(store.get(plaid)?.history.at(-1)?.kind).toBe('revoke-requested');
    expect($('[data-testid=toast]')?.textContent).toContain('Revocation requested for budgetly.app.');

    rowFor('via Plaid')?.querySelector<HTMLButtonElement>('.row-main')?.click();
    const outcome = await until(() => $('[data-testid=revoke-outcome]'), 'the revoke explanation');
    expect(outcome.textContent).toContain('remove it on Plaid');
    expect(outcome.querySelector('a')?.getAttribute('href')).toBe(providerById('plaid')?.revocation.url);

    click('[data-testid=toast-undo]');
    await until(() => $('[data-testid=revoke]'), 'Revoke offered again');
    expect(store.get(plaid)?.status).toBe('prompted');
    expect(fake.rules).toEqual([]);
  });

  it('Block and its undo install and remove the network rules and record both events', async () => {
    const { facebook } = await seed();
    await mount();
    await until(() => rowFor('Budgetly'), 'the Facebook row');
    rowFor('Budgetly')?.querySelector<HTMLButtonElement>('.row-main')?.click();
    await until(() => $('[data-testid=block]'), 'the Block button');
    click('[data-testid=block]');
    await until(() => $('[data-testid=unblock]'), 'Unblock offered');
    expect(fake.rules.length).toBeGreaterThan(0);
    click('[data-testid=toast-undo]');
    await until(() => $('[data-testid=block]'), 'Block offered again');
    expect(fake.rules).toEqual([]);
    expect(store.get(facebook)?.history.slice(-2).map((event) => event.kind)).toEqual(['blocked', 'unblocked']);
  });

  it('mutes the notice on a site, and Undo unmutes it', async () => {
    await seed();
    await mount();
    await until(() => rowFor('Budgetly'), 'the Facebook row');
    rowFor('Budgetly')?.querySelector<HTMLButtonElement>('.row-main')?.click();
    await until(() => $('[data-testid=mute]'), 'the mute button');
    click('[data-testid=mute]');
    await until(() => $('[data-testid=mute]')?.textContent?.startsWith('Show notices'), 'the site muted');
    expect((await readSettings()).mutedSites).toEqual(['budgetly.app']);
    click('[data-testid=toast-undo]');
    await until(() => $('[data-testid=mute]')?.textContent?.startsWith("Don't show"), 'the site unmuted');
    expect((await readSettings()).mutedSites).toEqual([]);
  });

  it('goes back to the list with focus on the row it came from', async () => {
    const { plaid } = await seed();
    await mount();
    await until(() => rowFor('via Plaid'), 'the Plaid row');
    rowFor('via Plaid')?.querySelector<HTMLButtonElement>('.row-main')?.click();
    await until(() => document.activeElement?.id === 'detail-heading', 'focus on the detail heading');
    click('[data-testid=back]');
    await until(() => document.activeElement?.closest<HTMLElement>('[data-record-id]')?.dataset.recordId === plaid, 'focus back on the row');
  });
});

describe('popup: settings and the ledger file', () => {
  let saved: { name: string; blob: Blob }[];
  beforeEach(() => {
    saved = [];
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.href) as Blob });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('changes which prompts are watched and removes a muted site', async () => {
    await fake.local.set({ settings: { mutedSites: ['quiet.example'], watch: { oauth: true, widget: true, 'text-prompt': true } } });
    await mount();
    click('[data-testid=settings-button]');
    await until(() => $('[data-testid=settings]'), 'the settings');
    $<HTMLInputElement>('[data-testid=watch-widget]')?.click();
    await until(async () => !(await readSettings()).watch.widget, 'widgets unwatched');
    expect((await readSettings()).watch.widget).toBe(false);
    $('[data-testid=muted-sites] button')?.click();
    await until(() => $('[data-testid=muted-sites]') === null, 'the muted site removed');
    expect((await readSettings()).mutedSites).toEqual([]);
  });

  it('exports JSON and CSV through a download link', async () => {
    await seed();
    await mount();
    click('[data-testid=settings-button]');
    await until(() => $('[data-testid=export-json]'), 'the export buttons');
    click('[data-testid=export-json]');
    await until(() => saved.length === 1, 'the JSON file');
    expect(saved[0]?.name).toMatch(/^linkwatch-ledger-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await (saved[0]?.blob as Blob).text()) as { records: unknown[] };
    expect(exported.records).toHaveLength(3);
    click('[data-testid=export-csv]');
    await until(() => saved.length === 2, 'the CSV file');
    expect(await (saved[1]?.blob as Blob).text()).toContain('oldquiz.example');
  });

  it('imports a file, and says in plain words why a bad one was refused', async () => {
    await seed();
    const text = (await handleExtensionPageMessage({ type: 'export', format: 'json' }, { ledger: async () => store, providerById, revoke: null })) as {
      text: string;
    };
    await store.erase();
    await mount();
    await usePopup.getState().importLedger('not json at all');
    await until(() => $('[data-testid=error]'), 'the refusal');
    expect($('[data-testid=error]')?.textContent).toContain('it is not valid JSON');
    await usePopup.getState().importLedger(text.text);
    await until(() => $('[data-testid=notice]'), 'the import result');
    expect($('[data-testid=notice]')?.textContent).toBe('Imported: 3 new, 0 updated, 0 already known.×');
    await until(() => rows().length === 3, 'the imported rows');
  });

  it('erases only after confirmation in a modal dialog, and lifts the blocks', async () => {
    const { plaid } = await seed();
    await handleExtensionPageMessage({ type: 'block', id: plaid }, { ledger: async () => store, providerById, revoke: null });
    expect(fake.rules.length).toBeGreaterThan(0);
    await mount();
    click('[data-testid=settings-button]');
    await until(() => $('[data-testid=erase]'), 'the erase button');
    click('[data-testid=erase]');
    const dialog = await until(() => $('[role=alertdialog][aria-modal=true]'), 'the confirmation dialog');
    expect(dialog.textContent).toContain('All 3 records');
    await until(() => document.activeElement === $('[data-testid=erase-cancel]'), 'focus on Cancel');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => $('[role=alertdialog]') === null, 'Escape to cancel');
    expect(store.size).toBe(3);
    click('[data-testid=erase]');
    await until(() => $('[data-testid=erase-confirm]'), 'the dialog again');
    click('[data-testid=erase-confirm]');
    await until(() => store.size === 0, 'the ledger erased');
    expect(fake.rules).toEqual([]);
    click('[data-testid=back]');
    await until(() => $('[data-testid=empty-state]'), 'the empty state');
  });
});

describe('popup: replies are validated', () => {
  it('turns a malformed reply into one clear error instead of a half-drawn popup', async () => {
    fake.background = async () => ({ tab: 'nonsense' });
    await render(<App />, container);
    const error = await until(() => $('[data-testid=error]'), 'the error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Linkwatch received an answer it did not understand');
    expect(usePopup.getState().overview).toBeNull();
  });
});
