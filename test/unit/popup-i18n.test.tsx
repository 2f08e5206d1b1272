import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./popup-fake-browser.ts')).browser }));

import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import es from '../../public/_locales/es/messages.json' with { type: 'json' };
import { DATA_CATEGORIES } from '../../src/shared/categories.ts';
import { categoryKey, CHANNEL_KEYS, EVENT_KEYS, RISK_KEYS, STATUS_KEYS } from '../../src/popup/i18n.ts';
import { translate } from './popup-fake-browser.ts';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const popupKeys = (catalogue: Catalogue) => Object.keys(catalogue).filter((key) => key.startsWith('popup_')).sort();
const placeholdersOf = (entry: Catalogue[string] | undefined) =>
  [...(entry?.message.matchAll(/\$([A-Z_]+)\$/g) ?? [])].map((match) => (match[1] as string).toLowerCase()).sort();

describe('popup strings', () => {
  it('English and Spanish have the same popup keys, and the same placeholders in each', () => {
    expect(popupKeys(es as Catalogue)).toEqual(popupKeys(en as Catalogue));
    for (const key of popupKeys(en as Catalogue)) {
      const english = (en as Catalogue)[key];
      expect(placeholdersOf((es as Catalogue)[key]), key).toEqual(placeholdersOf(english));
      expect(Object.keys(english?.placeholders ?? {}).sort(), key).toEqual([...new Set(placeholdersOf(english))]);
    }
  });

  it('Spanish is a translation, not a copy', () => {
    const same = popupKeys(en as Catalogue).filter((key) => (en as Catalogue)[key]?.message === (es as Catalogue)[key]?.message);
    // The brand name, a "label: count" pattern and "no" read the same in both.
    expect(same).toEqual(['popup_group', 'popup_scope_no', 'popup_title']);
  });

  it('every category, status, event, channel and risk the popup names has its string', () => {
    const keys = [...DATA_CATEGORIES.map(categoryKey), ...Object.values(STATUS_KEYS), ...Object.values(EVENT_KEYS), ...Object.values(CHANNEL_KEYS), ...Object.values(RISK_KEYS)];
    for (const key of keys) {
      expect((en as Catalogue)[key]?.message, key).toBeTruthy();
      expect((es as Catalogue)[key]?.message, key).toBeTruthy();
    }
  });

  it('fills placeholders in order', () => {
    expect(translate('popup_results', ['3', '12'])).toBe('3 of 12 links shown');
    expect(translate('popup_import_done', ['1', '2', '3'])).toBe('Imported: 1 new, 2 updated, 3 already known.');
  });
});
