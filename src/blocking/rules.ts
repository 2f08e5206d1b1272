import type { ProviderDefinition } from '../providers/types.ts';

/**
 * declarativeNetRequest rules that stop one link from being made again in this browser, scoped as
 * narrowly as the facts allow so the person's own use of the provider keeps working:
 * - an aggregator widget: its hosts, only when requested by (or inside) the recipient's site;
 * - an OAuth app with a known client id: that client's authorization requests, from anywhere;
 * - an OAuth app without one: the provider's authorization pages, only when opened from the site.
 * Pure data: src/background/blocking.ts installs them.
 */
export interface BlockRule {
  readonly id: number;
  readonly priority: number;
  readonly action: { readonly type: 'block' };
  readonly condition: {
    readonly requestDomains: string[];
    readonly initiatorDomains?: string[];
    readonly urlFilter?: string;
    readonly resourceTypes: ResourceType[];
  };
}

type ResourceType = 'main_frame' | 'sub_frame' | 'script' | 'xmlhttprequest' | 'image' | 'stylesheet' | 'websocket' | 'other';

export interface BlockTarget {
  readonly channel: 'oauth' | 'widget' | 'text-prompt' | 'imported';
  readonly site: string;
  readonly clientId: string | null;
}

const WIDGET_TYPES: ResourceType[] = ['main_frame', 'sub_frame', 'script', 'xmlhttprequest', 'stylesheet', 'image', 'websocket', 'other'];
const NAVIGATION_TYPES: ResourceType[] = ['main_frame', 'sub_frame'];

// urlFilter gives '*', '|' and '^' meanings of their own; a client id holding them, or anything
// outside the URL-safe set, cannot be matched exactly, so we fall back to the site-scoped rule.
const PLAIN_CLIENT_ID = /^[A-Za-z0-9._~%-]{1,200}$/;

/** The rules for `target`, numbered from `firstId`; empty when nothing in the network can stop it. */
export function blockRules(provider: ProviderDefinition, target: BlockTarget, firstId: number): BlockRule[] {
  const site = target.site.toLowerCase();
  const rules: Omit<BlockRule, 'id' | 'priority' | 'action'>[] = [];
  if (provider.widget && (target.channel === 'widget' || target.channel === 'imported')) {
    rules.push({
      condition: { requestDomains: [...provider.widget.hosts], initiatorDomains: [site], resourceTypes: WIDGET_TYPES },
    });
  }
  if (provider.oauth && (target.channel === 'oauth' || target.channel === 'imported')) {
    const hosts = [...provider.oauth.hosts];
    if (target.clientId && PLAIN_CLIENT_ID.test(target.clientId)) {
      rules.push({
        condition: {
          requestDomains: hosts,
          urlFilter: `${provider.oauth.clientIdParam}=${target.clientId}^`,
          resourceTypes: NAVIGATION_TYPES,
        },
      });
    } else if (site && site !== 'unknown') {
      rules.push({ condition: { requestDomains: hosts, initiatorDomains: [site], resourceTypes: NAVIGATION_TYPES } });
    }
  }
  return rules.map((rule, i) => ({ id: firstId + i, priority: 1, action: { type: 'block' }, ...rule }));
}
