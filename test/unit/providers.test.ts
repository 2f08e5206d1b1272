import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { PROVIDERS, providerById } from '../../src/providers/index.ts';
import type { OAuthSignature, ProviderDefinition } from '../../src/providers/types.ts';
import { DATA_CATEGORIES, RISKS } from '../../src/shared/categories.ts';

// What the ProviderDefinition type cannot check: registration, naming, catalogue coverage and
// that every fixture URL is a real page of the right kind (see the fixture rules in the briefs).

const PROVIDERS_DIR = fileURLToPath(new URL('../../src/providers/', import.meta.url));
const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
const NOT_PROVIDER_FILES = new Set(['index.ts', 'types.ts']);

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const FIXTURE_META = /<head[^>]*>\s*<meta name="linkwatch-fixture" content="(positive|negative): [^"]+">/;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The fixture server's mapping: test/fixtures/<host>/<path>, else that folder's index.html. */
function fixtureFileOf(url: URL): string | undefined {
  const direct = join(FIXTURES_DIR, url.hostname, decodeURIComponent(url.pathname));
  return [direct, join(direct, 'index.html')].find(isFile);
}

function matchesOAuth(url: URL, oauth: OAuthSignature): boolean {
  return oauth.hosts.includes(url.hostname) && oauth.paths.some((path) => path.test(url.pathname));
}

function requestedScopes(url: URL, oauth: OAuthSignature): string[] {
  return oauth.scopeParams
    .flatMap((name) => url.searchParams.getAll(name))
    .flatMap((value) => value.split(/[\s,]+/))
    .filter((scope) => scope !== '');
}

/** Every scope key a provider refers to outside its catalogue. */
function referencedScopes(provider: ProviderDefinition): string[] {
  return [
    ...(provider.oauth?.implicitScopes ?? []),
    ...(provider.widget?.defaultScopes ?? []),
    ...Object.values(provider.prompts?.topics ?? {}).flat(),
  ];
}

function allHosts(provider: ProviderDefinition): string[] {
  return [...(provider.oauth?.hosts ?? []), ...(provider.widget?.hosts ?? []), ...(provider.prompts?.hosts ?? [])];
}

const providerFiles = readdirSync(PROVIDERS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !NOT_PROVIDER_FILES.has(entry.name))
  .map((entry) => entry.name);

describe('provider registry', () => {
  it.each(providerFiles)('registers %s in PROVIDERS under the id named by the file', async (file) => {
    const module: { default: ProviderDefinition } = await import(pathToFileURL(join(PROVIDERS_DIR, file)).href);
    expect(PROVIDERS).toContain(module.default);
    expect(`${module.default.id}.ts`).toBe(file);
  });

  it('lists nothing that is not a provider file', () => {
    expect(PROVIDERS.map(({ id }) => `${id}.ts`).sort()).toEqual([...providerFiles].sort());
  });

  it('has unique kebab-case ids, each found by providerById', () => {
    const ids = PROVIDERS.map(({ id }) => id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(KEBAB_CASE);
      expect(providerById(id)?.id).toBe(id);
    }
    expect(providerById('no-such-provider')).toBeUndefined();
  });
});

