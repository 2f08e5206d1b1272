import type { ProviderDefinition } from './types.ts';

// Microsoft identity platform (work, school and personal accounts):
// learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow, the v1 endpoint
// /{tenant}/oauth2/authorize, and login.live.com/oauth20_authorize.srf for personal accounts.
// Graph permission names: learn.microsoft.com/graph/permissions-reference. Apps may also write
// them as https://graph.microsoft.com/Mail.Read; the catalogue lists the short form.
export default {
  id: 'microsoft',
  name: 'Microsoft',
  kind: 'identity',
  source: 'Microsoft account',
  oauth: {
    hosts: ['login.microsoftonline.com', 'login.live.com'],
    paths: [/^\/[^/]+\/oauth2(\/v2\.0)?\/authorize\/?$/, /^\/oauth20_authorize\.srf$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  scopes: {
    openid: { means: 'know which Microsoft account is yours', category: 'profile', risk: 'low' },
    profile: { means: 'see your name and basic profile', category: 'profile', risk: 'low' },
    email: { means: 'see your email address', category: 'email-address', risk: 'low' },
    offline_access: { means: 'keep access to your data when you are not using it', category: 'offline-access', risk: 'medium' },
    'User.Read': { means: 'sign you in and see your profile', category: 'profile', risk: 'low' },
    'User.ReadBasic.All': { means: 'see the names and pictures of everyone in your organisation', category: 'contacts', risk: 'medium' },
    'User.Read.All': { means: 'see the full profiles of everyone in your organisation', category: 'contacts', risk: 'high' },
    'People.Read': { means: 'see the people you work and talk with most', category: 'contacts', risk: 'medium' },
    'Mail.ReadBasic': { means: 'see who you email with, the subjects and the dates of your email', category: 'email-content', risk: 'high' },
    'Mail.Read': { means: 'read all your email', category: 'email-content', risk: 'high' },
    'Mail.ReadWrite': { means: 'read, change and delete your email', category: 'email-content', risk: 'high' },
    'Mail.Send': { means: 'send email as you', category: 'act-for-you', risk: 'high' },
    'MailboxSettings.Read': { means: 'see your mailbox settings, such as automatic replies', category: 'account-details', risk: 'low' },
    'Contacts.Read': { means: 'see your contacts', category: 'contacts', risk: 'high' },
    'Contacts.ReadWrite': { means: 'see, change and delete your contacts', category: 'contacts', risk: 'high' },
    'Calendars.Read': { means: 'see your calendar events', category: 'calendar', risk: 'high' },
    'Calendars.ReadWrite': { means: 'see, change and delete your calendar events', category: 'calendar', risk: 'high' },
    'Tasks.Read': { means: 'see your tasks and to-do lists', category: 'calendar', risk: 'medium' },
    'Files.Read': { means: 'see all your OneDrive files', category: 'files', risk: 'high' },
    'Files.Read.All': { means: 'see all files you can open in OneDrive and SharePoint', category: 'files', risk: 'high' },
    'Files.ReadWrite': { means: 'see, change and delete your OneDrive files', category: 'files', risk: 'high' },
    'Files.ReadWrite.All': { means: 'see, change and delete all files you can open in OneDrive and SharePoint', category: 'files', risk: 'high' },
    'Sites.Read.All': { means: 'see the documents and lists on all SharePoint sites you can open', category: 'files', risk: 'high' },
    'Notes.Read': { means: 'read your OneNote notebooks', category: 'files', risk: 'high' },
    'Chat.Read': { means: 'read your Teams chats', category: 'messages', risk: 'high' },
    'Presence.Read': { means: 'see whether you are available, busy or away', category: 'activity', risk: 'low' },
  },
  revocation: {
    url: 'https://account.live.com/consent/Manage',
    steps: [
      'Sign in to your Microsoft account; the page lists "Apps and services that can access your data".',
      'Choose "Edit" next to the app.',
      'Choose "Remove these permissions" and confirm. For a work or school account, ask your administrator or use myapps.microsoft.com.',
    ],
    // Modelled on "Apps and services that can access your data" (each app with "Edit", then
    // "Remove these permissions" and "Remove"). Signing in happens on the same address with
    // Microsoft's sign-in form (input name="loginfmt").
    recipe: {
      list: '#consentList',
      row: '#consentList > .consent-item',
      rowName: '.consent-item__name',
      reveal: 'a.consent-item__edit',
      remove: 'button.consent-item__remove',
      confirm: '[role="dialog"] button.dialog-remove',
      signIn: 'input[name="loginfmt"]',
      emptyList: '#noConsents',
    },
    fixtures: ['https://account.live.com/consent/Manage'],
  },
  fixtures: {
    positive: [
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=6731de76-14a6-49ae-97bc-6eba6914391e&response_type=code&redirect_uri=https%3A%2F%2Fapp.mailsort.io%2Foauth%2Fmicrosoft&response_mode=query&scope=openid%20profile%20offline_access%20User.Read%20Mail.Read%20Mail.Send&state=12345',
      'https://login.live.com/oauth20_authorize.srf?client_id=000000004C12AE6F&response_type=code&redirect_uri=https%3A%2F%2Fwww.photoprint.app%2Fimport%2Fonedrive&scope=Files.Read%20offline_access&state=pp-7781',
    ],
    negative: ['https://login.microsoftonline.com/', 'https://login.live.com/login.srf'],
  },
} satisfies ProviderDefinition;
