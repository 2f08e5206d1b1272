import type { ProviderDefinition, ScopeMeaning } from './types.ts';

// Sign in with Google and every Google API consent: developers.google.com/identity/protocols/oauth2
// (the /o/oauth2/v2/auth endpoint, space-separated scopes); restricted scopes (Gmail, Drive,
// Fit): support.google.com/cloud/answer/13464325; People API scopes: the PeopleService
// ScopeConstants. Google rewrites the query into an opaque `part=` on /signin/oauth/consent
// after the first redirect, so only the authorization endpoint carries the scopes.
const API = 'https://www.googleapis.com/auth/';

const API_SCOPES: Record<string, ScopeMeaning> = {
  'userinfo.email': { means: 'see your email address', category: 'email-address', risk: 'low' },
  'userinfo.profile': { means: 'see your name and profile picture', category: 'profile', risk: 'low' },
  'gmail.readonly': { means: 'read all your email', category: 'email-content', risk: 'high' },
  'gmail.metadata': { means: 'see who you email with, the subjects and the dates of all your email', category: 'email-content', risk: 'high' },
  'gmail.modify': { means: 'read, send and delete your email', category: 'email-content', risk: 'high' },
  'gmail.compose': { means: 'write drafts and send email as you', category: 'act-for-you', risk: 'high' },
  'gmail.send': { means: 'send email as you', category: 'act-for-you', risk: 'high' },
  'gmail.insert': { means: 'put new messages into your mailbox', category: 'email-content', risk: 'medium' },
  'gmail.labels': { means: 'see and change the labels of your email', category: 'email-content', risk: 'low' },
  'gmail.settings.basic': { means: 'change your email settings and filters', category: 'act-for-you', risk: 'high' },
  'gmail.settings.sharing': { means: 'forward your email elsewhere and let others send as you', category: 'act-for-you', risk: 'high' },
  drive: { means: 'see, change and delete all your Google Drive files', category: 'files', risk: 'high' },
  'drive.readonly': { means: 'see and download all your Google Drive files', category: 'files', risk: 'high' },
  'drive.file': { means: 'see and change only the Drive files you open or create with it', category: 'files', risk: 'low' },
  'drive.appdata': { means: 'keep its own settings in your Google Drive', category: 'files', risk: 'low' },
  'drive.metadata': { means: 'see and change the names and details of all your Drive files', category: 'files', risk: 'medium' },
  'drive.metadata.readonly': { means: 'see the names and details of all your Drive files', category: 'files', risk: 'medium' },
  'drive.activity.readonly': { means: 'see the history of changes to your Drive files', category: 'activity', risk: 'medium' },
  'drive.scripts': { means: 'change how your Apps Script projects behave', category: 'code', risk: 'high' },
  'documents.readonly': { means: 'see all your Google Docs documents', category: 'files', risk: 'high' },
  documents: { means: 'see, change and delete all your Google Docs documents', category: 'files', risk: 'high' },
  'spreadsheets.readonly': { means: 'see all your Google Sheets spreadsheets', category: 'files', risk: 'high' },
  spreadsheets: { means: 'see, change and delete all your Google Sheets spreadsheets', category: 'files', risk: 'high' },
  contacts: { means: 'see, change and delete your contacts', category: 'contacts', risk: 'high' },
  'contacts.readonly': { means: 'see and download your contacts', category: 'contacts', risk: 'high' },
  'contacts.other.readonly': { means: 'see and download the people you have emailed but not saved as contacts', category: 'contacts', risk: 'high' },
  'directory.readonly': { means: "see the people in your organisation's directory", category: 'contacts', risk: 'medium' },
  'user.emails.read': { means: 'see all the email addresses on your account', category: 'email-address', risk: 'low' },
  'user.phonenumbers.read': { means: 'see your phone numbers', category: 'phone', risk: 'medium' },
  'user.birthday.read': { means: 'see your birthday', category: 'birthday', risk: 'medium' },
  'user.addresses.read': { means: 'see your street addresses', category: 'address', risk: 'medium' },
  calendar: { means: 'see, change and delete all your calendars', category: 'calendar', risk: 'high' },
  'calendar.readonly': { means: 'see all your calendars and their events', category: 'calendar', risk: 'high' },
  'calendar.events': { means: 'see, change and delete the events in your calendars', category: 'calendar', risk: 'high' },
  'calendar.events.readonly': { means: 'see the events in your calendars', category: 'calendar', risk: 'high' },
  'photoslibrary.readonly': { means: 'see all your Google Photos', category: 'photos', risk: 'high' },
  'photoslibrary.appendonly': { means: 'add photos to your Google Photos library', category: 'photos', risk: 'low' },
  'youtube.readonly': { means: 'see your YouTube account, subscriptions and playlists', category: 'activity', risk: 'medium' },
  youtube: { means: 'manage your YouTube account: post, comment and change your videos', category: 'act-for-you', risk: 'high' },
  'youtube.upload': { means: 'upload videos to your YouTube channel', category: 'act-for-you', risk: 'high' },
  'fitness.activity.read': { means: 'see your steps, workouts and other physical activity', category: 'activity', risk: 'medium' },
  'fitness.activity.write': { means: 'add and change your recorded physical activity', category: 'activity', risk: 'medium' },
  'fitness.location.read': { means: 'see where you went during your workouts', category: 'location', risk: 'high' },
  'fitness.body.read': { means: 'see your weight, height and body measurements', category: 'activity', risk: 'high' },
  'fitness.heart_rate.read': { means: 'see your heart rate', category: 'activity', risk: 'high' },
  'fitness.sleep.read': { means: 'see how you sleep', category: 'activity', risk: 'high' },
  'fitness.nutrition.read': { means: 'see what you eat and drink', category: 'activity', risk: 'high' },
  'cloud-platform': { means: 'see and change all your Google Cloud data and services', category: 'act-for-you', risk: 'high' },
};

