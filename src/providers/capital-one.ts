import type { ProviderDefinition } from './types.ts';
import { BANK_PROMPT_TOPICS, FDX_SCOPES } from './shared/fdx-scopes.ts';

// Observed: verified.capitalone.com is Capital One's sign-in host, myaccounts.capitalone.com the
// signed-in site; capitalone.com/digital/datasharing-terms-conditions says sharing is authorized
// while signed in. Assumed: the consent page's path and wording, and the "Connected apps" menu.
export default {
  id: 'capital-one',
  name: 'Capital One',
  kind: 'bank',
  source: 'Capital One account',
  prompts: {
    hosts: ['verified.capitalone.com', 'myaccounts.capitalone.com', 'www.capitalone.com'],
    topics: BANK_PROMPT_TOPICS,
  },
  scopes: FDX_SCOPES,
  revocation: {
    url: 'https://myaccounts.capitalone.com/',
    steps: [
      'Sign in to capitalone.com and open your profile settings.',
      'Open "Connected apps" (the apps you share account data with) and choose the app.',
      'Choose to stop sharing and confirm.',
    ],
  },
  fixtures: {
    positive: ['https://verified.capitalone.com/data-sharing/authorize?partner=budgetly'],
    negative: [
      'https://www.capitalone.com/digital/datasharing-terms-conditions/',
      'https://myaccounts.capitalone.com/data-sharing/pending',
    ],
  },
} satisfies ProviderDefinition;
