import browser from 'webextension-polyfill';
import type { FromContent, Reply } from '../shared/messages.ts';

const ATTEMPTS = 12;
const FIRST_RETRY_MS = 300;
const LONGEST_RETRY_MS = 2_000;
/** An attempt that has had no answer by then is tried again: a worker stopped mid-message may never answer. */
export const ATTEMPT_TIMEOUT_MS = 8_000;
/** From the first attempt to the last, about 18 s: far longer than a stopped worker takes to start again. */
export const RETRY_DELAYS_MS: readonly number[] = Array.from({ length: ATTEMPTS - 1 }, (_, n) => Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** n));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Linkwatch's background gave no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Sends until the background acknowledges. The service worker may be starting up or may be
 * stopped mid-message, again and again; the background stores what it is told before it answers,
 * so an answer means it is safe, and no answer means we try again (the ledger merges a repeat into
 * one record). Giving up early would lose a detection the person saw.
 */
export async function send<M extends FromContent>(message: M, wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<Reply<M>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply: unknown = await withTimeout(browser.runtime.sendMessage(message), ATTEMPT_TIMEOUT_MS);
      // The background always answers with an object. Nothing at all comes back when the worker
      // stopped mid-message while an extension page (the popup) also listened: not an answer.
      if (typeof reply !== 'object' || reply === null) throw new Error("Linkwatch's background did not answer");
      return reply as Reply<M>;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      await wait(delay);
    }
  }
}