export default {
  id: 'google',
  name: 'Google',
  kind: 'identity',
  source: 'Google account',
  oauth: {
    hosts: ['accounts.google.com'],
    paths: [/^\/o\/oauth2(\/v2)?\/auth\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  scopes: {
    openid: { means: 'know which Google account is yours', category: 'profile', risk: 'low' },
    email: { means: 'see your email address', category: 'email-address', risk: 'low' },
    profile: { means: 'see your name and profile picture', category: 'profile', risk: 'low' },
    'https://mail.google.com/': { means: 'read, send and permanently delete all your email', category: 'email-content', risk: 'high' },
    ...Object.fromEntries(Object.entries(API_SCOPES).map(([name, meaning]) => [API + name, meaning])),
  },
  revocation: {
    url: 'https://myaccount.google.com/permissions',
    steps: [
      'Open "Your connections to third-party apps & services" in your Google Account.',
      'Choose the app in the list.',
      'Choose "Delete all connections you have with" the app, then "Confirm".',
    ],
    // Modelled on "Your connections to third-party apps & services" (support.google.com/accounts/
    // answer/13533235): an app opens to its details with "Delete all connections you have with
    // <app>", confirmed with "Confirm". The same list also lives at /connections.
    pages: ['https://myaccount.google.com/connections'],
    recipe: {
      list: 'ul[aria-label="Apps with access to your account"]',
      row: 'ul[aria-label="Apps with access to your account"] > li',
      rowName: '.app-title',
      reveal: 'button[aria-expanded]',
      remove: 'button.delete-connections',
      confirm: '[role="alertdialog"] button.confirm',
      signIn: 'input#identifierId',
      emptyList: '.no-connections',
    },
    fixtures: ['https://myaccount.google.com/permissions'],
  },
  fixtures: {
    positive: [
      'https://accounts.google.com/o/oauth2/v2/auth?client_id=381203941234-k3j4h5g6f7d8s9a0.apps.googleusercontent.com&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fauth%2Fgoogle%2Fcallback&response_type=code&scope=openid%20email%20profile&state=af0ifjsldkj&prompt=select_account',
      'https://accounts.google.com/o/oauth2/v2/auth?client_id=918273645012-mailsortweb.apps.googleusercontent.com&redirect_uri=https%3A%2F%2Fapp.mailsort.io%2Foauth%2Fgoogle&response_type=code&scope=openid%20email%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.readonly%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcontacts.readonly&access_type=offline&include_granted_scopes=true&state=ms-5f2a9c',
    ],
    negative: [
      'https://accounts.google.com/v3/signin/identifier?continue=https%3A%2F%2Fmail.google.com%2Fmail%2F&service=mail&flowName=GlifWebSignIn',
      'https://developers.google.com/identity/protocols/oauth2/web-server',
    ],
  },
} satisfies ProviderDefinition;
