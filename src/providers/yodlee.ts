import type { ProviderDefinition } from './types.ts';

// Envestnet | Yodlee FastLink 4: <script src="https://cdn.yodlee.com/fastlink/v4/initialize.js">
// (v3: /fastlink/v3/), then window.fastlink.open({fastLinkURL, accessToken, params}, 'container-fastlink')
// frames fastLinkURL inside #container-fastlink (developer.envestnet.com FastLink 4 docs and the
// launch comparison page). fastLinkURL values seen in public integrations: fl4.sandbox.yodlee.com and
// fl4.preprod.yodlee.com under /authenticate/; FastLink 3 used node.sandbox.yodlee.com. Production
// URLs are issued per customer and not listed here.
export default {
  id: 'yodlee',
  name: 'Envestnet | Yodlee',
  kind: 'aggregator',
  source: 'Bank account',
  widget: {
    scriptUrls: ['https://cdn.yodlee.com/fastlink/'],
    frameUrls: [
      'https://fl4.sandbox.yodlee.com/authenticate/',
      'https://fl4.preprod.yodlee.com/authenticate/',
      'https://node.sandbox.yodlee.com/authenticate/',
    ],
    hosts: ['cdn.yodlee.com', 'fl4.sandbox.yodlee.com', 'fl4.preprod.yodlee.com', 'node.sandbox.yodlee.com'],
    defaultScopes: ['BASIC_AGG_DATA.ACCOUNT_DETAILS', 'BASIC_AGG_DATA.TRANSACTIONS'],
  },
  // Yodlee datasets and their attributes, as configured for FastLink's Aggregation and Verification flows.
  scopes: {
    'BASIC_AGG_DATA.ACCOUNT_DETAILS': { means: 'see your accounts, their masked numbers and balances', category: 'balances', risk: 'high' },
    'BASIC_AGG_DATA.TRANSACTIONS': { means: 'see your account and card transactions', category: 'transactions', risk: 'high' },
    'BASIC_AGG_DATA.HOLDINGS': { means: 'see your investment holdings', category: 'investments', risk: 'high' },
    'BASIC_AGG_DATA.STATEMENTS': { means: 'see your statement balances and due dates', category: 'statements', risk: 'medium' },
    'ACCT_PROFILE.FULL_ACCT_NUMBER': { means: 'see your full account numbers', category: 'account-numbers', risk: 'high' },
    'ACCT_PROFILE.BANK_TRANSFER_CODE': { means: 'see your routing number or sort code', category: 'account-numbers', risk: 'high' },
    'ACCT_PROFILE.HOLDER_NAME': { means: 'see the name on your accounts', category: 'ownership', risk: 'medium' },
    'ACCT_PROFILE.HOLDER_DETAILS': { means: 'see the address, email and phone your bank has on file', category: 'ownership', risk: 'medium' },
    'DOCUMENT.STATEMENTS': { means: 'download your bank statements and tax documents', category: 'statements', risk: 'high' },
  },
  // Yodlee offers no page for people; access ends when the app or the bank removes the connection.
  revocation: {
    url: 'https://www.yodlee.com/',
    steps: [
      'Open the app that you connected and remove the linked account in its settings.',
      'Or sign in to your bank and remove the app under "Connected apps" or "Third-party access".',
    ],
  },
  fixtures: {
    positive: ['https://www.wealthview-demo.app/link-accounts'],
    negative: ['https://www.wealthview-demo.app/security', 'https://www.wealthview-demo.app/dashboard'],
  },
} satisfies ProviderDefinition;
