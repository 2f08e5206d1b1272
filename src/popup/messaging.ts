import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { isToExtensionPage, type FromExtensionPage, type Reply } from '../shared/messages.ts';
import { isReplyTo } from './replies.ts';
import { t } from './i18n.ts';

/** Asks the background; resolves only with a reply that passed its check. */
export async function ask<M extends FromExtensionPage>(message: M): Promise<Reply<M>> {
  const reply: unknown = await browser.runtime.sendMessage(message);
  if (!isReplyTo(message, reply)) throw new Error(t('popup_error_bad_reply'));
  return reply;
}

/** Calls `listener` when the background says the ledger changed; returns the unsubscribe. */
export function onLedgerChanged(listener: () => void): () => void {
  const handle = (message: unknown, sender: Runtime.MessageSender): undefined => {
    // Only our own extension can send this; anything else is ignored, and never answered, so
    // the background's own reply to another page's request is never pre-empted.
    if (sender.id === browser.runtime.id && isToExtensionPage(message)) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

/** The tab the popup reports on: the active one, or `?tab=` when opened as a page of its own. */
export async function currentTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Saves text as a file the person keeps: a Blob and an <a download>, no downloads permission. */
export function saveFile(text: string, filename: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; a later revoke keeps Firefox from cancelling it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
