import type { ProviderDefinition } from './types.ts';
import { FDX_SCOPES } from './shared/fdx-scopes.ts';

// Akoya (US, bank-owned FDX network) is plain OAuth: https://idp.ddp.akoya.com/auth?connector=<bank>&
// client_id=…&redirect_uri=…&state=…&response_type=code&scope=openid%20profile%20offline_access
// (sandbox sandbox-idp.ddp.akoya.com; URLs from several public clients, not from docs.akoya.com).
// The scope only covers sign-in; the data follows the FDX data clusters of the app's Akoya products,
// of which account details, balances and transactions are what nearly every app reads.
export default {
  id: 'akoya',
  name: 'Akoya',
  kind: 'aggregator',
  source: 'Bank account',
  oauth: {
    hosts: ['idp.ddp.akoya.com', 'sandbox-idp.ddp.akoya.com'],
    paths: [/^\/auth\/?$/],
    clientIdParam: 'client_id',
    scopeParams: ['scope'],
    implicitScopes: ['fdx:accountbasic:read', 'fdx:accountdetailed:read', 'fdx:balances:read', 'fdx:transactions:read'],
  },
  // OIDC scopes, then the FDX data clusters the bank's consent page lists.
  scopes: {
    openid: { means: 'confirm who you are at your bank', category: 'profile', risk: 'low' },
    profile: { means: 'see your name as your bank has it', category: 'profile', risk: 'low' },
    offline_access: { means: 'keep reading your data when you are not using the app', category: 'offline-access', risk: 'medium' },
    ...FDX_SCOPES,
  },
  // Akoya leaves the dashboard to the bank (FDX: the data provider may show all authorizations).
  revocation: {
    url: 'https://akoya.com/',
    steps: [
      'Sign in to your bank and open "Connected apps", "Linked apps" or "Third-party access".',
      'Remove the app there, or disconnect the bank in the app that you connected.',
    ],
  },
  fixtures: {
    positive: [
      'https://idp.ddp.akoya.com/auth?connector=mikomo&client_id=taxready-0b6e41&redirect_uri=https%3A%2F%2Fwww.taxready-demo.app%2Foauth%2Fakoya&state=f28a9c&response_type=code&scope=openid%20profile%20offline_access',
    ],
    negative: ['https://www.taxready-demo.app/import/how-it-works'],
  },
} satisfies ProviderDefinition;
