import browser from 'webextension-polyfill';
import type { Runtime, WebNavigation } from 'webextension-polyfill';
import { PROVIDERS, providerById } from '../providers/index.ts';
import { compileSignatures, widgetFrameProvider } from '../detect/signatures.ts';
import { parseAuthorizationOutcome, parseAuthorizationUrl } from '../detect/oauth.ts';
import { composeOAuth, composePrompt, composeWidget, noticeFor, type Composed } from '../detect/compose.ts';
import {
  isFromContent,
  isFromExtensionPage,
  isFromWidgetFrame,
  type FromContent,
  type FromExtensionPage,
  type FromWidgetFrame,
  type NoticeDecision,
  type NoticeView,
  type Reply,
} from '../shared/messages.ts';
import type { LedgerEvent } from '../ledger/model.ts';
import { normaliseSite } from '../ledger/rules.ts';
import { classifySender, type Sender } from './senders.ts';
import * as tabs from './tab-state.ts';
import { block, canBlock } from './blocking.ts';
import { readSettings, updateSettings, type Settings } from './prefs-store.ts';
import { LedgerStore } from './ledger-store.ts';
import {
  cancelRevoke,
  connectLedger,
  getScanProgress,
  onInventoryReport,
  onRevokeReport,
  onTabClosed,
  revokePageFor,
  startRevoke,
  startScan,
} from './revoke.ts';
import { announceLedgerChanges, handleExtensionPageMessage } from './popup-api.ts';

const SIGNATURES = compileSignatures(PROVIDERS);

// MV3: every listener is registered synchronously at start-up, so an event that wakes the worker
// is delivered; each handler then waits for the ledger to be loaded.
const ledger = (async () => {
  const store = new LedgerStore(browser.storage.local, { providerById });
  await store.load();
  return store;
})();
connectLedger(ledger);

/** The same document: a fragment change navigates within it. */
function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

function siteOf(url: string): string {
  try {
    return normaliseSite(new URL(url).hostname);
  } catch {
    return '';
  }
}

/**
 * Stores the detection durably, then counts it on the tab; only then may anyone acknowledge it.
 * Returns what the tab holds for it and the notice to show, if the person should see one.
 */
async function detect(
  tabId: number,
  composed: Composed,
  settings: Settings,
  chain: tabs.TabDetection['chain'] = null,
): Promise<{ detection: tabs.TabDetection; notice: NoticeView | null }> {
  const record = await (await ledger).record(composed.input);
  const detection = await tabs.addDetection(tabId, {
    key: composed.key,
    recordId: record.id,
    view: noticeFor(crypto.randomUUID(), composed, canBlockRecord(composed)),
    chain,
    decided: false,
  });
  // Once the person chose Allow or Block for this link, later visits count it without asking again.
  const settled = record.history.some((event) => event.kind === 'allowed-by-user' || event.kind === 'blocked');
  const muted = settings.mutedSites.includes(siteOf(composed.input.evidence.pageUrl ?? ''));
  return { detection, notice: detection.decided || settled || muted ? null : detection.view };
}

function canBlockRecord(composed: Composed): boolean {
  const provider = providerById(composed.input.providerId);
  return !!provider && canBlock(provider, blockTargetOf(composed.input));
}

function blockTargetOf(input: Composed['input']) {
  return { channel: input.channel, site: input.recipient.site, clientId: input.recipient.clientId };
}

async function onNoticeDecision(
  tabId: number,
  message: FromContent & { type: 'notice-decision' },
  pageUrl: string,
  at: number,
): Promise<{ done: true }> {
  const detection = await tabs.markDecided(tabId, message.detectionId);
  if (!detection) throw new Error('no such notice on this tab');
  await decide(detection, message.decision, pageUrl, at);
  return { done: true };
}

/**
 * The page a widget frame is shown in: the tab's top frame, as the browser reports it, while the
 * frame is still there. A report that arrives after the person left the page is refused rather
 * than credited to the page they went to.
 */
async function embeddingPage(tabId: number, frameId: number, frameUrl: string): Promise<string> {
  const frames = (await browser.webNavigation.getAllFrames({ tabId })) ?? [];
  const frame = frames.find((f) => f.frameId === frameId);
  const top = frames.find((f) => f.frameId === 0);
  if (!frame || !samePage(frame.url, frameUrl) || !top) throw new Error('the page around this widget is gone');
  return top.url;
}

