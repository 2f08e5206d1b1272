import type { DataCategory, Risk } from '../shared/categories.ts';
import type { NoticeDecision, NoticeView } from '../shared/messages.ts';
import { button, CARD_STYLE, element, mountClosed, type Translate } from './shadow-ui.ts';

export type { Translate } from './shadow-ui.ts';

const HOST_TAG = 'linkwatch-notice';

// Every rule is scoped to the closed shadow root.
const STYLE = `
:host{all:initial!important;position:fixed!important;z-index:2147483647!important;right:16px!important;bottom:16px!important;display:block!important}
${CARD_STYLE}
.card[data-risk=high]{border-left-color:#b3261e}.card[data-risk=medium]{border-left-color:#a15c00}
.risk{font-weight:600}
`;

function categoryKey(category: DataCategory): string {
  return `category_${category.replaceAll('-', '_')}`;
}

export function noticeSentence(view: NoticeView, t: Translate): string {
  switch (view.channel) {
    case 'oauth':
      return t('notice_oauth', [view.recipient, view.source]);
    case 'widget':
      return t('notice_widget', [view.recipient, view.intermediary ?? view.source]);
    case 'text-prompt':
      return t('notice_prompt', [view.recipient, view.source]);
  }
}

export function seesSentence(view: NoticeView, t: Translate): string {
  const who = view.intermediary ?? view.recipient;
  return t('notice_sees', [who, view.categories.map((c) => t(categoryKey(c))).join(', ')]);
}

function riskLabel(risk: Risk, t: Translate): string {
  return t(`risk_${risk}`);
}

/**
 * Renders one notice into `root`. Text is only ever set with textContent: page-derived strings
 * (the recipient's name) can never become markup. Returns the first button, which receives focus
 * when the user moves focus into the notice.
 */
export function renderNotice(
  root: ShadowRoot,
  view: NoticeView,
  t: Translate,
  decide: (decision: NoticeDecision) => void,
): HTMLButtonElement {
  const doc = root.ownerDocument;
  const style = element(doc, 'style', { text: STYLE });
  const card = element(doc, 'div', { className: 'card' });
  card.dataset.risk = view.risk;
  card.setAttribute('role', 'region');
  card.setAttribute('aria-label', t('notice_label'));
  card.setAttribute('aria-live', 'polite');

  const brand = element(doc, 'p', { className: 'brand', text: 'Linkwatch' });
  const headline = element(doc, 'p', { text: noticeSentence(view, t) });
  const sees = element(doc, 'p', { text: seesSentence(view, t) });
  const risk = element(doc, 'p', { className: 'risk', text: riskLabel(view.risk, t) });

  const details = element(doc, 'ul');
  details.hidden = true;
  for (const category of view.categories) details.append(element(doc, 'li', { text: t(categoryKey(category)) }));

  const allow = button(doc, t('notice_allow'), 'primary', () => decide('allow'));
  const block = button(doc, t('notice_block'), 'danger', () => decide('block'));
  const more = button(doc, t('notice_details'), '', () => {
    details.hidden = !details.hidden;
    more.setAttribute('aria-expanded', String(!details.hidden));
  });
  more.setAttribute('aria-expanded', 'false');
  const mute = button(doc, t('notice_mute'), 'link', () => decide('mute-site'));
  const close = button(doc, '×', 'close', () => decide('dismiss'));
  close.setAttribute('aria-label', t('notice_close'));

  const actions = element(doc, 'div', { className: 'actions' });
  actions.append(allow, ...(view.blockable ? [block] : []), more, mute);
  // Close sits top right by style but last in focus order: Tab from the page reaches Allow first.
  card.append(brand, headline, sees, risk, details, actions, close);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') decide('dismiss');
  });
  root.replaceChildren(style, card);
  return allow;
}

/**
 * Shows notices one at a time in a closed shadow root, so the page can neither read nor click
 * them. Focus is never stolen: the host delegates focus, so Tab or a click reaches the buttons.
 */
export class NoticeArea {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private readonly queue: NoticeView[] = [];
  private readonly shown = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly t: Translate,
    private readonly onDecision: (view: NoticeView, decision: NoticeDecision) => Promise<void>,
  ) {}

  show(view: NoticeView): void {
    if (this.shown.has(view.detectionId)) return;
    this.shown.add(view.detectionId);
    this.queue.push(view);
    if (this.queue.length === 1) this.render();
  }

  clear(): void {
    this.queue.length = 0;
    this.host?.remove();
    this.host = null;
    this.root = null;
  }

  private render(): void {
    const view = this.queue[0];
    if (!view) {
      this.clear();
      return;
    }
    if (!this.host || !this.host.isConnected) ({ host: this.host, root: this.root } = mountClosed(this.doc, HOST_TAG));
    if (!this.root) return;
    renderNotice(this.root, view, this.t, (decision) => {
      void this.onDecision(view, decision).finally(() => {
        this.queue.shift();
        this.render();
      });
    });
  }
}
