import { describe, expect, it } from 'vitest';
import { PROVIDERS, providerById } from '../../src/providers/index.ts';
import { isManagementPage, managementMatchPatterns, managementProviderFor } from '../../src/revoke/pages.ts';

const MATCH_PATTERN = /^https:\/\/[a-z0-9.-]+\/[^*]*\*$/;

describe('management pages', () => {
  const facebook = providerById('facebook');
  const google = providerById('google');
  if (!facebook || !google) throw new Error('catalogue');

  it('needs the same address and the query parameters of revocation.url', () => {
    expect(isManagementPage(facebook, 'https://www.facebook.com/settings?tab=applications')).toBe(true);
    expect(isManagementPage(facebook, 'https://www.facebook.com/settings/?ref=menu&tab=applications')).toBe(true);
    expect(isManagementPage(facebook, 'https://www.facebook.com/settings?tab=privacy')).toBe(false);
    expect(isManagementPage(facebook, 'https://www.facebook.com/settingsx?tab=applications')).toBe(false);
    expect(isManagementPage(facebook, 'http://www.facebook.com/settings?tab=applications')).toBe(false);
    expect(isManagementPage(facebook, 'not a url')).toBe(false);
  });

  it('accepts the extra pages a provider lists', () => {
    expect(isManagementPage(google, 'https://myaccount.google.com/connections/link?id=1')).toBe(true);
    expect(managementProviderFor(PROVIDERS, 'https://myaccount.google.com/permissions')?.id).toBe('google');
    expect(managementProviderFor(PROVIDERS, 'https://my.plaid.com/')?.id).toBe('plaid');
    expect(managementProviderFor(PROVIDERS, 'https://my.plaid.com/settings')).toBeUndefined();
    expect(managementProviderFor(PROVIDERS, 'https://www.budgetly.app/connect-bank')).toBeUndefined();
  });

  it('gives the manifest one valid match pattern per page, covering every management page', () => {
    const patterns = managementMatchPatterns(PROVIDERS);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const pattern of patterns) expect(pattern).toMatch(MATCH_PATTERN);
    expect(patterns).toContain('https://www.facebook.com/settings*');
    expect(patterns).toContain('https://my.plaid.com/*');
    const covers = (url: string) =>
      patterns.some((pattern) => new RegExp(`^${pattern.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url));
    for (const provider of PROVIDERS) {
      expect(covers(provider.revocation.url), provider.id).toBe(true);
      for (const page of provider.revocation.pages ?? []) expect(covers(`${page}/x`), provider.id).toBe(true);
    }
  });
});
