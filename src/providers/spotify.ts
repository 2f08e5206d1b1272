import type { ProviderDefinition } from './types.ts';

// Spotify Web API authorization: developer.spotify.com/documentation/web-api/tutorials/code-flow
// and .../concepts/scopes (space-separated). Spotify sends the user on to a localised
// /{locale}/authorize page after sign-in. Every grant comes with a refresh token; there is no
// separate offline scope.
export default {
  id: 'spotify',
  name: 'Spotify',
  kind: 'identity',
  source: 'Spotify account',
  oauth: {
    hosts: ['accounts.spotify.com'],
    paths: [/^\/([a-z]{2}(-[a-zA-Z]{2,4})?\/)?authorize\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  scopes: {
    'user-read-email': { means: 'see your email address', category: 'email-address', risk: 'low' },
    'user-read-private': { means: 'see your country, subscription and explicit-content setting', category: 'account-details', risk: 'low' },
    'user-read-birthdate': { means: 'see your birthday', category: 'birthday', risk: 'medium' },
    'user-top-read': { means: 'see your most-played artists and songs', category: 'activity', risk: 'medium' },
    'user-read-recently-played': { means: 'see what you listened to recently', category: 'activity', risk: 'medium' },
    'user-read-playback-state': { means: 'see what is playing and on which device', category: 'activity', risk: 'medium' },
    'user-read-currently-playing': { means: 'see what you are playing right now', category: 'activity', risk: 'low' },
    'user-read-playback-position': { means: 'see where you stopped in podcasts and audiobooks', category: 'activity', risk: 'low' },
    'user-modify-playback-state': { means: 'play, pause and skip on your devices', category: 'act-for-you', risk: 'low' },
    'user-follow-read': { means: 'see the artists and people you follow', category: 'friends', risk: 'low' },
    'user-follow-modify': { means: 'follow and unfollow artists and people for you', category: 'act-for-you', risk: 'low' },
    'user-library-read': { means: 'see your saved songs, albums and podcasts', category: 'activity', risk: 'low' },
    'user-library-modify': { means: 'change your saved songs, albums and podcasts', category: 'act-for-you', risk: 'low' },
    'playlist-read-private': { means: 'see your private playlists', category: 'activity', risk: 'medium' },
    'playlist-read-collaborative': { means: 'see your collaborative playlists', category: 'activity', risk: 'low' },
    'playlist-modify-public': { means: 'create and change your public playlists', category: 'act-for-you', risk: 'low' },
    'playlist-modify-private': { means: 'create and change your private playlists', category: 'act-for-you', risk: 'low' },
    'ugc-image-upload': { means: 'upload playlist cover images', category: 'photos', risk: 'low' },
    streaming: { means: 'play music in the browser with your account', category: 'act-for-you', risk: 'low' },
    'app-remote-control': { means: 'control the Spotify app on your phone', category: 'act-for-you', risk: 'low' },
  },
  revocation: {
    url: 'https://www.spotify.com/account/apps/',
    steps: [
      'Sign in to your Spotify account page and open "Manage apps".',
      'Find the app in the list.',
      'Choose "Remove access".',
    ],
  },
  fixtures: {
    positive: [
      'https://accounts.spotify.com/authorize?client_id=5fe01282e44241328a84e7c5cc169165&response_type=code&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fintegrations%2Fspotify&scope=user-read-email%20user-top-read%20user-read-recently-played%20playlist-read-private&state=bd-sp-8&show_dialog=true',
      'https://accounts.spotify.com/en/authorize?client_id=5fe01282e44241328a84e7c5cc169165&response_type=code&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fintegrations%2Fspotify&scope=user-read-email%20user-top-read&state=bd-sp-9',
    ],
    negative: ['https://accounts.spotify.com/en/login'],
  },
} satisfies ProviderDefinition;
