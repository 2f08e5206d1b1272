import { describe, expect, it } from 'vitest';
import { compileSignatures, matchWidgetUrl, promptProvidersFor } from '../../src/detect/signatures.ts';
import facebook from '../../src/providers/facebook.ts';
import plaid from '../../src/providers/plaid.ts';
import type { ProviderDefinition } from '../../src/providers/types.ts';

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
  it('keeps only URL prefixes and hosts, normalised, and survives JSON', () => {
    expect(signatures).toEqual({
      widgets: [
        {
          providerId: 'plaid',
          scriptUrls: ['https://cdn.plaid.com/link/'],
          frameUrls: ['https://cdn.plaid.com/link/v2/stable/link.html'],
          hosts: ['cdn.plaid.com', 'production.plaid.com', 'secure.plaid.com'],
        },
        {
          providerId: 'connect-co',
          scriptUrls: ['https://connect.example/assets/sdk/'],
          frameUrls: ['https://connect.example/'],
          hosts: ['connect.example', 'api.connect.example'],
        },
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

describe('matchWidgetUrl', () => {
  it.each([
    ['https://cdn.plaid.com/link/v2/stable/link.html?isWebview=true&token=link-1', { providerId: 'plaid', role: 'frame' }],
    ['https://cdn.plaid.com/link/v2/stable/link-initialize.js', { providerId: 'plaid', role: 'script' }],
    ['https://production.plaid.com/link/workflow/session', { providerId: 'plaid', role: 'request' }],
    ['https://CDN.PLAID.COM/link/v2/stable/link.html', { providerId: 'plaid', role: 'frame' }],
    ['https://connect.example/?customerId=1', { providerId: 'connect-co', role: 'frame' }],
    ['https://api.connect.example/v1/x', { providerId: 'connect-co', role: 'request' }],
  ])('matches %s', (url, match) => {
    expect(matchWidgetUrl(signatures, url)).toEqual(match);
  });

  it.each([
    'https://cdn.plaid.com.evil.example/link/v2/stable/link.html',
    'https://connect.example.evil.example/',
    'https://evil.example/?u=https://cdn.plaid.com/link/',
    'wss://production.plaid.com/socket',
    'data:text/html,https://cdn.plaid.com/link/',
    'https://plaid.com/docs/link/',
    'not a url',
  ])('ignores %s', (url) => {
    expect(matchWidgetUrl(signatures, url)).toBeNull();
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
