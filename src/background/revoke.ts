import browser from 'webextension-polyfill';
import { PROVIDERS, providerById } from '../providers/index.ts';
import type { ProviderDefinition } from '../providers/types.ts';
import type { ConsentRecord, ConsentStatus, EventKind, LedgerEvent } from '../ledger/model.ts';
import { MAX_PAGE } from '../ledger/index.ts';
import type { AssistantMessage, ListState, PendingReason, RevokePage, RevokeTask } from '../shared/messages.ts';
import { isManagementPage, managementProviderFor } from '../revoke/pages.ts';
import { namesFor } from '../revoke/match.ts';
import { alreadyImported, newImport, recordsListedAs, sightingOf } from '../revoke/inventory.ts';
import { block, canBlock, unblock } from './blocking.ts';
import { readBlocks } from './prefs-store.ts';
import type { LedgerStore } from './ledger-store.ts';

/**
 * One-click revoke and "Scan my accounts". Revoke blocks the link in this browser at once, then
 * opens the provider's management page, where the revoke assistant (src/content/revoke.ts) removes
 * the app and reports back. The pending tasks live in storage.local (this module owns the key),
 * so a stopped worker or a restarted browser loses none: the next visit to that page re-checks
 * them. The scan's state is in storage.session: it only matters while the browser runs.
 */

const TASKS_KEY = 'revoke/tasks';
const SCAN_KEY = 'revoke/scan';
/** A page that says nothing by then is skipped: the person is probably not signed in there. */
const SCAN_PAGE_TIMEOUT_MS = 20_000;
const MAX_TASKS_PER_PAGE = 20;

interface StoredTask {
  readonly recordId: string;
  readonly providerId: string;
  /** The tab Linkwatch opened for it, if still known. */
  readonly tabId: number | null;
  readonly requestedAt: number;
  /** The last reason reported, so a repeated visit does not repeat the ledger note. */
  readonly reason: PendingReason | null;
}

type Tasks = Readonly<Record<string, StoredTask>>;

export interface ScanResult {
  readonly providerId: string;
  /** What the page showed; `timeout`: it said nothing in time; `closed`: the tab was closed. */
  readonly state: ListState | 'timeout' | 'closed';
  readonly imported: number;
}

interface ScanState {
  readonly providerIds: readonly string[];
  readonly index: number;
  readonly tabId: number | null;
  readonly pageOpenedAt: number;
  readonly results: readonly ScanResult[];
}

export interface ScanProgress {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  /** The name of the provider whose page is open, while running. */
  readonly current: string | null;
  readonly results: readonly ScanResult[];
}

let ledgerStore: Promise<LedgerStore> | null = null;

/** The background's one ledger store; called once at start-up, before any message is handled. */
export function connectLedger(store: Promise<LedgerStore>): void {
  ledgerStore = store;
  void readScan().then((scan) => {
    scanMirror ??= scan;
  });
}

function ledger(): Promise<LedgerStore> {
  if (!ledgerStore) throw new Error('the revoke module was used before the ledger was connected');
  return ledgerStore;
}

let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function readTasks(): Promise<Tasks> {
  return ((await browser.storage.local.get(TASKS_KEY))[TASKS_KEY] as Tasks | undefined) ?? {};
}

function updateTasks(change: (tasks: Tasks) => Tasks): Promise<Tasks> {
  return serialized(async () => {
    const next = change(await readTasks());
    await browser.storage.local.set({ [TASKS_KEY]: next });
    return next;
  });
}

function withoutTask(tasks: Tasks, recordId: string): Tasks {
  const { [recordId]: _removed, ...rest } = tasks;
  return rest;
}

function eventOf(kind: EventKind, pageUrl: string | null, seen: string): LedgerEvent {
  return { at: Date.now(), kind, evidence: { pageUrl, seen } };
}

function requireRecord(store: LedgerStore, recordId: string): { record: ConsentRecord; provider: ProviderDefinition } {
  const record = store.get(recordId);
  if (!record) throw new RangeError(`The ledger has no record ${recordId}.`);
  const provider = providerById(record.providerId);
  if (!provider) throw new RangeError(`Unknown provider ${record.providerId}.`);
  return { record, provider };
}

const blockTargetOf = (record: ConsentRecord) => ({
  channel: record.channel,
  site: record.recipient.site,
  clientId: record.recipient.clientId,
});

/**
 * Step 1 in this browser (block), then step 2 at the provider: the management page opens and the
 * task waits there for the assistant. The task is stored before the tab opens.
 */
