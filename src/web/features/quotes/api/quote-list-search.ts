import { quoteSorts, quoteStatuses } from '../../../../shared/lists';
import type { QuoteSort, QuoteStatus } from '../../../../shared/schemas/quotes';
import type { QuoteFilters } from './quote-queries';

/** The quotes list's state in the URL: defaults are left out so links stay short. */
export type QuotesSearch = { q?: string; status?: QuoteStatus; sort?: QuoteSort };

/** Tolerant: a hand-edited URL drops what it does not understand instead of failing. */
export function validateQuotesSearch(raw: Record<string, unknown>): QuotesSearch {
  const search: QuotesSearch = {};
  const q = typeof raw.q === 'string' ? raw.q.slice(0, 200).trim() : '';
  if (q) search.q = q;
  const status = quoteStatuses.find((s) => s === raw.status);
  if (status) search.status = status;
  const sort = quoteSorts.find((s) => s === raw.sort);
  if (sort && sort !== 'newest') search.sort = sort;
  return search;
}

export function quoteFiltersFrom(search: QuotesSearch): QuoteFilters {
  return { q: search.q ?? '', status: search.status ?? null, sort: search.sort ?? 'newest' };
}

/** A change of the filters as URL search: defaults and empties drop out. */
export function quotesSearchPatch(
  patch: Partial<QuoteFilters>,
): Partial<Record<keyof QuotesSearch, string | undefined>> {
  const out: Partial<Record<keyof QuotesSearch, string | undefined>> = {};
  if ('q' in patch) out.q = patch.q || undefined;
  if ('status' in patch) out.status = patch.status ?? undefined;
  if ('sort' in patch) out.sort = patch.sort === 'newest' ? undefined : patch.sort;
  return out;
}
