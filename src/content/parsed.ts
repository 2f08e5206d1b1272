/** How often, while the page is parsed, the parsed state is checked besides DOMContentLoaded. */
export const PARSED_POLL_MS = 250;

/**
 * Runs `work` once the page is parsed. The content script is declared for document_start: Chrome holds a
 * page's load event until the scripts declared for document_end or document_idle have run, and on a
 * large page that comes after the page's first layout (an empty script declared for document_idle
 * moved the load event of a 20,000-element page by 200 ms; declared for document_start, not at all).
 * The parsed state is read from readyState, so an event a page fires itself changes nothing. The
 * capturing listener on window, added before any page script exists, runs before anything the page
 * could stop the event with; the poll covers what removes the listener or the event itself
 * (document.open() erases listeners, window.stop() ends parsing without the event).
 */
export function whenParsed(work: () => void): void {
  let poll: ReturnType<typeof setInterval> | undefined;
  const runOnceParsed = (): void => {
    if (poll === undefined || document.readyState === 'loading') return;
    clearInterval(poll);
    poll = undefined;
    removeEventListener('DOMContentLoaded', runOnceParsed, { capture: true });
    work();
  };
  if (document.readyState !== 'loading') return work();
  poll = setInterval(runOnceParsed, PARSED_POLL_MS);
  addEventListener('DOMContentLoaded', runOnceParsed, { capture: true });
}