export async function startRevoke(recordId: string): Promise<{ status: ConsentStatus; managementUrl: string; automated: boolean }> {
  const store = await ledger();
  const { record, provider } = requireRecord(store, recordId);
  const managementUrl = provider.revocation.url;
  const automated = provider.revocation.recipe !== undefined;
  const target = blockTargetOf(record);
  if (canBlock(provider, target) && !(await readBlocks())[recordId]?.length) {
    const rules = await block(recordId, provider, target);
    await store.append(recordId, eventOf('blocked', null, `Blocked in this browser when Revoke was chosen (${rules} network rule(s))`));
  }
  await updateTasks((tasks) => ({
    ...tasks,
    [recordId]: { recordId, providerId: provider.id, tabId: null, requestedAt: Date.now(), reason: null },
  }));
  const how = automated ? 'for the Linkwatch assistant to remove the app' : 'with the steps to remove the app';
  const requested = await store.append(recordId, eventOf('revoke-requested', managementUrl, `Revoke chosen in Linkwatch; ${provider.name}'s page opened ${how}`));
  const tab = await browser.tabs.create({ url: managementUrl, active: true });
  const tabId = tab.id;
  if (tabId !== undefined) {
    await updateTasks((tasks) => {
      const task = tasks[recordId];
      return task ? { ...tasks, [recordId]: { ...task, tabId } } : tasks;
    });
  }
  return { status: requested.status, managementUrl, automated };
}

/** Undo: the task is dropped, the block removed, and the record goes back to where it was. */
export async function cancelRevoke(recordId: string): Promise<void> {
  const store = await ledger();
  const { record } = requireRecord(store, recordId);
  await updateTasks((tasks) => withoutTask(tasks, recordId));
  if (record.status === 'revocation-pending') {
    await store.append(recordId, eventOf('revocation-failed', null, 'Revocation cancelled in Linkwatch'));
  }
  if (await unblock(recordId)) {
    await store.append(recordId, eventOf('unblocked', null, 'Block undone in Linkwatch'));
  }
}

/** Revocations still waiting, with the reason last reported: for the popup. */
export async function pendingRevocations(): Promise<{ recordId: string; providerId: string; reason: PendingReason | null }[]> {
  return Object.values(await readTasks()).map(({ recordId, providerId, reason }) => ({ recordId, providerId, reason }));
}

// ---- The assistant's messages. The page's address comes from the browser, never the page. ----

function taskView(record: ConsentRecord): RevokeTask {
  return {
    recordId: record.id,
    app: record.recipient.name ?? record.recipient.site.replace(/^www\./, ''),
    names: namesFor(record.recipient),
    clientId: record.recipient.clientId,
  };
}

export async function revokePageFor(tabId: number, pageUrl: string): Promise<RevokePage | null> {
  const provider = managementProviderFor(PROVIDERS, pageUrl);
  if (!provider) return null;
  const store = await ledger();
  const scan = await readScan();
  const waiting = scan?.tabId === tabId ? [] : Object.values(await readTasks()).filter((task) => task.providerId === provider.id);
  // This tab's own task first, then the oldest: each visit re-checks what is still pending.
  waiting.sort((a, b) => Number(b.tabId === tabId) - Number(a.tabId === tabId) || a.requestedAt - b.requestedAt);
  const tasks = waiting
    .map((task) => store.get(task.recordId))
    .filter((record): record is ConsentRecord => record !== undefined)
    .slice(0, MAX_TASKS_PER_PAGE)
    .map(taskView);
  return {
    providerId: provider.id,
    providerName: provider.name,
    recipe: provider.revocation.recipe ?? null,
    steps: provider.revocation.steps,
    tasks,
  };
}

const PENDING_WORDS: Readonly<Record<PendingReason, string>> = {
  signin: 'the provider asked to sign in first',
  ambiguous: 'more than one app in the list could be this one, so nothing was clicked',
  'not-found': 'the app was not found in the list',
  'unexpected-page': 'the page did not look as Linkwatch expected, so nothing was clicked',
  'confirm-missing': 'the provider did not show the confirmation Linkwatch expected',
  'still-listed': 'the app was still listed after removing it',
};

export async function onRevokeReport(message: Extract<AssistantMessage, { type: 'revoke-report' }>, pageUrl: string): Promise<{ done: true }> {
  const task = (await readTasks())[message.recordId];
  if (!task) throw new Error('no revocation is pending for this record');
  const provider = providerById(task.providerId);
  if (!provider || !isManagementPage(provider, pageUrl)) throw new Error("revoke report from a page that is not the provider's management page");
  const store = await ledger();
  if (message.outcome === 'revoked') {
    const seen =
      message.checkedBy === 'list'
        ? `No longer listed on ${provider.name}'s page of connected apps after the Linkwatch assistant removed it (verified)`
        : `You said you removed it on ${provider.name}'s page; Linkwatch could not check the list there`;
    await store.append(task.recordId, eventOf('revoked', pageUrl, seen));
    await updateTasks((tasks) => withoutTask(tasks, task.recordId));
    return { done: true };
  }
  if (task.reason !== message.reason) {
    await store.append(task.recordId, eventOf('note', pageUrl, `Revocation pending: ${PENDING_WORDS[message.reason]}`));
    await updateTasks((tasks) => {
      const current = tasks[task.recordId];
      return current ? { ...tasks, [task.recordId]: { ...current, reason: message.reason } } : tasks;
    });
  }
  return { done: true };
}

