import { create } from 'zustand';
import type { Risk } from '../shared/categories.ts';
import type { ConsentStatus } from '../ledger/model.ts';
import type { LedgerSort, RecordSummary } from '../ledger/index.ts';
import {
  ERASE_CONFIRMATION,
  type ExportFormat,
  type LedgerPageQuery,
  type NoticeChannel,
  type Overview,
  type RecordDetail,
  type RevokeReply,
  type SourceGroup,
} from '../shared/messages.ts';
import { ask, currentTabId, onLedgerChanged, saveFile } from './messaging.ts';
import { t } from './i18n.ts';

/**
 * The popup's one store. Everything in it came from a validated background reply (messaging.ts),
 * or from the person's own input (filters, which view is open).
 */

export const PAGE_SIZE = 100;

export interface Filters {
  readonly text: string;
  readonly providerId: string;
  readonly risk: Risk | '';
  readonly status: ConsentStatus | '';
  readonly staleOnly: boolean;
  readonly sort: LedgerSort;
}

export const NO_FILTERS: Filters = { text: '', providerId: '', risk: '', status: '', staleOnly: false, sort: 'risk' };

export interface ListState {
  readonly total: number;
  readonly groups: readonly SourceGroup[];
  /** By position in the grouped order; pages arrive as the person scrolls. */
  readonly items: ReadonlyMap<number, RecordSummary>;
}

export type View = { readonly kind: 'list' } | { readonly kind: 'detail'; readonly id: string } | { readonly kind: 'settings' };

export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly undo: (() => Promise<void>) | null;
}

export interface PopupState {
  readonly tabId: number | null;
  readonly overview: Overview | null;
  readonly list: ListState | null;
  readonly filters: Filters;
  readonly view: View;
  readonly detail: RecordDetail | null;
  /** What the last Revoke did, shown in that record's detail. */
  readonly revoked: { readonly id: string; readonly reply: RevokeReply } | null;
  readonly receiptHtml: string | null;
  readonly toast: Toast | null;
  /** Short confirmations that need no action (import result, export saved). */
  readonly notice: string | null;
  readonly error: string | null;
  readonly eraseOpen: boolean;
  /** start() has run: the popup's entry point calls it before the app mounts, the app again. */
  readonly started: boolean;

  /** Follows ledger changes and reads the list, the tab and the overview; only the first call acts. */
  start(): Promise<void>;
  refresh(): Promise<void>;
  setFilters(change: Partial<Filters>): Promise<void>;
  ensureRange(first: number, last: number): Promise<void>;
  openDetail(id: string): Promise<void>;
  openSettings(): void;
  showList(): void;
  block(id: string, recipient: string): Promise<void>;
  unblock(id: string, recipient: string): Promise<void>;
  revoke(id: string, recipient: string): Promise<void>;
  undoRevoke(id: string, recipient: string): Promise<void>;
  setMuted(site: string, muted: boolean): Promise<void>;
  setWatch(channel: NoticeChannel, watched: boolean): Promise<void>;
  exportLedger(format: ExportFormat, ids?: string[]): Promise<void>;
  toggleReceipt(id: string): Promise<void>;
  saveReceipt(id: string): Promise<void>;
  importLedger(text: string): Promise<void>;
  setEraseOpen(open: boolean): void;
  erase(): Promise<void>;
  dismissIntro(): Promise<void>;
  scanAccounts(): Promise<void>;
  dismissToast(): void;
  dismissNotice(): void;
  dismissError(): void;
}

