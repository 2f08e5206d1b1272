import type { ProviderDefinition } from './types.ts';

// X (Twitter). OAuth 2.0 with PKCE: developer.x.com/en/docs/authentication/oauth-2-0/user-context
// (/i/oauth2/authorize on twitter.com and x.com, space-separated scopes). OAuth 1.0a:
// developer.x.com/en/docs/authentication/api-reference/authorize and .../authenticate; those URLs
// carry only an oauth_token, and what the app may do is its access level (read, read and write,
// or read, write and direct messages), set in the developer portal and shown on the page.
export default {
  id: 'x',
  name: 'X (Twitter)',
  kind: 'identity',
  source: 'X account',
  oauth: {
    hosts: ['twitter.com', 'x.com', 'api.twitter.com', 'api.x.com'],
    paths: [/^\/i\/oauth2\/authorize\/?$/, /^\/oauth\/(authorize|authenticate)\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
    // The least every X app can do; an OAuth 1.0a app may be set up to do more.
    implicitScopes: ['app_access_level'],
  },
  scopes: {
    app_access_level: {
      means: "see your posts, profile and the accounts you follow, and more if the app's access level allows it",
      category: 'posts',
      risk: 'medium',
    },
    'tweet.read': { means: 'see your posts, including protected ones, and your timeline', category: 'posts', risk: 'medium' },
    'tweet.write': { means: 'post and delete posts for you', category: 'act-for-you', risk: 'high' },
    'tweet.moderate.write': { means: 'hide and unhide replies to your posts', category: 'act-for-you', risk: 'medium' },
    'users.read': { means: 'see your profile and any account you can see', category: 'profile', risk: 'low' },
    'follows.read': { means: 'see who you follow and who follows you', category: 'friends', risk: 'medium' },
    'follows.write': { means: 'follow and unfollow accounts for you', category: 'act-for-you', risk: 'medium' },
    'offline.access': { means: 'keep access to your account when you are not using it', category: 'offline-access', risk: 'medium' },
    'space.read': { means: 'see the Spaces you can see', category: 'activity', risk: 'low' },
    'mute.read': { means: 'see the accounts you have muted', category: 'friends', risk: 'medium' },
    'mute.write': { means: 'mute and unmute accounts for you', category: 'act-for-you', risk: 'medium' },
    'like.read': { means: 'see the posts you have liked', category: 'activity', risk: 'medium' },
    'like.write': { means: 'like and unlike posts for you', category: 'act-for-you', risk: 'medium' },
    'list.read': { means: 'see your lists, including private ones', category: 'activity', risk: 'medium' },
    'list.write': { means: 'create and change lists for you', category: 'act-for-you', risk: 'medium' },
    'block.read': { means: 'see the accounts you have blocked', category: 'friends', risk: 'medium' },
    'block.write': { means: 'block and unblock accounts for you', category: 'act-for-you', risk: 'medium' },
    'bookmark.read': { means: 'see your bookmarks', category: 'activity', risk: 'medium' },
    'bookmark.write': { means: 'add and remove bookmarks for you', category: 'act-for-you', risk: 'low' },
    'dm.read': { means: 'read all your direct messages', category: 'messages', risk: 'high' },
    'dm.write': { means: 'send direct messages for you', category: 'act-for-you', risk: 'high' },
    'media.write': { means: 'upload photos and videos for you', category: 'act-for-you', risk: 'medium' },
  },
  revocation: {
    url: 'https://x.com/settings/connected_apps',
    steps: [
      'Open Settings, then "Security and account access", then "Apps and sessions".',
      'Under "Connected apps", choose the app.',
      'Choose "Revoke app permissions" and confirm.',
    ],
    // Modelled on Settings > Connected apps (help.x.com "Connect or revoke access to third-party
    // apps"): an app opens to "Revoke app permissions", confirmed in X's confirmation sheet
    // (data-testid confirmationSheetConfirm, as in X's other confirmations). X marks its
    // components with data-testid; its class names are generated.
    recipe: {
      list: '[data-testid="connectedApps"]',
      row: '[data-testid="connectedApps"] > [data-testid="connectedApp"]',
      rowName: 'span[dir="ltr"]',
      reveal: '[data-testid="connectedAppEntry"]',
      remove: '[role="button"][data-testid="revokeAppPermissions"]',
      confirm: '[data-testid="confirmationSheetDialog"] [data-testid="confirmationSheetConfirm"]',
      signIn: 'input[autocomplete="username"]',
      emptyList: '[data-testid="emptyState"]',
    },
    fixtures: ['https://x.com/settings/connected_apps'],
  },
  fixtures: {
    positive: [
      'https://twitter.com/i/oauth2/authorize?response_type=code&client_id=M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ&redirect_uri=https%3A%2F%2Fwww.photoprint.app%2Fauth%2Fx%2Fcallback&scope=tweet.read%20users.read%20offline.access&state=state-8a7f&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256',
      'https://x.com/i/oauth2/authorize?response_type=code&client_id=bWFpbHNvcnQteC1hcHA6MTpjaQ&redirect_uri=https%3A%2F%2Fapp.mailsort.io%2Foauth%2Fx&scope=tweet.read%20tweet.write%20users.read%20dm.read&state=ms-x-55&code_challenge=Qs4mG3h9zL2x&code_challenge_method=plain',
      'https://api.x.com/oauth/authorize?oauth_token=Z6eEdO8MOmk394WozF5oKyuAv855l4Mlqo7hhlSLik',
      'https://api.twitter.com/oauth/authenticate?oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0',
    ],
    negative: ['https://x.com/i/flow/login', 'https://help.x.com/en/managing-your-account/connect-or-revoke-access-to-third-party-apps'],
  },
} satisfies ProviderDefinition;