async function importList(provider: ProviderDefinition, apps: Extract<AssistantMessage, { type: 'inventory-report' }>['apps'], pageUrl: string): Promise<number> {
  const store = await ledger();
  const known = store.ledger
    .query({ providerIds: [provider.id], sort: 'recent', limit: MAX_PAGE })
    .items.map((item) => store.get(item.id))
    .filter((record): record is ConsentRecord => record !== undefined);
  let imported = 0;
  for (const app of apps) {
    const sighting = { pageUrl, at: Date.now() };
    const same = recordsListedAs(known, provider, app);
    const inputs = same.length ? same.filter((record) => !alreadyImported(record)).map((record) => sightingOf(record, provider, app, sighting)) : [newImport(provider, app, sighting)];
    for (const input of inputs) {
      const record = await store.record(input);
      if (!known.includes(record)) known.push(record);
      imported++;
    }
  }
  return imported;
}

export async function onInventoryReport(message: Extract<AssistantMessage, { type: 'inventory-report' }>, tabId: number, pageUrl: string): Promise<{ imported: number }> {
  const provider = providerById(message.providerId);
  if (!provider?.revocation.recipe || !isManagementPage(provider, pageUrl)) {
    throw new Error("inventory report from a page that is not the provider's management page");
  }
  const imported = message.state === 'list' ? await importList(provider, message.apps, pageUrl) : 0;
  await scanPageDone(tabId, { providerId: provider.id, state: message.state, imported });
  return { imported };
}

// ---- Scan my accounts: each provider with a recipe, one background tab at a time. ----

async function readScan(): Promise<ScanState | null> {
  return ((await browser.storage.session.get(SCAN_KEY))[SCAN_KEY] as ScanState | undefined) ?? null;
}

/** The stored scan as last written, so the popup's overview can read the progress at once. */
let scanMirror: ScanState | null = null;

async function writeScan(scan: ScanState): Promise<void> {
  await browser.storage.session.set({ [SCAN_KEY]: scan });
  scanMirror = scan;
}

function progressOf(scan: ScanState): ScanProgress {
  const running = scan.index < scan.providerIds.length;
  const current = running ? (providerById(scan.providerIds[scan.index] ?? '')?.name ?? null) : null;
  return { running, done: scan.results.length, total: scan.providerIds.length, current, results: scan.results };
}

/** Opens the page of the scan's current provider, or finishes. Runs inside `serialized`. */
async function openScanPage(scan: ScanState): Promise<ScanState> {
  const provider = providerById(scan.providerIds[scan.index] ?? '');
  let next: ScanState = { ...scan, tabId: null, pageOpenedAt: Date.now() };
  if (provider) {
    // Not active: the popup that shows the progress stays open.
    const tab = await browser.tabs.create({ url: provider.revocation.url, active: false });
    next = { ...next, tabId: tab.id ?? null };
    const { index } = next;
    setTimeout(() => void scanPageDone(next.tabId, { providerId: provider.id, state: 'timeout', imported: 0 }, index), SCAN_PAGE_TIMEOUT_MS);
  }
  await writeScan(next);
  return next;
}

/** The scan's page in `tabId` has answered (or given up): close it and go on to the next. */
function scanPageDone(tabId: number | null, result: ScanResult, onlyAtIndex?: number): Promise<void> {
  return serialized(async () => {
    const scan = await readScan();
    if (!scan || tabId === null || scan.tabId !== tabId || (onlyAtIndex !== undefined && scan.index !== onlyAtIndex)) return;
    await browser.tabs.remove(tabId).catch(() => undefined);
    await openScanPage({ ...scan, index: scan.index + 1, results: [...scan.results, result] });
  });
}

/** Starts "Scan my accounts" unless one is running; getScanProgress follows it. */
export async function startScan(): Promise<void> {
  await serialized(async () => {
    const scan = await readScan();
    if (scan && progressOf(scan).running) return;
    const providerIds = PROVIDERS.filter((provider) => provider.revocation.recipe).map((provider) => provider.id);
    await openScanPage({ providerIds, index: 0, tabId: null, pageOpenedAt: Date.now(), results: [] });
  });
}

/** The scan's progress, or null before the first scan of this browser session. */
export function getScanProgress(): ScanProgress | null {
  const scan = scanMirror;
  // The worker may have been stopped during the page's time, and its timer with it.
  if (scan && progressOf(scan).running && Date.now() - scan.pageOpenedAt > SCAN_PAGE_TIMEOUT_MS) {
    const providerId = scan.providerIds[scan.index] ?? '';
    void scanPageDone(scan.tabId, { providerId, state: 'timeout', imported: 0 }, scan.index);
  }
  return scan && progressOf(scan);
}

/** A tab closed: if it was the scan's page, the scan goes on without it. */
export function onTabClosed(tabId: number): Promise<void> {
  return readScan().then((scan) => {
    if (scan?.tabId !== tabId) return;
    const providerId = scan.providerIds[scan.index] ?? '';
    return scanPageDone(tabId, { providerId, state: 'closed', imported: 0 });
  });
}
