import browser from 'webextension-polyfill';
import type { Storage } from 'webextension-polyfill';
import type { ProviderDefinition } from '../providers/types.ts';
import type { ConsentRecord, EventKind } from '../ledger/model.ts';
import { MAX_PAGE, type RecordSummary } from '../ledger/index.ts';
import { toCsv, toJson, toReceiptHtml } from '../ledger/export.ts';
import { RECORD_PREFIX } from '../ledger/migrations.ts';
import type {
  FromExtensionPage,
  LedgerPage,
  LedgerPageQuery,
  Overview,
  RecordDetail,
  Reply,
  RevokeReply,
  ScanProgress,
  SettingsView,
  SourceGroup,
  TabFinding,
  ToExtensionPage,
} from '../shared/messages.ts';
import type { LedgerStore } from './ledger-store.ts';
import { block, canBlock, unblock } from './blocking.ts';
import { readBlocks, readSettings, updateSettings } from './prefs-store.ts';
import { detectionsIn } from './tab-state.ts';

/**
 * Everything the popup (and any other extension page) can ask of the background. Messages arrive
 * here already validated by `isFromExtensionPage`; this module decides what they may do.
 */

/** The revoke assistant (src/background/revoke.ts), injected so this module works before it exists. */
export interface RevokeService {
  startRevoke(recordId: string): Promise<RevokeReply>;
  cancelRevoke(recordId: string): Promise<void>;
  startScan(): Promise<void>;
  getScanProgress(): ScanProgress | null;
}

export interface PopupApiDeps {
  readonly ledger: () => Promise<LedgerStore>;
  readonly providerById: (id: string) => ProviderDefinition | undefined;
  /** null until the revoke assistant exists: Revoke then blocks here and points to the provider's page. */
  readonly revoke: RevokeService | null;
  readonly now?: () => number;
}

/** The popup's own key in storage.local: whether the first-run explanation was dismissed. */
const INTRO_KEY = 'popup/intro-dismissed';

const POPUP_EVIDENCE = 'in the Linkwatch popup';

/** Messages after which the ledger (and so any grouping of it) may have changed. */
const CHANGES_LEDGER: ReadonlySet<FromExtensionPage['type']> = new Set(['block', 'unblock', 'revoke', 'undo-revoke', 'import', 'erase', 'scan-accounts']);

export async function handleExtensionPageMessage(message: FromExtensionPage, deps: PopupApiDeps): Promise<Reply<FromExtensionPage>> {
  try {
    return await answer(message, deps);
  } finally {
    if (CHANGES_LEDGER.has(message.type)) forgetGroupings();
  }
}

async function answer(message: FromExtensionPage, deps: PopupApiDeps): Promise<Reply<FromExtensionPage>> {
  const store = await deps.ledger();
  const now = deps.now?.() ?? Date.now();
  switch (message.type) {
    case 'get-overview':
      return overview(store, message.tabId, deps);
    case 'query-ledger':
      return ledgerPage(store, message.query, now);
    case 'get-record':
      return recordDetail(store, existing(store, message.id), deps);
    case 'block': {
      const record = writable(store, message.id);
      await block(record.id, providerOf(record, deps), blockTarget(record));
      return { status: (await appendEvent(store, record, 'blocked', `Block chosen ${POPUP_EVIDENCE}`, now)).status };
    }
    case 'unblock': {
      const record = writable(store, message.id);
      const removed = await unblock(record.id);
      if (!removed && record.status !== 'blocked') return { status: record.status };
      return { status: (await appendEvent(store, record, 'unblocked', `Block undone ${POPUP_EVIDENCE}`, now)).status };
    }
    case 'revoke': {
      const record = writable(store, message.id);
      if (deps.revoke) return deps.revoke.startRevoke(record.id);
      return requestRevocationHere(store, record, deps, now);
    }
    case 'undo-revoke': {
      const record = writable(store, message.id);
      if (deps.revoke) {
        await deps.revoke.cancelRevoke(record.id);
        return { status: existing(store, record.id).status };
      }
      if (record.status !== 'revocation-pending') return { status: record.status };
      await unblock(record.id);
      return { status: (await appendEvent(store, record, 'revocation-failed', `Revocation cancelled ${POPUP_EVIDENCE} (Undo)`, now)).status };
    }
    case 'set-settings':
      return updateSettings(() => normaliseSettings(message.settings));
    case 'dismiss-intro':
      await browser.storage.local.set({ [INTRO_KEY]: true });
      return { done: true };
    case 'export': {
      const day = new Date(now).toISOString().slice(0, 10);
      const selection = message.ids === undefined ? {} : { ids: message.ids };
      return message.format === 'json'
        ? { text: toJson(store.ledger.records(), { ...selection, now }), filename: `linkwatch-ledger-${day}.json`, mimeType: 'application/json' }
        : { text: toCsv(store.ledger.records(), selection), filename: `linkwatch-ledger-${day}.csv`, mimeType: 'text/csv' };
    }
    case 'get-receipt': {
      const record = existing(store, message.id);
      const revocationUrl = deps.providerById(record.providerId)?.revocation.url;
      return {
        html: toReceiptHtml(record, revocationUrl === undefined ? { now } : { revocationUrl, now }),
        filename: `linkwatch-receipt-${record.id}.html`,
      };
    }
    case 'import':
      return store.importJson(message.text);
    case 'erase':
      // A block nobody can see any more could not be undone: erasing the ledger lifts them too.
      for (const recordId of Object.keys(await readBlocks())) await unblock(recordId);
      await store.erase();
      return { done: true };
    case 'scan-accounts':
      if (!deps.revoke) throw new Error('Checking your accounts is not available in this version of Linkwatch.');
      await deps.revoke.startScan();
      return { done: true };
  }
}

