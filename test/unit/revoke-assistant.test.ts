// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { providerById } from '../../src/providers/index.ts';
import type { RevokeRecipe } from '../../src/providers/types.ts';
import {
  elementsNaming,
  findApp,
  inventoryOf,
  type PageState,
  readPage,
  removeApp,
  stillListed,
  type Waiting,
} from '../../src/revoke/assistant.ts';
import { namesFor } from '../../src/revoke/match.ts';
import { openFixture } from './revoke-fixtures.ts';

const QUICK: Waiting = { timeoutMs: 400, intervalMs: 10 };

/** Per recipe provider: the app to remove from its list fixture, and what else the list holds. */
const CASES = [
  { provider: 'facebook', app: 'Budgetly', site: 'budgetly.app', clientId: '4242424242', others: ['PhotoPrint'] },
  { provider: 'google', app: 'Budgetly', site: 'budgetly.app', clientId: null, others: ['Mailsort'] },
  { provider: 'github', app: 'Mailsort', site: 'app.mailsort.io', clientId: 'Iv1.8a61f9b3a7aba766', others: ['Budgetly'] },
  { provider: 'x', app: 'PhotoPrint', site: 'www.photoprint.app', clientId: null, others: ['Mailsort'] },
  { provider: 'microsoft', app: 'Mailsort', site: 'app.mailsort.io', clientId: null, others: ['PhotoPrint'] },
  { provider: 'plaid', app: 'Budgetly', site: 'www.budgetly.app', clientId: null, others: ['RentPay'] },
] as const;

function recipeOf(id: string): { recipe: RevokeRecipe; url: string } {
  const provider = providerById(id);
  if (!provider?.revocation.recipe) throw new Error(`${id} has no recipe`);
  return { recipe: provider.revocation.recipe, url: provider.revocation.url };
}

function namesOn(state: PageState): string[] {
  return state.kind === 'list' ? state.apps.map((app) => app.name) : [];
}

let open: Window | null = null;
afterEach(async () => {
  await open?.happyDOM.close();
  open = null;
});

async function page(url: string, variant: Parameters<typeof openFixture>[1], removed: string[] = []): Promise<Document> {
  open = await openFixture(url, variant, removed);
  return open.document as unknown as Document; // happy-dom's Document implements the DOM's
}

describe.each(CASES)('the $provider recipe on its fixture page', ({ provider, app, site, clientId, others }) => {
  const { recipe, url } = recipeOf(provider);
  const byName = { names: namesFor({ name: null, site }), clientId: null };

  it('reads the list of connected apps for the inventory', async () => {
    const state = readPage(await page(url, 'list'), recipe);
    expect(state.kind).toBe('list');
    expect(namesOn(state).sort()).toEqual([app, ...others].sort());
    if (state.kind !== 'list') return;
    const listed = inventoryOf(state.apps).find((entry) => entry.name === app);
    if (clientId !== null) expect(listed?.clientId).toBe(clientId);
  });

  it('finds the app by its site name, and by client id where the page shows one', async () => {
    const state = readPage(await page(url, 'list'), recipe);
    const found = findApp(state, byName);
    expect(found.kind === 'found' && found.item.name).toBe(app);
    if (clientId !== null) {
      const byId = findApp(state, { names: ['something else entirely'], clientId });
      expect(byId.kind === 'found' && byId.item.name).toBe(app);
    }
  });

  it('removes only that app, through the confirmation, and sees it gone', async () => {
    const doc = await page(url, 'list');
    const state = readPage(doc, recipe);
    const found = findApp(state, byName);
    if (found.kind !== 'found') throw new Error('app not found');
    const outcome = await removeApp(doc, recipe, found.item, QUICK);
    expect(outcome).toEqual({ kind: 'removed', name: app });
    const after = readPage(doc, recipe);
    expect(namesOn(after)).toEqual([...others]);
    expect(stillListed(after, found.item)).toBe(false);
    expect(JSON.parse(open?.localStorage.getItem('lw_removed') ?? '[]')).toHaveLength(1);
  });

  it('calls two similarly named apps ambiguous', async () => {
    const similar = readPage(await page(url, 'similar'), recipe);
    expect(similar.kind).toBe('list');
    const found = findApp(similar, { names: namesFor({ name: app, site }), clientId: null });
    expect(found.kind).toBe('ambiguous');
    expect(found.kind === 'ambiguous' && found.items).toHaveLength(2);
  });

  it('reads an empty list as a list with no apps', async () => {
    const state = readPage(await page(url, 'empty'), recipe);
    expect(state).toEqual({ kind: 'list', apps: [] });
    expect(findApp(state, byName).kind).toBe('not-found');
  });

  it('recognises the sign-in step', async () => {
    expect(readPage(await page(url, 'signin'), recipe).kind).toBe('signin');
  });

  it('says a redesigned page does not fit, rather than guessing', async () => {
    expect(readPage(await page(url, 'redesign'), recipe).kind).toBe('unexpected');
  });

  it('shows an app removed earlier as gone after a reload', async () => {
    const state = readPage(await page(url, 'list', [app.toLowerCase()]), recipe);
    expect(namesOn(state)).toEqual([...others]);
  });
});

