// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenFrameShows } from '../../src/content/frame-showing.ts';

// happy-dom has no layout and no IntersectionObserver worth the name: the fake below records
// what the code asks of it and, like the real one, reports only while it observes something.

type Entry = Pick<IntersectionObserverEntry, 'isIntersecting' | 'intersectionRect'>;
type Call = ['observe', Element] | ['unobserve', Element] | ['disconnect'];

interface FakeObserver {
  calls: Call[];
  options: IntersectionObserverInit | undefined;
  instances: number;
  /** Delivers `entries` to the callback, as the browser would, if a target is observed. */
  notify: (entries: Entry[]) => void;
}

let fake: FakeObserver;

function installFakeObserver(): FakeObserver {
  const installed: FakeObserver = { calls: [], options: undefined, instances: 0, notify: () => {} };
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      readonly #targets = new Set<Element>();
      constructor(callback: (entries: Entry[], observer: unknown) => void, options?: IntersectionObserverInit) {
        installed.instances++;
        installed.options = options;
        installed.notify = (entries) => {
          if (this.#targets.size > 0) callback(entries, this);
        };
      }
      observe(target: Element) {
        installed.calls.push(['observe', target]);
        this.#targets.add(target);
      }
      unobserve(target: Element) {
        installed.calls.push(['unobserve', target]);
        this.#targets.delete(target);
      }
      disconnect() {
        installed.calls.push(['disconnect']);
        this.#targets.clear();
      }
    },
  );
  return installed;
}

function entry(isIntersecting: boolean, width: number, height: number): Entry {
  return { isIntersecting, intersectionRect: new DOMRect(0, 0, width, height) };
}

const resize = () => window.dispatchEvent(new Event('resize'));
const tabComesToFront = () => document.dispatchEvent(new Event('visibilitychange'));

let onShowing: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  fake = installFakeObserver();
  onShowing = vi.fn<() => void>();
});

afterEach(() => {
  // Whatever a test left listening must not see the next test's events.
  fake.notify([entry(true, 100, 100)]);
  vi.unstubAllGlobals();
});

describe('whenFrameShows', () => {
  it("observes the frame's document element against the top-level viewport, without calling back yet", () => {
    whenFrameShows(window, onShowing);
    expect(fake.instances).toBe(1);
    expect(fake.calls).toEqual([['observe', document.documentElement]]);
    expect(fake.options?.root ?? null).toBeNull();
    expect(onShowing).not.toHaveBeenCalled();
  });

  it('does not count a frame that is not intersecting, or intersects with no area', () => {
    whenFrameShows(window, onShowing);
    fake.notify([entry(false, 0, 0)]);
    fake.notify([entry(false, 300, 200)]);
    fake.notify([entry(true, 0, 0)]);
    fake.notify([entry(true, 300, 0)]);
    fake.notify([entry(true, 0, 200)]);
    expect(onShowing).not.toHaveBeenCalled();
    expect(fake.calls).not.toContainEqual(['disconnect']);
  });

  it('calls back once when the frame shows with an area, disconnects, and then ignores everything', () => {
    whenFrameShows(window, onShowing);
    fake.notify([entry(false, 0, 0), entry(true, 300, 200)]);
    expect(onShowing).toHaveBeenCalledTimes(1);
    expect(fake.calls.at(-1)).toEqual(['disconnect']);

    const callsWhenShown = fake.calls.length;
    fake.notify([entry(true, 300, 200)]);
    resize();
    tabComesToFront();
    fake.notify([entry(true, 300, 200)]);
    expect(onShowing).toHaveBeenCalledTimes(1);
    expect(fake.calls).toHaveLength(callsWhenShown);
  });

  it.each([
    ['a resize of the frame', resize],
    ['the tab coming to the front', tabComesToFront],
  ])('starts a fresh observation on %s', (_name, event) => {
    whenFrameShows(window, onShowing);
    fake.notify([entry(false, 0, 0)]);
    event();
    const target = document.documentElement;
    expect(fake.calls).toEqual([
      ['observe', target],
      ['unobserve', target],
      ['observe', target],
    ]);
    expect(onShowing).not.toHaveBeenCalled();
    fake.notify([entry(true, 300, 200)]);
    expect(onShowing).toHaveBeenCalledTimes(1);
  });

  it('removes its listeners once the frame has shown: a later resize observes nothing again', () => {
    whenFrameShows(window, onShowing);
    fake.notify([entry(true, 300, 200)]);
    resize();
    tabComesToFront();
    expect(fake.calls.filter(([kind]) => kind === 'observe')).toHaveLength(1);
    expect(fake.calls.filter(([kind]) => kind === 'unobserve')).toHaveLength(0);
  });
});
