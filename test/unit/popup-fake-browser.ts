import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { isFromExtensionPage, isToExtensionPage } from '../../src/shared/messages.ts';

/**
 * Just enough of the extension API for the popup and its background half to run together in
 * happy-dom: two storage areas with change events, dynamic network rules, messaging that routes a
 * page's request to the background handler and the background's broadcast to the pages, and
 * browser.i18n reading the real English catalogue. Tests install it with
 * `vi.mock('webextension-polyfill', ...)` and set `background` to the handler under test.
 */

type Listener = (...args: never[]) => unknown;
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const EXTENSION_ID = 'linkwatch-test';

function storageArea(name: 'local' | 'session', changed: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void) {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
      const wanted = keys === null || keys === undefined ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((key) => data.has(key)).map((key) => [key, structuredClone(data.get(key))]));
    },
    async set(items: Record<string, unknown>): Promise<void> {
      const changes = Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { oldValue: data.get(key), newValue: value }]));
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
      changed(changes, name);
    },
    async remove(keys: string | string[]): Promise<void> {
      const list = typeof keys === 'string' ? [keys] : keys;
      const changes = Object.fromEntries(list.filter((key) => data.has(key)).map((key) => [key, { oldValue: data.get(key) }]));
      for (const key of list) data.delete(key);
      changed(changes, name);
    },
  };
}

export function translate(key: string, substitutions: readonly string[] = []): string {
  if (key === '@@bidi_dir') return 'ltr';
  const entry = (en as Catalogue)[key];
  if (!entry) return '';
  let text = entry.message;
  for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(placeholder.content.slice(1)) - 1;
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), substitutions[index] ?? '');
  }
  return text;
}

const storageListeners = new Set<Listener>();
const messageListeners = new Set<(message: unknown, sender: { id: string; url: string }) => unknown>();
const onChanged = (changes: Record<string, unknown>, area: string) => {
  for (const listener of storageListeners) (listener as (c: typeof changes, a: string) => void)(changes, area);
};

export const fake = {
  /** The background's answer to a page's message; the test sets it. */
  background: (async () => {
    throw new Error('no background in this test');
  }) as (message: unknown) => Promise<unknown>,
  rules: [] as { id: number }[],
  local: storageArea('local', onChanged),
  session: storageArea('session', onChanged),
  activeTabId: 7,
  reset(): void {
    this.rules = [];
    this.local.data.clear();
    this.session.data.clear();
    storageListeners.clear();
    messageListeners.clear();
  },
};

export const browser = {
  storage: {
    local: fake.local,
    session: fake.session,
    onChanged: {
      addListener: (listener: Listener) => storageListeners.add(listener),
      removeListener: (listener: Listener) => storageListeners.delete(listener),
    },
  },
  declarativeNetRequest: {
    getDynamicRules: async () => structuredClone(fake.rules),
    async updateDynamicRules({ addRules = [], removeRuleIds = [] }: { addRules?: { id: number }[]; removeRuleIds?: number[] }) {
      fake.rules = [...fake.rules.filter((rule) => !removeRuleIds.includes(rule.id)), ...addRules];
    },
  },
  action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => `chrome-extension://${EXTENSION_ID}${path}`,
    /** A page's request goes to the background (validated, as the real router does); a broadcast to the pages. */
    async sendMessage(message: unknown): Promise<unknown> {
      if (isToExtensionPage(message)) {
        const sender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/background` };
        for (const listener of messageListeners) listener(message, sender);
        return undefined;
      }
      if (!isFromExtensionPage(message)) throw new Error('Linkwatch refused a message that failed validation');
      return structuredClone(await fake.background(message));
    },
    onMessage: {
      addListener: (listener: (message: unknown, sender: { id: string; url: string }) => unknown) => messageListeners.add(listener),
      removeListener: (listener: (message: unknown, sender: { id: string; url: string }) => unknown) => messageListeners.delete(listener),
    },
  },
  tabs: { query: async () => [{ id: fake.activeTabId }] },
  i18n: { getMessage: (key: string, substitutions?: string[]) => translate(key, substitutions), getUILanguage: () => 'en' },
};

/** Delivers a message to the popup as if another extension sent it. */
export function sendFromStranger(message: unknown): void {
  for (const listener of messageListeners) listener(message, { id: 'someone-else', url: 'https://evil.example/' });
}