describe.each(PROVIDERS.map((provider) => [provider.id, provider] as const))('provider %s', (_id, provider) => {
  it('has a way to be detected: OAuth, a widget or prompts', () => {
    expect(provider.oauth ?? provider.widget ?? provider.prompts).toBeDefined();
  });

  it('describes every scope in plain words with a valid category and risk', () => {
    const entries = Object.entries(provider.scopes);
    expect(entries.length).toBeGreaterThan(0);
    for (const [scope, meaning] of entries) {
      expect(meaning.means.trim(), scope).not.toBe('');
      expect(meaning.means, `${scope}: completes "<app> will be able to …"`).toMatch(/^[a-z]/);
      expect(meaning.means, `${scope}: no trailing period`).not.toMatch(/\.$/);
      expect(DATA_CATEGORIES, scope).toContain(meaning.category);
      expect(RISKS, scope).toContain(meaning.risk);
    }
  });

  it('refers only to scopes its catalogue describes', () => {
    for (const scope of referencedScopes(provider)) expect(Object.keys(provider.scopes)).toContain(scope);
  });

  it('names hosts as lowercase hostnames without scheme or path', () => {
    for (const host of allHosts(provider)) expect(host).toMatch(HOSTNAME);
  });

  it('puts its widget loaders on hosts that Block blocks', () => {
    for (const prefix of provider.widget?.scriptUrls ?? []) expect(provider.widget?.hosts).toContain(new URL(prefix).hostname);
  });

  it('anchors its OAuth paths at the start', () => {
    for (const path of provider.oauth?.paths ?? []) expect(path.source).toMatch(/^\^/);
  });

  it('sends the user to an https management page with steps', () => {
    expect(new URL(provider.revocation.url).protocol).toBe('https:');
    expect(provider.revocation.steps.length).toBeGreaterThan(0);
    for (const step of provider.revocation.steps) expect(step.trim()).not.toBe('');
  });

  describe.each(['positive', 'negative'] as const)('%s fixtures', (kind) => {
    const urls = provider.fixtures[kind];

    it('has at least one, each https, without duplicates', () => {
      expect(urls.length).toBeGreaterThan(0);
      expect(new Set(urls).size).toBe(urls.length);
      for (const url of urls) expect(new URL(url).protocol).toBe('https:');
    });

    it.each(urls)(`serves %s from a fixture page marked ${kind}`, (url) => {
      const file = fixtureFileOf(new URL(url));
      expect(file, `no file under test/fixtures for ${url}`).toBeDefined();
      const marker = FIXTURE_META.exec(readFileSync(file ?? '', 'utf8'));
      expect(marker?.[1], 'first thing in <head> must be the linkwatch-fixture meta').toBe(kind);
    });
  });

  const oauth = provider.oauth;
  if (oauth) {
    const oauthPositives = provider.fixtures.positive.filter((url) => matchesOAuth(new URL(url), oauth));

    it('has a positive fixture at its authorization endpoint that names the app', () => {
      expect(oauthPositives.length).toBeGreaterThan(0);
      expect(oauthPositives.some((url) => new URL(url).searchParams.has(oauth.clientIdParam))).toBe(true);
    });

    it.each(oauthPositives)('describes every scope %s asks for', (url) => {
      for (const scope of requestedScopes(new URL(url), oauth)) expect(Object.keys(provider.scopes)).toContain(scope);
    });
  }

  it('has no positive fixture at another provider’s authorization endpoint', () => {
    for (const url of provider.fixtures.positive) {
      const owners = PROVIDERS.filter((other) => other.oauth && matchesOAuth(new URL(url), other.oauth));
      expect(owners.every((owner) => owner === provider), url).toBe(true);
    }
  });

  it('has no negative fixture at any authorization endpoint', () => {
    for (const url of provider.fixtures.negative) {
      const owners = PROVIDERS.filter((other) => other.oauth && matchesOAuth(new URL(url), other.oauth));
      expect(owners.map(({ id }) => id), url).toEqual([]);
    }
  });
});

// Revoke recipes are data: each is checked against the fixture modelled on its management page
// (test/unit/revoke-assistant.test.ts then drives the assistant through every variant of it).
const AUTOMATED = ['facebook', 'google', 'github', 'x', 'microsoft', 'plaid'];
const withRecipe = PROVIDERS.filter((provider) => provider.revocation.recipe);

describe('revoke recipes', () => {
  it('automate at least Facebook, Google, GitHub, X, Microsoft and Plaid Portal', () => {
    expect(withRecipe.map(({ id }) => id)).toEqual(expect.arrayContaining(AUTOMATED));
  });

  it('leave every other provider guided, with steps to show', () => {
    for (const provider of PROVIDERS.filter((p) => !p.revocation.recipe)) expect(provider.revocation.steps.length, provider.id).toBeGreaterThan(0);
  });

  describe.each(withRecipe.map((provider) => [provider.id, provider] as const))('%s', (_id, provider) => {
    const recipe = provider.revocation.recipe as NonNullable<ProviderDefinition['revocation']['recipe']>;
    const selectors = Object.entries(recipe).flatMap(([field, value]) =>
      typeof value === 'string' ? [[field, value] as const] : [[`${field}.selector`, (value as { selector: string }).selector] as const],
    );

    it('uses valid CSS selectors, and a valid client id pattern', () => {
      const { document } = new Window();
      for (const [field, selector] of selectors) expect(() => document.querySelector(selector), field).not.toThrow();
      if (recipe.clientId?.pattern) expect(new RegExp(recipe.clientId.pattern).source).toContain('(');
    });

    it('lists its management fixture pages, at its revocation URL', () => {
      const pages = provider.revocation.fixtures ?? [];
      expect(pages).toContain(provider.revocation.url);
      for (const url of pages) {
        const file = fixtureFileOf(new URL(url));
        expect(file, `no file under test/fixtures for ${url}`).toBeDefined();
        expect(FIXTURE_META.exec(readFileSync(file ?? '', 'utf8'))?.[1], url).toBe('negative');
      }
    });

    it('fits the list its fixture page shows: rows, each with a name and a remove control', () => {
      const { document } = new Window();
      document.body.innerHTML = readFileSync(fixtureFileOf(new URL(provider.revocation.url)) ?? '', 'utf8');
      const list = (document.querySelector('template#variant-list') as unknown as HTMLTemplateElement | null)?.content;
      expect(list, 'the fixture has a list variant').toBeDefined();
      const rows = [...(list?.querySelectorAll(recipe.row) ?? [])];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.querySelector(recipe.rowName)?.textContent?.trim()).not.toBe('');
        expect(row.querySelector(recipe.remove)).not.toBeNull();
        if (recipe.reveal) expect(row.querySelector(recipe.reveal)).not.toBeNull();
      }
    });
  });
});
