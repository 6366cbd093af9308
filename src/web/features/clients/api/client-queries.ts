import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Client, CreateClient, UpdateClient } from '../../../../shared/schemas/clients';
import { queryRoots } from '../../../lib/query-keys';
import { type ClientListFilters, filtersFromSearch } from './client-list-filters';
import {
  archiveClient,
  createClient,
  fetchClient,
  fetchClientList,
  fetchClientTags,
  restoreClient,
  updateClient,
} from './clients-api';

const PAGE_SIZE = 50;

export const clientKeys = {
  all: queryRoots.clients,
  lists: [...queryRoots.clients, 'list'] as const,
  list: (filters: ClientListFilters) => [...queryRoots.clients, 'list', filters] as const,
  searches: [...queryRoots.clients, 'search'] as const,
  search: (q: string) => [...queryRoots.clients, 'search', q] as const,
  tags: [...queryRoots.clients, 'tags'] as const,
  detail: (id: string) => [...queryRoots.clients, 'detail', id] as const,
};

export function clientQuery(id: string) {
  return queryOptions({ queryKey: clientKeys.detail(id), queryFn: () => fetchClient(id) });
}

export function useClient(id: string) {
  return useQuery(clientQuery(id));
}

/** Offset pages, kept while the filters change so the list does not flash empty on each keystroke. */
export function useClientList(filters: ClientListFilters) {
  return useInfiniteQuery({
    queryKey: clientKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchClientList(filters, pageParam, PAGE_SIZE, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A few best matches for pickers and the global search. */
export function useClientSearch(q: string, options: { enabled?: boolean; includeArchived?: boolean } = {}) {
  const filters = { ...filtersFromSearch({ q }), archived: options.includeArchived ? 'include' : 'exclude' } as const;
  return useQuery({
    queryKey: [...clientKeys.search(q), filters.archived],
    queryFn: ({ signal }) => fetchClientList(filters, 0, 8, signal),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useClientTags() {
  return useQuery({ queryKey: clientKeys.tags, queryFn: fetchClientTags, staleTime: 60_000 });
}

function useStoreClient() {
  const queryClient = useQueryClient();
  return (client: Client) => {
    queryClient.setQueryData(clientKeys.detail(client.id), client);
    // Lists, search results and tag counts may all have changed; refetch them lazily.
    void queryClient.invalidateQueries({ queryKey: clientKeys.lists });
    void queryClient.invalidateQueries({ queryKey: clientKeys.searches });
    void queryClient.invalidateQueries({ queryKey: clientKeys.tags });
  };
}

export function useCreateClient() {
  const store = useStoreClient();
  return useMutation({ mutationFn: (input: CreateClient) => createClient(input), onSuccess: store });
}

export function useUpdateClient(id: string) {
  const store = useStoreClient();
  return useMutation({ mutationFn: (input: UpdateClient) => updateClient(id, input), onSuccess: store });
}

export function useArchiveClient() {
  const store = useStoreClient();
  return useMutation({ mutationFn: (id: string) => archiveClient(id), onSuccess: store });
}

export function useRestoreClient() {
  const store = useStoreClient();
  return useMutation({ mutationFn: (id: string) => restoreClient(id), onSuccess: store });
}
