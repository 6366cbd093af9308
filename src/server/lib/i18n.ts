import he from '../../shared/locales/he.json' with { type: 'json' };
import en from '../../shared/locales/en.json' with { type: 'json' };
import type { Locale } from '../../shared/schemas/common.js';

type Catalog = typeof he;
const catalogs: Record<Locale, Catalog> = { he, en };

/**
 * The server's translator for API errors (and later e-mails and the client portal). A small
 * lookup with {{param}} interpolation: the same catalogs the web app loads into i18next.
 */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const value = lookup(catalogs[locale], key) ?? lookup(catalogs.he, key) ?? key;
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Picks he/en from an Accept-Language header; null when it names neither. */
export function localeFromHeader(header: string | undefined | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('he') || tag.startsWith('iw')) return 'he';
    if (tag.startsWith('en')) return 'en';
  }
  return null;
}

/** The catalog text itself, placeholders left in (for templates the user may edit). */
export function rawMessage(locale: Locale, key: string): string {
  return lookup(catalogs[locale], key) ?? lookup(catalogs.he, key) ?? key;
}
