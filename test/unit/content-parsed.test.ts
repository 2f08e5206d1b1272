// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PARSED_POLL_MS, whenParsed } from '../../src/content/parsed.ts';

// The content script starts at document_start; its work waits for the parsed page, which a page
// may try to hide (a synthetic event, an erased listener, a parse stopped without the event).

let readyState: DocumentReadyState;

beforeEach(() => {
  vi.useFakeTimers();
  readyState = 'loading';
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
});

afterEach(() => {
  vi.useRealTimers();
  delete (document as { readyState?: unknown }).readyState;
});

const parsed = () => {
  readyState = 'interactive';
  dispatchEvent(new Event('DOMContentLoaded'));
};

describe('whenParsed', () => {
  it('runs at once on a page already parsed', () => {
    readyState = 'complete';
    const work = vi.fn();
    whenParsed(work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits for the parsed page, and runs once however often the event comes', () => {
    const work = vi.fn();
    whenParsed(work);
    expect(work).not.toHaveBeenCalled();
    parsed();
    parsed();
    vi.advanceTimersByTime(PARSED_POLL_MS * 4);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('is not fooled by an event the page fires while it is still being parsed', () => {
    const work = vi.fn();
    whenParsed(work);
    dispatchEvent(new Event('DOMContentLoaded'));
    vi.advanceTimersByTime(PARSED_POLL_MS * 4);
    expect(work).not.toHaveBeenCalled();
  });

  it('still runs when the event never comes (window.stop(), or listeners erased by document.open())', () => {
    const work = vi.fn();
    whenParsed(work);
    readyState = 'complete';
    vi.advanceTimersByTime(PARSED_POLL_MS);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PARSED_POLL_MS * 4);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
