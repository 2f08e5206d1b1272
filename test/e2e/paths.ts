import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
const DIST_ROOT = resolve(ROOT, process.env.LINKWATCH_DIST ?? 'dist');
export const DIST = { chrome: join(DIST_ROOT, 'chrome'), firefox: join(DIST_ROOT, 'firefox') } as const;
/** Screenshots and logs of the e2e run; ignored by git. */
export const OUTPUT = join(ROOT, 'test-output');

/** A fresh directory under the system temp dir: browsers and certificates never touch $HOME. */
export function scratchDir(name: string): string {
  const dir = join(tmpdir(), 'linkwatch-e2e', `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The loopback address the fixture server binds and the browsers resolve every hostname to.
 * All of 127.0.0.0/8 is loopback, so parallel runs can each take their own address.
 */
export const LOOPBACK_IP = process.env.LINKWATCH_E2E_IP ?? '127.0.0.1';
