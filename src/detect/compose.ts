import type { DetectionInput, DetectionOutcome, ScopeReading } from '../ledger/model.ts';
import type { NoticeChannel, NoticeView } from '../shared/messages.ts';
import type { PromptTopic, ProviderDefinition } from '../providers/types.ts';
import type { AuthorizationRequest } from './oauth.ts';
import { describeScopes, summarizeCategories } from './scopes.ts';
import { siteForName } from '../revoke/inventory.ts';
import { normaliseSite } from '../ledger/rules.ts';

/**
 * Turns what was seen (a report from a page, a navigation) plus the catalogue into a ledger input.
 * The page's own address always comes from the browser (`pageUrl`), never from the page.
 */

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

const FINANCIAL_TOPICS: ReadonlySet<PromptTopic> = new Set(['bank-link', 'balance-share']);

// An app's name as consent pages print it: capitalised words, dots only inside one ("Mint by
// Intuit", "Cash.App"). Case matters here, so no pattern below is case-insensitive.
const WORD = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*`;
const NAME = String.raw`(${WORD}(?: (?:${WORD}|by|de|du|von)){0,3}?)`;
// How banks' consent pages name who asks, in the languages the text matcher reads.
const REQUESTER_PATTERNS: readonly RegExp[] = [
  new RegExp(`${NAME} (?:would like|wants|is requesting|is asking|will be able|podrá|quiere|solicita|pourra|souhaite|demande|möchte|erhält|wird)`, 'u'),
  new RegExp(`(?:[Ss]hare|[Ss]haring|[Cc]omparte|[Cc]ompartir|[Pp]artagez|[Pp]artager|[Tt]eilen)[^.]{0,60}? (?:with|con|avec|mit) ${NAME}(?=$|[\\s.,;:!?])`, 'u'),
  new RegExp(`(?:[Cc]onnect|[Cc]onecta|[Cc]onectar|[Cc]onnectez|[Vv]erbinden Sie|[Aa]llow|[Pp]ermitir a|[Aa]utorisez|[Aa]utoriser|[Ee]rlauben Sie) ${NAME} (?:to|a|à|mit|zu)\\b`, 'u'),
];

/** The app a bank's consent page names as asking for the person's data, when it names one. */
export function requesterName(text: string): string | null {
  for (const pattern of REQUESTER_PATTERNS) {
    const name = pattern.exec(text)?.[1]?.trim();
    if (name) return name;
  }
  return null;
}

export interface Composed {
  readonly input: DetectionInput;
  /** Same key, same prompt: the badge counts a prompt once per page however often it is seen. */
  readonly key: string;
  readonly channel: NoticeChannel;
}

function compose(channel: NoticeChannel, input: Omit<DetectionInput, 'channel'>): Composed {
  const scopes = input.scopes.map((s) => s.scope).sort().join(' ');
  const key = [channel, input.providerId, input.recipient.site, input.recipient.clientId ?? '', scopes].join('|');
  return { input: { ...input, channel }, key, channel };
}

export function composeOAuth(
  provider: ProviderDefinition,
  request: AuthorizationRequest,
  context: { pageUrl: string; previousUrl: string | null; at: number; outcome?: DetectionOutcome },
): Composed {
  // Without a redirect_uri, the app is the page the user came from.
  const site = request.recipientSite ?? (hostnameOf(context.previousUrl ?? '') || 'unknown');
  return compose('oauth', {
    providerId: provider.id,
    providerKind: provider.kind,
    source: { label: provider.source, providerId: provider.id },
    recipient: { site, clientId: request.clientId, name: null },
    intermediary: provider.kind === 'aggregator' ? { providerId: provider.id, name: provider.name } : null,
    scopes: describeScopes(provider, request.scopes),
    outcome: context.outcome ?? 'prompted',
    evidence: { pageUrl: context.pageUrl, seen: `${provider.name} authorization page` },
    at: context.at,
  });
}

export function composeWidget(
  provider: ProviderDefinition,
  context: { pageUrl: string; widgetUrl: string; at: number },
): Composed {
  const readings: ScopeReading[] = describeScopes(provider, provider.widget?.defaultScopes ?? []);
  return compose('widget', {
    providerId: provider.id,
    providerKind: provider.kind,
    source: { label: provider.source, providerId: null },
    recipient: { site: hostnameOf(context.pageUrl), clientId: null, name: null },
    intermediary: { providerId: provider.id, name: provider.name },
    scopes: readings,
    outcome: 'prompted',
    evidence: { pageUrl: context.pageUrl, seen: `${provider.name} widget shown (${context.widgetUrl.slice(0, 200)})` },
    at: context.at,
  });
}

export function composePrompt(
  provider: ProviderDefinition,
  report: { topic: PromptTopic; text: string; cta: string },
  context: { pageUrl: string; at: number },
): Composed {
  const scopeKeys = provider.prompts?.topics[report.topic] ?? [];
  // A bank's own consent page shares that bank's account; a social site's prompt links "a bank".
  const source =
    provider.kind === 'bank' || !FINANCIAL_TOPICS.has(report.topic)
      ? { label: provider.source, providerId: provider.id }
      : { label: 'Bank account', providerId: null };
  // On a bank's own page the bank is the source; the recipient is the app its page names.
  const requester = provider.kind === 'bank' ? requesterName(report.text) : null;
  return compose('text-prompt', {
    providerId: provider.id,
    providerKind: provider.kind,
    source,
    recipient: requester
      ? { site: siteForName(requester), clientId: null, name: requester }
      : { site: hostnameOf(context.pageUrl), clientId: null, name: null },
    intermediary: null,
    scopes: describeScopes(provider, scopeKeys),
    outcome: 'prompted',
    evidence: { pageUrl: context.pageUrl, seen: `"${report.cta}": ${report.text.slice(0, 300)}` },
    at: context.at,
  });
}

export function noticeFor(detectionId: string, composed: Composed, blockable: boolean): NoticeView {
  const { input } = composed;
  const { categories, risk } = summarizeCategories(input.scopes);
  return {
    detectionId,
    channel: composed.channel,
    recipient: input.recipient.name ?? normaliseSite(input.recipient.site),
    source: input.source.label,
    intermediary: input.intermediary?.name ?? null,
    categories,
    risk,
    blockable,
  };
}
