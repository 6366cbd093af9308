import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type SearchResults, ZSearchResults } from '../../../../shared/schemas/search';
import { apiRequest } from '../../../lib/api-client';

export const searchKeys = { all: ['search'] as const, query: (q: string) => ['search', q] as const };

export function fetchSearch(q: string, signal?: AbortSignal): Promise<SearchResults> {
  return apiRequest('/search', ZSearchResults, {
    query: new URLSearchParams({ q, limit: '5' }),
    ...(signal ? { signal } : {}),
  });
}

/**
 * Everything that matches, grouped by kind (clients, contacts, quotes, projects, change requests).
 * Always fetched fresh: anything in the app may have changed since the last search.
 */
export function useGlobalSearch(q: string, options: { enabled: boolean }) {
  return useQuery({
    queryKey: searchKeys.query(q),
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled: options.enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
