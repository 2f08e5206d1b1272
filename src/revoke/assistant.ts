import type { RevokeRecipe } from '../providers/types.ts';
import { INVENTORY_LIMITS, type PendingReason } from '../shared/messages.ts';
import { type AppPick, type AppTarget, type ListedName, normaliseName, pickApp } from './match.ts';

/**
 * The revoke assistant's work on a provider's management page, with standard DOM only so it runs
 * the same in a content script and in tests. It reads what the page shows, and clicks only two
 * kinds of things: controls inside the one row that is the named app, and the confirmation of
 * that removal (in a dialog that names the app, when the page uses one).
 */

const MAX_NAME_LENGTH = INVENTORY_LIMITS.name;

export interface ListedApp extends ListedName {
  readonly row: Element;
}

export type PageState =
  | { readonly kind: 'signin' }
  | { readonly kind: 'unexpected' }
  | { readonly kind: 'list'; readonly apps: readonly ListedApp[] };

/** Hidden by the page (hidden attribute, display:none, a closed dialog): not there for the person. */
export function isShown(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"], dialog:not([open]), details:not([open]) > :not(summary)')) return false;
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

function shownMatch(root: ParentNode, selector: string | undefined): Element | null {
  if (!selector) return null;
  return [...root.querySelectorAll(selector)].find(isShown) ?? null;
}

function cleanText(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

function clientIdOf(row: Element, recipe: RevokeRecipe): string | null {
  const spec = recipe.clientId;
  if (!spec) return null;
  const value = row.querySelector(spec.selector)?.getAttribute(spec.attribute);
  if (!value) return null;
  if (!spec.pattern) return value.slice(0, MAX_NAME_LENGTH);
  return new RegExp(spec.pattern).exec(value)?.[1]?.slice(0, MAX_NAME_LENGTH) ?? null;
}

/** What the page shows: a sign-in step, the list (perhaps empty), or something the recipe does not fit. */
export function readPage(doc: ParentNode, recipe: RevokeRecipe): PageState {
  if (shownMatch(doc, recipe.signIn)) return { kind: 'signin' };
  const apps: ListedApp[] = [];
  for (const row of doc.querySelectorAll(recipe.row)) {
    if (!isShown(row)) continue;
    const name = cleanText(row.querySelector(recipe.rowName));
    if (name !== '') apps.push({ name, clientId: clientIdOf(row, recipe), row });
  }
  if (apps.length > 0) return { kind: 'list', apps };
  if (shownMatch(doc, recipe.emptyList) || shownMatch(doc, recipe.list)) return { kind: 'list', apps: [] };
  return { kind: 'unexpected' };
}

/** The list as the ledger's inventory wants it: names and client ids, bounded. */
export function inventoryOf(apps: readonly ListedApp[]): ListedName[] {
  return apps.slice(0, INVENTORY_LIMITS.apps).map(({ name, clientId }) => ({ name, clientId }));
}

export function findApp(state: PageState, target: AppTarget): AppPick<ListedApp> {
  return state.kind === 'list' ? pickApp(state.apps, target) : { kind: 'not-found' };
}

/** Text with a space between elements: "Budgetly" and "Remove" in sibling cells stay two words. */
function wordsOf(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return ` ${normaliseName(parts.join(' '))} `;
}

/** Whether `element`'s text holds `name` (normalised) as whole words. */
function textNames(element: Element, name: string): boolean {
  return wordsOf(element).includes(` ${name} `);
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
const MAX_HIGHLIGHTS = 20;

/**
 * Guided mode, where no recipe describes the page: the innermost shown elements whose text
 * holds one of the app's names, for the person to look at.
 */
export function elementsNaming(root: Element, names: readonly string[]): Element[] {
  const wanted = names.map(normaliseName).filter((name) => name.length >= 3);
  if (wanted.length === 0) return [];
  const holds = (element: Element): boolean => wanted.some((name) => textNames(element, name));
  const found: Element[] = [];
  const visit = (element: Element): void => {
    if (found.length >= MAX_HIGHLIGHTS || SKIPPED_TAGS.has(element.tagName) || !holds(element)) return;
    const children = [...element.children].filter((child) => !SKIPPED_TAGS.has(child.tagName) && holds(child));
    if (children.length === 0) {
      if (isShown(element)) found.push(element);
      return;
    }
    children.forEach(visit);
  };
  visit(root);
  return found;
}

export interface Waiting {
  /** How long to wait for the page to answer a click. */
  readonly timeoutMs: number;
  readonly intervalMs: number;
}

export const DEFAULT_WAITING: Waiting = { timeoutMs: 6000, intervalMs: 100 };

/** Polls until `read` returns something, or null when the time is up. */
export async function waitFor<T>(read: () => T | null, waiting: Waiting): Promise<T | null> {
  const deadline = Date.now() + waiting.timeoutMs;
  for (;;) {
    const value = read();
    if (value !== null) return value;
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, waiting.intervalMs));
  }
}

const DIALOG = '[role="dialog"], [role="alertdialog"], dialog';

/**
 * The one confirm button for removing `app`. A button inside a dialog counts only when the dialog
 * names the app; two candidates are one too many.
 */
function confirmFor(doc: ParentNode, selector: string, app: ListedName): Element | null {
  const name = normaliseName(app.name);
  const candidates = [...doc.querySelectorAll(selector)].filter((button) => {
    if (!isShown(button)) return false;
    const dialog = button.closest(DIALOG);
    return !dialog || textNames(dialog, name);
  });
  return candidates.length === 1 ? (candidates[0] as Element) : null;
}

function click(element: Element): void {
  (element as HTMLElement).click();
}

/** Still in the list: the same client id, or the same name. */
export function stillListed(state: PageState, removed: ListedName): boolean {
  if (state.kind !== 'list') return true;
  const name = normaliseName(removed.name);
  return state.apps.some(
    (app) => (removed.clientId !== null && app.clientId === removed.clientId) || normaliseName(app.name) === name,
  );
}

export type RemoveOutcome =
  | { readonly kind: 'removed'; readonly name: string }
  | { readonly kind: 'pending'; readonly reason: PendingReason };

/**
 * Removes the one app found on the page and checks the list no longer holds it. The page's own
 * controls do the work; anything missing stops it with a reason, and nothing else is clicked.
 */
export async function removeApp(doc: Document, recipe: RevokeRecipe, app: ListedApp, waiting = DEFAULT_WAITING): Promise<RemoveOutcome> {
  const inRow = (selector: string) => () => shownMatch(app.row, selector) ?? app.row.querySelector(selector);
  if (recipe.reveal && !shownMatch(app.row, recipe.remove)) {
    const reveal = app.row.querySelector(recipe.reveal);
    if (!reveal) return { kind: 'pending', reason: 'unexpected-page' };
    click(reveal);
  }
  const remove = await waitFor(inRow(recipe.remove), waiting);
  if (!remove) return { kind: 'pending', reason: 'unexpected-page' };
  click(remove);
  const gone = () => (stillListed(readPage(doc, recipe), app) ? null : true);
  if (recipe.confirm) {
    const confirm = recipe.confirm;
    const next = await waitFor(() => confirmFor(doc, confirm, app) ?? gone(), waiting);
    if (next === null) return { kind: 'pending', reason: 'confirm-missing' };
    if (next !== true) click(next);
  }
  return (await waitFor(gone, waiting)) ? { kind: 'removed', name: app.name } : { kind: 'pending', reason: 'still-listed' };
}