async function onWidgetFrameMessage(message: FromWidgetFrame, from: Extract<Sender, { kind: 'widget-frame' }>): Promise<Reply<FromWidgetFrame>> {
  const at = Date.now();
  const pageUrl = await embeddingPage(from.tabId, from.frameId, from.frameUrl);
  if (message.type === 'notice-decision') return onNoticeDecision(from.tabId, message, pageUrl, at);
  const provider = providerById(from.providerId);
  if (!provider) throw new Error('a widget frame the catalogue does not know');
  const settings = await readSettings();
  if (!settings.watch.widget) return { stored: true, notice: null };
  // The frame's query carries the site's session token for the aggregator: not for the ledger.
  const widgetUrl = from.frameUrl.replace(/[?#].*$/s, '');
  const { notice } = await detect(from.tabId, composeWidget(provider, { pageUrl, widgetUrl, at }), settings);
  return { stored: true, notice };
}

async function onContentMessage(message: FromContent, tabId: number, pageUrl: string, hostname: string): Promise<Reply<FromContent>> {
  const settings = await readSettings();
  const at = Date.now();
  switch (message.type) {
    case 'report-prompt': {
      const provider = providerById(message.providerId);
      if (!provider?.prompts?.hosts.includes(hostname)) throw new Error('prompt report from a site the provider does not own');
      if (!settings.watch['text-prompt']) return { stored: true, notice: null };
      const { notice } = await detect(tabId, composePrompt(provider, message, { pageUrl, at }), settings);
      return { stored: true, notice };
    }
    case 'get-page-notices': {
      // The page can ask before the navigation that brought it here has been stored.
      await navigationWork.get(tabId);
      // A service worker stopped while it handled the navigation lost it, and the browser does not
      // send the event again: the page itself is the authorization request, so store it now. Not
      // for a late message from a page this worker saw the tab leave. The app that sent the person
      // here is no longer known; redirect_uri names it.
      const lastSeen = lastNavigation.get(tabId);
      const stillHere = lastSeen === undefined || samePage(lastSeen, pageUrl);
      if (stillHere && !(await tabs.detectionsIn(tabId)).some((d) => d.chain?.hosts.includes(hostname))) {
        await recordAuthorizationRequest(tabId, pageUrl, async () => null, at);
      }
      await tabs.refreshBadge(tabId);
      if (settings.mutedSites.includes(normaliseSite(hostname))) return { notices: [] };
      const here = (await tabs.detectionsIn(tabId)).filter((d) => !d.decided && d.chain?.hosts.includes(hostname));
      return { notices: here.map((d) => d.view) };
    }
    case 'notice-decision':
      return onNoticeDecision(tabId, message, pageUrl, at);
    case 'widget-showing':
      throw new Error('a widget report from outside a widget frame');
    // The revoke assistant on a management page; revoke.ts checks the page is the provider's.
    case 'get-revoke-task':
      return revokePageFor(tabId, pageUrl);
    case 'revoke-report':
      return onRevokeReport(message, pageUrl);
    case 'inventory-report':
      return onInventoryReport(message, tabId, pageUrl);
  }
}

async function decide(detection: tabs.TabDetection, decision: NoticeDecision, pageUrl: string, at: number): Promise<void> {
  const store = await ledger;
  const record = store.get(detection.recordId);
  if (!record) throw new Error('the ledger has no record for this notice');
  const event = (kind: LedgerEvent['kind'], seen: string): LedgerEvent => ({ at, kind, evidence: { pageUrl, seen } });
  switch (decision) {
    case 'allow':
      await store.append(record.id, event('allowed-by-user', 'Allow chosen in the Linkwatch notice'));
      return;
    case 'block': {
      const provider = providerById(record.providerId);
      if (!provider) throw new Error('unknown provider');
      await block(record.id, provider, { channel: record.channel, site: record.recipient.site, clientId: record.recipient.clientId });
      await store.append(record.id, event('blocked', 'Block chosen in the Linkwatch notice'));
      return;
    }
    case 'mute-site':
      // "This site" is where the notice showed: for an OAuth dialog, the provider's site.
      await updateSettings((s) => ({ ...s, mutedSites: [...new Set([...s.mutedSites, siteOf(pageUrl)])] }));
      return;
    case 'dismiss':
      return;
  }
}

async function onExtensionPageMessage(message: FromExtensionPage): Promise<Reply<FromExtensionPage>> {
  return handleExtensionPageMessage(message, { ledger: () => ledger, providerById, revoke: { startRevoke, cancelRevoke, startScan, getScanProgress } });
}
announceLedgerChanges(() => ledger);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const from = classifySender(sender, (url) => widgetFrameProvider(SIGNATURES, url));
  if (from.kind === 'content' && isFromContent(message)) {
    return onContentMessage(message, from.tabId, from.pageUrl, from.hostname);
  }
  if (from.kind === 'widget-frame' && isFromWidgetFrame(message)) return onWidgetFrameMessage(message, from);
  if (from.kind === 'extension-page' && isFromExtensionPage(message)) return onExtensionPageMessage(message);
  // Refused loudly: a content script or page that sends this is broken or hostile.
  return Promise.reject(new Error('Linkwatch refused a message that failed validation'));
});

