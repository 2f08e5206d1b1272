import browser from 'webextension-polyfill';
import type { RevokeRecipe } from '../providers/types.ts';
import type { PendingReason, RevokePage, RevokeTask } from '../shared/messages.ts';
import { DEFAULT_WAITING, elementsNaming, findApp, inventoryOf, type PageState, readPage, removeApp, waitFor } from '../revoke/assistant.ts';
import { RevokePanel } from '../revoke/panel.ts';
import { send } from './send.ts';

/**
 * The revoke assistant, declared only on providers' management pages. It asks the background
 * what to do here (the background decides from the page's address), files the list it sees in the
 * ledger, and removes the apps the person asked to revoke: by the provider's recipe when there is
 * one, else by showing the steps with the app's name outlined. It never guesses: when it will not
 * act, it says why and what to click.
 */

const t = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions);

/** Management pages are apps that render late: give the list a few seconds to appear. */
const RENDER_WAIT = { timeoutMs: 8000, intervalMs: 200 };

function settled(recipe: RevokeRecipe): Promise<PageState> {
  return waitFor(() => {
    const state = readPage(document, recipe);
    return state.kind === 'unexpected' ? null : state;
  }, RENDER_WAIT).then((state) => state ?? readPage(document, recipe));
}

/** Resolves once the page stops asking to sign in; waits as long as the person needs. */
function signedIn(recipe: RevokeRecipe): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (readPage(document, recipe).kind === 'signin') return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
  });
}

function reportInventory(page: RevokePage, state: PageState): Promise<unknown> {
  return send({ type: 'inventory-report', providerId: page.providerId, state: state.kind, apps: state.kind === 'list' ? inventoryOf(state.apps) : [] });
}

function reportPending(task: RevokeTask, reason: PendingReason): Promise<unknown> {
  return send({ type: 'revoke-report', recordId: task.recordId, outcome: 'pending', reason });
}

/**
 * Shows what the person should do, outlining `candidates`. "I removed it" is checked against the
 * list when a recipe can read it; without one, Linkwatch records that the person said so.
 */
function guide(panel: RevokePanel, page: RevokePage, task: RevokeTask, reason: PendingReason | 'guided', candidates: readonly Element[]): void {
  const recipe = page.recipe;
  panel.onRemoved = () => {
    const gone = recipe !== null && findApp(readPage(document, recipe), task).kind === 'not-found';
    void send({ type: 'revoke-report', recordId: task.recordId, outcome: 'revoked', checkedBy: gone ? 'list' : 'person' }).then(() =>
      panel.show({ kind: gone ? 'done' : 'noted', app: task.app, provider: page.providerName }),
    );
  };
  panel.show({ kind: 'guide', app: task.app, provider: page.providerName, reason, steps: page.steps }, candidates);
}

/** Removes one app; false when it stopped and handed over to the person. */
async function revoke(panel: RevokePanel, page: RevokePage, recipe: RevokeRecipe, task: RevokeTask): Promise<boolean> {
  panel.show({ kind: 'working', app: task.app, provider: page.providerName });
  for (;;) {
    const state = await settled(recipe);
    if (state.kind === 'signin') {
      panel.show({ kind: 'signin', app: task.app, provider: page.providerName });
      await reportPending(task, 'signin');
      await signedIn(recipe);
      await reportInventory(page, await settled(recipe));
      continue;
    }
    const stop = async (reason: PendingReason, candidates: readonly Element[]) => {
      await reportPending(task, reason);
      guide(panel, page, task, reason, candidates);
      return false;
    };
    if (state.kind === 'unexpected') return stop('unexpected-page', elementsNaming(document.body, task.names));
    const found = findApp(state, task);
    if (found.kind === 'ambiguous') return stop('ambiguous', found.items.map((item) => item.row));
    if (found.kind === 'not-found') return stop('not-found', elementsNaming(document.body, task.names));
    const outcome = await removeApp(document, recipe, found.item, DEFAULT_WAITING);
    if (outcome.kind === 'pending') return stop(outcome.reason, [found.item.row]);
    await send({ type: 'revoke-report', recordId: task.recordId, outcome: 'revoked', checkedBy: 'list' });
    panel.show({ kind: 'done', app: task.app, provider: page.providerName });
    return true;
  }
}

async function run(): Promise<void> {
  const page = await send({ type: 'get-revoke-task' });
  if (!page) return;
  const panel = new RevokePanel(document, t);
  const recipe = page.recipe;
  if (!recipe) {
    const task = page.tasks[0];
    if (task) guide(panel, page, task, 'guided', elementsNaming(document.body, task.names));
    return;
  }
  await reportInventory(page, await settled(recipe));
  for (const task of page.tasks) if (!(await revoke(panel, page, recipe, task))) return;
}

run().catch((error: unknown) => console.warn('Linkwatch revoke assistant stopped:', error));
