import type { ProviderDefinition } from '../providers/types.ts';
import { matchPatternUnder, uniquePatterns } from '../shared/match-patterns.ts';

/** One aggregator widget, as the content script sees it: URL prefixes and hosts only. */
export interface WidgetUrls {
  readonly providerId: string;
  readonly scriptUrls: readonly string[];
  readonly frameUrls: readonly string[];
  readonly hosts: readonly string[];
}

/**
 * Everything the content script knows about providers. JSON-serialisable and small, because the
 * build injects it into every page; scope catalogues stay in the background.
 */
export interface ContentSignatures {
  readonly widgets: readonly WidgetUrls[];
  /** Hostname → ids of the providers that show text prompts there. */
  readonly promptHosts: Readonly<Record<string, readonly string[]>>;
  readonly oauthHosts: readonly string[];
}

export type WidgetRole = 'script' | 'frame' | 'request';

export interface WidgetMatch {
  readonly providerId: string;
  readonly role: WidgetRole;
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
        scriptUrls: widget.scriptUrls.map((prefix) => normalizePrefix(id, prefix)),
        frameUrls: widget.frameUrls.map((prefix) => normalizePrefix(id, prefix)),
        hosts: widget.hosts.map((host) => host.toLowerCase()),
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

const ROLE_ORDER: readonly WidgetRole[] = ['frame', 'script', 'request'];

function matchesRole(widget: WidgetUrls, role: WidgetRole, url: URL): boolean {
  if (role === 'frame') return widget.frameUrls.some((prefix) => url.href.startsWith(prefix));
  if (role === 'script') return widget.scriptUrls.some((prefix) => url.href.startsWith(prefix));
  return widget.hosts.includes(url.hostname);
}

/**
 * Which widget a URL belongs to. The most specific role wins across all providers: a frame URL
 * usually also starts with the script prefix and always lies on a widget host.
 */
export function matchWidgetUrl(signatures: ContentSignatures, url: string): WidgetMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  for (const role of ROLE_ORDER) {
    const widget = signatures.widgets.find((candidate) => matchesRole(candidate, role, parsed));
    if (widget) return { providerId: widget.providerId, role };
  }
  return null;
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
  return uniquePatterns(providers.flatMap(({ widget }) => widget?.frameUrls ?? []).map((prefix) => matchPatternUnder(new URL(prefix))));
}
