import type { ProviderDefinition } from './types.ts';

// TikTok Login Kit for web: developers.tiktok.com/doc/login-kit-web (v2 /v2/auth/authorize/,
// comma-separated scopes, the app named by client_key; the legacy /auth/authorize/ still
// answers). Users may untick some scopes on the page.
export default {
  id: 'tiktok',
  name: 'TikTok',
  kind: 'identity',
  source: 'TikTok account',
  oauth: {
    hosts: ['www.tiktok.com'],
    paths: [/^\/(v2\/)?auth\/authorize\/?$/],
    clientIdParam: 'client_key',
    scopeParams: ['scope'],
  },
  scopes: {
    'user.info.basic': { means: 'see your display name and profile picture', category: 'profile', risk: 'low' },
    'user.info.profile': { means: 'see your bio, profile link and whether your account is verified', category: 'profile', risk: 'low' },
    'user.info.stats': { means: 'see how many followers, likes and videos you have', category: 'activity', risk: 'low' },
    'video.list': { means: 'see your public videos', category: 'photos', risk: 'medium' },
    'video.upload': { means: 'put videos into your TikTok drafts', category: 'act-for-you', risk: 'medium' },
    'video.publish': { means: 'post videos to your account', category: 'act-for-you', risk: 'high' },
  },
  revocation: {
    url: 'https://www.tiktok.com/setting/security',
    steps: [
      'Open Settings, then "Security", then "Manage app permissions".',
      'Choose the app.',
      'Choose "Remove access" and confirm.',
    ],
  },
  fixtures: {
    positive: [
      'https://www.tiktok.com/v2/auth/authorize/?client_key=awq7pj3uxp4z9k2m&scope=user.info.basic,video.list&response_type=code&redirect_uri=https%3A%2F%2Fwww.photoprint.app%2Fauth%2Ftiktok%2Fcallback&state=pp-tt-20',
    ],
    negative: ['https://www.tiktok.com/login'],
  },
} satisfies ProviderDefinition;
