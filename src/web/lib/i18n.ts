import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import sharedEn from '../../shared/locales/en.json';
import sharedHe from '../../shared/locales/he.json';
import type { Locale } from '../../shared/schemas/common';
import en from '../locales/en.json';
import he from '../locales/he.json';

const STORAGE_KEY = 'mila.language';

/** The BCP-47 tag used for Intl formatting: Israeli conventions in both languages. */
export const intlLocales: Record<Locale, string> = { he: 'he-IL', en: 'en-IL' };

export function isLocale(value: unknown): value is Locale {
  return value === 'he' || value === 'en';
}

function storedLanguage(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'he';
  } catch {
    // Private mode or blocked storage: Hebrew is the product default.
    return 'he';
  }
}

/** Keeps <html lang dir> in step with the language; Mantine's DirectionProvider observes `dir`. */
function applyToDocument(language: Locale): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = language === 'he' ? 'rtl' : 'ltr';
  document.title = i18next.t('app.name');
}

export const i18n = i18next;

export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: {
      he: { translation: he, shared: sharedHe },
      en: { translation: en, shared: sharedEn },
    },
    lng: storedLanguage(),
    fallbackLng: 'he',
    supportedLngs: ['he', 'en'],
    ns: ['translation', 'shared'],
    defaultNS: 'translation',
    // React escapes output already; double escaping would garble quotes in Hebrew names.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  // "{{currency, symbol}}" in a label: ₪ rather than the code (ILS).
  i18next.services.formatter?.add('symbol', (value: unknown, lng: string | undefined) =>
    currencySymbol(String(value), lng ?? 'he'),
  );
  applyToDocument(currentLanguage());
  i18next.on('languageChanged', (lng) => {
    if (isLocale(lng)) applyToDocument(lng);
  });
}

/** The currency's sign as people write it ("₪", "$"); the code itself when Intl does not know it. */
export function currencySymbol(currency: string, language: string): string {
  try {
    const parts = new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

export function currentLanguage(): Locale {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLocale(lng) ? lng : 'he';
}

export function currentIntlLocale(): string {
  return intlLocales[currentLanguage()];
}

export async function changeLanguage(language: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisting is acceptable: the signed-in user's language is stored on the server too.
  }
  if (currentLanguage() !== language) await i18next.changeLanguage(language);
}
