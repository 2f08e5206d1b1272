import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SCOPE_LENGTH,
  MAX_SCOPES,
  MAX_URL_LENGTH,
  parseAuthorizationOutcome,
  parseAuthorizationUrl,
  splitScopes,
} from '../../src/detect/oauth.ts';
import facebook from '../../src/providers/facebook.ts';
import plaid from '../../src/providers/plaid.ts';
import type { ProviderDefinition } from '../../src/providers/types.ts';

// Space-separated scopes, two scope parameters (like Slack's scope + user_scope) and a catalogue
// entry of category offline-access.
const workspace = {
  id: 'workspace',
  name: 'Workspace',
  kind: 'identity',
  source: 'Workspace account',
  oauth: {
    hosts: ['auth.workspace.example'],
    paths: [/^\/oauth\/v2\/authorize$/],
    clientIdParam: 'client_key',
    scopeParams: ['scope', 'user_scope'],
  },
  scopes: {
    openid: { means: 'know who you are', category: 'profile', risk: 'low' },
    refresh: { means: 'keep access while you are away', category: 'offline-access', risk: 'medium' },
  },
  revocation: { url: 'https://auth.workspace.example/apps', steps: ['Remove the app.'] },
  fixtures: { positive: [], negative: [] },
} satisfies ProviderDefinition;

const providers = [plaid, facebook, workspace];
const FACEBOOK_DIALOG = facebook.fixtures.positive[0] ?? '';

