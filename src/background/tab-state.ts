import browser from 'webextension-polyfill';
import type { NoticeView } from '../shared/messages.ts';

/**
 * What was detected in each tab since its last navigation: the badge count and the popup's
 * "this page" section. Kept in storage.session (the one owner of it), because the service worker
 * can be stopped between a detection and the moment the user opens the popup; session storage is
 * not readable by content scripts and is gone when the browser closes.
 */
export interface TabDetection {
  readonly key: string;
  readonly recordId: string;
  readonly view: NoticeView;
  /**
   * An OAuth request seen on navigation: its URL and the provider's hosts. The detection stays on
   * the page that navigation commits, and on the provider's redirects after it (Google rewrites its
   * authorization URL to an opaque consent page), and nowhere else.
   */
  readonly chain: { readonly url: string; readonly hosts: readonly string[] } | null;
  readonly decided: boolean;
}

/** An OAuth request whose answer will show when the tab comes back to the app's redirect_uri. */
export interface PendingAuthorization {
  readonly recordId: string;
  readonly redirectUri: string;
  readonly at: number;
}

interface TabEntry {
  /** The last page the tab committed to: the app that sent the user to a consent page. */
  readonly committedUrl: string | null;
  readonly detections: readonly TabDetection[];
  readonly pending: readonly PendingAuthorization[];
}

/** Consent flows with sign-in and two-factor steps take minutes, not hours. */
const PENDING_FOR_MS = 30 * 60 * 1000;

const EMPTY: TabEntry = { committedUrl: null, detections: [], pending: [] };
const keyOf = (tabId: number): string => `tab:${tabId}`;

async function read(tabId: number): Promise<TabEntry> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)];
  return { ...EMPTY, ...(stored as Partial<TabEntry> | undefined) };
}

// One queue for all tabs: session writes are tiny, and a single queue rules out lost updates when
// a navigation and a report for the same tab race.
let queue: Promise<unknown> = Promise.resolve();
function update<T>(tabId: number, change: (entry: TabEntry) => { entry: TabEntry; result: T }): Promise<T> {
  const run = queue.then(async () => {
    const { entry, result } = change(await read(tabId));
    await browser.storage.session.set({ [keyOf(tabId)]: entry });
    await showCount(tabId, entry);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

async function showCount(tabId: number, entry: TabEntry): Promise<void> {
  const count = entry.detections.length;
  try {
    await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
    if (count) await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  } catch {
    // The tab closed between the detection and the badge: nothing left to show it on.
  }
}

/**
 * Both browsers clear a tab's badge when a navigation commits, after the detection that arrived
 * with the navigation itself (onBeforeNavigate) had set it; called once the page is up.
 */
export async function refreshBadge(tabId: number): Promise<void> {
  await showCount(tabId, await read(tabId));
}

export function detectionsIn(tabId: number): Promise<readonly TabDetection[]> {
  return read(tabId).then((entry) => entry.detections);
}

export function previousUrl(tabId: number): Promise<string | null> {
  return read(tabId).then((entry) => entry.committedUrl);
}

/** Adds a detection unless the same prompt was already counted on this page. */
export function addDetection(tabId: number, detection: TabDetection): Promise<TabDetection> {
  return update(tabId, (entry) => {
    const existing = entry.detections.find((d) => d.key === detection.key);
    if (existing) return { entry, result: existing };
    return { entry: { ...entry, detections: [...entry.detections, detection] }, result: detection };
  });
}

export function markDecided(tabId: number, detectionId: string): Promise<TabDetection | null> {
  return update(tabId, (entry) => {
    const found = entry.detections.find((d) => d.view.detectionId === detectionId) ?? null;
    const detections = entry.detections.map((d) => (d === found ? { ...d, decided: true } : d));
    return { entry: { ...entry, detections }, result: found };
  });
}

export function expectAuthorization(tabId: number, pending: PendingAuthorization): Promise<void> {
  return update(tabId, (entry) => ({ entry: { ...entry, pending: [...entry.pending, pending] }, result: undefined }));
}

export function pendingAuthorizations(tabId: number, now: number): Promise<readonly PendingAuthorization[]> {
  return read(tabId).then((entry) => entry.pending.filter((p) => now - p.at < PENDING_FOR_MS));
}

export function authorizationAnswered(tabId: number, recordId: string): Promise<void> {
  return update(tabId, (entry) => ({
    entry: { ...entry, pending: entry.pending.filter((p) => p.recordId !== recordId) },
    result: undefined,
  }));
}

/** A page committed in the tab: what was seen on the page before is gone, but an OAuth chain. */
export function navigated(tabId: number, url: string, viaRedirect: boolean, now: number): Promise<void> {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // about:blank and friends keep nothing.
  }
  const stays = (d: TabDetection): boolean => !!d.chain && (d.chain.url === url || (viaRedirect && d.chain.hosts.includes(host)));
  return update(tabId, (entry) => ({
    entry: {
      committedUrl: url,
      detections: entry.detections.filter(stays),
      pending: entry.pending.filter((p) => now - p.at < PENDING_FOR_MS),
    },
    result: undefined,
  }));
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
