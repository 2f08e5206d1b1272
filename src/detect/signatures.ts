import type { ProviderDefinition } from '../providers/types.ts';
import { uniquePatterns } from '../shared/match-patterns.ts';

/** One aggregator widget, as the content scripts see it: the prefixes of its frame's address. */
export interface WidgetUrls {
  readonly providerId: string;
  readonly frameUrls: readonly string[];
}

/**
 * Everything the content scripts know about providers. JSON-serialisable and small, because the
 * build puts it into each content script; scope catalogues stay in the background.
 */
export interface ContentSignatures {
  readonly widgets: readonly WidgetUrls[];
  /** Hostname → ids of the providers that show text prompts there. */
  readonly promptHosts: Readonly<Record<string, readonly string[]>>;
  readonly oauthHosts: readonly string[];
}

/**
 * Prefixes in the form URL.href gives, so "https://connect2.finicity.com" becomes
 * "https://connect2.finicity.com/" and cannot match "https://connect2.finicity.com.evil.example".
 */
function normalizePrefix(providerId: string, prefix: string): string {
  try {
    return new URL(prefix).href;
  } catch {
    throw new Error(`Provider "${providerId}": widget URL prefix is not a URL: ${prefix}`);
  }
}

export function compileSignatures(providers: readonly ProviderDefinition[]): ContentSignatures {
  const widgets: WidgetUrls[] = [];
  const promptHosts = new Map<string, string[]>();
  const oauthHosts = new Set<string>();
  for (const { id, widget, prompts, oauth } of providers) {
    if (widget) {
      widgets.push({
        providerId: id,
        frameUrls: widget.frameUrls.map((prefix) => normalizePrefix(id, prefix)),
      });
    }
    for (const host of prompts?.hosts ?? []) {
      const ids = promptHosts.get(host.toLowerCase()) ?? [];
      promptHosts.set(host.toLowerCase(), [...ids, id]);
    }
    for (const host of oauth?.hosts ?? []) oauthHosts.add(host.toLowerCase());
  }
  // fromEntries defines own properties, so even a "__proto__" key stays plain data.
  return { widgets, promptHosts: Object.fromEntries(promptHosts), oauthHosts: [...oauthHosts] };
}

/**
 * The provider whose widget frame lives at `url`, or null. Compared as URL.href gives it, so a
 * look-alike host ("cdn.plaid.com.evil.example") or user info ("cdn.plaid.com@evil.example")
 * never matches.
 */
export function widgetFrameProvider(signatures: ContentSignatures, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  return signatures.widgets.find((widget) => widget.frameUrls.some((prefix) => parsed.href.startsWith(prefix)))?.providerId ?? null;
}

export function promptProvidersFor(signatures: ContentSignatures, hostname: string): string[] {
  const host = hostname.toLowerCase();
  return Object.hasOwn(signatures.promptHosts, host) ? [...(signatures.promptHosts[host] ?? [])] : [];
}

/**
 * Where the page detector runs: the providers' own sites, where they show text prompts and
 * their authorization pages. Nowhere else: an ordinary page gets no Linkwatch script at all.
 */
export function providerSiteMatchPatterns(providers: readonly ProviderDefinition[]): string[] {
  return uniquePatterns(providers.flatMap(({ prompts, oauth }) => [...(prompts?.hosts ?? []), ...(oauth?.hosts ?? [])]).map((host) => `https://${host.toLowerCase()}/*`));
}

/** Where the widget-frame script runs, in any frame: every aggregator's widget address. */
export function widgetFrameMatchPatterns(providers: readonly ProviderDefinition[]): string[] {
  // The prefix's path as it is, trailing slash included: "teller.io/connect/" must not cover "/connectivity".
  return uniquePatterns(
    providers.flatMap(({ widget }) => widget?.frameUrls ?? []).map((prefix) => {
      const url = new URL(prefix);
      return `${url.protocol}//${url.host}${url.pathname}*`;
    }),
  );
}
