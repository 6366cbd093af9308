import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import sharedHe from '../../shared/locales/he.json';
import type { Locale } from '../../shared/schemas/common';
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

/**
 * Hebrew, the default and the fallback, is bundled; every other catalog is its own chunk, fetched
 * only when that language is chosen (the two catalogs were a third of the first screen's script).
 */
const catalogLoaders: Record<Exclude<Locale, 'he'>, () => Promise<{ translation: object; shared: object }>> = {
  en: () => import('./i18n-en').then((m) => m.catalogs),
};

/** Adds the language's catalogs before anything switches to it, so no key is ever shown raw. */
async function ensureCatalogs(language: Locale): Promise<void> {
  if (language === 'he' || i18next.hasResourceBundle(language, 'translation')) return;
  const { translation, shared } = await catalogLoaders[language]();
  i18next.addResourceBundle(language, 'translation', translation, true, true);
  i18next.addResourceBundle(language, 'shared', shared, true, true);
}

/** Resolves once the stored language's catalogs are in (at once for Hebrew): render after it. */
export async function initI18n(): Promise<void> {
  const language = storedLanguage();
  // When the stored language's chunk cannot be fetched (offline before it was ever cached): Hebrew.
  const other = language === 'he' ? null : await catalogLoaders[language]().catch(() => null);
  void i18next.use(initReactI18next).init({
    resources: { he: { translation: he, shared: sharedHe }, ...(other ? { [language]: other } : {}) },
    lng: other ? language : 'he',
    partialBundledLanguages: true,
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
  if (currentLanguage() === language) return;
  await ensureCatalogs(language);
  await i18next.changeLanguage(language);
}
