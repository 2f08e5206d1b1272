import type { ProviderDefinition } from './types.ts';

// Mastercard Data Connect (formerly Finicity Connect). Loader
// connect2.finicity.com/assets/sdk/finicity-connect.min.js (@finicity/connect-web-sdk);
// FinicityConnect.launch(connectUrl, handlers) frames the generated Connect URL
// https://connect2.finicity.com?customerId=…&partnerId=…&signature=… (iframe id
// finicityConnectIframe, both seen in public integrations). The SDK's own files live under /assets/,
// so only the Connect root with a query is the widget being shown (generated links omit the slash
// before the query; prefixes are compared in URL.href form, which adds it).
export default {
  id: 'finicity',
  name: 'Mastercard Open Banking (Finicity)',
  kind: 'aggregator',
  source: 'Bank account',
  widget: {
    scriptUrls: ['https://connect2.finicity.com/assets/sdk/'],
    frameUrls: ['https://connect2.finicity.com/?'],
    hosts: ['connect2.finicity.com'],
    defaultScopes: ['transactions', 'available_balance', 'account_owner'],
  },
  // Products of the Mastercard Open Finance US API (developer.mastercard.com/open-finance-us).
  scopes: {
    transactions: { means: 'see your account transactions', category: 'transactions', risk: 'high' },
    available_balance: { means: 'see your account balances', category: 'balances', risk: 'high' },
    account_owner: { means: 'see the name and address your bank has on file', category: 'ownership', risk: 'medium' },
    ach_details: { means: 'see your full account and routing numbers', category: 'account-numbers', risk: 'high' },
    statements: { means: 'download your account statements', category: 'statements', risk: 'high' },
    voi: { means: 'verify your income from your deposits', category: 'income', risk: 'high' },
    voe: { means: 'verify where you work from your payroll deposits', category: 'income', risk: 'high' },
    voa: { means: 'get a report of your balances and transaction history', category: 'statements', risk: 'high' },
  },
  // No page for people: consents are revoked in the app or at the bank (developer.mastercard.com
  // consent management). The privacy notice names the contact for Data Connect.
  revocation: {
    url: 'https://www.mastercard.com/us/en/business/open-finance/privacy.html',
    steps: [
      'Open the app that you connected and remove the bank connection in its settings.',
      'Or sign in to your bank and remove the app under "Connected apps" or "Third-party access".',
      'To have Mastercard delete its copy, write to the address in the privacy notice.',
    ],
  },
  fixtures: {
    positive: ['https://www.lendwise-demo.app/apply/verify-income'],
    negative: ['https://www.lendwise-demo.app/faq/mastercard-data-connect', 'https://www.lendwise-demo.app/apply/start'],
  },
} satisfies ProviderDefinition;
