/**
 * What Linkwatch's in-page surfaces share (the notice, the revoke assistant's panel): a closed
 * shadow root the page can neither read nor style, one look, and text set only as text.
 */

/** browser.i18n.getMessage, injected so a surface renders in tests without an extension. */
export type Translate = (key: string, substitutions?: string[]) => string;

// :host resets inheritance, so page CSS cannot reach in. Colours meet WCAG AA on both themes.
export const CARD_STYLE = `
.card{box-sizing:border-box;width:min(380px,calc(100vw - 32px));font:14px/1.45 system-ui,sans-serif;color:#14171a;background:#fff;border:1px solid #c5ccd3;border-left:6px solid #0b6e78;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.22);padding:14px 16px}
.brand{font-weight:700;font-size:12px;letter-spacing:.04em;text-transform:uppercase;color:#0b6e78;margin:0 0 6px}
p{margin:0 0 8px}
ul,ol{margin:0 0 8px;padding-left:18px}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}
button{font:inherit;font-size:13px;border-radius:6px;padding:6px 12px;border:1px solid #8a949e;background:#fff;color:#14171a;cursor:pointer}
button.primary{background:#0b6e78;border-color:#0b6e78;color:#fff}
button.danger{background:#b3261e;border-color:#b3261e;color:#fff}
button.link{border:none;background:none;text-decoration:underline;padding:6px 4px}
button:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.close{position:absolute;top:6px;right:8px;border:none;background:none;font-size:18px;line-height:1;padding:4px 8px}
@media (prefers-color-scheme:dark){.card{background:#1e2226;color:#eef1f4;border-color:#4a535c}button{background:#2a3036;color:#eef1f4;border-color:#6b757f}.brand{color:#5cc8d2}}
`;

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { text?: string; className?: string } = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.className) node.className = props.className;
  return node;
}

export function button(doc: Document, label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = element(doc, 'button', { text: label, className });
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/**
 * A host element with a closed shadow root, appended to the page. Focus is never stolen: the
 * host delegates focus, so Tab or a click reaches the buttons inside.
 */
export function mountClosed(doc: Document, tag: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.tabIndex = 0;
  const root = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  (doc.body ?? doc.documentElement).append(host);
  return { host, root };
}
