import browser from 'webextension-polyfill';
import type { FromContent, Reply } from '../shared/messages.ts';

const RETRIES = 5;

/**
 * Sends until the background acknowledges. The service worker may be starting up or may be
 * stopped mid-message; the background stores what it is told before it answers, so an answer means
 * it is safe, and no answer means we try again (the ledger merges a repeat into one record).
 */
export async function send<M extends FromContent>(message: M): Promise<Reply<M>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await browser.runtime.sendMessage(message)) as Reply<M>;
    } catch (error) {
      if (attempt >= RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 150 * 2 ** attempt));
    }
  }
}
