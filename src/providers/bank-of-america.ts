import type { ProviderDefinition } from './types.ts';
import { BANK_PROMPT_TOPICS, FDX_SCOPES } from './shared/fdx-scopes.ts';

// Observed: secure.bankofamerica.com is the signed-in site, www.bankofamerica.com the public one
// with its Security Center; revocation is Security Center → "Third-Party Site Access" → "Revoke"
// (domain facts §3). Assumed: the consent page's path and wording.
export default {
  id: 'bank-of-america',
  name: 'Bank of America',
  kind: 'bank',
  source: 'Bank of America account',
  prompts: {
    hosts: ['secure.bankofamerica.com', 'www.bankofamerica.com'],
    topics: BANK_PROMPT_TOPICS,
  },
  scopes: FDX_SCOPES,
  revocation: {
    url: 'https://secure.bankofamerica.com/login/sign-in/signOnV2Screen.go',
    steps: [
      'Sign in to bankofamerica.com and open "Security Center" under "Help & Support".',
      'Choose "Third-Party Site Access".',
      'Find the app, choose "Revoke" and confirm.',
    ],
  },
  fixtures: {
    positive: ['https://secure.bankofamerica.com/customer-data-sharing/consent?partner=budgetly'],
    negative: [
      'https://www.bankofamerica.com/security-center/third-party-site-access/',
      'https://secure.bankofamerica.com/customer-data-sharing/review',
    ],
  },
} satisfies ProviderDefinition;
