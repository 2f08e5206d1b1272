import { describe, expect, it } from 'vitest';
import { composePrompt, requesterName } from '../../src/detect/compose.ts';
import { providerById } from '../../src/providers/index.ts';

describe('requesterName', () => {
  it.each([
    ['Budgetly would like to access your Chase accounts. Budgetly will be able to see: balances', 'Budgetly'],
    ['Share your account balance with Messenger', 'Messenger'],
    ['Connect Budgetly to your U.S. Bank accounts', 'Budgetly'],
    ['Allow Budgetly to access your Capital One account information?', 'Budgetly'],
    ['Comparte tu información de cuenta con Budgetly. Budgetly podrá ver: saldos', 'Budgetly'],
    ['Conecta Budgetly a tus cuentas de U.S. Bank', 'Budgetly'],
    ['Partagez les informations de vos comptes avec Budgetly', 'Budgetly'],
    ['Teilen Sie Ihre Kontoinformationen mit Budgetly', 'Budgetly'],
    ['Mint by Intuit is requesting access to your accounts', 'Mint by Intuit'],
  ])('%s -> %s', (text, name) => {
    expect(requesterName(text)).toBe(name);
  });

  it.each([
    'Learn how linking your accounts works',
    'connect your bank to pay friends',
    'Share your balance',
  ])('names nobody in "%s"', (text) => {
    expect(requesterName(text)).toBeNull();
  });
});

describe('composePrompt', () => {
  const at = 1_795_000_000_000;

  it("files a bank's consent page under the app it names, with the bank as the source", () => {
    const chase = providerById('chase')!;
    const { input } = composePrompt(
      chase,
      { topic: 'account-connect', text: 'Budgetly would like to access your Chase accounts', cta: 'Allow' },
      { pageUrl: 'https://secure.chase.com/web/auth/consent', at },
    );
    expect(input.recipient).toEqual({ site: 'budgetly', clientId: null, name: 'Budgetly' });
    expect(input.source.providerId).toBe('chase');
  });

  it("keeps a social site's own prompt under that site, with a bank account as the source", () => {
    const facebook = providerById('facebook')!;
    const { input } = composePrompt(
      facebook,
      { topic: 'bank-link', text: 'Connect your bank to Messenger', cta: 'Link account' },
      { pageUrl: 'https://www.messenger.com/t/chasebank', at },
    );
    expect(input.recipient.site).toBe('www.messenger.com');
    expect(input.source).toEqual({ label: 'Bank account', providerId: null });
  });
});
