import { describe, expect, it } from 'vitest';
import { classifyPrompt, ctaLanguage, foldText } from '../../src/detect/text.ts';

describe('classifyPrompt: prompts', () => {
  it.each([
    // English
    ['Connect your bank to Messenger. Messenger will be able to see: balances, transactions.', 'Connect bank', 'bank-link', 'en'],
    ['Link your bank account to get balance alerts in Messenger.', 'Link bank account', 'bank-link', 'en'],
    ['Add a debit card to send money to friends.', 'Add card', 'bank-link', 'en'],
    ['Share your balance with Chase Bot? Chase Bot can show your transactions here.', 'Share', 'balance-share', 'en'],
    ['Budgetly would like to access your accounts at First Bank.', 'Allow', 'account-connect', 'en'],
    ['Allow Budgetly to access your Capital One account information? Budgetly will be able to see balances and transactions.', 'Allow', 'account-connect', 'en'],
    ['Share your account information with Budgetly. Budgetly will be able to see: balances, transactions.', 'Allow access', 'account-connect', 'en'],
    ['Upload your contacts to find people you know on Facebook.', 'Upload contacts', 'contacts-upload', 'en'],
    ['Find friends from your phone. We sync your contacts regularly.', 'Find friends', 'contacts-upload', 'en'],
    ['Keep your contacts in sync so you can find friends.', 'Continue', 'contacts-upload', 'en'],
    // Spanish
    ['Vincula tu cuenta bancaria con Messenger para ver tu saldo.', 'Vincular cuenta', 'bank-link', 'es'],
    ['Conecta tu banco con Messenger.', 'Conectar', 'bank-link', 'es'],
    ['¿Compartir tu saldo y tus movimientos con Chase?', 'Compartir', 'balance-share', 'es'],
    ['Budgetly quiere acceder a tus cuentas bancarias.', 'Permitir', 'account-connect', 'es'],
    ['Comparte tu información de cuenta con Budgetly. Budgetly podrá ver: saldos de tus cuentas, transacciones.', 'Permitir', 'account-connect', 'es'],
    ['Sincroniza tus contactos para encontrar amigos.', 'Sincronizar contactos', 'contacts-upload', 'es'],
    ['Agrega tu banco para pagar más rápido.', 'Agregar banco', 'bank-link', 'es'],
    // French
    ['Associez votre compte bancaire à Messenger.', 'Associer', 'bank-link', 'fr'],
    ['Connectez votre banque pour recevoir des alertes.', 'Lier le compte', 'bank-link', 'fr'],
    ['Partager votre solde et vos opérations avec Chase ?', 'Partager', 'balance-share', 'fr'],
    ['Budgetly souhaite accéder à vos comptes.', 'Autoriser', 'account-connect', 'fr'],
    ['Partagez les informations de vos comptes avec Budgetly. Budgetly pourra consulter vos soldes.', 'Autoriser', 'account-connect', 'fr'],
    ['Synchronisez vos contacts pour trouver des amis.', 'Synchroniser les contacts', 'contacts-upload', 'fr'],
    // German
    ['Verknüpfe dein Bankkonto mit dem Messenger.', 'Konto verknüpfen', 'bank-link', 'de'],
    ['Füge deine Bank hinzu, um schneller zu bezahlen.', 'Bank hinzufügen', 'bank-link', 'de'],
    ['Möchtest du deinen Kontostand und deine Umsätze mit Chase teilen?', 'Teilen', 'balance-share', 'de'],
    ['Budgetly möchte auf deine Konten zugreifen.', 'Zulassen', 'account-connect', 'de'],
    ['Teilen Sie Ihre Kontoinformationen mit Budgetly. Budgetly erhält Zugriff auf: Ihre Kontostände, Ihre Umsätze.', 'Zulassen', 'account-connect', 'de'],
    ['Lade deine Kontakte hoch, um Freunde zu finden.', 'Kontakte synchronisieren', 'contacts-upload', 'de'],
    ['Verbinde deine Bank mit Messenger.', 'Weiter', 'bank-link', 'de'],
  ] as const)('%s [%s] → %s (%s)', (context, cta, topic, language) => {
    expect(classifyPrompt(context, cta)).toEqual({ topic, language });
  });

  it('normalises case, accents and whitespace in both context and label', () => {
    expect(classifyPrompt('  VERKNUEPFE\n\n dein   BANKKONTO  mit Messenger', '  KONTO   VERKNÜPFEN ')).toEqual({
      topic: 'bank-link',
      language: 'de',
    });
    expect(classifyPrompt('Budgetly SOUHAITE ACCÉDER à vos COMPTES', 'AUTORISER')).toEqual({ topic: 'account-connect', language: 'fr' });
  });
});