describe('parseAuthorizationUrl', () => {
  it('reads the Facebook dialog: app, recipient, comma-separated scopes and the implicit public_profile', () => {
    expect(parseAuthorizationUrl(FACEBOOK_DIALOG, providers)).toEqual({
      providerId: 'facebook',
      clientId: '4242424242',
      redirectUri: 'https://www.budgetly.app/auth/facebook',
      recipientSite: 'www.budgetly.app',
      scopes: ['public_profile', 'email', 'user_friends', 'user_posts'],
      responseType: 'code',
      offlineAccess: false,
    });
  });

  it('matches the unversioned path and the mobile host', () => {
    const request = parseAuthorizationUrl('https://m.facebook.com/dialog/oauth?client_id=1&scope=email', providers);
    expect(request?.providerId).toBe('facebook');
    expect(request?.scopes).toEqual(['public_profile', 'email']);
  });

  it('accepts an OAuth 1.0a request, which names no client, only a request token', () => {
    const request = parseAuthorizationUrl('https://www.facebook.com/dialog/oauth?oauth_token=abc', providers);
    expect(request?.providerId).toBe('facebook');
    expect(request?.clientId).toBeNull();
  });

  it.each([
    ['plain http', 'http://www.facebook.com/v19.0/dialog/oauth?client_id=1'],
    ['a look-alike host', 'https://www.facebook.com.evil.example/v19.0/dialog/oauth?client_id=1'],
    ['no client id: the provider\'s own sign-in page', 'https://www.facebook.com/v19.0/dialog/oauth?scope=email'],
    ['an empty OAuth 1.0a request token', 'https://www.facebook.com/v19.0/dialog/oauth?oauth_token='],
    ['an empty client id', 'https://www.facebook.com/v19.0/dialog/oauth?client_id=&scope=email'],
    ['a subdomain not listed', 'https://graph.facebook.com/v19.0/dialog/oauth?client_id=1'],
    ['another path', 'https://www.facebook.com/help/dialog/oauth?client_id=1'],
    ['a provider without oauth', 'https://cdn.plaid.com/link/v2/stable/link.html'],
    ['not a URL', 'dialog/oauth?client_id=1'],
    ['empty', ''],
  ])('ignores %s', (_case, url) => {
    expect(parseAuthorizationUrl(url, providers)).toBeNull();
  });

  it('splits on spaces, plus signs and a doubly encoded %20, across every scope parameter and repetition', () => {
    const url =
      'https://auth.workspace.example/oauth/v2/authorize?client_key=ck&scope=openid+email%20profile' +
      '&scope=files%2520calendar,openid&user_scope=%20%20channels:history%2Cim:history&redirect_uri=com.example.app%3A%2Fcallback';
    const request = parseAuthorizationUrl(url, providers);
    expect(request).toMatchObject({
      providerId: 'workspace',
      clientId: 'ck',
      redirectUri: 'com.example.app:/callback',
      recipientSite: null,
      scopes: ['openid', 'email', 'profile', 'files', 'calendar', 'channels:history', 'im:history'],
      responseType: null,
      offlineAccess: false,
    });
  });

  it.each([
    ['access_type=offline', 'scope=openid&access_type=offline'],
    ['offline_access', 'scope=openid%20offline_access'],
    ['offline.access', 'scope=openid%20offline.access'],
    ['a catalogue scope of category offline-access', 'user_scope=refresh'],
  ])('sees offline access from %s', (_case, query) => {
    const request = parseAuthorizationUrl(`https://auth.workspace.example/oauth/v2/authorize?client_key=ck&${query}`, providers);
    expect(request?.offlineAccess).toBe(true);
  });

  it('keeps no recipient site for redirect URIs that are not http(s) and lowercases those that are', () => {
    const base = 'https://auth.workspace.example/oauth/v2/authorize?client_key=ck&redirect_uri=';
    expect(parseAuthorizationUrl(`${base}javascript%3Aalert(1)`, providers)?.recipientSite).toBeNull();
    expect(parseAuthorizationUrl(`${base}not%20a%20url`, providers)?.recipientSite).toBeNull();
    expect(parseAuthorizationUrl(`${base}HTTP%3A%2F%2FApp.Example%3A8080%2Fcb`, providers)?.recipientSite).toBe('app.example');
    expect(parseAuthorizationUrl(base.replace('?redirect_uri=', ''), providers)?.recipientSite).toBeNull();
  });

  it('survives broken percent-encodings', () => {
    const request = parseAuthorizationUrl(
      'https://www.facebook.com/dialog/oauth?client_id=%E0%A4%A&scope=email,%ZZbad,%&redirect_uri=%',
      providers,
    );
    expect(request?.clientId).toBe('\uFFFD%A');
    expect(request?.scopes).toEqual(['public_profile', 'email', '%ZZbad', '%']);
  });

  it('reads only the first 16 KiB of a URL', () => {
    const head = 'https://www.facebook.com/dialog/oauth?client_id=1&scope=email,';
    const url = `${head}${'a'.repeat(MAX_URL_LENGTH)},user_posts`;
    const scopes = parseAuthorizationUrl(url, providers)?.scopes ?? [];
    expect(scopes).toEqual(['public_profile', 'email', 'a'.repeat(MAX_SCOPE_LENGTH)]);
  });

  it('caps the number of scopes, keeping the implicit ones', () => {
    const many = Array.from({ length: 500 }, (_, i) => `s${i}`).join(',');
    const scopes = parseAuthorizationUrl(`https://www.facebook.com/dialog/oauth?client_id=1&scope=${many}`, providers)?.scopes ?? [];
    expect(scopes).toHaveLength(MAX_SCOPES);
    expect(scopes[0]).toBe('public_profile');
    expect(scopes.at(-1)).toBe(`s${MAX_SCOPES - 2}`);
  });

  const hostileQuery = fc.array(
    fc.tuple(
      fc.constantFrom('scope', 'user_scope', 'client_key', 'redirect_uri', 'access_type', 'response_type', 'x'),
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: fc.constantFrom('%', 'E', '0', 'Z', '2', ',', '+', ' ', '&', '=', '#'), maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
      ),
    ),
    { maxLength: 30 },
  );

  it('never throws and keeps its bounds, whatever the query (property)', () => {
    fc.assert(
      fc.property(hostileQuery, fc.nat({ max: 20_000 }), (pairs, padding) => {
        const query = pairs.map(([key, value]) => `${key}=${value}`).join('&');
        const url = `https://auth.workspace.example/oauth/v2/authorize?client_key=ck&${query}&scope=${'p'.repeat(padding)}`;
        const request = parseAuthorizationUrl(url, providers);
        expect(request).not.toBeNull();
        const scopes = request?.scopes ?? [];
        expect(scopes.length).toBeLessThanOrEqual(MAX_SCOPES);
        expect(new Set(scopes).size).toBe(scopes.length);
        for (const scope of scopes) {
          expect(scope.length).toBeGreaterThan(0);
          expect(scope.length).toBeLessThanOrEqual(MAX_SCOPE_LENGTH);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        parseAuthorizationUrl(text, providers);
        parseAuthorizationUrl(`https://www.facebook.com/dialog/oauth?${text}`, providers);
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitScopes', () => {
  it('is idempotent: splitting its own output changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 400 }), { maxLength: 20 }), (values) => {
        const once = splitScopes(values);
        expect(splitScopes(once)).toEqual(once);
        expect(splitScopes([once.join(',')])).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps no separator inside a scope and no empty scope (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', ',', ' ', '+', '%', '2', '0', '\t'), maxLength: 50 })), (values) => {
        for (const scope of splitScopes(values)) expect(scope).toMatch(/^(?!.*%20)[^\s,+]+$/);
      }),
    );
  });
});

describe('parseAuthorizationOutcome', () => {
  const request = { redirectUri: 'https://www.budgetly.app/auth/facebook' };

  it.each([
    ['a code in the query', 'https://www.budgetly.app/auth/facebook?code=abc&state=xyz', 'granted'],
    ['a token in the fragment', 'https://www.budgetly.app/auth/facebook#access_token=t&expires_in=3600', 'granted'],
    ['an id_token in the fragment', 'https://www.budgetly.app/auth/facebook/#id_token=t', 'granted'],
    ['access_denied', 'https://www.budgetly.app/auth/facebook?error=access_denied&error_reason=user_denied', 'declined'],
    ['any error in the fragment', 'https://www.budgetly.app/auth/facebook#error=server_error', 'declined'],
    ['an error next to a code', 'https://www.budgetly.app/auth/facebook?code=abc&error=access_denied', 'declined'],
    ['no answer (form_post)', 'https://www.budgetly.app/auth/facebook', null],
    ['another path', 'https://www.budgetly.app/auth/google?code=abc', null],
    ['another origin', 'https://evil.example/auth/facebook?code=abc', null],
    ['another scheme', 'http://www.budgetly.app/auth/facebook?code=abc', null],
    ['garbage', '%%%', null],
  ])('reads %s', (_case, url, outcome) => {
    expect(parseAuthorizationOutcome(url, request)).toBe(outcome);
  });

  it('works for native-app redirect URIs', () => {
    expect(parseAuthorizationOutcome('com.example.app:/callback?code=1', { redirectUri: 'com.example.app:/callback' })).toBe(
      'granted',
    );
  });
});
