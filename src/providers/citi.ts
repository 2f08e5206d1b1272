import type { ProviderDefinition } from './types.ts';
import { BANK_PROMPT_TOPICS, FDX_SCOPES } from './shared/fdx-scopes.ts';

// Citi's open-banking Authorize API: sandbox.developerhub.citi.com/api/authorize-us/guide
// (GET /authCode/oauth2/authorize, space-separated `scope`; the customer signs in and clicks
// "Authorize"). Observed: sandbox.apihub.citi.com/gcb/api/… and the scope names in public clients;
// online.citi.com is Citi's signed-in site. Assumed: api.citi.com as the production host, and the
// French and German data-sharing pages, which model an international Citi locale.
export default {
  id: 'citi',
  name: 'Citi',
  kind: 'bank',
  source: 'Citi account',
  oauth: {
    hosts: ['sandbox.apihub.citi.com', 'api.citi.com'],
    paths: [/^\/gcb\/api\/authCode\/oauth2\/authorize\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  prompts: {
    hosts: ['online.citi.com', 'www.citi.com'],
    topics: BANK_PROMPT_TOPICS,
  },
  scopes: {
    ...FDX_SCOPES,
    accounts_details_transactions: { means: 'see your accounts, their balances and transactions', category: 'transactions', risk: 'high' },
    customers_profiles: { means: 'see the name, address, email and phone Citi has on file', category: 'ownership', risk: 'medium' },
    pay_with_points: { means: 'spend your Citi reward points', category: 'payments', risk: 'high' },
    cards: { means: 'see your card details', category: 'account-details', risk: 'medium' },
    payees: { means: 'see and add the payees you send money to', category: 'payments', risk: 'high' },
    personal_domestic_transfers: { means: 'move money from your accounts', category: 'payments', risk: 'high' },
    bill_payments: { means: 'pay bills from your accounts', category: 'payments', risk: 'high' },
  },
  revocation: {
    url: 'https://online.citi.com/US/login.do',
    steps: [
      'Sign in to citi.com and open "Profiles & Settings".',
      'Open the list of apps and websites you share your account data with.',
      'Choose the app, remove its access and confirm.',
    ],
  },
  fixtures: {
    positive: [
      'https://sandbox.apihub.citi.com/gcb/api/authCode/oauth2/authorize?response_type=code&client_id=9b1c2d4e-budgetly&scope=accounts_details_transactions%20customers_profiles%20pay_with_points&countryCode=US&businessCode=GCB&locale=en_US&state=4f2a9c&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fauth%2Fciti',
      'https://online.citi.com/fr/partage-de-donnees/autorisation?partenaire=budgetly',
      'https://online.citi.com/de/datenfreigabe/zustimmung?partner=budgetly',
    ],
    negative: [
      'https://www.citi.com/help/connecting-apps-to-your-accounts',
      'https://online.citi.com/US/login.do',
    ],
  },
} satisfies ProviderDefinition;
