import { button, CARD_STYLE, element, mountClosed, type Translate } from '../content/shadow-ui.ts';
import type { PendingReason } from '../shared/messages.ts';

/**
 * The revoke assistant's panel on a management page: what it is doing, or, when it will not act,
 * what the person should click, with the candidates outlined. Closed shadow root, like the notice;
 * the outlines live in it too, so the page sees one element and no change to its own.
 */

export type PanelView =
  /** done: gone from the list Linkwatch read; noted: the person said they removed it. */
  | { readonly kind: 'working' | 'done' | 'noted' | 'signin'; readonly app: string; readonly provider: string }
  | {
      readonly kind: 'guide';
      readonly app: string;
      readonly provider: string;
      /** `guided`: no recipe for this page; the others: why the assistant stopped. */
      readonly reason: PendingReason | 'guided';
      readonly steps: readonly string[];
    };

const HOST_TAG = 'linkwatch-revoke';

const STYLE = `
:host{all:initial!important;position:fixed!important;inset:0!important;z-index:2147483647!important;pointer-events:none!important;display:block!important}
${CARD_STYLE}
.card{position:absolute;right:16px;bottom:16px;pointer-events:auto}
.outline{position:absolute;box-sizing:border-box;border:3px solid #b3261e;border-radius:6px;box-shadow:0 0 0 4px rgba(179,38,30,.25);pointer-events:none}
`;

const MESSAGE_KEYS: Readonly<Record<PendingReason | 'guided' | 'working' | 'done' | 'noted' | 'signin', string>> = {
  working: 'revoke_working',
  done: 'revoke_done',
  noted: 'revoke_noted',
  signin: 'revoke_signin',
  guided: 'revoke_guided',
  ambiguous: 'revoke_ambiguous',
  'not-found': 'revoke_not_found',
  'unexpected-page': 'revoke_unexpected',
  'confirm-missing': 'revoke_confirm_missing',
  'still-listed': 'revoke_still_listed',
};

/** The panel's one sentence for `view`. */
export function panelSentence(view: PanelView, t: Translate): string {
  return t(MESSAGE_KEYS[view.kind === 'guide' ? view.reason : view.kind], [view.app, view.provider]);
}

/**
 * Renders `view` into `root`. Page-derived strings (the app's name) are only ever text. Returns
 * the first button, for focus.
 */
export function renderPanel(root: ShadowRoot, view: PanelView, t: Translate, actions: { removed: () => void; close: () => void }): HTMLButtonElement {
  const doc = root.ownerDocument;
  const card = element(doc, 'div', { className: 'card' });
  card.setAttribute('role', 'region');
  card.setAttribute('aria-label', t('revoke_label'));
  card.setAttribute('aria-live', 'polite');
  const close = button(doc, '×', 'close', actions.close);
  close.setAttribute('aria-label', t('revoke_close'));
  card.append(close, element(doc, 'p', { className: 'brand', text: 'Linkwatch' }), element(doc, 'p', { text: panelSentence(view, t) }));
  const buttons = element(doc, 'div', { className: 'actions' });
  if (view.kind === 'guide') {
    const steps = element(doc, 'ol');
    steps.setAttribute('aria-label', t('revoke_steps_label'));
    for (const step of view.steps) steps.append(element(doc, 'li', { text: step }));
    card.append(steps);
    buttons.append(button(doc, t('revoke_removed_it'), 'primary', actions.removed));
  }
  buttons.append(button(doc, t('revoke_close'), '', actions.close));
  card.append(buttons);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') actions.close();
  });
  root.replaceChildren(element(doc, 'style', { text: STYLE }), card);
  return buttons.querySelector('button') ?? close;
}

/** Outlines over `targets`, kept in place as the page scrolls. */
function drawOutlines(root: ShadowRoot, targets: readonly Element[]): void {
  for (const old of root.querySelectorAll('.outline')) old.remove();
  for (const target of targets) {
    const box = target.getBoundingClientRect();
    const outline = element(root.ownerDocument, 'div', { className: 'outline' });
    Object.assign(outline.style, { left: `${box.left - 4}px`, top: `${box.top - 4}px`, width: `${box.width + 8}px`, height: `${box.height + 8}px` });
    root.append(outline);
  }
}

export class RevokePanel {
  private mounted: { host: HTMLElement; root: ShadowRoot } | null = null;
  private targets: readonly Element[] = [];
  private readonly redraw = () => {
    if (this.mounted) drawOutlines(this.mounted.root, this.targets);
  };

  /** What "I removed it" does; set with each guidance. */
  onRemoved: () => void = () => undefined;

  constructor(
    private readonly doc: Document,
    private readonly t: Translate,
  ) {}

  show(view: PanelView, outlined: readonly Element[] = []): void {
    if (!this.mounted?.host.isConnected) this.mounted = mountClosed(this.doc, HOST_TAG);
    renderPanel(this.mounted.root, view, this.t, { removed: () => this.onRemoved(), close: () => this.clear() });
    this.targets = outlined;
    this.redraw();
    const win = this.doc.defaultView;
    win?.addEventListener('scroll', this.redraw, { passive: true });
    win?.addEventListener('resize', this.redraw, { passive: true });
    outlined[0]?.scrollIntoView?.({ block: 'center' });
  }

  clear(): void {
    this.doc.defaultView?.removeEventListener('scroll', this.redraw);
    this.doc.defaultView?.removeEventListener('resize', this.redraw);
    this.mounted?.host.remove();
    this.mounted = null;
    this.targets = [];
  }
}
