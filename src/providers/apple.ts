import type { ProviderDefinition } from './types.ts';

// Sign in with Apple on the web: developer.apple.com "Request an authorization to the Sign in with
// Apple server" (appleid.apple.com/auth/authorize, space-separated `name email`). Asking for
// either forces response_mode=form_post, so the scopes stay visible in the URL.
export default {
  id: 'apple',
  name: 'Apple',
  kind: 'identity',
  source: 'Apple Account',
  oauth: {
    hosts: ['appleid.apple.com'],
    paths: [/^\/auth\/authorize\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  scopes: {
    openid: { means: 'know which Apple Account is yours', category: 'profile', risk: 'low' },
    name: { means: 'see your name', category: 'profile', risk: 'low' },
    email: { means: 'see your email address, or a private relay address if you choose "Hide My Email"', category: 'email-address', risk: 'low' },
  },
  revocation: {
    url: 'https://account.apple.com/account/manage',
    steps: [
      'Sign in to your Apple Account and open "Sign in with Apple".',
      'Choose the app.',
      'Choose "Stop using Sign in with Apple" and confirm.',
    ],
  },
  fixtures: {
    positive: [
      'https://appleid.apple.com/auth/authorize?client_id=app.budgetly.web&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fauth%2Fapple%2Fcallback&response_type=code%20id_token&response_mode=form_post&scope=name%20email&state=b7c1e2f9&nonce=4f1c9e',
    ],
    negative: ['https://appleid.apple.com/sign-in'],
  },
} satisfies ProviderDefinition;
