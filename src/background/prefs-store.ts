import browser from 'webextension-polyfill';
import type { NoticeChannel } from '../shared/messages.ts';

/**
 * The person's settings and the record of what Linkwatch blocked: the one owner of these keys in
 * storage.local (the ledger's keys belong to ledger-store.ts).
 */
export interface Settings {
  /** Sites on which the in-page notice stays quiet; detections are still recorded. */
  readonly mutedSites: readonly string[];
  /** Which kinds of prompts to watch at all. */
  readonly watch: Readonly<Record<NoticeChannel, boolean>>;
}

export const DEFAULT_SETTINGS: Settings = {
  mutedSites: [],
  watch: { oauth: true, widget: true, 'text-prompt': true },
};

/** DNR rule ids installed for each ledger record, so a block can be undone. */
export type Blocks = Readonly<Record<string, readonly number[]>>;

const SETTINGS_KEY = 'settings';
const BLOCKS_KEY = 'blocks';

let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...stored, watch: { ...DEFAULT_SETTINGS.watch, ...stored?.watch } };
}

export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  return serialized(async () => {
    const next = change(await readSettings());
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    return next;
  });
}

export async function readBlocks(): Promise<Blocks> {
  return ((await browser.storage.local.get(BLOCKS_KEY))[BLOCKS_KEY] as Blocks | undefined) ?? {};
}

export function updateBlocks<T>(change: (blocks: Blocks) => Promise<{ blocks: Blocks; result: T }>): Promise<T> {
  return serialized(async () => {
    const { blocks, result } = await change(await readBlocks());
    await browser.storage.local.set({ [BLOCKS_KEY]: blocks });
    return result;
  });
}
