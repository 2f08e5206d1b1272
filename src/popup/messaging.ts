import browser from 'webextension-polyfill';
import type { FromExtensionPage, Reply } from '../shared/messages.ts';

export function ask<M extends FromExtensionPage>(message: M): Promise<Reply<M>> {
  return browser.runtime.sendMessage(message) as Promise<Reply<M>>;
}

/** The tab the popup reports on: the active one, or `?tab=` when opened as a page of its own. */
export async function currentTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
