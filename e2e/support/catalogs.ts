import en from '../../src/web/locales/en.json' with { type: 'json' };
import he from '../../src/web/locales/he.json' with { type: 'json' };

type Catalog = typeof he;
const catalogs: Record<'he' | 'en', Catalog> = { he, en: en as Catalog };

/** Labels come from the same catalogs as the app, so copy edits don't break the journeys. */
export function label(locale: 'he' | 'en', key: string): string {
  let node: unknown = catalogs[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no message ${locale}:${key}`);
  return node;
}

/** `{{name}}` and `{{name, symbol}}` (a currency code shown as its sign, as the app's formatter does) filled in. */
export function interpolate(locale: 'he' | 'en', text: string, values: Record<string, string | number>): string {
  return text.replace(/{{(\w+)(?:, (\w+))?}}/g, (whole, name: string, format?: string) => {
    if (!(name in values)) return whole;
    const value = String(values[name]);
    if (format !== 'symbol') return value;
    const parts = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value,
      currencyDisplay: 'narrowSymbol',
    }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? value;
  });
}
