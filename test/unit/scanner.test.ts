// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isShowingOnScreen,
  isVisibleByStyle,
  type PromptReport,
  REPORT_TEXT_LENGTH,
  type ResourceFeed,
  startScanner,
  watchResources,
  type WidgetReport,
} from '../../src/content/scanner.ts';
import { compileSignatures } from '../../src/detect/signatures.ts';
import facebook from '../../src/providers/facebook.ts';
import plaid from '../../src/providers/plaid.ts';

// happy-dom has no layout, so these tests inject the style half of the visibility check
// (display, visibility, opacity up the tree); sizes and the viewport need a real browser.

const signatures = compileSignatures([facebook, plaid]);
const LOADER = 'https://cdn.plaid.com/link/v2/stable/link-initialize.js';
const FRAME = 'https://cdn.plaid.com/link/v2/stable/link.html?token=link-1';

/** MutationObserver callbacks and our own debounce have run. */
const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
const PROMPT_SCAN = 150;

let controller: AbortController;
let widgets: WidgetReport[];
let prompts: PromptReport[];

function start(
  hostname = 'www.budgetly.app',
  isShowing: (element: Element) => boolean = isVisibleByStyle,
  resources: ResourceFeed = watchResources(signatures),
): void {
  startScanner({
    signatures,
    hostname,
    resources,
    onWidget: (report) => widgets.push(report),
    onPrompt: (report) => prompts.push(report),
    signal: controller.signal,
    isShowing,
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}

/** Replaces an observer class with one the test drives: `notify` calls the scanner's callback. */
function fakeObserver<Args extends unknown[]>(name: 'IntersectionObserver' | 'PerformanceObserver') {
  const fake = { observed: [] as unknown[], notify: (..._args: Args): void => {} };
  vi.stubGlobal(
    name,
    class {
      constructor(callback: (...args: Args) => void) {
        fake.notify = callback;
      }
      observe(target: unknown) {
        fake.observed.push(target);
      }
      unobserve() {}
      disconnect() {}
    },
  );
  return fake;
}

beforeEach(() => {
  document.head.innerHTML = '<style>.closed { display: none } .ghost { visibility: hidden }</style>';
  document.body.innerHTML = '';
  controller = new AbortController();
  widgets = [];
  prompts = [];
});

afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('widgets', () => {
  it('finds scripts as present and visible frames as showing in the first scan', () => {
    document.body.append(element('script', { src: LOADER }), element('iframe', { src: FRAME }), element('img', { src: FRAME }));
    start();
    expect(widgets).toEqual([
      { providerId: 'plaid', url: LOADER, showing: false },
      { providerId: 'plaid', url: FRAME, showing: true },
    ]);
  });

  it('reports a visible script as present only: a loaded loader is not a prompt', () => {
    document.body.append(element('script', { src: LOADER, style: 'display: block' }));
    start(undefined, () => true);
    expect(widgets).toEqual([{ providerId: 'plaid', url: LOADER, showing: false }]);
  });

  it('finds frames added later, alone or inside a subtree, and src changes', async () => {
    start();
    document.body.append(element('iframe', { src: FRAME }));
    const wrapper = element('div');
    wrapper.append(element('span'), element('embed', { src: `${FRAME}&n=2` }));
    document.body.append(wrapper);
    const retargeted = element('iframe', { src: 'https://www.budgetly.app/blank.html' });
    document.body.append(retargeted);
    await settle();
    retargeted.setAttribute('src', `${FRAME}&n=3`);
    await settle();
    expect(widgets.map((report) => report.url)).toEqual([FRAME, `${FRAME}&n=2`, `${FRAME}&n=3`]);
    expect(widgets.every((report) => report.showing)).toBe(true);
  });

  it('reports each widget once however often it appears', async () => {
    document.body.append(element('script', { src: LOADER }), element('script', { src: LOADER }));
    start();
    document.body.append(element('script', { src: LOADER }));
    await settle();
    expect(widgets).toHaveLength(1);
  });

  it('finds frames in open shadow roots: present at start, added inside later, and in custom elements added later', async () => {
    const loads = fakeObserver<[{ getEntries(): { name: string }[] }]>('PerformanceObserver');
    const resources = watchResources(signatures);
    const host = element('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(element('iframe', { src: FRAME }));
    document.body.append(host);
    // As in a browser, the frame there from the start has loaded, and the watch saw it load.
    loads.notify({ getEntries: () => [{ name: FRAME }] });
    start(undefined, undefined, resources);
    shadow.append(element('iframe', { src: `${FRAME}&n=2` }));
    const lateHost = element('section');
    lateHost.attachShadow({ mode: 'open' }).append(element('iframe', { src: `${FRAME}&n=3` }));
    document.body.append(lateHost);
    await settle();
    expect(widgets).toEqual([
      { providerId: 'plaid', url: FRAME, showing: true },
      { providerId: 'plaid', url: `${FRAME}&n=2`, showing: true },
      { providerId: 'plaid', url: `${FRAME}&n=3`, showing: true },
    ]);
  });

  it('walks the page for shadow roots only for a load with no element seen for it, one hidden behind a decoy included', () => {
    const loads = fakeObserver<[{ getEntries(): { name: string }[] }]>('PerformanceObserver');
    const resources = watchResources(signatures);
    const host = element('div');
    host.attachShadow({ mode: 'open' }).append(element('iframe', { src: FRAME }));
    document.body.append(element('iframe', { src: FRAME, class: 'closed' }), host);
    // One load of the address so far, and the hidden decoy in the page accounts for it.
    loads.notify({ getEntries: () => [{ name: 'https://www.budgetly.app/app.js' }, { name: FRAME }] });
    start(undefined, undefined, resources);
    expect(widgets).toEqual([{ providerId: 'plaid', url: FRAME, showing: false }]);
    // A second load has no element to show for it: the walk finds the frame in the shadow root.
    loads.notify({ getEntries: () => [{ name: FRAME }] });
    expect(widgets).toEqual([
      { providerId: 'plaid', url: FRAME, showing: false },
      { providerId: 'plaid', url: FRAME, showing: true },
    ]);
  });

  it('reports a hidden frame as present, then as showing once its style shows it', async () => {
    const frame = element('iframe', { src: FRAME, style: 'display: none' });
    document.body.append(frame);
    start();
    expect(widgets).toEqual([{ providerId: 'plaid', url: FRAME, showing: false }]);
    frame.setAttribute('style', 'display: block; opacity: 0');
    await settle();
    expect(widgets).toHaveLength(1);
    frame.removeAttribute('style');
    await settle();
    expect(widgets).toEqual([
      { providerId: 'plaid', url: FRAME, showing: false },
      { providerId: 'plaid', url: FRAME, showing: true },
    ]);
  });

  it('sees a frame shown by an ancestor losing a class (display and visibility)', async () => {
    const modal = element('div', { class: 'closed' });
    const inner = element('div', { class: 'ghost' });
    inner.append(element('iframe', { src: FRAME }));
    modal.append(inner);
    document.body.append(modal);
    start();
    modal.className = '';
    await settle();
    expect(widgets.map((report) => report.showing)).toEqual([false]);
    inner.className = '';
    await settle();
    expect(widgets.map((report) => report.showing)).toEqual([false, true]);
  });

  it('sees a frame come into view through IntersectionObserver', () => {
    const intersections = fakeObserver<[Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'>[]]>('IntersectionObserver');
    let laidOut = false;
    const frame = element('iframe', { src: FRAME });
    document.body.append(frame);
    start(undefined, () => laidOut);
    expect(intersections.observed).toEqual([frame]);
    intersections.notify([{ target: frame, isIntersecting: false }]);
    laidOut = true;
    expect(widgets.map((report) => report.showing)).toEqual([false]);
    intersections.notify([{ target: frame, isIntersecting: true }]);
    expect(widgets.map((report) => report.showing)).toEqual([false, true]);
  });

  it('checks at detection time where IntersectionObserver is missing', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    document.body.append(element('iframe', { src: FRAME }));
    start();
    const hidden = element('iframe', { src: `${FRAME}&n=2`, class: 'closed' });
    document.body.append(hidden);
    await settle();
    hidden.className = '';
    await settle();
    expect(widgets.map((report) => [report.url, report.showing])).toEqual([
      [FRAME, true],
      [`${FRAME}&n=2`, false],
      [`${FRAME}&n=2`, true],
    ]);
  });

  it('follows loads from its start on: requests without their query, and frames in shadow roots it was not told about', async () => {
    const loads = fakeObserver<[{ getEntries(): { name: string }[] }]>('PerformanceObserver');
    const resources = watchResources(signatures);
    expect(loads.observed).toEqual([{ type: 'resource', buffered: true }]);
    // Loads before the scan wait for it; the page's own resource timing buffer is never read.
    loads.notify({ getEntries: () => [{ name: 'https://www.budgetly.app/app.js' }, { name: 'https://production.plaid.com/link/workflow/session?token=secret' }] });
    const buffer = vi.spyOn(performance, 'getEntriesByType');
    start(undefined, undefined, resources);
    expect(buffer).not.toHaveBeenCalled();
    expect(widgets).toEqual([{ providerId: 'plaid', url: 'https://production.plaid.com/link/workflow/session', showing: false }]);

    // A shadow root attached after its host was inserted fires no mutation; the frame's load does.
    const host = element('div');
    document.body.append(host);
    await settle();
    host.attachShadow({ mode: 'open' }).append(element('iframe', { src: FRAME }));
    await settle();
    expect(widgets).toHaveLength(1);
    loads.notify({ getEntries: () => [{ name: FRAME }, { name: 'https://secure.plaid.com/x?y=1' }] });
    expect(widgets.slice(1)).toEqual([
      { providerId: 'plaid', url: FRAME, showing: true },
      { providerId: 'plaid', url: 'https://secure.plaid.com/x', showing: false },
    ]);
  });

  it('reports nothing after abort, not even frames shown later', async () => {
    const frame = element('iframe', { src: FRAME, class: 'closed' });
    document.body.append(frame);
    start();
    expect(widgets).toHaveLength(1);
    controller.abort();
    frame.className = '';
    document.body.append(element('iframe', { src: `${FRAME}&n=2` }), element('script', { src: LOADER }));
    await settle(PROMPT_SCAN);
    expect(widgets).toHaveLength(1);
  });

  it('does nothing when started with an aborted signal', () => {
    document.body.append(element('script', { src: LOADER }));
    controller.abort();
    start();
    expect(widgets).toEqual([]);
  });
});

const DIALOG =
  '<div role="dialog"><p>Connect your bank to Messenger. Messenger will be able to see: balances, transactions.</p>' +
  '<button>Not now</button><button>Connect bank</button></div>';

describe('text prompts', () => {
  it('reports a visible prompt on a prompt host, with the first provider for that host', () => {
    document.body.innerHTML = DIALOG;
    start('www.messenger.com');
    expect(prompts).toEqual([
      {
        providerId: 'facebook',
        topic: 'bank-link',
        text: 'Connect your bank to Messenger. Messenger will be able to see: balances, transactions. Not now Connect bank',
        cta: 'Connect bank',
      },
    ]);
  });

  it('finds a prompt in an open shadow root on a prompt host, where no load points to it', () => {
    const host = element('div');
    host.attachShadow({ mode: 'open' }).innerHTML = DIALOG;
    document.body.append(host);
    start('www.messenger.com');
    expect(prompts.map((prompt) => prompt.cta)).toEqual(['Connect bank']);
  });

  it('ignores the same prompt on other hosts', () => {
    document.body.innerHTML = DIALOG;
    start('www.budgetly.app');
    expect(prompts).toEqual([]);
  });

  it('finds prompts added later, once, after a short delay', async () => {
    start('www.facebook.com');
    const form = element('form');
    form.innerHTML = '<p>Upload your contacts to find people you know.</p><input type="submit" value="Upload contacts">';
    document.body.append(form);
    await settle();
    expect(prompts).toEqual([]);
    document.body.append(element('span'));
    await settle(PROMPT_SCAN);
    expect(prompts).toEqual([
      {
        providerId: 'facebook',
        topic: 'contacts-upload',
        text: 'Upload your contacts to find people you know.',
        cta: 'Upload contacts',
      },
    ]);
  });

  it('waits until a hidden prompt shows', async () => {
    document.body.innerHTML = `<div class="closed">${DIALOG}</div>`;
    start('www.messenger.com');
    expect(prompts).toEqual([]);
    const wrapper = document.querySelector('.closed');
    wrapper?.classList.remove('closed');
    await settle();
    expect(prompts.map((report) => report.topic)).toEqual(['bank-link']);
  });

  it('ignores calls to action in site chrome, but not a dialog footer', () => {
    document.body.innerHTML =
      '<footer><section><p>Link your bank account to Messenger.</p><a href="/x">Link bank account</a></section></footer>' +
      '<nav><section><p>Share your balance with friends.</p><a href="/y">Share</a></section></nav>' +
      '<dialog open><p>Share your balance and transactions with Chase?</p><footer><button>Share</button></footer></dialog>';
    start('www.messenger.com');
    expect(prompts.map((report) => [report.topic, report.cta])).toEqual([['balance-share', 'Share']]);
  });

  it('reads a prompt inside an ARIA main region, as in a Messenger thread', () => {
    document.body.innerHTML =
      '<div role="main"><div role="group"><h2>Connect your bank to Messenger</h2>' +
      '<p>Link your Chase account to see your balance.</p><button>Link account</button></div></div>';
    start('www.messenger.com');
    expect(prompts.map((report) => [report.topic, report.cta])).toEqual([['bank-link', 'Link account']]);
  });

  it('treats the hidden attribute as hidden', () => {
    document.body.innerHTML = DIALOG.replace('<div role="dialog">', '<div role="dialog" hidden>');
    start('www.messenger.com');
    expect(prompts).toEqual([]);
  });

  it('needs a dialog, form, section, main or article around the call to action', () => {
    document.body.innerHTML = '<div><p>Connect your bank to Messenger.</p><button>Connect bank</button></div>';
    start('www.messenger.com');
    expect(prompts).toEqual([]);
  });

  it('ignores help articles and links that are not calls to action', () => {
    document.body.innerHTML =
      '<article><h1>How to connect your bank to Messenger</h1><p>Open Settings, then Payments.</p>' +
      '<a href="/help">Learn more</a><a href="/article">Read article</a></article>';
    start('www.facebook.com');
    expect(prompts).toEqual([]);
  });

  it('cuts the reported text and takes the label of role=button elements', () => {
    const filler = 'Your bank stays in control. '.repeat(30);
    document.body.innerHTML = `<main><p>Link your bank account to Messenger. ${filler}</p><div role="button">  Link\n account </div></main>`;
    start('www.messenger.com');
    expect(prompts).toHaveLength(1);
    expect(prompts[0]?.cta).toBe('Link account');
    expect(prompts[0]?.text).toHaveLength(REPORT_TEXT_LENGTH);
  });

  it('reports nothing after abort', async () => {
    start('www.messenger.com');
    document.body.insertAdjacentHTML('beforeend', DIALOG);
    controller.abort();
    await settle(PROMPT_SCAN);
    expect(prompts).toEqual([]);
  });
});

describe('default visibility check', () => {
  it('needs both a box with an area and a visible style', () => {
    const frame = element('iframe', { src: FRAME });
    document.body.append(frame);
    expect(isShowingOnScreen(frame)).toBe(false); // happy-dom lays nothing out
    vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 400, 600));
    expect(isShowingOnScreen(frame)).toBe(true);
    frame.style.visibility = 'hidden';
    expect(isShowingOnScreen(frame)).toBe(false);
  });
});
