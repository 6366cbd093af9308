import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SetupStatus, ZMe } from '../../../../shared/schemas/accounts';
import { type DeleteWorkspaceInput, ZMyWorkspaceList } from '../../../../shared/schemas/team';
import { apiRequest, apiRequestNoContent, setCsrfToken } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { sessionKeys } from './session-api';

/** The workspaces I belong to (the switcher shows them when there is more than one). */
export function useMyWorkspaces() {
  return useQuery({
    queryKey: sessionKeys.workspaces,
    queryFn: () => apiRequest('/me/workspaces', ZMyWorkspaceList),
    staleTime: 5 * 60_000,
  });
}

/** This session moves to another workspace: Me is replaced (with its CSRF token) at once. */
export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workspaceId: string) => apiRequest('/me/workspace', ZMe, { method: 'PUT', body: { workspaceId } }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(sessionKeys.me, me);
    },
  });
}

/**
 * After a switch everything cached belongs to the old workspace: every query but Me is reset, so
 * each screen refetches for the new one. Call it once on a screen of both (Today), not on a record
 * page of the old one, which would refetch a record the new workspace does not have.
 */
export function forgetOtherWorkspace(queryClient: QueryClient): Promise<void> {
  return queryClient.resetQueries({
    predicate: (query) => query.queryKey[0] !== queryRoots.session[0] || query.queryKey[1] === 'workspaces',
  });
}

/** Deletes the workspace for good (its name and the owner's password); the session ends with it. */
export function useDeleteWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteWorkspaceInput) =>
      apiRequestNoContent('/workspace/delete', { method: 'POST', body: input }),
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.setQueryData<SetupStatus>(sessionKeys.status, (status) =>
        status ? { ...status, authenticated: false } : status,
      );
      // Self-hosted with no workspace left, the next visit is the first-run setup again.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.status });
    },
  });
}
