import browser from 'webextension-polyfill';
import type { ContentSignatures } from '../detect/signatures.ts';
import { isNoticeView, type FromContent } from '../shared/messages.ts';
import { NoticeArea } from './notice.ts';
import { startScanner, watchResources } from './scanner.ts';
import { send } from './send.ts';
import { whenParsed } from './parsed.ts';

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

// From document_start, before any page script can shrink or clear its resource timing buffer.
const resources = watchResources(signatures);

const scan = () =>
  startScanner({
    signatures,
    hostname: location.hostname,
    resources,
    // A script or a request alone is not a prompt: only a widget the person can see is reported.
    onWidget: (found) => {
      if (found.showing) report({ type: 'report-widget', ...found });
    },
    onPrompt: (found) => report({ type: 'report-prompt', ...found }),
    // Runs for the life of the page; bfcache keeps the observers with it.
    signal: new AbortController().signal,
  });
whenParsed(() => {
  // The first scan waits until the page is idle, so it never competes with the page's own loading;
  // what the page adds before then is in the DOM, or among the loads watched since start, then.
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