function pageQuery(filters: Filters, page: number): LedgerPageQuery {
  return {
    sort: filters.sort,
    ...(filters.text.trim() === '' ? {} : { text: filters.text.trim() }),
    ...(filters.providerId === '' ? {} : { providerIds: [filters.providerId] }),
    ...(filters.risk === '' ? {} : { risks: [filters.risk] }),
    ...(filters.status === '' ? {} : { statuses: [filters.status] }),
    ...(filters.staleOnly ? { staleOnly: true } : {}),
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const usePopup = create<PopupState>()((set, get) => {
  // Bumped whenever the filters change or the ledger is re-read: a page fetched for an older
  // generation is dropped instead of mixing two orders in one list.
  let generation = 0;
  const loading = new Set<number>();
  let visible: readonly [number, number] = [0, 0];
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;
  let toastIds = 0;

  async function fetchPages(pages: readonly number[], filters: Filters): Promise<ListState> {
    const replies = await Promise.all(pages.map((page) => ask({ type: 'query-ledger', query: pageQuery(filters, page) })));
    const items = new Map<number, RecordSummary>();
    for (const reply of replies) reply.items.forEach((item, index) => items.set(reply.offset + index, item));
    const last = replies[replies.length - 1];
    return { total: last?.total ?? 0, groups: last?.groups ?? [], items };
  }

  function pagesCovering(first: number, last: number): number[] {
    const pages: number[] = [];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) pages.push(page);
    return pages;
  }

  async function loadOverview(): Promise<void> {
    set({ overview: await ask({ type: 'get-overview', tabId: get().tabId }) });
  }

  async function reloadList(): Promise<void> {
    const mine = ++generation;
    loading.clear();
    const list = await fetchPages(pagesCovering(visible[0], visible[1]), get().filters);
    if (mine === generation) set({ list });
  }

  async function reloadDetail(): Promise<void> {
    const view = get().view;
    if (view.kind !== 'detail') return;
    const detail = await ask({ type: 'get-record', id: view.id });
    if (get().view === view) set({ detail });
  }

  /** Runs a person's action; any failure becomes the popup's error message. */
  async function act(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      set({ error: messageOf(error) });
    }
  }

  function toast(message: string, undo: (() => Promise<void>) | null): Toast {
    return { id: ++toastIds, message, undo };
  }

  const store: PopupState = {
    tabId: null,
    overview: null,
    list: null,
    filters: NO_FILTERS,
    view: { kind: 'list' },
    detail: null,
    revoked: null,
    receiptHtml: null,
    toast: null,
    notice: null,
    error: null,
    eraseOpen: false,
    started: false,

    async start() {
      if (get().started) return;
      set({ started: true });
      // Before the first question, so a change announced while it is being answered is not missed.
      onLedgerChanged(() => void get().refresh());
      await act(async () => {
        // The list does not depend on the tab: ask for it first, so it paints as early as it can.
        const list = reloadList();
        set({ tabId: await currentTabId() });
        await Promise.all([list, loadOverview()]);
      });
    },

    async refresh() {
      if (refreshing) {
        refreshAgain = true;
        return refreshing;
      }
      refreshing = act(async () => {
        do {
          refreshAgain = false;
          await Promise.all([loadOverview(), reloadList(), reloadDetail()]);
        } while (refreshAgain);
      }).finally(() => {
        refreshing = null;
      });
      return refreshing;
    },

    async setFilters(change) {
      set({ filters: { ...get().filters, ...change } });
      visible = [0, 0];
      await act(reloadList);
    },

    async ensureRange(first, last) {
      visible = [first, last];
      const list = get().list;
      if (!list) return;
      const end = Math.min(last, list.total - 1);
      const missing = pagesCovering(first, Math.max(first, end)).filter(
        (page) => !loading.has(page) && page * PAGE_SIZE < list.total && !list.items.has(page * PAGE_SIZE),
      );
      if (missing.length === 0) return;
      const mine = generation;
      for (const page of missing) loading.add(page);
      await act(async () => {
        const fetched = await fetchPages(missing, get().filters);
        for (const page of missing) loading.delete(page);
        const current = get().list;
        if (mine !== generation || !current) return;
        set({ list: { ...fetched, items: new Map([...current.items, ...fetched.items]) } });
      });
    },

    async openDetail(id) {
      const view: View = { kind: 'detail', id };
      set({ view, detail: null, receiptHtml: null });
      await act(reloadDetail);
    },

    openSettings() {
      set({ view: { kind: 'settings' }, detail: null, receiptHtml: null });
    },

    showList() {
      set({ view: { kind: 'list' }, detail: null, receiptHtml: null });
    },

    async block(id, recipient) {
      await act(async () => {
        await ask({ type: 'block', id });
        set({ toast: toast(t('popup_toast_blocked', recipient), () => get().unblock(id, recipient)) });
        await get().refresh();
      });
    },

    async unblock(id, recipient) {
      await act(async () => {
        await ask({ type: 'unblock', id });
        set({ toast: toast(t('popup_toast_unblocked', recipient), null) });
        await get().refresh();
      });
    },

    async revoke(id, recipient) {
      await act(async () => {
        const reply = await ask({ type: 'revoke', id });
        set({ revoked: { id, reply }, toast: toast(t('popup_toast_revoked', recipient), () => get().undoRevoke(id, recipient)) });
        await get().refresh();
      });
    },

    async undoRevoke(id, recipient) {
      await act(async () => {
        await ask({ type: 'undo-revoke', id });
        set({ revoked: null, toast: toast(t('popup_toast_revoke_undone', recipient), null) });
        await get().refresh();
      });
    },

    async setMuted(site, muted) {
      await act(async () => {
        const settings = get().overview?.settings;
        if (!settings) return;
        const others = settings.mutedSites.filter((muted) => muted !== site);
        await ask({ type: 'set-settings', settings: { ...settings, mutedSites: muted ? [...others, site] : others } });
        const message = t(muted ? 'popup_toast_muted' : 'popup_toast_unmuted', site);
        set({ toast: toast(message, () => get().setMuted(site, !muted)) });
        await get().refresh();
      });
    },

    async setWatch(channel, watched) {
      await act(async () => {
        const settings = get().overview?.settings;
        if (!settings) return;
        await ask({ type: 'set-settings', settings: { ...settings, watch: { ...settings.watch, [channel]: watched } } });
        await loadOverview();
      });
    },

    async exportLedger(format, ids) {
      await act(async () => {
        const file = await ask(ids === undefined ? { type: 'export', format } : { type: 'export', format, ids });
        saveFile(file.text, file.filename, file.mimeType);
        set({ notice: t('popup_exported', file.filename) });
      });
    },

    async toggleReceipt(id) {
      if (get().receiptHtml !== null) {
        set({ receiptHtml: null });
        return;
      }
      await act(async () => set({ receiptHtml: (await ask({ type: 'get-receipt', id })).html }));
    },

    async saveReceipt(id) {
      await act(async () => {
        const receipt = await ask({ type: 'get-receipt', id });
        saveFile(receipt.html, receipt.filename, 'text/html');
        set({ notice: t('popup_exported', receipt.filename) });
      });
    },

    async importLedger(text) {
      await act(async () => {
        const result = await ask({ type: 'import', text });
        if (!result.ok) throw new Error(result.error);
        set({ notice: t('popup_import_done', String(result.added), String(result.merged), String(result.unchanged)) });
        await get().refresh();
      });
    },

    setEraseOpen(open) {
      set({ eraseOpen: open });
    },

    async erase() {
      await act(async () => {
        await ask({ type: 'erase', confirmation: ERASE_CONFIRMATION });
        set({ eraseOpen: false, notice: t('popup_erased'), toast: null, revoked: null });
        await get().refresh();
      });
    },

    async dismissIntro() {
      await act(async () => {
        await ask({ type: 'dismiss-intro' });
        await loadOverview();
      });
    },

    async scanAccounts() {
      await act(async () => {
        await ask({ type: 'scan-accounts' });
        await loadOverview();
      });
    },

    dismissToast() {
      set({ toast: null });
    },
    dismissNotice() {
      set({ notice: null });
    },
    dismissError() {
      set({ error: null });
    },
  };
  return store;
});
