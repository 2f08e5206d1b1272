import type { ProviderDefinition } from './types.ts';

// Slack: installing an app (api.slack.com/authentication/oauth-v2: bot scopes in `scope`, scopes
// acting as the user in `user_scope`, both comma-separated), Sign in with Slack over OpenID
// Connect (/openid/connect/authorize) and its legacy form (/oauth/authorize, identity.* scopes).
export default {
  id: 'slack',
  name: 'Slack',
  kind: 'identity',
  source: 'Slack account',
  oauth: {
    hosts: ['slack.com'],
    paths: [/^\/oauth(\/v2)?\/authorize\/?$/, /^\/openid\/connect\/authorize\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope', 'user_scope'],
  },
  scopes: {
    openid: { means: 'know which Slack account is yours', category: 'profile', risk: 'low' },
    email: { means: 'see your email address', category: 'email-address', risk: 'low' },
    profile: { means: 'see your name, picture and workspace', category: 'profile', risk: 'low' },
    'identity.basic': { means: 'see your name and workspace', category: 'profile', risk: 'low' },
    'identity.email': { means: 'see your email address', category: 'email-address', risk: 'low' },
    'identity.avatar': { means: 'see your profile picture', category: 'profile', risk: 'low' },
    'identity.team': { means: "see your workspace's name and icon", category: 'account-details', risk: 'low' },
    'team:read': { means: "see your workspace's name, domain and icon", category: 'account-details', risk: 'low' },
    'channels:read': { means: 'see the public channels of your workspace', category: 'activity', risk: 'low' },
    'channels:history': { means: 'read the messages in public channels', category: 'messages', risk: 'high' },
    'channels:manage': { means: 'create and manage public channels', category: 'act-for-you', risk: 'medium' },
    'groups:read': { means: 'see the private channels it is added to', category: 'activity', risk: 'low' },
    'groups:history': { means: 'read the messages in private channels', category: 'messages', risk: 'high' },
    'im:read': { means: 'see your direct message conversations', category: 'messages', risk: 'medium' },
    'im:history': { means: 'read your direct messages', category: 'messages', risk: 'high' },
    'mpim:read': { means: 'see your group direct message conversations', category: 'messages', risk: 'medium' },
    'mpim:history': { means: 'read your group direct messages', category: 'messages', risk: 'high' },
    'search:read': { means: "search your workspace's messages and files", category: 'messages', risk: 'high' },
    'app_mentions:read': { means: 'see messages that mention it', category: 'messages', risk: 'low' },
    'pins:read': { means: 'see pinned messages', category: 'messages', risk: 'low' },
    'links:read': { means: 'see links posted in channels', category: 'messages', risk: 'low' },
    'links:write': { means: 'show previews of links in messages', category: 'act-for-you', risk: 'low' },
    'chat:write': { means: 'send messages in Slack', category: 'act-for-you', risk: 'high' },
    'reactions:read': { means: 'see emoji reactions on messages', category: 'activity', risk: 'low' },
    'reactions:write': { means: 'add and remove emoji reactions', category: 'act-for-you', risk: 'low' },
    'stars:read': { means: 'see the messages and files you saved', category: 'activity', risk: 'low' },
    'users:read': { means: 'see the people in your workspace', category: 'contacts', risk: 'medium' },
    'users:read.email': { means: 'see the email addresses of the people in your workspace', category: 'contacts', risk: 'high' },
    'users.profile:read': { means: 'see the profiles of the people in your workspace', category: 'contacts', risk: 'medium' },
    'users:write': { means: 'set your presence', category: 'act-for-you', risk: 'low' },
    'usergroups:read': { means: 'see the user groups of your workspace', category: 'contacts', risk: 'low' },
    'files:read': { means: 'see the files shared in your workspace', category: 'files', risk: 'high' },
    'files:write': { means: 'upload, change and delete files', category: 'files', risk: 'medium' },
    commands: { means: 'add slash commands', category: 'act-for-you', risk: 'low' },
    'incoming-webhook': { means: 'post messages to a channel you choose', category: 'act-for-you', risk: 'low' },
  },
  revocation: {
    url: 'https://slack.com/apps/manage',
    steps: [
      'Sign in to your workspace; the page lists its installed apps.',
      'Choose the app.',
      'Under "Configuration", choose "Remove App" (or "Revoke" for your own authorization) and confirm.',
    ],
  },
  fixtures: {
    positive: [
      'https://slack.com/oauth/v2/authorize?client_id=3336676.569200954261&scope=chat%3Awrite%2Ccommands%2Cchannels%3Aread&user_scope=im%3Ahistory%2Cusers%3Aread.email&redirect_uri=https%3A%2F%2Fapp.mailsort.io%2Fintegrations%2Fslack&state=ms-sl-7',
      'https://slack.com/openid/connect/authorize?response_type=code&client_id=3336676.569200954261&scope=openid%20email%20profile&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fauth%2Fslack&state=bd-sl-3&nonce=n-0S6_WzA2Mj',
    ],
    negative: ['https://slack.com/signin'],
  },
} satisfies ProviderDefinition;
