import type { ProviderDefinition } from './types.ts';

// Log in with PayPal: developer.paypal.com/docs/log-in-with-paypal (/signin/authorize,
// space-separated scopes including openid; the pre-2018 /connect and the older OpenID Connect
// endpoint are still linked from old integrations). PayPal also asks its own users to link a bank
// account on www.paypal.com, which hands PayPal the account and routing numbers so it can move money.
export default {
  id: 'paypal',
  name: 'PayPal',
  kind: 'identity',
  source: 'PayPal account',
  oauth: {
    hosts: ['www.paypal.com'],
    paths: [
      /^\/signin\/authorize\/?$/,
      /^\/connect\/?$/,
      /^\/webapps\/auth\/protocol\/openidconnect\/v1\/authorize\/?$/,
    ],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  prompts: {
    hosts: ['www.paypal.com'],
    topics: { 'bank-link': ['bank_account_numbers', 'bank_transfers'] },
  },
  scopes: {
    openid: { means: 'know which PayPal account is yours', category: 'profile', risk: 'low' },
    profile: { means: 'see your name and basic profile', category: 'profile', risk: 'low' },
    email: { means: 'see your email address', category: 'email-address', risk: 'low' },
    address: { means: 'see your street address', category: 'address', risk: 'medium' },
    phone: { means: 'see your phone number', category: 'phone', risk: 'medium' },
    'https://uri.paypal.com/services/paypalattributes': {
      means: 'see your PayPal account ID and whether your account is verified',
      category: 'account-details',
      risk: 'low',
    },
    'https://uri.paypal.com/services/expresscheckout': {
      means: 'take payments from your PayPal account when you check out',
      category: 'payments',
      risk: 'high',
    },
    bank_account_numbers: { means: 'keep your bank account and routing numbers', category: 'account-numbers', risk: 'high' },
    bank_transfers: { means: 'move money into and out of your bank account', category: 'payments', risk: 'high' },
  },
  revocation: {
    url: 'https://www.paypal.com/myaccount/autopay/',
    steps: [
      'Open Settings, then "Payments", then "Manage automatic payments".',
      'Choose the app or merchant.',
      'Choose "Cancel" or "Remove" and confirm. A linked bank is removed under "Wallet".',
    ],
  },
  fixtures: {
    positive: [
      'https://www.paypal.com/signin/authorize?flowEntry=static&client_id=AYSq3RDGsmBLJE-otTkBtM-jBRd1TCQwFf9RGfwddNXWz0uFU9ztymylOhRS&response_type=code&scope=openid%20profile%20email%20address&redirect_uri=https%3A%2F%2Fwww.photoprint.app%2Fauth%2Fpaypal&state=pp-ppl-9',
      'https://www.paypal.com/myaccount/money/',
    ],
    negative: [
      'https://www.paypal.com/signin',
      'https://www.paypal.com/us/cshelp/article/how-do-i-link-a-bank-account-to-my-paypal-account-help120',
    ],
  },
} satisfies ProviderDefinition;
