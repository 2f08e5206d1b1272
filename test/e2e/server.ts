import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { extname, join, normalize, sep } from 'node:path';
import { FIXTURES, LOOPBACK_IP, scratchDir } from './paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface ServedRequest {
  readonly host: string;
  readonly path: string;
  readonly status: number;
  readonly remoteAddress: string;
}

export interface FixtureServer {
  readonly hosts: readonly string[];
  readonly requests: ServedRequest[];
  close(): Promise<void>;
}

/** Every fixture hostname: one directory per host under test/fixtures. */
export function fixtureHosts(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Where the file for `https://host/path` lives, by the mapping in the fixtures' README. */
export function fixtureFile(host: string, pathname: string): string | null {
  const base = join(FIXTURES, host);
  const candidate = normalize(join(base, decodeURIComponent(pathname)));
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : null;
}

/** A throwaway self-signed certificate naming every fixture host; nothing secret is committed. */
function makeCertificate(hosts: readonly string[]): { key: Buffer; cert: Buffer } {
  const dir = scratchDir('cert');
  const config = join(dir, 'openssl.cnf');
  const names = [...hosts, 'localhost'].map((host, i) => `DNS.${i + 1} = ${host}`).join('\n');
  writeFileSync(
    config,
    `[req]\ndistinguished_name=dn\nx509_extensions=ext\nprompt=no\n[dn]\nCN=linkwatch-e2e\n` +
      `[ext]\nsubjectAltName=@alt\nbasicConstraints=CA:FALSE\n[alt]\n${names}\nIP.1 = ${LOOPBACK_IP}\n`,
  );
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-sha256',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-config', config,
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const hosts = fixtureHosts();
  const requests: ServedRequest[] = [];
  const server: Server = createServer(makeCertificate(hosts), (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0]?.toLowerCase() ?? '';
    const url = new URL(req.url ?? '/', 'https://fixture.invalid');
    const file = hosts.includes(host) ? fixtureFile(host, url.pathname) : null;
    const status = file ? 200 : 404;
    requests.push({ host, path: url.pathname, status, remoteAddress: req.socket.remoteAddress ?? '' });
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-linkwatch-fixture', '1');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no fixture');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, LOOPBACK_IP, resolve);
  });
  return {
    hosts,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
