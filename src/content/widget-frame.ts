import type { ContentSignatures } from '../detect/signatures.ts';
import { widgetFrameProvider } from '../detect/signatures.ts';
import { whenFrameShows } from './frame-showing.ts';
import { pageNotices } from './page-notices.ts';
import { whenParsed } from './parsed.ts';
import { send } from './send.ts';

declare const __LINKWATCH_SIGNATURES__: ContentSignatures;

// Declared for the aggregators' widget addresses in every frame (the manifest lists them), so
// the browser brings it wherever a page puts the widget: added late, inside a shadow root, open
// or closed, behind a decoy. Nothing of Linkwatch runs in the embedding page. Opened as a page of
// its own, the same address is a redirect flow the background reads from the navigation.
if (window !== window.top && widgetFrameProvider(__LINKWATCH_SIGNATURES__, location.href) !== null) {
  const showNotice = pageNotices();
  whenParsed(() =>
    whenFrameShows(window, () =>
      send({ type: 'widget-showing' }).then(
        (reply) => showNotice(reply.notice),
        (error: unknown) => console.warn('Linkwatch could not record this widget:', error),
      ),
    ),
  );
}
