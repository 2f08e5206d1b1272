import type { ProviderDefinition } from './types.ts';

// GitHub OAuth apps and GitHub Apps: docs.github.com/apps/oauth-apps/building-oauth-apps/
// authorizing-oauth-apps and .../scopes-for-oauth-apps (space- or comma-separated). A GitHub App
// sends no scope: its permissions come from its registration and are shown on the page.
export default {
  id: 'github',
  name: 'GitHub',
  kind: 'identity',
  source: 'GitHub account',
  oauth: {
    hosts: ['github.com'],
    paths: [/^\/login\/oauth\/authorize\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
    // "(no scope)" in GitHub's list: every authorized app can read what is public.
    implicitScopes: ['public_info'],
  },
  scopes: {
    public_info: { means: 'see your public profile, repositories and gists', category: 'profile', risk: 'low' },
    repo: { means: 'read and change all your public and private code and its settings', category: 'code', risk: 'high' },
    'repo:status': { means: 'see and set the build status of your private repositories', category: 'code', risk: 'low' },
    repo_deployment: { means: 'see and create deployments of your repositories', category: 'code', risk: 'low' },
    public_repo: { means: 'read and change your public repositories', category: 'code', risk: 'medium' },
    'repo:invite': { means: 'accept and decline invitations to work on repositories', category: 'act-for-you', risk: 'low' },
    security_events: { means: 'see and manage security alerts of your repositories', category: 'code', risk: 'medium' },
    delete_repo: { means: 'delete your repositories', category: 'code', risk: 'high' },
    workflow: { means: 'change the GitHub Actions workflows of your repositories', category: 'code', risk: 'high' },
    codespace: { means: 'create and use codespaces with your code', category: 'code', risk: 'high' },
    gist: { means: 'create and change gists for you', category: 'code', risk: 'medium' },
    'admin:repo_hook': { means: 'add, change and delete webhooks of your repositories', category: 'code', risk: 'high' },
    'write:repo_hook': { means: 'add and change webhooks of your repositories', category: 'code', risk: 'medium' },
    'read:repo_hook': { means: 'see the webhooks of your repositories', category: 'code', risk: 'low' },
    'admin:org': { means: 'fully manage your organizations, their members and teams', category: 'act-for-you', risk: 'high' },
    'write:org': { means: 'change the membership of your organizations and teams', category: 'act-for-you', risk: 'medium' },
    'read:org': { means: 'see your organization and team memberships', category: 'profile', risk: 'low' },
    'admin:org_hook': { means: 'add, change and delete webhooks of your organizations', category: 'code', risk: 'high' },
    'admin:public_key': { means: 'add and delete the SSH keys of your account', category: 'account-details', risk: 'high' },
    'write:public_key': { means: 'add SSH keys to your account', category: 'account-details', risk: 'medium' },
    'read:public_key': { means: 'see the SSH keys of your account', category: 'account-details', risk: 'low' },
    'admin:gpg_key': { means: 'add and delete the GPG keys of your account', category: 'account-details', risk: 'high' },
    'write:gpg_key': { means: 'add GPG keys to your account', category: 'account-details', risk: 'medium' },
    'read:gpg_key': { means: 'see the GPG keys of your account', category: 'account-details', risk: 'low' },
    notifications: { means: 'see your notifications', category: 'activity', risk: 'low' },
    user: { means: 'see and change your profile, including your private email addresses', category: 'profile', risk: 'medium' },
    'read:user': { means: 'see your profile', category: 'profile', risk: 'low' },
    'user:email': { means: 'see your email addresses, including private ones', category: 'email-address', risk: 'low' },
    'user:follow': { means: 'follow and unfollow people for you', category: 'act-for-you', risk: 'low' },
    project: { means: 'see and change your projects', category: 'code', risk: 'medium' },
    'read:project': { means: 'see your projects', category: 'code', risk: 'low' },
    'read:packages': { means: 'download your packages', category: 'code', risk: 'low' },
    'write:packages': { means: 'publish packages for you', category: 'code', risk: 'medium' },
    'delete:packages': { means: 'delete your packages', category: 'code', risk: 'medium' },
    'read:discussion': { means: 'read your team discussions', category: 'posts', risk: 'low' },
    'write:discussion': { means: 'write in team discussions for you', category: 'act-for-you', risk: 'medium' },
    'read:audit_log': { means: 'see the audit log of your organizations', category: 'activity', risk: 'medium' },
  },
  revocation: {
    url: 'https://github.com/settings/applications',
    steps: [
      'Open Settings, then "Applications", then "Authorized OAuth Apps" (GitHub Apps are under "Authorized GitHub Apps").',
      'Choose "…" next to the app.',
      'Choose "Revoke" and confirm with "I understand, revoke access".',
    ],
    // Modelled on Settings > Applications > Authorized OAuth Apps (docs.github.com "Reviewing your
    // authorized OAuth apps": a "…" menu beside each app, "Revoke", then "I understand, revoke
    // access"). Each app links to /settings/connections/applications/<client_id>.
    recipe: {
      list: '#oauth-authorizations',
      row: '#oauth-authorizations > .Box-row',
      rowName: 'a.oauth-app-name',
      reveal: 'details.dropdown > summary',
      remove: 'button.revoke-authorization',
      confirm: 'details-dialog button.btn-danger[type="submit"]',
      signIn: 'form[action="/session"]',
      emptyList: '.blankslate',
      clientId: { selector: 'a[href^="/settings/connections/applications/"]', attribute: 'href', pattern: '/applications/([^/?#]+)' },
    },
    fixtures: ['https://github.com/settings/applications'],
  },
  fixtures: {
    positive: [
      'https://github.com/login/oauth/authorize?client_id=Iv1.8a61f9b3a7aba766&redirect_uri=https%3A%2F%2Fapp.mailsort.io%2Fintegrations%2Fgithub%2Fcallback&scope=repo%20read%3Aorg%20user%3Aemail&state=gh-4c1d9e&allow_signup=true',
    ],
    negative: ['https://github.com/login', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps'],
  },
} satisfies ProviderDefinition;
