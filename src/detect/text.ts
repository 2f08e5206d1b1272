import type { PromptTopic } from '../providers/types.ts';

// Ships in the content script: keep it small. Every pattern runs on folded text (lowercase, no
// accents, single spaces), which also keeps \b meaningful for "verknüpfen" or "accéder".

export type PromptLanguage = 'en' | 'es' | 'fr' | 'de';

export interface PromptClassification {
  readonly topic: PromptTopic;
  readonly language: PromptLanguage;
}

/** Labels longer than this are sentences or cards, not calls to action. */
const MAX_CTA_LENGTH = 40;
const MAX_CONTEXT_LENGTH = 3000;

/** Buttons that commit the user, by language. German verbs come last ("Konto verknüpfen"). */
const CTAS: readonly (readonly [PromptLanguage, RegExp])[] = [
  ['en', /\b(?:link|connect|allow|authori[sz]e|share|continue|sync|upload|add (?:an? |your )?(?:bank|card|account)|find friends)\b/],
  ['es', /\b(?:vincular|conectar|permitir|compartir|continuar|sincronizar|agregar (?:una? |tu )?(?:banco|tarjeta|cuenta))\b/],
  ['fr', /\b(?:associer|lier|connecter|autoriser|partager|continuer|synchroniser|ajouter (?:une? |votre )?(?:banque|carte|compte))\b/],
  ['de', /\b(?:verknupfen|verbinden|zulassen|erlauben|teilen|weiter|synchronisieren|hinzufugen)\b/],
];

/** Labels that read, sign in, or follow: never consent to sharing data. */
const NOT_A_CTA =
  /\b(?:learn|read\w*|more|sign|log|login|contact us|with us|follow\w*|help|article|cookies?|leer|mas|lire|lecture|plus|lesen|mehr|iniciar|se connecter|anmelden|einloggen)\b/;

/**
 * Each topic needs an action and an object somewhere in the prompt, in any of the languages. The
 * first topic that matches wins: a bank consent page that lists balances among everything else
 * is an account connection, not a balance share.
 */
const TOPICS: readonly (readonly [PromptTopic, RegExp, RegExp])[] = [
  [
    'bank-link',
    /\b(?:link\w*|connect\w*|add|vincul\w*|conect\w*|agreg\w*|anad\w*|associ\w*|lie[rz]|ajout\w*|verknupf\w*|verbind\w*|hinzufug\w*)\b/,
    /\b(?:bank\w*|banc(?:o|ari[ao]|aire)s?|banque|cards?|tarjetas?|cartes?|karten?)\b/,
  ],
  [
    'account-connect',
    /\b(?:(?:would like|wants|asks|requests?|will be able) to access|(?:is )?requesting access|(?:allow|connect) .{1,40}? to (?:access|your)|share your account (?:information|details|data)|(?:quiere|desea|solicita|podra) acceder|compart\w* (?:tu |la )?informacion de (?:tus? )?cuentas?|(?:souhaite|veut|demande|pourra) acceder|partag\w* (?:les )?informations de vos comptes|(?:mochte|will|wird)\b.{0,40}\bzugreifen|erhalt zugriff|kontoinformationen mit)\b/,
    /\b(?:accounts?|cuentas?|comptes?|kont(?:o|en)\w*)\b/,
  ],
  [
    'balance-share',
    /\b(?:share|see|view|compart\w*|ver|partag\w*|voir|teil(?:e|en|t)?|sehen|einsehen)\b/,
    /\b(?:balances?|transactions?|saldos?|movimientos|transacciones|soldes?|operations|kontostand\w*|umsatze?|transaktionen)\b/,
  ],
  [
    'contacts-upload',
    /\b(?:upload\w*|sync\w*|import\w*|find|subir|sincroniz\w*|encontrar|buscar|synchronis\w*|trouver|hochlad\w*|finden)\b/,
    /\b(?:contacts|friends|contactos|amigos|amis|kontakte|freunde)\b/,
  ],
];

/** Cookie banners say "allow" and "share with partners" on every site. */
const NOT_A_PROMPT = /\bcookies?\b/;

export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The language of a committing call to action, or null: the scanner's cheap pre-filter. */
export function ctaLanguage(label: string): PromptLanguage | null {
  const cta = foldText(label);
  if (cta.length > MAX_CTA_LENGTH || NOT_A_CTA.test(cta)) return null;
  return CTAS.find(([, pattern]) => pattern.test(cta))?.[0] ?? null;
}

/** A data-linking prompt: a committing call to action inside wording about linking or sharing. */
export function classifyPrompt(context: string, cta: string): PromptClassification | null {
  const language = ctaLanguage(cta);
  if (!language) return null;
  const text = `${foldText(context.slice(0, MAX_CONTEXT_LENGTH))} ${foldText(cta)}`;
  if (NOT_A_PROMPT.test(text)) return null;
  const topic = TOPICS.find(([, action, object]) => action.test(text) && object.test(text))?.[0];
  return topic ? { topic, language } : null;
}