function existing(store: LedgerStore, id: string): ConsentRecord {
  const record = store.get(id);
  if (!record) throw new Error('This link is no longer in the ledger.');
  return record;
}

/** A record that may be changed: checked before any rule is installed, so nothing is half done. */
function writable(store: LedgerStore, id: string): ConsentRecord {
  const record = existing(store, id);
  const problem = store.problems().at(-1);
  if (store.readOnly) throw new Error(problem?.message ?? 'The ledger is read-only.');
  return record;
}

function providerOf(record: ConsentRecord, deps: PopupApiDeps): ProviderDefinition {
  const provider = deps.providerById(record.providerId);
  if (!provider) throw new Error(`Linkwatch does not know the provider "${record.providerId}".`);
  return provider;
}

function blockTarget(record: ConsentRecord) {
  return { channel: record.channel, site: record.recipient.site, clientId: record.recipient.clientId };
}

function appendEvent(store: LedgerStore, record: ConsentRecord, kind: EventKind, seen: string, at: number): Promise<ConsentRecord> {
  return store.append(record.id, { at, kind, evidence: { pageUrl: null, seen } });
}

/** Revoke without the assistant: stop the link in this browser and send the person to the provider. */
async function requestRevocationHere(store: LedgerStore, record: ConsentRecord, deps: PopupApiDeps, now: number): Promise<RevokeReply> {
  const provider = providerOf(record, deps);
  if (canBlock(provider, blockTarget(record))) await block(record.id, provider, blockTarget(record));
  const after = await appendEvent(store, record, 'revoke-requested', `Revoke chosen ${POPUP_EVIDENCE}`, now);
  return { status: after.status, managementUrl: provider.revocation.url, automated: false };
}

function normaliseSettings(settings: SettingsView): SettingsView {
  const sites = settings.mutedSites.map((site) => site.trim().toLowerCase()).filter((site) => site !== '');
  return { mutedSites: [...new Set(sites)].sort(), watch: { ...settings.watch } };
}

async function overview(store: LedgerStore, tabId: number | null, deps: PopupApiDeps): Promise<Overview> {
  const [detections, settings, stored] = await Promise.all([
    tabId === null ? Promise.resolve([]) : detectionsIn(tabId),
    readSettings(),
    browser.storage.local.get(INTRO_KEY),
  ]);
  const tab: TabFinding[] = detections.map((detection) => ({
    ...detection.view,
    recordId: detection.recordId,
    status: store.get(detection.recordId)?.status ?? 'prompted',
  }));
  return {
    tab,
    ledgerSize: store.size,
    counts: store.ledger.counts(),
    problems: store.problems(),
    readOnly: store.readOnly,
    settings,
    firstRun: stored[INTRO_KEY] !== true,
    providers: providersIn(store, deps),
    scan: deps.revoke?.getScanProgress() ?? null,
  };
}

