import { describe, expect, it } from 'vitest';
import {
  compileSignatures,
  promptProvidersFor,
  providerSiteMatchPatterns,
  widgetFrameMatchPatterns,
  widgetFrameProvider,
} from '../../src/detect/signatures.ts';
import facebook from '../../src/providers/facebook.ts';
import { PROVIDERS } from '../../src/providers/index.ts';
import plaid from '../../src/providers/plaid.ts';
import type { ProviderDefinition } from '../../src/providers/types.ts';
import { matchPatternUnder } from '../../src/revoke/pages.ts';
import { uniquePatterns } from '../../src/shared/match-patterns.ts';

// A bare-host frame prefix (as Finicity's would be written) and a prompt host shared with Facebook.
const connectCo = {
  id: 'connect-co',
  name: 'ConnectCo',
  kind: 'aggregator',
  source: 'Bank account',
  widget: {
    scriptUrls: ['https://CONNECT.example/assets/sdk/'],
    frameUrls: ['https://connect.example'],
    hosts: ['connect.example', 'API.connect.example'],
    defaultScopes: [],
  },
  prompts: { hosts: ['WWW.FACEBOOK.COM', '__proto__'], topics: { 'bank-link': [] } },
  scopes: {},
  revocation: { url: 'https://connect.example/revoke', steps: ['Disconnect.'] },
  fixtures: { positive: [], negative: [] },
} satisfies ProviderDefinition;

const signatures = compileSignatures([facebook, plaid, connectCo]);

describe('compileSignatures', () => {
  it('keeps only frame prefixes and prompt and OAuth hosts, normalised, and survives JSON', () => {
    expect(signatures).toEqual({
      widgets: [
        { providerId: 'plaid', frameUrls: ['https://cdn.plaid.com/link/v2/stable/link.html'] },
        { providerId: 'connect-co', frameUrls: ['https://connect.example/'] },
      ],
      promptHosts: { 'www.facebook.com': ['facebook', 'connect-co'], 'www.messenger.com': ['facebook'], ['__proto__']: ['connect-co'] },
      oauthHosts: ['www.facebook.com', 'm.facebook.com', 'web.facebook.com'],
    });
    expect(JSON.parse(JSON.stringify(signatures))).toEqual(signatures);
    expect(promptProvidersFor(signatures, '__proto__')).toEqual(['connect-co']);
    expect(JSON.stringify(signatures)).not.toContain('means');
  });

  it('refuses a widget prefix that is not a URL, naming the provider', () => {
    const broken = { ...connectCo, widget: { ...connectCo.widget, frameUrls: ['connect.example/frame'] } };
    expect(() => compileSignatures([broken])).toThrow(/connect-co.*connect\.example\/frame/);
  });
});

describe('widgetFrameProvider', () => {
  it.each([
    ['https://cdn.plaid.com/link/v2/stable/link.html?isWebview=true&token=link-1', 'plaid'],
    ['https://CDN.PLAID.COM/link/v2/stable/link.html', 'plaid'],
    ['https://connect.example/?customerId=1', 'connect-co'],
  ])('matches %s', (url, providerId) => {
    expect(widgetFrameProvider(signatures, url)).toBe(providerId);
  });

  it.each([
    // A loader or a request is not the widget's frame.
    'https://cdn.plaid.com/link/v2/stable/link-initialize.js',
    'https://production.plaid.com/link/workflow/session',
    'http://cdn.plaid.com/link/v2/stable/link.html',
    'https://cdn.plaid.com@evil.example/link/v2/stable/link.html',
    'https://cdn.plaid.com.evil.example/link/v2/stable/link.html',
    'https://connect.example.evil.example/',
    'https://evil.example/?u=https://cdn.plaid.com/link/',
    'wss://production.plaid.com/socket',
    'data:text/html,https://cdn.plaid.com/link/',
    'https://plaid.com/docs/link/',
    'not a url',
  ])('ignores %s', (url) => {
    expect(widgetFrameProvider(signatures, url)).toBeNull();
  });
});

describe('promptProvidersFor', () => {
  it('lists the providers prompting on a host, case-insensitively', () => {
    expect(promptProvidersFor(signatures, 'WWW.Facebook.com')).toEqual(['facebook', 'connect-co']);
    expect(promptProvidersFor(signatures, 'www.messenger.com')).toEqual(['facebook']);
  });

  it('lists none elsewhere, Object.prototype names included', () => {
    expect(promptProvidersFor(signatures, 'www.budgetly.app')).toEqual([]);
    expect(promptProvidersFor(signatures, 'constructor')).toEqual([]);
    expect(promptProvidersFor(compileSignatures([facebook]), '__proto__')).toEqual([]);
  });
});

/**
 * Whether a content-script match pattern ("https://host/path*", no wildcard host) covers `url`:
 * same scheme and host, and the path and query start with the pattern's path.
 */
