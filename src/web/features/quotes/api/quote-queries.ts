import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Quote, QuoteSort, QuoteStatus } from '../../../../shared/schemas/quotes';
import { queryRoots, refreshWordData } from '../../../lib/query-keys';
import {
  type CreateQuoteInput,
  type MessageDraftInput,
  type ReportMistakeInput,
  type SaveTermsTemplateInput,
  type UpdateQuoteInput,
  createQuote,
  createTermsTemplate,
  deleteTermsTemplate,
  duplicateQuote,
  fetchProject,
  fetchQuote,
  fetchQuoteList,
  fetchTermsTemplates,
  reportMistake,
  revokeQuoteLinks,
  saveTermsTemplate,
  sendQuote,
  updateQuote,
} from './quotes-api';

export const quoteKeys = {
  all: queryRoots.quotes,
  lists: [...queryRoots.quotes, 'list'] as const,
  list: (clientId: string | null) => [...queryRoots.quotes, 'list', clientId] as const,
  page: (filters: QuoteFilters) => [...queryRoots.quotes, 'list', 'page', filters] as const,
  detail: (id: string) => [...queryRoots.quotes, 'detail', id] as const,
  terms: queryRoots.termsTemplates,
  /** The project a quote was accepted into: the projects feature's key, so both share one cache entry. */
  project: (id: string) => [...queryRoots.projects, 'detail', id] as const,
};

export function quoteQuery(id: string) {
  return queryOptions({ queryKey: quoteKeys.detail(id), queryFn: () => fetchQuote(id) });
}

/** What the quotes page asks the server for (its URL state). */
export type QuoteFilters = { q: string; status: QuoteStatus | null; sort: QuoteSort };
export const QUOTES_PAGE_SIZE = 50;

/** One client's quotes (its page, its projects, the split dialog): a client has tens, not thousands. */
export function useQuotes(clientId: string) {
  return useQuery({
    queryKey: quoteKeys.list(clientId),
    queryFn: async ({ signal }) => (await fetchQuoteList({ clientId, limit: 200 }, signal)).items,
  });
}

/** The workspace's quotes a page at a time, searched, filtered and sorted on the server. */
export function useQuotePages(filters: QuoteFilters) {
  return useInfiniteQuery({
    queryKey: quoteKeys.page(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchQuoteList(
        {
          q: filters.q,
          ...(filters.status ? { status: filters.status } : {}),
          sort: filters.sort,
          limit: QUOTES_PAGE_SIZE,
          offset: pageParam,
        },
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The client's accepted quotes as choices ("2026-014 · Logo"), e.g. to split into payments. */
export function useAcceptedQuoteChoices(clientId: string): { id: string; label: string }[] {
  const quotes = useQuotes(clientId);
  return (quotes.data ?? [])
    .filter((q) => q.status === 'accepted')
    .map((q) => ({ id: q.id, label: `${q.number} · ${q.title}` }));
}

export function useQuote(id: string) {
  return useQuery(quoteQuery(id));
}

export function useProject(id: string | null) {
  return useQuery({
    queryKey: quoteKeys.project(id ?? ''),
    queryFn: () => fetchProject(id ?? ''),
    enabled: id !== null,
  });
}

function useStoreQuote() {
  const queryClient = useQueryClient();
  return (quote: Quote) => {
    queryClient.setQueryData(quoteKeys.detail(quote.id), quote);
    void queryClient.invalidateQueries({ queryKey: quoteKeys.lists });
  };
}

export function useCreateQuote() {
  const store = useStoreQuote();
  return useMutation({ mutationFn: (input: CreateQuoteInput) => createQuote(input), onSuccess: store });
}

export function useUpdateQuote(id: string) {
  const store = useStoreQuote();
  return useMutation({ mutationFn: (input: UpdateQuoteInput) => updateQuote(id, input), onSuccess: store });
}

export function useDuplicateQuote() {
  const store = useStoreQuote();
  return useMutation({ mutationFn: (id: string) => duplicateQuote(id), onSuccess: store });
}

/** Sending changes the quote, the timeline, Today and maybe a promise ("quote by Thursday"). */
export function useSendQuote(id: string) {
  const store = useStoreQuote();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: MessageDraftInput) => sendQuote(id, draft),
    onSuccess: (result) => {
      store(result.quote);
      void refreshWordData(queryClient);
    },
  });
}

export function useReportMistake(id: string) {
  const store = useStoreQuote();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportMistakeInput) => reportMistake(id, input),
    onSuccess: (result) => {
      store(result.quote);
      void refreshWordData(queryClient);
    },
  });
}

export function useRevokeQuoteLinks(id: string) {
  return useMutation({ mutationFn: () => revokeQuoteLinks(id) });
}

export function useTermsTemplates() {
  return useQuery({ queryKey: quoteKeys.terms, queryFn: fetchTermsTemplates, staleTime: 60_000 });
}

export function useSaveTermsTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: SaveTermsTemplateInput }) =>
      id ? saveTermsTemplate(id, input) : createTermsTemplate(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: quoteKeys.terms }),
  });
}

export function useDeleteTermsTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteTermsTemplate(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: quoteKeys.terms }),
  });
}
