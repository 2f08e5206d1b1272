import type { ProviderDefinition } from './types.ts';

// Facebook Login, Messenger's "link your bank" prompts and Meta's uploaded-contacts sync.
// Scope names: developers.facebook.com/docs/permissions; the dialog URL and its comma-separated
// scope list: developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow.
export default {
  id: 'facebook',
  name: 'Facebook',
  kind: 'identity',
  source: 'Facebook account',
  oauth: {
    hosts: ['www.facebook.com', 'm.facebook.com', 'web.facebook.com'],
    paths: [/^\/(v\d+\.\d+\/)?dialog\/oauth\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
    implicitScopes: ['public_profile'],
  },
  prompts: {
    hosts: ['www.facebook.com', 'www.messenger.com'],
    topics: {
      'bank-link': ['messenger_bank_link'],
      'balance-share': ['messenger_balance'],
      'contacts-upload': ['contacts_upload'],
    },
  },
  scopes: {
    public_profile: { means: 'see your name and profile picture', category: 'profile', risk: 'low' },
    email: { means: 'see your email address', category: 'email-address', risk: 'low' },
    user_friends: { means: 'see your friends list (friends who also use the app)', category: 'friends', risk: 'medium' },
    user_birthday: { means: 'see your birthday', category: 'birthday', risk: 'medium' },
    user_hometown: { means: 'see your hometown', category: 'location', risk: 'medium' },
    user_location: { means: 'see your current city', category: 'location', risk: 'medium' },
    user_gender: { means: 'see your gender', category: 'profile', risk: 'medium' },
    user_age_range: { means: 'see your age range', category: 'profile', risk: 'low' },
    user_link: { means: 'see the link to your profile', category: 'profile', risk: 'low' },
    user_posts: { means: 'read the posts on your timeline', category: 'posts', risk: 'high' },
    user_photos: { means: 'see all your photos', category: 'photos', risk: 'high' },
    user_videos: { means: 'see all your videos', category: 'photos', risk: 'high' },
    user_likes: { means: 'see every page you have liked', category: 'activity', risk: 'medium' },
    user_events: { means: 'see the events you go to', category: 'activity', risk: 'medium' },
    publish_to_groups: { means: 'post in groups for you', category: 'act-for-you', risk: 'high' },
    pages_messaging: { means: 'send and read messages of your Pages', category: 'messages', risk: 'high' },
    pages_show_list: { means: 'see the list of Pages you manage', category: 'account-details', risk: 'low' },
    pages_read_engagement: { means: "read your Pages' posts, comments and followers", category: 'posts', risk: 'medium' },
    pages_manage_posts: { means: 'post, change and delete posts on your Pages', category: 'act-for-you', risk: 'high' },
    read_insights: { means: 'see how your Pages and posts perform', category: 'activity', risk: 'medium' },
    ads_read: { means: 'see your ad accounts and their reports', category: 'account-details', risk: 'medium' },
    ads_management: { means: 'create, change and pay for ads in your ad accounts', category: 'act-for-you', risk: 'high' },
    business_management: { means: 'manage your business accounts, their people and assets', category: 'act-for-you', risk: 'high' },
    instagram_basic: { means: 'see your Instagram profile and media', category: 'photos', risk: 'medium' },
    instagram_content_publish: { means: 'post photos and videos to your Instagram for you', category: 'act-for-you', risk: 'high' },
    instagram_manage_messages: { means: 'read and send your Instagram direct messages', category: 'messages', risk: 'high' },
    messenger_bank_link: { means: "see your bank account's balance and card transactions in Messenger", category: 'transactions', risk: 'high' },
    messenger_balance: { means: 'see your account balance', category: 'balances', risk: 'high' },
    contacts_upload: { means: "keep a copy of your phone's or email's contacts", category: 'contacts', risk: 'high' },
  },
  revocation: {
    url: 'https://www.facebook.com/settings?tab=applications',
    steps: [
      'Open Settings, then "Apps and Websites".',
      'Find the app under "Active" and choose "Remove".',
      'Confirm with "Remove" in the dialog.',
    ],
    // Modelled on Settings > Apps and Websites (help 405094243235242: Active tab, "View and edit",
    // "Remove", a "Remove <app>?" dialog). Facebook's class names change with every build, so the
    // recipe holds on to roles, aria-labels and the app_id in the "View and edit" link.
    recipe: {
      list: '[role="list"][aria-label="Active apps and websites"]',
      row: '[role="list"][aria-label="Active apps and websites"] > [role="listitem"]',
      rowName: 'span[dir="auto"]',
      remove: '[role="button"][aria-label^="Remove"]',
      confirm: '[role="dialog"] [role="button"][aria-label="Remove"]',
      signIn: 'form#login_form',
      clientId: { selector: 'a[href*="app_id="]', attribute: 'href', pattern: 'app_id=(\\d+)' },
    },
    fixtures: ['https://www.facebook.com/settings?tab=applications'],
  },
  fixtures: {
    positive: [
      'https://www.facebook.com/v19.0/dialog/oauth?client_id=4242424242&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fauth%2Ffacebook&scope=email,user_friends,user_posts&state=xyz&response_type=code',
      'https://www.messenger.com/t/chasebank',
    ],
    negative: ['https://www.facebook.com/help/connect-apps', 'https://www.messenger.com/t/friend'],
  },
} satisfies ProviderDefinition;