function providersIn(store: LedgerStore, deps: PopupApiDeps): Overview['providers'] {
  const ids = new Set<string>();
  for (const record of store.ledger.records()) {
    ids.add(record.providerId);
    if (record.source.providerId !== null) ids.add(record.source.providerId);
    if (record.intermediary !== null) ids.add(record.intermediary.providerId);
  }
  return [...ids]
    .map((id) => ({ id, name: deps.providerById(id)?.name ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

interface Grouping {
  readonly order: readonly RecordSummary[];
  readonly groups: readonly SourceGroup[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const GROUPINGS_KEPT = 8;
/**
 * Grouped orders by query, until the ledger next changes. Grouping needs every matching record,
 * which for 10,000 records costs far more than the popup's first-paint budget; the popup asks for
 * the same query page after page and on every open, so it is computed once per ledger state.
 */
const groupings = new Map<string, Grouping>();
let groupedStore: LedgerStore | null = null;

function forgetGroupings(): void {
  groupings.clear();
}

function grouping(store: LedgerStore, filters: Omit<LedgerPageQuery, 'offset' | 'limit'>, now: number): Grouping {
  if (groupedStore !== store) {
    forgetGroupings();
    groupedStore = store;
  }
  // Staleness is by calendar month: the same query on another day may flag other records.
  const key = JSON.stringify([filters.sort, filters.text ?? '', filters.providerIds ?? [], filters.risks ?? [], filters.statuses ?? [], filters.staleOnly ?? false, Math.floor(now / DAY_MS)]);
  const kept = groupings.get(key);
  if (kept) return kept;
  const matching: RecordSummary[] = [];
  for (;;) {
    const page = store.ledger.query({ ...filters, now, offset: matching.length, limit: MAX_PAGE });
    matching.push(...page.items);
    if (page.items.length === 0 || matching.length >= page.total) break;
  }
  const bySource = new Map<string, RecordSummary[]>();
  for (const item of matching) {
    const group = bySource.get(item.source);
    if (group) group.push(item);
    else bySource.set(item.source, [item]);
  }
  const groups: SourceGroup[] = [];
  const order: RecordSummary[] = [];
  for (const [label, items] of bySource) {
    groups.push({ label, start: order.length, count: items.length });
    order.push(...items);
  }
  if (groupings.size >= GROUPINGS_KEPT) groupings.delete(groupings.keys().next().value as string);
  const result = { order, groups };
  groupings.set(key, result);
  return result;
}

/**
 * One page of the records matching `query`, grouped by data source: the groups come in the order
 * of their first record in the chosen sort, and keep that sort inside.
 */
export function ledgerPage(store: LedgerStore, query: LedgerPageQuery, now: number): LedgerPage {
  const { offset = 0, limit = 100, ...filters } = query;
  const { order, groups } = grouping(store, filters, now);
  return { total: order.length, groups, offset, items: order.slice(offset, offset + limit) };
}

async function recordDetail(store: LedgerStore, record: ConsentRecord, deps: PopupApiDeps): Promise<RecordDetail> {
  const [blocks, settings] = await Promise.all([readBlocks(), readSettings()]);
  const provider = deps.providerById(record.providerId);
  return {
    record,
    blockedHere: (blocks[record.id]?.length ?? 0) > 0,
    canBlock: provider !== undefined && canBlock(provider, blockTarget(record)),
    muted: settings.mutedSites.includes(record.recipient.site),
    providerName: provider?.name ?? record.providerId,
    revocation: provider ? { url: provider.revocation.url, steps: provider.revocation.steps } : null,
  };
}

const LEDGER_CHANGED: ToExtensionPage = { type: 'ledger-changed' };
/** What the popup shows when it opens: every record, riskiest first. */
const DEFAULT_QUERY: LedgerPageQuery = { sort: 'risk' };
/** How long a broadcast waits for the store's memory to catch up with storage (see below). */
const LANDING_WAIT_MS = 2000;
const LANDING_POLL_MS = 10;

/** The store's memory holds what these storage changes wrote (or removed). */
function landed(store: LedgerStore, changes: Record<string, Storage.StorageChange>): boolean {
  for (const [key, change] of Object.entries(changes)) {
    if (!key.startsWith(RECORD_PREFIX)) continue;
    const held = store.get(key.slice(RECORD_PREFIX.length));
    const written = change.newValue as ConsentRecord | undefined;
    if (written === undefined ? held !== undefined : held?.updatedAt !== written.updatedAt || held.history.length !== written.history.length) return false;
  }
  return true;
}

/**
 * Tells open extension pages after every ledger write, whoever wrote it (a detection, the popup,
 * the revoke assistant): watching storage catches them all in one place. The store updates its
 * memory only after storage confirmed the write, and the change event can come first, so the
 * broadcast waits until the store answers with the new data. With no page open the browser
 * rejects the message: that is the normal case and stays quiet.
 */
export function announceLedgerChanges(ledger: () => Promise<LedgerStore>): void {
  browser.storage.onChanged.addListener((changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !Object.keys(changes).some((key) => key.startsWith('ledger/'))) return;
    void (async () => {
      const store = await ledger();
      for (let waited = 0; waited < LANDING_WAIT_MS && !landed(store, changes); waited += LANDING_POLL_MS) {
        await new Promise((resolve) => setTimeout(resolve, LANDING_POLL_MS));
      }
      forgetGroupings();
      // The popup's first question on opening: have its answer ready.
      ledgerPage(store, DEFAULT_QUERY, Date.now());
      await browser.runtime.sendMessage(LEDGER_CHANGED);
    })().catch(ignoreNoReceiver);
  });
}

function ignoreNoReceiver(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (/receiving end does not exist|could not establish connection/i.test(message)) return;
  console.error('Linkwatch: could not tell open pages about a ledger change:', error);
}
