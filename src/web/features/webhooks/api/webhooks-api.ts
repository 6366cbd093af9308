import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZWebhookDeliveryList,
  ZWebhookEndpoint,
  ZWebhookEndpointCreated,
  ZWebhookEndpointList,
  ZWebhookTested,
  type CreateWebhookEndpointInput,
  type UpdateWebhookEndpointInput,
} from '../../../../shared/schemas/webhooks';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

const root = ['webhooks'] as const;
export const webhookKeys = {
  endpoints: [...root, 'endpoints'] as const,
  deliveries: (endpointId: string) => [...root, 'deliveries', endpointId] as const,
};

const path = (id: string) => `/webhooks/${encodeURIComponent(id)}`;

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: webhookKeys.endpoints,
    queryFn: async () => (await apiRequest('/webhooks', ZWebhookEndpointList)).items,
  });
}

export function useWebhookDeliveries(endpointId: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(endpointId),
    queryFn: () => apiRequest(`${path(endpointId)}/deliveries?limit=20`, ZWebhookDeliveryList),
  });
}

export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWebhookEndpointInput) =>
      apiRequest('/webhooks', ZWebhookEndpointCreated, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useUpdateWebhookEndpoint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateWebhookEndpointInput) =>
      apiRequest(path(id), ZWebhookEndpoint, { method: 'PATCH', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useDeleteWebhookEndpoint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequestNoContent(path(id), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useTestWebhookEndpoint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`${path(id)}/test`, ZWebhookTested, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
  });
}