function covers(pattern: string, url: string): boolean {
  const parsed = new URL(url);
  const [, scheme, host, path] = /^([a-z]+):\/\/([^/*]+)(\/.*)\*$/.exec(pattern) ?? [];
  if (!scheme || !host || !path) throw new Error(`not a pattern these tests know: ${pattern}`);
  return parsed.protocol === `${scheme}:` && parsed.host === host && `${parsed.pathname}${parsed.search}`.startsWith(path);
}

describe('the manifest\'s match patterns, from the catalogue', () => {
  const siteOnes = providerSiteMatchPatterns(PROVIDERS);
  const widgetOnes = widgetFrameMatchPatterns(PROVIDERS);
  const frameUrls = PROVIDERS.flatMap(({ widget }) => widget?.frameUrls ?? []);

  it('lists something for both scripts', () => {
    expect(siteOnes.length).toBeGreaterThan(0);
    expect(widgetOnes.length).toBeGreaterThan(0);
    expect(frameUrls.length).toBeGreaterThan(0);
  });

  it.each([
    ['providerSiteMatchPatterns', siteOnes],
    ['widgetFrameMatchPatterns', widgetOnes],
  ])('%s: https only, exact hosts, "*" only at the end, sorted and without repeats', (_name, patterns) => {
    for (const pattern of patterns) {
      expect(pattern).toMatch(/^https:\/\/[^/*]+\/[^*]*\*$/);
      expect(pattern.indexOf('*')).toBe(pattern.length - 1);
    }
    expect(patterns).toEqual([...patterns].sort());
    expect(new Set(patterns).size).toBe(patterns.length);
  });

  it("runs the page detector on every provider's prompt and authorization hosts", () => {
    const hosts = PROVIDERS.flatMap(({ prompts, oauth }) => [...(prompts?.hosts ?? []), ...(oauth?.hosts ?? [])]);
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(siteOnes).toContain(`https://${host}/*`);
    expect(siteOnes).toHaveLength(new Set(hosts.map((host) => host.toLowerCase())).size);
  });

  it('runs the widget-frame script at every widget frame address, whatever its query', () => {
    for (const frameUrl of frameUrls) {
      const withoutQuery = frameUrl.replace(/\?.*$/s, '');
      expect(widgetOnes.some((pattern) => withoutQuery.startsWith(pattern.slice(0, -1))), frameUrl).toBe(true);
      expect(widgetOnes.some((pattern) => covers(pattern, `${withoutQuery}?token=link-1&x=y`)), frameUrl).toBe(true);
    }
  });

  it('runs no script of Linkwatch on a page that belongs to no provider', () => {
    for (const url of [
      'https://www.budgetly.app/accounts/link',
      'https://bench.linkwatch.test/',
      'https://cdn.plaid.com.evil.example/link/v2/stable/link.html',
      'https://plaid.com/docs/link/',
    ]) {
      expect(siteOnes.filter((pattern) => covers(pattern, url)), url).toEqual([]);
      expect(widgetOnes.filter((pattern) => covers(pattern, url)), url).toEqual([]);
    }
  });

  it('writes prompt and oauth hosts in lower case, once each', () => {
    const patterns = providerSiteMatchPatterns([facebook, connectCo]);
    expect(patterns).toEqual([
      'https://__proto__/*',
      'https://m.facebook.com/*',
      'https://web.facebook.com/*',
      'https://www.facebook.com/*',
      'https://www.messenger.com/*',
    ]);
    expect(widgetFrameMatchPatterns([facebook, connectCo, plaid])).toEqual(['https://cdn.plaid.com/link/v2/stable/link.html*', 'https://connect.example/*']);
  });
});

describe('matchPatternUnder', () => {
  it.each([
    ['https://cdn.plaid.com/link/v2/stable/link.html', 'https://cdn.plaid.com/link/v2/stable/link.html*'],
    ['https://connect2.finicity.com/?customerId=1', 'https://connect2.finicity.com/*'],
    ['https://www.saltedge.com/connect?', 'https://www.saltedge.com/connect*'],
    ['https://teller.io/connect/', 'https://teller.io/connect*'],
    ['https://teller.io/connect//', 'https://teller.io/connect*'],
    ['https://connect.example', 'https://connect.example/*'],
    ['https://connect.example/', 'https://connect.example/*'],
    ['https://CONNECT.example/a#frag', 'https://connect.example/a*'],
  ])('%s -> %s', (url, pattern) => {
    expect(matchPatternUnder(new URL(url))).toBe(pattern);
  });
});

describe('uniquePatterns', () => {
  it('sorts and drops repeats, from any iterable', () => {
    expect(uniquePatterns(new Set(['https://b.example/*', 'https://a.example/*']))).toEqual(['https://a.example/*', 'https://b.example/*']);
    expect(uniquePatterns(['https://b.example/*', 'https://a.example/x*', 'https://b.example/*', 'https://a.example/*'])).toEqual([
      'https://a.example/*',
      'https://a.example/x*',
      'https://b.example/*',
    ]);
    expect(uniquePatterns([])).toEqual([]);
  });
});
