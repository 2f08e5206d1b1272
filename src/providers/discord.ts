import type { ProviderDefinition } from './types.ts';

// Discord OAuth2: docs.discord.com/developers/topics/oauth2 (/oauth2/authorize, formerly under
// /api and /api/v{n}, space-separated scopes). The same dialog adds bots to servers.
export default {
  id: 'discord',
  name: 'Discord',
  kind: 'identity',
  source: 'Discord account',
  oauth: {
    hosts: ['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com'],
    paths: [/^\/(api\/(v\d+\/)?)?oauth2\/authorize\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  scopes: {
    identify: { means: 'see your username, avatar and banner', category: 'profile', risk: 'low' },
    email: { means: 'see your email address', category: 'email-address', risk: 'low' },
    connections: { means: 'see the accounts you linked to Discord, such as Twitch or YouTube', category: 'account-details', risk: 'medium' },
    guilds: { means: 'see the servers you are in', category: 'activity', risk: 'low' },
    'guilds.join': { means: 'add you to servers', category: 'act-for-you', risk: 'medium' },
    'guilds.members.read': { means: 'see your nickname, roles and join date in your servers', category: 'profile', risk: 'low' },
    'gdm.join': { means: 'add you to group direct messages', category: 'act-for-you', risk: 'medium' },
    'relationships.read': { means: 'see your friends list', category: 'friends', risk: 'medium' },
    'dm_channels.read': { means: 'see who you have direct message conversations with', category: 'messages', risk: 'medium' },
    'messages.read': { means: 'read the messages your Discord app shows you', category: 'messages', risk: 'high' },
    rpc: { means: 'control the Discord app on your computer', category: 'act-for-you', risk: 'high' },
    'rpc.notifications.read': { means: 'see your Discord notifications', category: 'messages', risk: 'medium' },
    voice: { means: 'join voice chats for you and hear them', category: 'messages', risk: 'high' },
    'activities.read': { means: 'see the games and activities you have played', category: 'activity', risk: 'low' },
    'activities.write': { means: 'update your activity status', category: 'act-for-you', risk: 'low' },
    'role_connections.write': { means: 'update the details that give you linked roles', category: 'profile', risk: 'low' },
    bot: { means: 'add its bot to a server you manage', category: 'act-for-you', risk: 'medium' },
    'applications.commands': { means: 'add its commands to a server or to your account', category: 'act-for-you', risk: 'low' },
    'webhook.incoming': { means: 'post into a channel you choose', category: 'act-for-you', risk: 'medium' },
  },
  revocation: {
    url: 'https://discord.com/settings/authorized-apps',
    steps: [
      'Open User Settings, then "Authorized Apps".',
      'Find the app in the list.',
      'Choose "Deauthorize" and confirm.',
    ],
  },
  fixtures: {
    positive: [
      'https://discord.com/oauth2/authorize?client_id=1187421903266451487&response_type=code&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fauth%2Fdiscord&scope=identify%20email%20guilds%20connections&state=bd-dc-42',
    ],
    negative: ['https://discord.com/login'],
  },
} satisfies ProviderDefinition;
