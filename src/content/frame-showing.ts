/**
 * Calls `onShowing` once this frame is on the person's screen. Inside a frame, an
 * IntersectionObserver with no root measures against the top-level viewport through every
 * ancestor frame, so a frame the embedding page hides with display:none, sizes to nothing or
 * keeps off screen does not count; that page cannot reach this document to fake it. A frame
 * shown after display:none gets a new viewport, which Firefox's observer does not follow: the
 * frame's resize starts a fresh observation, as does the tab coming to the front (Firefox
 * computes no intersections for a tab in the background).
 */
export function whenFrameShows(win: Window, onShowing: () => void): void {
  const target = win.document.documentElement;
  const observer = new IntersectionObserver((entries) => {
    const onScreen = entries.some(({ isIntersecting, intersectionRect }) => isIntersecting && intersectionRect.width > 0 && intersectionRect.height > 0);
    if (!onScreen) return;
    observer.disconnect();
    win.removeEventListener('resize', observeAgain);
    win.document.removeEventListener('visibilitychange', observeAgain);
    onShowing();
  });
  const observeAgain = (): void => {
    observer.unobserve(target);
    observer.observe(target);
  };
  win.addEventListener('resize', observeAgain);
  win.document.addEventListener('visibilitychange', observeAgain);
  observer.observe(target);
}
