import type { ProviderDefinition } from './types.ts';

// Login with Amazon: developer.amazon.com/docs/login-with-amazon/customer-profile.html and
// .../requesting-scopes-as-essential-voluntary.html (/ap/oa, space-separated scopes). The regional
// hosts are those the Login with Amazon SDK sends customers to; Amazon Pay's scopes ride the same
// dialog.
export default {
  id: 'amazon',
  name: 'Amazon',
  kind: 'identity',
  source: 'Amazon account',
  oauth: {
    hosts: ['www.amazon.com', 'na.account.amazon.com', 'eu.account.amazon.com', 'apac.account.amazon.com'],
    paths: [/^\/ap\/oa\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  scopes: {
    profile: { means: 'see your name, email address and Amazon account ID', category: 'profile', risk: 'low' },
    'profile:user_id': { means: 'know which Amazon account is yours', category: 'profile', risk: 'low' },
    postal_code: { means: 'see the postal code of your shipping address', category: 'address', risk: 'low' },
    mobile_number: { means: 'see your mobile phone number', category: 'phone', risk: 'medium' },
    'payments:widget': { means: 'show your Amazon Pay cards and addresses to pay with them', category: 'payments', risk: 'medium' },
    'payments:shipping_address': { means: 'see the shipping address you choose', category: 'address', risk: 'medium' },
    'payments:billing_address': { means: 'see the billing address of the card you choose', category: 'address', risk: 'medium' },
  },
  revocation: {
    url: 'https://www.amazon.com/ap/adam',
    steps: [
      'Sign in to Amazon; the page lists the apps and websites you use "Login with Amazon" with.',
      'Find the app in the list.',
      'Choose "Remove" next to it.',
    ],
  },
  fixtures: {
    positive: [
      'https://www.amazon.com/ap/oa?client_id=amzn1.application-oa2-client.8f3e1c2b4a5d6e7f8091a2b3c4d5e6f7&scope=profile%20postal_code&response_type=code&state=pp-amz-31&redirect_uri=https%3A%2F%2Fwww.photoprint.app%2Fauth%2Famazon',
    ],
    negative: ['https://www.amazon.com/ap/signin'],
  },
} satisfies ProviderDefinition;
