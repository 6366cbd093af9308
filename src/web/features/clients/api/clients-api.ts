import type { z } from 'zod';
import {
  type Client,
  type ClientList,
  type CreateClient,
  type UpdateClient,
  ZClient,
  ZClientList,
  ZTagList,
} from '../../../../shared/schemas/clients';
import { apiRequest } from '../../../lib/api-client';
import { type ClientListFilters, toQueryParams } from './client-list-filters';

export function fetchClientList(
  filters: ClientListFilters,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<ClientList> {
  return apiRequest('/clients', ZClientList, {
    query: toQueryParams(filters, offset, limit),
    ...(signal ? { signal } : {}),
  });
}

export function fetchClient(id: string): Promise<Client> {
  return apiRequest(`/clients/${encodeURIComponent(id)}`, ZClient);
}

export async function fetchClientTags(): Promise<z.infer<typeof ZTagList>['items']> {
  return (await apiRequest('/clients/tags', ZTagList)).items;
}

export function createClient(input: CreateClient): Promise<Client> {
  return apiRequest('/clients', ZClient, { method: 'POST', body: input });
}

export function updateClient(id: string, input: UpdateClient): Promise<Client> {
  return apiRequest(`/clients/${encodeURIComponent(id)}`, ZClient, { method: 'PATCH', body: input });
}

export function archiveClient(id: string): Promise<Client> {
  return apiRequest(`/clients/${encodeURIComponent(id)}`, ZClient, { method: 'DELETE' });
}

export function restoreClient(id: string): Promise<Client> {
  return apiRequest(`/clients/${encodeURIComponent(id)}/restore`, ZClient, { method: 'POST' });
}
