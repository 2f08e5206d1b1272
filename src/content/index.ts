import type { ContentSignatures } from '../detect/signatures.ts';
import type { FromContent } from '../shared/messages.ts';
import { pageNotices } from './page-notices.ts';
import { startScanner } from './scanner.ts';
import { send } from './send.ts';
import { whenParsed } from './parsed.ts';

// Declared only for the providers' own sites: where they show "link your bank" prompts, and their
// authorization pages, whose notice the background holds. Widgets have their own frame script.
declare const __LINKWATCH_SIGNATURES__: ContentSignatures;
const signatures = __LINKWATCH_SIGNATURES__;
const showNotice = pageNotices();

function report(message: FromContent & { type: 'report-prompt' }): void {
  send(message).then(
    (reply) => showNotice(reply.notice),
    (error: unknown) => console.warn('Linkwatch could not record a detection on this page:', error),
  );
}

const scan = () =>
  startScanner({
    signatures,
    hostname: location.hostname,
    onPrompt: (found) => report({ type: 'report-prompt', ...found }),
    // Runs for the life of the page; bfcache keeps the observers with it.
    signal: new AbortController().signal,
  });
whenParsed(() => {
  // The first scan waits until the page is idle, so it never competes with the page's own loading.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(scan, { timeout: 1000 });
  else setTimeout(scan, 0);

  // On an identity provider's page, the background saw the navigation (with the scopes the page
  // itself may no longer show) and holds the notice for it.
  if (signatures.oauthHosts.includes(location.hostname)) {
    send({ type: 'get-page-notices' }).then(
      (reply) => reply.notices.forEach(showNotice),
      (error: unknown) => console.warn('Linkwatch could not read this page’s notices:', error),
    );
  }
});
