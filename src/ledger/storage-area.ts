/**
 * The part of `browser.storage.local` the ledger store uses. Injected, so the store has no
 * extension API in it and tests and the benchmark run it against `MemoryStorageArea`.
 */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

type Method = 'get' | 'set' | 'remove';

/**
 * An in-memory storage area that behaves like the browser's where it matters: values are
 * copied in and out (structured clone), every call settles asynchronously so callers can
 * interleave, an optional byte quota fails a `set` whole the way Chrome's QUOTA_BYTES does, and
 * tests can make the next call of a method fail.
 */
export class MemoryStorageArea implements StorageAreaLike {
  private readonly data = new Map<string, unknown>();
  private readonly failures: Record<Method, Error[]> = { get: [], set: [], remove: [] };
  /** Number of `set` calls that succeeded. */
  setCalls = 0;

  constructor(private readonly quotaBytes: number | null = null) {}

  failNext(method: Method, error: Error): void {
    this.failures[method].push(error);
  }

  /** A copy of everything stored, for assertions. */
  snapshot(): Record<string, unknown> {
    return structuredClone(Object.fromEntries(this.data));
  }

  private async settle(method: Method): Promise<void> {
    // A microtask, not a timer: other callers get to run in between, and a benchmark of
    // 100,000 writes does not measure timer clamping.
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    const failure = this.failures[method].shift();
    if (failure !== undefined) throw failure;
  }

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    await this.settle('get');
    const wanted = keys === undefined || keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const result: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) result[key] = structuredClone(this.data.get(key));
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    await this.settle('set');
    const copies = Object.entries(structuredClone(items));
    if (this.quotaBytes !== null) {
      const after = new Map(this.data);
      for (const [key, value] of copies) after.set(key, value);
      let bytes = 0;
      for (const [key, value] of after) bytes += key.length + JSON.stringify(value).length;
      if (bytes > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    }
    for (const [key, value] of copies) this.data.set(key, value);
    this.setCalls++;
  }

  async remove(keys: string | string[]): Promise<void> {
    await this.settle('remove');
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }
}
