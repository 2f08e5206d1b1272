import { existsSync, readFileSync } from 'node:fs';

/**
 * The packets that tried to leave loopback, from the capture tools/netns.sh runs around the e2e
 * suite. null when the suite runs outside that namespace (a developer without root), where
 * nothing can be claimed either way.
 */
export function packetsOffLoopback(): string[] | null {
  const log = process.env.LINKWATCH_NETWATCH_LOG;
  if (!log || !existsSync(log)) return null;
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}
