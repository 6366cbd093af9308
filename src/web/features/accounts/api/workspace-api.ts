import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type BusinessProfile,
  type SaveBusinessProfileInput,
  type Me,
  ZBusinessProfile,
} from '../../../../shared/schemas/accounts';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { sessionKeys } from './session-api';

const workspaceKey = queryRoots.workspace;

export const workspaceQuery = queryOptions({
  queryKey: workspaceKey,
  queryFn: () => apiRequest('/workspace', ZBusinessProfile),
});

export function useWorkspace() {
  return useQuery(workspaceQuery);
}

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<SaveBusinessProfileInput>) =>
      apiRequest('/workspace', ZBusinessProfile, { method: 'PATCH', body: input }),
    onSuccess: (profile: BusinessProfile) => {
      queryClient.setQueryData(workspaceKey, profile);
      // Me carries the workspace too (time zone, hours): keep both copies the same.
      queryClient.setQueryData<Me>(sessionKeys.me, (me) => (me ? { ...me, workspace: profile } : me));
    },
  });
}
