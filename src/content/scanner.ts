import type { PromptTopic } from '../providers/types.ts';
import { type ContentSignatures, promptProvidersFor } from '../detect/signatures.ts';
import { classifyPrompt, ctaLanguage } from '../detect/text.ts';

// Runs only on the providers' own sites (the manifest lists them): standard DOM APIs only, and on
// a page with nothing to find nothing runs after the first scan except the cheap filters in the
// observers' callbacks.

export interface PromptReport {
  readonly providerId: string;
  readonly topic: PromptTopic;
  /** The prompt's wording, whitespace collapsed, at most REPORT_TEXT_LENGTH characters. */
  readonly text: string;
  readonly cta: string;
}

export interface ScannerOptions {
  readonly signatures: ContentSignatures;
  readonly hostname: string;
  readonly onPrompt: (report: PromptReport) => void;
  readonly signal: AbortSignal;
  /** Whether the user can see an element. Injectable because only a real browser has layout. */
  readonly isShowing?: (element: Element) => boolean;
}

const CTA_CANDIDATES = 'button,[role=button],a,input[type=submit],input[type=button]';
const PROMPT_CONTAINERS = 'dialog,[role=dialog],[role=alertdialog],[aria-modal],form,section,main,[role=main],[role=region],article';
/** Site chrome: "Connect with us" links live here, consent prompts do not. */
const SITE_CHROME = 'footer,nav,header,[role=contentinfo],[role=navigation]';
const VISIBILITY_ATTRIBUTES = ['style', 'class', 'hidden'];
const PROMPT_SCAN_DELAY_MS = 100;
const MAX_LABEL_LENGTH = 60;
const CONTEXT_LENGTH = 1500;
export const REPORT_TEXT_LENGTH = 300;
// Bounds against pages that churn out matching elements forever.
const MAX_REPORTS = 256;
const MAX_WATCHED = 64;
/**
 * Added subtrees waiting for the next prompt scan. Each is cheap to look through and infinite
 * scroll adds hundreds at a time; only past this many is one scan of the whole page cheaper.
 */
export const MAX_QUEUED_ROOTS = 10_000;

const VISIBLE_BY_STYLE: CheckVisibilityOptions = {
  opacityProperty: true,
  visibilityProperty: true,
  // Older names of the same options (Chrome before 121, Firefox before 122).
  checkOpacity: true,
  checkVisibilityCSS: true,
};

/** Not hidden by display, visibility or opacity anywhere up the tree. Needs no layout. */
export function isVisibleByStyle(element: Element): boolean {
  // The hidden attribute is display:none in browsers; said outright for DOMs without a UA sheet.
  return !element.closest('[hidden]') && element.checkVisibility(VISIBLE_BY_STYLE);
}

/** Rendered with an area and not hidden by style: the default for `isShowing`. */
export function isShowingOnScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && isVisibleByStyle(element);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shadow-including parent, so visibility watches see a host element being hidden. */
function parentOf(element: Element): Element | null {
  const parent = element.parentNode;
  return parent instanceof ShadowRoot ? parent.host : element.parentElement;
}

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/**
 * A container's words, at most CONTEXT_LENGTH of them, read without layout: innerText on a large
 * container forces a layout per call. Text nodes are joined with spaces so words in neighbouring
 * elements ("cuentas" + "Saldos") stay apart. Hidden text is read too; what must be visible is the
 * call to action, checked before anything is reported.
 */
function contextOf(container: Element): string {
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (NOT_TEXT.has(node.parentElement?.localName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let text = '';
  for (let node = walker.nextNode(); node && text.length < CONTEXT_LENGTH; node = walker.nextNode()) {
    text += ` ${(node as Text).data}`;
  }
  return text.slice(0, CONTEXT_LENGTH);
}

function ctaLabel(element: Element): string {
  const text = element instanceof HTMLInputElement ? element.value : element.textContent;
  return collapse(text || element.getAttribute('aria-label') || '');
}

/**
 * Calls back once an element shows. Rendering changes are seen by an IntersectionObserver;
 * style, class and hidden changes on the element and its ancestors by a MutationObserver, since
 * IntersectionObserver misses visibility and opacity flips that keep the box in place.
 */
function createVisibilityWatch(isShowing: (element: Element) => boolean, signal: AbortSignal) {
  const pending = new Map<Element, () => void>();
  const recheck = (element: Element): void => {
    const onShowing = pending.get(element);
    if (!onShowing) return;
    if (!element.isConnected) pending.delete(element);
    else if (isShowing(element)) {
      pending.delete(element);
      intersections?.unobserve(element);
      onShowing();
    }
    if (pending.size === 0) styleChanges.disconnect();
  };
  const intersections =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
          for (const entry of entries) if (entry.isIntersecting) recheck(entry.target);
        })
      : null;
  const styleChanges = new MutationObserver(() => {
    for (const element of [...pending.keys()]) recheck(element);
  });
  signal.addEventListener(
    'abort',
    () => {
      pending.clear();
      intersections?.disconnect();
      styleChanges.disconnect();
    },
    { once: true },
  );

  return (element: Element, onShowing: () => void): void => {
    if (isShowing(element)) return onShowing();
    if (pending.size >= MAX_WATCHED) return;
    pending.set(element, onShowing);
    intersections?.observe(element);
    for (let node: Element | null = element; node; node = parentOf(node)) {
      styleChanges.observe(node, { attributes: true, attributeFilter: VISIBILITY_ATTRIBUTES });
    }
  };
}