async function onBeforeNavigate(details: WebNavigation.OnBeforeNavigateDetailsType): Promise<void> {
  if (details.frameId !== 0) return;
  // webNavigation stamps fractional milliseconds; the ledger keeps whole ones.
  const at = Math.floor(details.timeStamp);
  const previousUrl = () => tabs.previousUrl(details.tabId);
  if (!(await recordAuthorizationRequest(details.tabId, details.url, previousUrl, at))) await recordOutcome(details.tabId, details.url, at);
}

/**
 * An authorization request in a tab's top frame: stored and counted on the tab, and its answer
 * awaited at the redirect_uri. False when `url` is not an authorization request.
 */
async function recordAuthorizationRequest(
  tabId: number,
  url: string,
  previousUrl: () => Promise<string | null>,
  at: number,
): Promise<boolean> {
  const request = parseAuthorizationUrl(url, PROVIDERS);
  if (!request) return false;
  const provider = providerById(request.providerId);
  const settings = await readSettings();
  if (!provider?.oauth || !settings.watch.oauth) return true;
  const composed = composeOAuth(provider, request, { pageUrl: url, previousUrl: await previousUrl(), at });
  const { detection } = await detect(tabId, composed, settings, { url, hosts: provider.oauth.hosts });
  if (request.redirectUri) {
    await tabs.expectAuthorization(tabId, { recordId: detection.recordId, redirectUri: request.redirectUri, at: composed.input.at });
  }
  return true;
}

/** Back at the app's redirect_uri: the person allowed or declined at the provider. */
async function recordOutcome(tabId: number, url: string, at: number): Promise<void> {
  for (const pending of await tabs.pendingAuthorizations(tabId, at)) {
    const outcome = parseAuthorizationOutcome(url, pending);
    if (!outcome) continue;
    await (await ledger).append(pending.recordId, {
      at,
      kind: outcome,
      evidence: { pageUrl: url, seen: `redirected back to ${siteOf(url)} (${outcome})` },
    });
    await tabs.authorizationAnswered(tabId, pending.recordId);
  }
}

/**
 * Per tab, the navigations still being recorded, chained in the order they started: the return to
 * the app can follow the consent page within milliseconds, and its outcome must find the request
 * the consent page's navigation stored.
 */
const navigationWork = new Map<number, Promise<void>>();
/** Per tab, the last top-frame navigation this worker saw start; none after the worker restarts. */
const lastNavigation = new Map<number, string>();

browser.webNavigation.onBeforeNavigate.addListener((details) => {
  if (details.frameId === 0) lastNavigation.set(details.tabId, details.url);
  const before = navigationWork.get(details.tabId) ?? Promise.resolve();
  const work = before.then(() => onBeforeNavigate(details)).catch(reportBackgroundError);
  navigationWork.set(details.tabId, work);
  void work.finally(() => {
    if (navigationWork.get(details.tabId) === work) navigationWork.delete(details.tabId);
  });
});
browser.webNavigation.onCommitted.addListener((details) => {
  if (details.frameId !== 0) return;
  const viaRedirect = details.transitionQualifiers.some((q) => q === 'server_redirect' || q === 'client_redirect');
  void tabs.navigated(details.tabId, details.url, viaRedirect, Date.now()).catch(reportBackgroundError);
});
browser.tabs.onRemoved.addListener((tabId) => {
  lastNavigation.delete(tabId);
  void tabs.forgetTab(tabId).catch(reportBackgroundError);
  void onTabClosed(tabId).catch(reportBackgroundError);
});

function reportBackgroundError(error: unknown): void {
  // Shown to the person through the ledger's problem list when it concerns storage; anything
  // else is a bug, kept in the worker's console for a bug report.
  console.error('Linkwatch:', error);
}