describe('classifyPrompt: not prompts', () => {
  it.each([
    ['a help article', 'How to connect your bank to Messenger: open Settings and choose Payments.', 'Read article'],
    ['a help link', 'Connect your bank to Messenger.', 'Learn more'],
    ['a sign-in button', 'Sign in to link your bank account.', 'Sign in'],
    ['a log-in button', 'Log in to see your balance.', 'Log in'],
    ['a French log-in button', 'Connectez votre banque après vous être identifié.', 'Se connecter'],
    ['a Spanish help link', 'Conecta tu banco con Messenger.', 'Más información'],
    ['a contact link', 'Questions about linking your bank?', 'Contact us'],
    ['a social footer', 'Connect with us on Facebook. Follow us for news.', 'Connect'],
    ['a follow button', 'Follow us on Messenger for updates.', 'Follow us'],
    ['a "connect with us" button', 'Link your bank account in minutes.', 'Connect with us'],
    ['news wording without a committing call to action', 'Facebook asked banks to share customer balances and card transactions.', 'Read more'],
    ['a committing button with unrelated wording', 'Your order has shipped. Track it in the app.', 'Continue'],
    ['a settings page about your own account', 'Review your account information and account details.', 'Continue'],
    ['a friend request', 'Connect with friends on Messenger.', 'Connect'],
    ['a cookie banner', 'Allow the use of cookies to share information with partners and link your accounts.', 'Allow all cookies'],
    ['a cookie banner with a bare button', 'We use cookies. Partners can see your activity and transactions.', 'Allow'],
    ['a German "read on" link', 'Facebook will deine Bank verknüpfen.', 'Weiterlesen'],
    ['a long sentence in a button', 'Link your bank account', 'Link your bank account now and get five dollars back on your first purchase'],
    ['an empty button', 'Link your bank account', '   '],
  ])('%s', (_case, context, cta) => {
    expect(classifyPrompt(context, cta)).toBeNull();
  });
});

describe('ctaLanguage', () => {
  it.each([
    ['Link account', 'en'],
    ['Continue', 'en'],
    ['Continuar', 'es'],
    ['Continuer', 'fr'],
    ['Weiter', 'de'],
    ['Bank hinzufügen', 'de'],
    ['Lier le compte', 'fr'],
    ['Learn more', null],
    ['Read article', null],
    ['Submit', null],
    ['Add to cart', null],
    ['Linkwatch', null],
  ] as const)('%s → %s', (label, language) => {
    expect(ctaLanguage(label)).toBe(language);
  });
});

describe('foldText', () => {
  it('drops accents, case and repeated whitespace', () => {
    expect(foldText(' Ärger\u00a0 über  CAFÉ\tñ ')).toBe('arger uber cafe n');
  });
});

describe('bank consent pages reached through an aggregator', () => {
  it.each([
    ['Connect Budgetly to your Wells Fargo accounts. Budgetly is requesting access to the following information', 'Connect'],
    ['Budgetly is requesting access to your Citi accounts. By clicking Authorize, you allow Citi to share', 'Authorize'],
  ])('%s [%s] is an account connection', (context, cta) => {
    expect(classifyPrompt(context, cta)).toEqual({ topic: 'account-connect', language: 'en' });
  });
});
