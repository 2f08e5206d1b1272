import { describe, expect, it } from 'vitest';
import { describeScopes, summarizeCategories } from '../../src/detect/scopes.ts';
import facebook from '../../src/providers/facebook.ts';
import plaid from '../../src/providers/plaid.ts';

describe('describeScopes', () => {
  it('reads known scopes from the catalogue', () => {
    expect(describeScopes(facebook, ['email', 'user_posts'])).toEqual([
      { scope: 'email', means: 'see your email address', category: 'email-address', risk: 'low', known: true },
      { scope: 'user_posts', means: 'read the posts on your timeline', category: 'posts', risk: 'high', known: true },
    ]);
  });

  it('keeps unknown scopes as medium-risk profile data, including names of Object.prototype members', () => {
    for (const scope of ['user_secret_thing', 'constructor', '__proto__', 'toString']) {
      expect(describeScopes(facebook, [scope])).toEqual([
        { scope, means: `a permission Linkwatch does not know yet ("${scope}")`, category: 'profile', risk: 'medium', known: false },
      ]);
    }
  });
});

describe('summarizeCategories', () => {
  it('orders categories riskiest first, then in catalogue order, without duplicates', () => {
    const readings = describeScopes(facebook, ['public_profile', 'email', 'user_location', 'user_photos', 'user_videos', 'user_posts', 'user_hometown']);
    expect(summarizeCategories(readings)).toEqual({
      categories: ['posts', 'photos', 'location', 'profile', 'email-address'],
      risk: 'high',
    });
  });

  it('ranks a category by its riskiest scope', () => {
    // public_profile is low, user_gender medium: profile then outranks email-address (low).
    const readings = describeScopes(facebook, ['email', 'public_profile', 'user_gender']);
    expect(summarizeCategories(readings).categories).toEqual(['profile', 'email-address']);
  });

  it('treats unknown scopes as medium', () => {
    expect(summarizeCategories(describeScopes(plaid, ['mystery']))).toEqual({ categories: ['profile'], risk: 'medium' });
  });

  it('is low and empty for no readings', () => {
    expect(summarizeCategories([])).toEqual({ categories: [], risk: 'low' });
  });
});
