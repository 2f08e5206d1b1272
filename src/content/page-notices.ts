import browser from 'webextension-polyfill';
import { isNoticeView } from '../shared/messages.ts';
import { NoticeArea } from './notice.ts';
import { send } from './send.ts';

/**
 * The notice area of this document, and the way to show what the background answers: a notice
 * is shown only when it is one, so a broken answer draws nothing the person could act on.
 */
export function pageNotices(): (notice: unknown) => void {
  const notices = new NoticeArea(
    document,
    (key, substitutions) => browser.i18n.getMessage(key, substitutions),
    async (view, decision) => {
      await send({ type: 'notice-decision', detectionId: view.detectionId, decision });
    },
  );
  return (notice) => {
    if (isNoticeView(notice)) notices.show(notice);
  };
}
