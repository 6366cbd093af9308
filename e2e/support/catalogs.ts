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
