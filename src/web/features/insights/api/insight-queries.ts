import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { queryRoots } from '../../../lib/query-keys';
import { todayQuery } from './today-query';
import {
  createCalendarFeed,
  deleteCalendarFeed,
  fetchClientCareCases,
  fetchClientCommitments,
  fetchClientInteractions,
} from './insights-api';

const TIMELINE_PAGE = 30;

/** Today refreshes itself: a promise falls due while the screen is open. */
export function useToday() {
  return useQuery({
    ...todayQuery,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useCreateCalendarFeed() {
  return useMutation({ mutationFn: createCalendarFeed });
}

export function useDeleteCalendarFeed() {
  return useMutation({ mutationFn: deleteCalendarFeed });
}

export function useClientInteractionPages(clientId: string) {
  return useInfiniteQuery({
    queryKey: [...queryRoots.timeline, clientId, 'interactions'],
    queryFn: ({ pageParam, signal }) => fetchClientInteractions(clientId, pageParam, TIMELINE_PAGE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useClientCommitmentEvents(clientId: string) {
  return useQuery({
    queryKey: [...queryRoots.timeline, clientId, 'commitments'],
    queryFn: ({ signal }) => fetchClientCommitments(clientId, signal),
  });
}

/** Care refreshes the timeline root when a mistake or a conflict is recorded, changed or resolved. */
export function useClientCareCases(clientId: string) {
  return useQuery({
    queryKey: [...queryRoots.timeline, clientId, 'care'],
    queryFn: ({ signal }) => fetchClientCareCases(clientId, signal),
  });
}