describe('removeApp stops instead of guessing', () => {
  const { recipe, url } = recipeOf('plaid');

  it('does not confirm a dialog that names another app', async () => {
    const doc = await page(url, 'list');
    const found = findApp(readPage(doc, recipe), { names: ['budgetly'], clientId: null });
    if (found.kind !== 'found') throw new Error('app not found');
    // The page answers Disconnect with a dialog about some other app.
    doc.addEventListener('click', () => {
      for (const name of doc.querySelectorAll('[role=dialog] .modal-app')) name.textContent = 'RentPay';
    });
    const outcome = await removeApp(doc, recipe, found.item, QUICK);
    expect(outcome).toEqual({ kind: 'pending', reason: 'confirm-missing' });
    expect(namesOn(readPage(doc, recipe))).toContain('Budgetly');
  });

  it('reports a row without the remove control as an unexpected page', async () => {
    const doc = await page(url, 'list');
    const found = findApp(readPage(doc, recipe), { names: ['rentpay'], clientId: null });
    if (found.kind !== 'found') throw new Error('app not found');
    found.item.row.querySelector('button')?.remove();
    expect(await removeApp(doc, recipe, found.item, QUICK)).toEqual({ kind: 'pending', reason: 'unexpected-page' });
  });

  it('reports an app still listed after the confirmation', async () => {
    const doc = await page(url, 'list');
    const found = findApp(readPage(doc, recipe), { names: ['budgetly'], clientId: null });
    if (found.kind !== 'found') throw new Error('app not found');
    // The provider's server refuses: the dialog closes, the row stays.
    doc.addEventListener(
      'click',
      (event) => {
        const confirm = (event.target as Element).closest('.modal__confirm');
        if (!confirm) return;
        event.stopImmediatePropagation();
        confirm.closest('[role=dialog]')?.remove();
      },
      true,
    );
    expect(await removeApp(doc, recipe, found.item, QUICK)).toEqual({ kind: 'pending', reason: 'still-listed' });
  });
});

describe('guided mode', () => {
  it('highlights the innermost elements naming the app on a page without a recipe', async () => {
    const linkedin = providerById('linkedin');
    expect(linkedin?.revocation.recipe).toBeUndefined();
    const doc = await page(linkedin?.revocation.url ?? '', 'list');
    const found = elementsNaming(doc.body, namesFor({ name: null, site: 'www.budgetly.app' }));
    expect(found.map((element) => element.textContent)).toEqual(['Budgetly']);
    expect(found[0]?.className).toBe('service-name');
  });

  it('highlights nothing for names too short to mean anything', () => {
    document.body.innerHTML = '<p>a b c</p>';
    expect(elementsNaming(document.body, ['a'])).toEqual([]);
  });
});
