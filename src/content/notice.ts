import type { DataCategory, Risk } from '../shared/categories.ts';
import type { NoticeDecision, NoticeView } from '../shared/messages.ts';

/** browser.i18n.getMessage, injected so the notice renders in tests without an extension. */
export type Translate = (key: string, substitutions?: string[]) => string;

const HOST_TAG = 'linkwatch-notice';

// Every rule is scoped to the closed shadow root, and :host resets inheritance, so page CSS can
// neither style nor read the notice. Colours meet WCAG AA on both themes.
const STYLE = `
:host{all:initial!important;position:fixed!important;z-index:2147483647!important;right:16px!important;bottom:16px!important;display:block!important}
.card{box-sizing:border-box;width:min(380px,calc(100vw - 32px));font:14px/1.45 system-ui,sans-serif;color:#14171a;background:#fff;border:1px solid #c5ccd3;border-left:6px solid #0b6e78;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.22);padding:14px 16px}
.card[data-risk=high]{border-left-color:#b3261e}.card[data-risk=medium]{border-left-color:#a15c00}
.brand{font-weight:700;font-size:12px;letter-spacing:.04em;text-transform:uppercase;color:#0b6e78;margin:0 0 6px}
p{margin:0 0 8px}.risk{font-weight:600}
ul{margin:0 0 8px;padding-left:18px}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}
button{font:inherit;font-size:13px;border-radius:6px;padding:6px 12px;border:1px solid #8a949e;background:#fff;color:#14171a;cursor:pointer}
button.primary{background:#0b6e78;border-color:#0b6e78;color:#fff}
button.danger{background:#b3261e;border-color:#b3261e;color:#fff}
button.link{border:none;background:none;text-decoration:underline;padding:6px 4px}
button:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.close{position:absolute;top:6px;right:8px;border:none;background:none;font-size:18px;line-height:1;padding:4px 8px}
@media (prefers-color-scheme:dark){.card{background:#1e2226;color:#eef1f4;border-color:#4a535c}button{background:#2a3036;color:#eef1f4;border-color:#6b757f}.brand{color:#5cc8d2}}
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

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { text?: string; className?: string } = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.className) node.className = props.className;
  return node;
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

  const button = (label: string, className: string, onClick: () => void): HTMLButtonElement => {
    const b = element(doc, 'button', { text: label, className });
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  };
  const allow = button(t('notice_allow'), 'primary', () => decide('allow'));
  const block = button(t('notice_block'), 'danger', () => decide('block'));
  const more = button(t('notice_details'), '', () => {
    details.hidden = !details.hidden;
    more.setAttribute('aria-expanded', String(!details.hidden));
  });
  more.setAttribute('aria-expanded', 'false');
  const mute = button(t('notice_mute'), 'link', () => decide('mute-site'));
  const close = button('×', 'close', () => decide('dismiss'));
  close.setAttribute('aria-label', t('notice_close'));

  const actions = element(doc, 'div', { className: 'actions' });
  actions.append(allow, ...(view.blockable ? [block] : []), more, mute);
  card.append(close, brand, headline, sees, risk, details, actions);
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
    if (!this.host || !this.host.isConnected) {
      this.host = this.doc.createElement(HOST_TAG);
      this.host.tabIndex = 0;
      this.root = this.host.attachShadow({ mode: 'closed', delegatesFocus: true });
      (this.doc.body ?? this.doc.documentElement).append(this.host);
    }
    if (!this.root) return;
    renderNotice(this.root, view, this.t, (decision) => {
      void this.onDecision(view, decision).finally(() => {
        this.queue.shift();
        this.render();
      });
    });
  }
}
