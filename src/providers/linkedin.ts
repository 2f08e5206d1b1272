import type { ProviderDefinition } from './types.ts';

// Sign In with LinkedIn (OpenID Connect) and the member APIs:
// learn.microsoft.com/linkedin/shared/authentication/authorization-code-flow (space-separated
// scopes; the member must accept all of them or none). Data categories shown to members:
// help.linkedin.com/app/answers/detail/a_id/1207.
export default {
  id: 'linkedin',
  name: 'LinkedIn',
  kind: 'identity',
  source: 'LinkedIn account',
  oauth: {
    hosts: ['www.linkedin.com'],
    paths: [/^\/oauth\/v2\/authorization\/?$/, /^\/uas\/oauth2\/authorization\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  scopes: {
    openid: { means: 'know which LinkedIn account is yours', category: 'profile', risk: 'low' },
    profile: { means: 'see your name, headline and photo', category: 'profile', risk: 'low' },
    email: { means: 'see your primary email address', category: 'email-address', risk: 'low' },
    r_liteprofile: { means: 'see your name, headline and photo', category: 'profile', risk: 'low' },
    r_basicprofile: { means: 'see your name, headline, photo and profile link', category: 'profile', risk: 'low' },
    r_emailaddress: { means: 'see your primary email address', category: 'email-address', risk: 'low' },
    r_fullprofile: { means: 'see your full profile, including your work history and education', category: 'profile', risk: 'medium' },
    r_contactinfo: { means: 'see your phone number, address and other contact details', category: 'phone', risk: 'medium' },
    r_network: { means: 'see your connections', category: 'friends', risk: 'medium' },
    r_1st_connections_size: { means: 'see how many connections you have', category: 'friends', risk: 'low' },
    r_member_social: { means: 'read your posts, comments and reactions', category: 'posts', risk: 'medium' },
    w_member_social: { means: 'post, comment and react on LinkedIn for you', category: 'act-for-you', risk: 'high' },
    w_messages: { means: 'send messages and invitations for you', category: 'act-for-you', risk: 'high' },
    r_organization_social: { means: "read the posts and comments of the LinkedIn Pages you manage", category: 'posts', risk: 'medium' },
    w_organization_social: { means: 'post and comment for the LinkedIn Pages you manage', category: 'act-for-you', risk: 'high' },
    rw_organization_admin: { means: 'manage the LinkedIn Pages you administer and see their statistics', category: 'act-for-you', risk: 'high' },
    r_ads: { means: 'see your ad accounts', category: 'account-details', risk: 'medium' },
    rw_ads: { means: 'create and change ads in your ad accounts', category: 'act-for-you', risk: 'high' },
    r_ads_reporting: { means: 'see how your ads perform', category: 'activity', risk: 'medium' },
  },
  revocation: {
    url: 'https://www.linkedin.com/psettings/permitted-services',
    steps: [
      'Open Settings, then "Data privacy", then "Permitted services".',
      'Find the app in the list.',
      'Choose "Remove" and confirm.',
    ],
    // Guided: no recipe; the assistant highlights the app's name on this page.
    fixtures: ['https://www.linkedin.com/psettings/permitted-services'],
  },
  fixtures: {
    positive: [
      'https://www.linkedin.com/oauth/v2/authorization?response_type=code&client_id=86cbn7x4xk2y1q&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fauth%2Flinkedin&state=DCEeFWf45A53sdfKef424&scope=openid%20profile%20email%20w_member_social',
    ],
    negative: ['https://www.linkedin.com/login'],
  },
} satisfies ProviderDefinition;
