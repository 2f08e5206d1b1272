import { describe, expect, it, vi } from 'vitest';
import type { Runtime, Tabs } from 'webextension-polyfill';

const getURL = vi.fn((path: string) => `chrome-extension://linkwatch-id${path}`);
vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'linkwatch-id', getURL } } }));

const { classifySender } = await import('../../src/background/senders.ts');

const PAGE = 'https://www.budgetly.app/accounts/link?step=2';
const PLAID_FRAME = 'https://cdn.plaid.com/link/v2/stable/link.html?isWebview=false&token=link-sandbox-1';

/** What the browser fills in for a content script in tab 7, in the frame and at the URL given. */
function sender(frameId: number | undefined, url: string | undefined, overrides: Partial<Runtime.MessageSender> = {}): Runtime.MessageSender {
  return { id: 'linkwatch-id', url, frameId, tab: { id: 7 } as Tabs.Tab, ...overrides };
}

/** The widget check the background uses, recorded: accepts Plaid's frame only. */
const plaidFrameOnly = () => vi.fn((url: string) => (url.startsWith('https://cdn.plaid.com/link/v2/stable/link.html') ? 'plaid' : null));
const anyFrame = () => vi.fn((_url: string) => 'some-aggregator');

describe('classifySender', () => {
  it("refuses another extension's sender, even from a page our own would trust", () => {
    expect(classifySender(sender(0, PAGE, { id: 'other-extension-id' }), anyFrame())).toEqual({ kind: 'unknown' });
    expect(classifySender(sender(3, PLAID_FRAME, { id: 'other-extension-id' }), anyFrame())).toEqual({ kind: 'unknown' });
    expect(classifySender(sender(0, PAGE, { id: undefined }), anyFrame())).toEqual({ kind: 'unknown' });
  });

  it('refuses a sender without a URL, or with one that does not parse', () => {
    expect(classifySender(sender(0, undefined), anyFrame())).toEqual({ kind: 'unknown' });
    expect(classifySender(sender(0, ''), anyFrame())).toEqual({ kind: 'unknown' });
    expect(classifySender(sender(0, 'not a url'), anyFrame())).toEqual({ kind: 'unknown' });
  });

  it("recognises the extension's own pages, which have no tab or frame of a web page", () => {
    const widgetFrameProvider = anyFrame();
    expect(classifySender({ id: 'linkwatch-id', url: 'chrome-extension://linkwatch-id/src/popup/index.html' }, widgetFrameProvider)).toEqual({ kind: 'extension-page' });
    expect(getURL).toHaveBeenCalledWith('/');
    expect(widgetFrameProvider).not.toHaveBeenCalled();
  });

  it('does not take a page whose URL has no origin of its own for an extension page', () => {
    // new URL(...).origin is "null" for all of these, as for chrome-extension: in Node.
    for (const url of ['data:text/html,hi', 'about:blank', 'chrome-extension://other-id/x.html', 'blob:null/1']) {
      expect(classifySender({ id: 'linkwatch-id', url }, anyFrame()), url).toEqual({ kind: 'unknown' });
    }
  });

  it('takes an https top frame for the page detector, with the tab and page from the sender', () => {
    expect(classifySender(sender(0, PAGE), plaidFrameOnly())).toEqual({
      kind: 'content',
      tabId: 7,
      pageUrl: PAGE,
      hostname: 'www.budgetly.app',
    });
    const messenger = 'https://www.messenger.com/t/1';
    expect(classifySender(sender(0, messenger, { tab: { id: 41 } as Tabs.Tab }), plaidFrameOnly())).toEqual({
      kind: 'content',
      tabId: 41,
      pageUrl: messenger,
      hostname: 'www.messenger.com',
    });
  });

  it('takes an https subframe at a widget address for the widget-frame script', () => {
    const widgetFrameProvider = plaidFrameOnly();
    expect(classifySender(sender(3, PLAID_FRAME), widgetFrameProvider)).toEqual({
      kind: 'widget-frame',
      tabId: 7,
      frameId: 3,
      frameUrl: PLAID_FRAME,
      providerId: 'plaid',
    });
    expect(widgetFrameProvider).toHaveBeenCalledWith(PLAID_FRAME);
  });

  it('refuses an https subframe the widget check rejects', () => {
    const widgetFrameProvider = plaidFrameOnly();
    expect(classifySender(sender(3, 'https://ads.example/frame.html'), widgetFrameProvider)).toEqual({ kind: 'unknown' });
    expect(widgetFrameProvider).toHaveBeenCalledWith('https://ads.example/frame.html');
  });

  it("never takes a subframe for the page detector, even on a provider's own site", () => {
    const onProviderSite = 'https://www.facebook.com/dialog/oauth?client_id=1';
    expect(classifySender(sender(12, onProviderSite), plaidFrameOnly())).toEqual({ kind: 'unknown' });
    const inTab41 = { tab: { id: 41 } as Tabs.Tab };
    expect(classifySender(sender(12, onProviderSite, inTab41), anyFrame())).toEqual({ kind: 'widget-frame', tabId: 41, frameId: 12, frameUrl: onProviderSite, providerId: 'some-aggregator' });
  });

  it('refuses plain http, in top frames and widget frames alike', () => {
    expect(classifySender(sender(0, 'http://www.budgetly.app/'), anyFrame())).toEqual({ kind: 'unknown' });
    expect(classifySender(sender(3, 'http://cdn.plaid.com/link/v2/stable/link.html'), anyFrame())).toEqual({ kind: 'unknown' });
  });

  it('refuses a sender without a tab', () => {
    expect(classifySender(sender(0, PAGE, { tab: undefined }), anyFrame())).toEqual({ kind: 'unknown' });
    expect(classifySender(sender(3, PLAID_FRAME, { tab: undefined }), anyFrame())).toEqual({ kind: 'unknown' });
    expect(classifySender(sender(0, PAGE, { tab: {} as Tabs.Tab }), anyFrame())).toEqual({ kind: 'unknown' });
  });

  it('refuses a sender without a frame id', () => {
    expect(classifySender(sender(undefined, PAGE), anyFrame())).toEqual({ kind: 'unknown' });
    expect(classifySender(sender(undefined, PLAID_FRAME), anyFrame())).toEqual({ kind: 'unknown' });
  });
});
