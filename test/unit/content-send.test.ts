import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));

const { RETRY_DELAYS_MS, send } = await import('../../src/content/send.ts');

const REPORT = { type: 'widget-showing' } as const;
const STOPPED = new Error('Could not establish connection. Receiving end does not exist.');

beforeEach(() => {
  sendMessage.mockReset();
});

describe('send', () => {
  it('keeps trying while the worker is stopped again and again, for longer than it takes to start', async () => {
    const waited: number[] = [];
    for (let n = 0; n < 8; n++) sendMessage.mockRejectedValueOnce(STOPPED);
    sendMessage.mockResolvedValueOnce({ stored: true, notice: null });
    await expect(send(REPORT, async (ms) => void waited.push(ms))).resolves.toEqual({ stored: true, notice: null });
    expect(sendMessage).toHaveBeenCalledTimes(9);
    expect(waited).toEqual(RETRY_DELAYS_MS.slice(0, 8));
    expect(RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThan(15_000);
  });

  it('takes no answer at all for a failed attempt, not for an acknowledgement', async () => {
    sendMessage.mockResolvedValueOnce(undefined).mockResolvedValueOnce({ stored: true, notice: null });
    await expect(send(REPORT, async () => undefined)).resolves.toEqual({ stored: true, notice: null });
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('gives up with the last error once every attempt has failed', async () => {
    sendMessage.mockImplementation(async () => {
      throw STOPPED;
    });
    const failure = await send(REPORT, async () => undefined).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBe(STOPPED);
    expect(sendMessage).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
  });
});
