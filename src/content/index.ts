import browser from 'webextension-polyfill';
import type { ContentSignatures } from '../detect/signatures.ts';
import { isNoticeView, type FromContent } from '../shared/messages.ts';
import { NoticeArea } from './notice.ts';
import { startScanner } from './scanner.ts';
import { send } from './send.ts';

declare const __LINKWATCH_SIGNATURES__: ContentSignatures;
const signatures = __LINKWATCH_SIGNATURES__;

const notices = new NoticeArea(
  document,
  (key, substitutions) => browser.i18n.getMessage(key, substitutions),
  async (view, decision) => {
    await send({ type: 'notice-decision', detectionId: view.detectionId, decision });
  },
);

function showIfValid(notice: unknown): void {
  if (isNoticeView(notice)) notices.show(notice);
}

function report(message: FromContent & { type: 'report-widget' | 'report-prompt' }): void {
  send(message).then(
    (reply) => showIfValid(reply.notice),
    (error: unknown) => console.warn('Linkwatch could not record a detection on this page:', error),
  );
}

const scan = () =>
  startScanner({
    signatures,
    hostname: location.hostname,
    // A script or a request alone is not a prompt: only a widget the person can see is reported.
    onWidget: (found) => {
      if (found.showing) report({ type: 'report-widget', ...found });
    },
    onPrompt: (found) => report({ type: 'report-prompt', ...found }),
    // Runs for the life of the page; bfcache keeps the observers with it.
    signal: new AbortController().signal,
  });
/**
 * Runs `work` once the page is parsed. This script is declared for document_start: Chrome holds a
 * page's load event until the scripts declared for document_end or document_idle have run, and on a
 * large page that comes after the page's first layout (an empty script declared for document_idle
 * moved the load event of a 20,000-element page by 200 ms; declared for document_start, not at all).
 * A capturing listener on window, added before any page script exists, runs before anything the
 * page could use to stop the event.
 */
function whenParsed(work: () => void): void {
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', work, { once: true, capture: true });
  else work();
}

whenParsed(() => {
  // The first scan waits until the page is idle, so it never competes with the page's own loading;
  // what the page adds before then is in the DOM, or in resource timing, when the scan runs.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(scan, { timeout: 1000 });
  else setTimeout(scan, 0);

  // On an identity provider's page, the background saw the navigation (with the scopes the page
  // itself may no longer show) and holds the notice for it.
  if (signatures.oauthHosts.includes(location.hostname)) {
    send({ type: 'get-page-notices' }).then(
      (reply) => reply.notices.forEach(showIfValid),
      (error: unknown) => console.warn('Linkwatch could not read this page’s notices:', error),
    );
  }
});
