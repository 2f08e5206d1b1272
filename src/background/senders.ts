import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';

/**
 * Who sent a message, decided from what the browser fills in, never from the message. Only our
 * own extension can reach runtime.onMessage (there is no externally_connectable), but a content
 * script runs beside hostile pages, so it gets fewer rights than the extension's own pages, and a
 * widget frame fewer still.
 */
export type Sender =
  | { kind: 'extension-page' }
  | { kind: 'content'; tabId: number; pageUrl: string; hostname: string }
  /** The widget-frame script inside an aggregator's frame: `frameUrl` is the widget's address. */
  | { kind: 'widget-frame'; tabId: number; frameId: number; frameUrl: string; providerId: string }
  | { kind: 'unknown' };

/** `widgetFrameProvider`: the provider whose widget frame lives at an address, or null. */
export function classifySender(sender: Runtime.MessageSender, widgetFrameProvider: (url: string) => string | null): Sender {
  if (sender.id !== browser.runtime.id || !sender.url) return { kind: 'unknown' };
  // By prefix, not by URL.origin, which is "null" for data:, about: and some extension schemes.
  if (sender.url.startsWith(browser.runtime.getURL('/'))) return { kind: 'extension-page' };
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return { kind: 'unknown' };
  }
  if (url.protocol !== 'https:' || sender.tab?.id === undefined || sender.frameId === undefined) return { kind: 'unknown' };
  // The page detector runs in top frames only; the widget-frame script only in subframes.
  if (sender.frameId === 0) return { kind: 'content', tabId: sender.tab.id, pageUrl: sender.url, hostname: url.hostname };
  const providerId = widgetFrameProvider(sender.url);
  if (providerId === null) return { kind: 'unknown' };
  return { kind: 'widget-frame', tabId: sender.tab.id, frameId: sender.frameId, frameUrl: sender.url, providerId };
}
