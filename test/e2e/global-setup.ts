import { mkdirSync } from 'node:fs';
import { OUTPUT } from './paths.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';

let server: FixtureServer | undefined;

export async function setup(): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  server = await startFixtureServer();
}

export async function teardown(): Promise<void> {
  await server?.close();
}
