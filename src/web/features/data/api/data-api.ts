import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZWorkspaceRestored } from '../../../../shared/schemas/exports';
import { ZApiTokenCreated, ZApiTokenList, ZApiToken, type CreateApiTokenInput } from '../../../../shared/schemas/tokens';
import { apiRequest } from '../../../lib/api-client';

const root = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: root, queryFn: async () => (await apiRequest('/tokens', ZApiTokenList)).items });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiTokenInput) => apiRequest('/tokens', ZApiTokenCreated, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/tokens/${encodeURIComponent(id)}/revoke`, ZApiToken, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

/** Restores an export document into this (empty) workspace; everything is refetched after. */
export function useRestoreWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doc: unknown) =>
      apiRequest('/imports/workspace-json', ZWorkspaceRestored, { method: 'POST', body: doc }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