export function startScanner(options: ScannerOptions): void {
  const { signatures, signal, onPrompt } = options;
  const promptProviderId = promptProvidersFor(signatures, options.hostname)[0];
  if (signal.aborted || !promptProviderId) return;
  const isShowing = options.isShowing ?? isShowingOnScreen;
  const watchUntilShowing = createVisibilityWatch(isShowing, signal);
  const reported = new Set<string>();
  const shadowRoots: ShadowRoot[] = [];

  const reportOnce = (key: string, send: () => void): void => {
    if (signal.aborted || reported.has(key) || reported.size >= MAX_REPORTS) return;
    reported.add(key);
    send();
  };

  const inspectCandidate = (candidate: Element, contexts: Map<Element, string>): void => {
    const cta = ctaLabel(candidate);
    if (cta.length > MAX_LABEL_LENGTH || !ctaLanguage(cta)) return;
    const container = candidate.closest(PROMPT_CONTAINERS);
    const chrome = candidate.closest(SITE_CHROME);
    // A footer inside a dialog holds its buttons; a dialog inside the page footer is chrome.
    if (!container || (chrome && !container.contains(chrome))) return;
    // Buttons share containers (a page of "Share" buttons shares one <main>): read each once.
    let context = contexts.get(container);
    if (context === undefined) contexts.set(container, (context = contextOf(container)));
    const prompt = classifyPrompt(context, cta);
    if (!prompt) return;
    const text = collapse(context).slice(0, REPORT_TEXT_LENGTH);
    watchUntilShowing(candidate, () =>
      reportOnce(`${prompt.topic}\n${cta}\n${text}`, () => onPrompt({ providerId: promptProviderId, topic: prompt.topic, text, cta })),
    );
  };

  const scanPrompts = (root: ParentNode): void => {
    const contexts = new Map<Element, string>();
    if (root instanceof Element && root.matches(CTA_CANDIDATES)) inspectCandidate(root, contexts);
    for (const candidate of root.querySelectorAll(CTA_CANDIDATES)) inspectCandidate(candidate, contexts);
  };

  let queuedPromptRoots: (Document | ShadowRoot | Element)[] = [];
  let promptScanTimer: ReturnType<typeof setTimeout> | undefined;
  const queuePromptScan = (root: Element): void => {
    // Past the cap, one scan of everything is cheaper than remembering every root.
    if (queuedPromptRoots.length < MAX_QUEUED_ROOTS) queuedPromptRoots.push(root);
    else queuedPromptRoots = [document, ...shadowRoots];
    promptScanTimer ??= setTimeout(() => {
      promptScanTimer = undefined;
      const roots = queuedPromptRoots;
      queuedPromptRoots = [];
      for (const queued of roots) if (queued.isConnected) scanPrompts(queued);
    }, PROMPT_SCAN_DELAY_MS);
  };

  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        // Custom elements attach their shadow root before they are inserted.
        if (node.shadowRoot) adoptShadowRoots(node);
        queuePromptScan(node);
      }
    }
  });

  /** Finds open shadow roots at or under `start` (walking each element once) and adopts them. */
  function adoptShadowRoots(start: Document | ShadowRoot | Element): void {
    const stack = [start];
    for (let root = stack.pop(); root; root = stack.pop()) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        const shadow = node instanceof Element ? node.shadowRoot : null;
        if (!shadow || shadowRoots.includes(shadow)) continue;
        shadowRoots.push(shadow);
        mutations.observe(shadow, { childList: true, subtree: true });
        scanPrompts(shadow);
        stack.push(shadow);
      }
    }
  }

  mutations.observe(document, { childList: true, subtree: true });
  scanPrompts(document);
  adoptShadowRoots(document);

  signal.addEventListener(
    'abort',
    () => {
      mutations.disconnect();
      clearTimeout(promptScanTimer);
    },
    { once: true },
  );
}
