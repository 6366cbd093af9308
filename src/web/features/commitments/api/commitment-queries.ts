import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCommitmentInput } from '../../../../shared/schemas/commitments';
import { queryRoots, refreshWordData } from '../../../lib/query-keys';
import {
  type CommitmentFilter,
  type RenegotiateCommitmentInput,
  cancelCommitment,
  completeCommitment,
  createCommitment,
  fetchCommitments,
  fetchWordKeeping,
  renegotiateCommitment,
  reopenCommitment,
} from './commitments-api';

export const commitmentKeys = {
  list: (filter: CommitmentFilter) => [...queryRoots.commitments, 'list', filter] as const,
  wordKeeping: (days: number, clientId: string | undefined) =>
    [...queryRoots.wordKeeping, days, clientId ?? 'all'] as const,
};

export function useCommitments(filter: CommitmentFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: commitmentKeys.list(filter),
    queryFn: ({ signal }) => fetchCommitments(filter, signal),
    enabled: options.enabled ?? true,
  });
}

export function useWordKeeping(days: number, clientId?: string) {
  return useQuery({
    queryKey: commitmentKeys.wordKeeping(days, clientId),
    queryFn: ({ signal }) => fetchWordKeeping(days, clientId, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every change to a promise shows on Today, the timeline, the rate and the reminders. */
function useRefresh() {
  const queryClient = useQueryClient();
  // Not awaited: the row that triggered it must still be mounted to show its confirmation (and
  // its undo) before the refreshed list removes it.
  return () => {
    void refreshWordData(queryClient);
  };
}

export function useCreateCommitment() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: CreateCommitmentInput) => createCommitment(input), onSuccess: refresh });
}

export function useCompleteCommitment() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => completeCommitment(id), onSuccess: refresh });
}

/**
 * Undo from a notification: the row that offered it is usually gone by then (the refreshed list
 * dropped it), so this is a plain call rather than a mutation bound to that row's lifetime.
 */
export function useUndoCommitment() {
  const queryClient = useQueryClient();
  return async (id: string) => {
    const reopened = await reopenCommitment(id);
    void refreshWordData(queryClient);
    return reopened;
  };
}

export function useCancelCommitment() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => cancelCommitment(id), onSuccess: refresh });
}

export function useRenegotiateCommitment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RenegotiateCommitmentInput }) => renegotiateCommitment(id, body),
    onSuccess: refresh,
  });
}
