import type { ProviderDefinition } from './types.ts';

// Instagram Login for professional accounts: developers.facebook.com/documentation/
// instagram-platform/reference/oauth-authorize (comma-separated scopes; the business_* names
// without the instagram_ prefix were retired on 27 January 2025), and the retired Basic Display
// scopes old integrations still send. Instagram through Facebook Login uses the Facebook dialog.
export default {
  id: 'instagram',
  name: 'Instagram',
  kind: 'identity',
  source: 'Instagram account',
  oauth: {
    hosts: ['api.instagram.com', 'www.instagram.com'],
    paths: [/^\/oauth\/authorize\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  scopes: {
    instagram_business_basic: { means: 'see your profile, photos and videos', category: 'photos', risk: 'medium' },
    instagram_business_content_publish: { means: 'post photos, videos and stories for you', category: 'act-for-you', risk: 'high' },
    instagram_business_manage_messages: { means: 'read and send your direct messages', category: 'messages', risk: 'high' },
    instagram_business_manage_comments: { means: 'read, reply to and delete comments on your posts', category: 'act-for-you', risk: 'medium' },
    instagram_business_manage_insights: { means: 'see how your account and posts perform', category: 'activity', risk: 'medium' },
    business_basic: { means: 'see your profile, photos and videos', category: 'photos', risk: 'medium' },
    business_content_publish: { means: 'post photos, videos and stories for you', category: 'act-for-you', risk: 'high' },
    business_manage_messages: { means: 'read and send your direct messages', category: 'messages', risk: 'high' },
    business_manage_comments: { means: 'read, reply to and delete comments on your posts', category: 'act-for-you', risk: 'medium' },
    user_profile: { means: 'see your username and account type', category: 'profile', risk: 'low' },
    user_media: { means: 'see your photos, videos and albums', category: 'photos', risk: 'medium' },
  },
  revocation: {
    url: 'https://www.instagram.com/accounts/manage_access/',
    steps: [
      'Open Settings, then "Apps and websites".',
      'Under "Active", choose the app.',
      'Choose "Remove" and confirm.',
    ],
  },
  fixtures: {
    positive: [
      'https://www.instagram.com/oauth/authorize?client_id=990602627938098&redirect_uri=https%3A%2F%2Fwww.photoprint.app%2Fauth%2Finstagram&response_type=code&scope=instagram_business_basic%2Cinstagram_business_content_publish&state=pp-ig-4',
      'https://api.instagram.com/oauth/authorize?client_id=990602627938098&redirect_uri=https%3A%2F%2Fwww.photoprint.app%2Fauth%2Finstagram&response_type=code&scope=user_profile,user_media&state=pp-ig-5',
    ],
    negative: ['https://www.instagram.com/accounts/login/'],
  },
} satisfies ProviderDefinition;
