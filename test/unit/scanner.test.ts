// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isShowingOnScreen, isVisibleByStyle, MAX_QUEUED_ROOTS, type PromptReport, REPORT_TEXT_LENGTH, startScanner } from '../../src/content/scanner.ts';
import { compileSignatures } from '../../src/detect/signatures.ts';
import facebook from '../../src/providers/facebook.ts';
import plaid from '../../src/providers/plaid.ts';

// happy-dom has no layout, so these tests inject the style half of the visibility check
// (display, visibility, opacity up the tree); sizes and the viewport need a real browser.

const signatures = compileSignatures([facebook, plaid]);

/** MutationObserver callbacks and our own debounce have run. */
const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
const PROMPT_SCAN = 150;

let controller: AbortController;
let prompts: PromptReport[];

function start(hostname = 'www.messenger.com', isShowing: (element: Element) => boolean = isVisibleByStyle): void {
  startScanner({
    signatures,
    hostname,
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
function fakeObserver<Args extends unknown[]>(name: 'IntersectionObserver') {
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
  prompts = [];
});

afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
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

  it('looks through added subtrees only, however many a page adds at once, up to the cap', async () => {
    start();
    const wholePage = vi.spyOn(document, 'querySelectorAll');
    const batch = (count: number) => {
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < count; i++) fragment.append(element('p'));
      document.body.append(fragment);
    };
    batch(1000);
    await settle(PROMPT_SCAN);
    expect(wholePage).not.toHaveBeenCalled();
    batch(MAX_QUEUED_ROOTS + 1);
    await settle(PROMPT_SCAN);
    expect(wholePage).toHaveBeenCalledTimes(1);
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

  it('sees a prompt shown by an ancestor losing a class (display, then visibility)', async () => {
    document.body.innerHTML = `<div class="closed"><div class="ghost">${DIALOG}</div></div>`;
    start();
    document.querySelector('.closed')!.className = '';
    await settle();
    expect(prompts).toEqual([]);
    document.querySelector('.ghost')!.className = '';
    await settle();
    expect(prompts.map((report) => report.cta)).toEqual(['Connect bank']);
  });

  it('sees a prompt come into view through IntersectionObserver', () => {
    const intersections = fakeObserver<[Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'>[]]>('IntersectionObserver');
    let laidOut = false;
    document.body.innerHTML = DIALOG;
    start(undefined, () => laidOut);
    const cta = document.querySelectorAll('button')[1]!;
    expect(intersections.observed).toContain(cta);
    intersections.notify([{ target: cta, isIntersecting: false }]);
    laidOut = true;
    expect(prompts).toEqual([]);
    intersections.notify([{ target: cta, isIntersecting: true }]);
    expect(prompts.map((report) => report.cta)).toEqual(['Connect bank']);
  });

  it('checks at detection time where IntersectionObserver is missing', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    document.body.innerHTML = `<div class="closed">${DIALOG}</div>`;
    start();
    expect(prompts).toEqual([]);
    document.querySelector('.closed')!.className = '';
    await settle();
    expect(prompts.map((report) => report.cta)).toEqual(['Connect bank']);
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
    const cta = element('button');
    document.body.append(cta);
    expect(isShowingOnScreen(cta)).toBe(false); // happy-dom lays nothing out
    vi.spyOn(cta, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 120, 32));
    expect(isShowingOnScreen(cta)).toBe(true);
    cta.style.visibility = 'hidden';
    expect(isShowingOnScreen(cta)).toBe(false);
  });
});
