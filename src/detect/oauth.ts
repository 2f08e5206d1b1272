import type { ProviderDefinition } from '../providers/types.ts';
import { scopeMeaning } from './scopes.ts';

/** What a consent-dialog URL asks for, and for whom. */
export interface AuthorizationRequest {
  readonly providerId: string;
  readonly clientId: string | null;
  readonly redirectUri: string | null;
  /** Hostname of redirect_uri, lowercased; null when it is not an http(s) URL (native apps). */
  readonly recipientSite: string | null;
  /** Raw scopes, deduplicated in the order asked, including the provider's implicit ones. */
  readonly scopes: string[];
  readonly responseType: string | null;
  /** The recipient may keep reading after the user leaves (refresh tokens). */
  readonly offlineAccess: boolean;
}

export type AuthorizationOutcome = 'granted' | 'declined';

// Bounds for URLs a hostile page can make arbitrarily large.
export const MAX_URL_LENGTH = 16 * 1024;
export const MAX_SCOPES = 200;
export const MAX_SCOPE_LENGTH = 300;

const OFFLINE_SCOPES = new Set(['offline_access', 'offline.access']);

/** Never throws: over-long input is cut, unparseable input is null. */
function parseUrl(url: string): URL | null {
  try {
    return new URL(url.slice(0, MAX_URL_LENGTH));
  } catch {
    return null;
  }
}

/**
 * Splits scope parameter values on commas (Facebook, TikTok), spaces or '+' (everyone else), and
 * on a literal "%20" that survived decoding because the page encoded it twice. Deduplicated in
 * order, each cut to MAX_SCOPE_LENGTH, at most MAX_SCOPES.
 */
export function splitScopes(values: Iterable<string>): string[] {
  const scopes = new Set<string>();
  for (const value of values) {
    for (const part of value.split(/%20|[\s,+]+/)) {
      if (scopes.size >= MAX_SCOPES) return [...scopes];
      const scope = part.trim().slice(0, MAX_SCOPE_LENGTH);
      if (scope) scopes.add(scope);
    }
  }
  return [...scopes];
}

function siteOf(uri: string | null): string | null {
  const url = uri === null ? null : parseUrl(uri);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.hostname.toLowerCase() : null;
}

export function parseAuthorizationUrl(
  url: string,
  providers: readonly ProviderDefinition[],
): AuthorizationRequest | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:') return null;
  const provider = providers.find(
    ({ oauth }) => oauth?.hosts.includes(parsed.hostname) && oauth.paths.some((path) => path.test(parsed.pathname)),
  );
  const oauth = provider?.oauth;
  if (!provider || !oauth) return null;

  const params = parsed.searchParams;
  // Every authorization request names its app, or (OAuth 1.0a) carries the app's request token; the
  // same path without either is the provider's own sign-in page (Wells Fargo's is both).
  const clientId = params.get(oauth.clientIdParam) || null;
  if (!clientId && !params.get('oauth_token')) return null;
  // Implicit scopes first, so the MAX_SCOPES cut never drops what is granted anyway.
  const scopes = splitScopes([
    ...(oauth.implicitScopes ?? []),
    ...oauth.scopeParams.flatMap((name) => params.getAll(name)),
  ]);
  const redirectUri = params.get('redirect_uri');
  return {
    providerId: provider.id,
    clientId,
    redirectUri,
    recipientSite: siteOf(redirectUri),
    scopes,
    responseType: params.get('response_type'),
    offlineAccess:
      params.get('access_type') === 'offline' ||
      scopes.some((scope) => OFFLINE_SCOPES.has(scope) || scopeMeaning(provider, scope)?.category === 'offline-access'),
  };
}

/** Origin and path, the part of a redirect_uri the provider must return to unchanged. */
function endpointOf(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
}

/**
 * Reads the provider's answer from the navigation back to the redirect_uri: a code or token means
 * the user agreed, an error (access_denied, usually) that they did not. Responses posted with
 * response_mode=form_post carry nothing in the URL and read as null.
 */
export function parseAuthorizationOutcome(url: string, request: { redirectUri: string }): AuthorizationOutcome | null {
  const landed = parseUrl(url);
  const expected = parseUrl(request.redirectUri);
  if (!landed || !expected || endpointOf(landed) !== endpointOf(expected)) return null;
  const answers = [landed.searchParams, new URLSearchParams(landed.hash.slice(1))];
  if (answers.some((params) => params.has('error'))) return 'declined';
  if (answers.some((params) => params.has('code') || params.has('access_token') || params.has('id_token'))) return 'granted';
  return null;
}
