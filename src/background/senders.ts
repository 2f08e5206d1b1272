import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';

/**
 * Who sent a message, decided from what the browser fills in, never from the message. Only our
 * own extension can reach runtime.onMessage (there is no externally_connectable), but a content
 * script runs beside hostile pages, so it gets fewer rights than the extension's own pages.
 */
export type Sender =
  | { kind: 'extension-page' }
  | { kind: 'content'; tabId: number; pageUrl: string; hostname: string }
  | { kind: 'unknown' };

export function classifySender(sender: Runtime.MessageSender): Sender {
  if (sender.id !== browser.runtime.id || !sender.url) return { kind: 'unknown' };
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return { kind: 'unknown' };
  }
  if (url.origin === extensionOrigin) return { kind: 'extension-page' };
  // Our content scripts run in top frames of https pages only.
  if (url.protocol === 'https:' && sender.tab?.id !== undefined && sender.frameId === 0) {
    return { kind: 'content', tabId: sender.tab.id, pageUrl: sender.url, hostname: url.hostname };
  }
  return { kind: 'unknown' };
}
