import type { ProviderDefinition } from './types.ts';
import { BANK_PROMPT_TOPICS, FDX_SCOPES } from './shared/fdx-scopes.ts';

// Chase's "share your account information" consent page, which Plaid, Akoya and others hand the
// user to. Observed: secure.chase.com is the signed-in site, www.chase.com the public one; the
// security page (chase.com/digital/resources/privacy-security/security/how-we-protect-you) and
// Monarch's help describe "Linked apps and websites" under "Security & privacy" with "Stop sharing
// data". Assumed: the consent page's path and wording, which only signed-in customers see.
export default {
  id: 'chase',
  name: 'Chase',
  kind: 'bank',
  source: 'Chase account',
  prompts: {
    hosts: ['secure.chase.com', 'www.chase.com'],
    topics: BANK_PROMPT_TOPICS,
  },
  scopes: FDX_SCOPES,
  revocation: {
    url: 'https://secure.chase.com/web/auth/dashboard',
    steps: [
      'Sign in to chase.com and open "Security & privacy" from the menu.',
      'Under "Linked apps and websites", choose the app.',
      'Choose "Stop sharing data" and confirm.',
    ],
  },
  fixtures: {
    positive: [
      'https://secure.chase.com/web/auth/linked-apps/consent?partner=budgetly',
      'https://secure.chase.com/web/auth/linked-apps/es/consent?partner=budgetly',
    ],
    negative: [
      'https://www.chase.com/digital/resources/privacy-security/security/how-we-protect-you',
      'https://secure.chase.com/web/auth/linked-apps/preview',
      'https://www.chase.com/',
    ],
  },
} satisfies ProviderDefinition;
