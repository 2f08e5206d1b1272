import type { ProviderDefinition } from './types.ts';
import { BANK_PROMPT_TOPICS, FDX_SCOPES } from './shared/fdx-scopes.ts';

// Observed: onlinebanking.usbank.com is U.S. Bank's signed-in site; its knowledge base (KB0069925)
// describes My Accounts → My Controls (web) / Manage accounts → Manage third-party access (app) →
// "Stop sharing". Assumed: the consent page's path and wording; U.S. Bank serves Spanish pages.
export default {
  id: 'us-bank',
  name: 'U.S. Bank',
  kind: 'bank',
  source: 'U.S. Bank account',
  prompts: {
    hosts: ['onlinebanking.usbank.com', 'www.usbank.com'],
    topics: BANK_PROMPT_TOPICS,
  },
  scopes: FDX_SCOPES,
  revocation: {
    url: 'https://onlinebanking.usbank.com/',
    steps: [
      'Sign in to usbank.com and open "My Controls" under "My Accounts" (in the app: "Manage accounts").',
      'Choose "Manage third-party access" and select the app.',
      'Choose "Stop sharing" and confirm.',
    ],
  },
  fixtures: {
    positive: [
      'https://onlinebanking.usbank.com/digital/third-party-access/consent?partner=budgetly',
      'https://onlinebanking.usbank.com/digital/third-party-access/es/consent?partner=budgetly',
    ],
    negative: [
      'https://www.usbank.com/customer-service/knowledge-base/KB0069925.html',
      'https://www.usbank.com/',
    ],
  },
} satisfies ProviderDefinition;
