import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangePasswordInput, ZSessionList, ZSessionsEnded } from '../../../../shared/schemas/accounts';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

const sessionsKey = [...queryRoots.session, 'sessions'] as const;

export const sessionsQuery = queryOptions({
  queryKey: sessionsKey,
  queryFn: () => apiRequest('/auth/sessions', ZSessionList),
});

export function useSessions() {
  return useQuery(sessionsQuery);
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/auth/sessions/end-others', ZSessionsEnded, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) =>
      apiRequest('/auth/password', ZSessionsEnded, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
