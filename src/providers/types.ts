import type { DataCategory, Risk } from '../shared/categories.ts';

export type ProviderKind = 'identity' | 'aggregator' | 'bank' | 'social-payments';

/** What one raw scope or permission means, in plain words. */
export interface ScopeMeaning {
  /** Completes "<app> will be able to …": "read all your email". English; shown in details. */
  readonly means: string;
  readonly category: DataCategory;
  readonly risk: Risk;
}

/** An OAuth 2.0 (or 1.0a) authorization endpoint: the URL a consent dialog lives at. */
export interface OAuthSignature {
  /** Exact hostnames serving the endpoint. */
  readonly hosts: readonly string[];
  /** Tested against the URL's pathname. */
  readonly paths: readonly RegExp[];
  /** Query parameter naming the app: client_id almost everywhere, client_key on TikTok. */
  readonly clientIdParam: string;
  /** Query parameters holding scopes (Slack has two). */
  readonly scopeParams: readonly string[];
  /** Granted without being asked for, e.g. Facebook's public_profile. Keys of `scopes`. */
  readonly implicitScopes?: readonly string[];
}

/** An aggregator's widget, which a site embeds to reach the user's bank. */
export interface WidgetSignature {
  /**
   * URL prefixes of the loader scripts (scheme, host and path prefix). A loader alone is no prompt,
   * so detection does not use them; Block must stop them, so each lies on one of `hosts`.
   */
  readonly scriptUrls: readonly string[];
  /** URL prefixes of the iframe or popup in which the widget shows itself to the user. */
  readonly frameUrls: readonly string[];
  /** Every host the widget talks to: blocked together when the user blocks the widget. */
  readonly hosts: readonly string[];
  /** What the recipient gets when the page does not say. Keys of `scopes`. */
  readonly defaultScopes: readonly string[];
}

/** Topics of text prompts that the wording matcher in src/detect/text.ts recognises. */
export type PromptTopic = 'bank-link' | 'balance-share' | 'contacts-upload' | 'account-connect';

/** Text prompts ("Connect your bank to Messenger") shown on the provider's own sites. */
export interface PromptSignature {
  /** Exact hostnames on which the provider shows such prompts. */
  readonly hosts: readonly string[];
  /** What a prompt of each topic asks for. Keys of `scopes`. */
  readonly topics: Partial<Readonly<Record<PromptTopic, readonly string[]>>>;
}

/**
 * How the revoke assistant removes an app on the provider's management page. CSS selectors,
 * each checked against the fixture page modelled on that page.
 */
export interface RevokeRecipe {
  /** One row per connected app. */
  readonly row: string;
  /** Inside a row: the element whose text is the app's name. */
  readonly rowName: string;
  /** Inside a row: the control that removes the app. */
  readonly remove: string;
  /** Document-wide: the button confirming the removal, when the provider asks. */
  readonly confirm?: string;
  /** Document-wide: present when the provider wants the user to sign in first. */
  readonly signIn?: string;
  /**
   * Inside a row: the control that shows `remove` when the page keeps it in a menu or an
   * expanding panel (GitHub's "…", Microsoft's "Edit"). Clicked only on the named app's row.
   */
  readonly reveal?: string;
  /** Document-wide: the list's container. Neither it, `signIn` nor `emptyList` present: the page changed. */
  readonly list?: string;
  /** Document-wide: present when the provider shows that no app is connected. */
  readonly emptyList?: string;
  /** Where a row names the app's client id, e.g. a link to the app's details page. */
  readonly clientId?: RecipeClientId;
}

/** Reads the client id out of one attribute of an element inside a row. */
export interface RecipeClientId {
  readonly selector: string;
  readonly attribute: string;
  /** A regular expression's source whose first group is the id; the whole value when absent. */
  readonly pattern?: string;
}

export interface Revocation {
  /** The provider's own page where the user removes an app. */
  readonly url: string;
  /** Plain-language steps, shown when the assistant cannot do it for the user. */
  readonly steps: readonly string[];
  readonly recipe?: RevokeRecipe;
  /**
   * More URL prefixes (scheme, host, path) where the same list lives, when `url` is not its only
   * address (Google's /connections beside /permissions).
   */
  readonly pages?: readonly string[];
  /**
   * The fixture pages modelled on the management page (test/fixtures/<host>/<path>); every recipe
   * is checked against them.
   */
  readonly fixtures?: readonly string[];
}

export interface ProviderDefinition {
  /** Stable, kebab-case; stored in ledger records. */
  readonly id: string;
  readonly name: string;
  readonly kind: ProviderKind;
  /** The account whose data flows, as the user would say it: "Facebook account". */
  readonly source: string;
  readonly oauth?: OAuthSignature;
  readonly widget?: WidgetSignature;
  readonly prompts?: PromptSignature;
  readonly scopes: Readonly<Record<string, ScopeMeaning>>;
  readonly revocation: Revocation;
  /**
   * The evidence for the signatures above: https URLs served from test/fixtures/<host>/<path>.
   * Positive pages must be detected as this provider; negative pages must not be.
   */
  readonly fixtures: { readonly positive: readonly string[]; readonly negative: readonly string[] };
}
