import type { ProviderDefinition } from './types.ts';
import { BANK_PROMPT_TOPICS, FDX_SCOPES } from './shared/fdx-scopes.ts';

// Observed: connect.secure.wellsfargo.com/auth/login/present is Wells Fargo's sign-on page, and
// Stripe's Financial Connections page shows aggregators sending users there
// (…/auth/login/present?app_descr…). Because the same path is the everyday sign-on page, only a
// request carrying client_id is a consent. Assumed: the FDX scope names in `scope` (Wells Fargo
// publishes no scope list) and the Control Tower menu wording.
export default {
  id: 'wells-fargo',
  name: 'Wells Fargo',
  kind: 'bank',
  source: 'Wells Fargo account',
  oauth: {
    hosts: ['connect.secure.wellsfargo.com'],
    paths: [/^\/auth\/login\/present\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
  },
  prompts: {
    hosts: ['connect.secure.wellsfargo.com', 'www.wellsfargo.com'],
    topics: BANK_PROMPT_TOPICS,
  },
  scopes: FDX_SCOPES,
  revocation: {
    url: 'https://connect.secure.wellsfargo.com/accounts/start',
    steps: [
      'Sign in to wellsfargo.com and open "Control Tower".',
      'Find the app among the apps and websites your accounts are shared with.',
      'Choose to stop sharing with it and confirm.',
    ],
  },
  fixtures: {
    positive: [
      'https://connect.secure.wellsfargo.com/auth/login/present?client_id=budgetly-7f3a&redirect_uri=https%3A%2F%2Fwww.budgetly.app%2Fauth%2Fwellsfargo&scope=fdx%3Aaccountbasic%3Aread%20fdx%3Abalances%3Aread%20fdx%3Atransactions%3Aread&state=c81d2e&response_type=code',
      'https://connect.secure.wellsfargo.com/accounts/share-balance?partner=messenger',
    ],
    negative: [
      'https://www.wellsfargo.com/privacy-security/data-sharing/',
      'https://connect.secure.wellsfargo.com/accounts/start',
    ],
  },
} satisfies ProviderDefinition;
