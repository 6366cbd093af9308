import {
  type Conflict,
  type CreateClientTypeInput,
  type CreateConflictInput,
  type CreateIncidentInput,
  type Incident,
  type IncidentCause,
  type IncidentStatus,
  type Playbook,
  type PlaybookList,
  type StubbornClient,
  type UpdateConflictInput,
  type UpdateIncidentInput,
  type UpdatePlaybookInput,
  ZConflict,
  ZConflictList,
  ZIncident,
  ZIncidentList,
  ZPlaybook,
  ZPlaybookList,
  ZStubbornClientList,
} from '../../../../shared/schemas/care';
import type { Locale } from '../../../../shared/schemas/common';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

const enc = encodeURIComponent;

// ── Playbooks ──

export function fetchPlaybooks(locale: Locale): Promise<PlaybookList> {
  return apiRequest('/care/playbooks', ZPlaybookList, { query: new URLSearchParams({ locale }) });
}

export function updatePlaybook(type: string, input: UpdatePlaybookInput): Promise<Playbook> {
  return apiRequest(`/care/playbooks/${enc(type)}`, ZPlaybook, { method: 'PUT', body: input });
}

export function resetPlaybook(type: string, locale: Locale): Promise<Playbook> {
  return apiRequest(`/care/playbooks/${enc(type)}/reset`, ZPlaybook, { method: 'POST', body: { locale } });
}

export function createClientType(input: CreateClientTypeInput): Promise<Playbook> {
  return apiRequest('/care/types', ZPlaybook, { method: 'POST', body: input });
}

export function deleteClientType(id: string): Promise<void> {
  return apiRequestNoContent(`/care/types/${enc(id)}`, { method: 'DELETE' });
}

// ── Mistakes ──

export type IncidentFilters = { clientId?: string; cause?: IncidentCause; status?: IncidentStatus };
export type IncidentPage = { items: Incident[]; nextCursor: string | null };

export function fetchIncidents(
  filters: IncidentFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<IncidentPage> {
  const query = new URLSearchParams({ limit: '50' });
  if (filters.clientId) query.set('clientId', filters.clientId);
  if (filters.cause) query.set('cause', filters.cause);
  if (filters.status) query.set('status', filters.status);
  if (cursor) query.set('cursor', cursor);
  return apiRequest('/care/incidents', ZIncidentList, { query, ...(signal ? { signal } : {}) });
}

export function createIncident(input: CreateIncidentInput): Promise<Incident> {
  return apiRequest('/care/incidents', ZIncident, { method: 'POST', body: input });
}

export function updateIncident(id: string, input: UpdateIncidentInput): Promise<Incident> {
  return apiRequest(`/care/incidents/${enc(id)}`, ZIncident, { method: 'PATCH', body: input });
}

export function deleteIncident(id: string): Promise<void> {
  return apiRequestNoContent(`/care/incidents/${enc(id)}`, { method: 'DELETE' });
}

// ── Conflicts ──

export async function fetchConflicts(clientId: string): Promise<Conflict[]> {
  const query = new URLSearchParams({ clientId, limit: '200' });
  return (await apiRequest('/care/conflicts', ZConflictList, { query })).items;
}

export function fetchConflict(id: string): Promise<Conflict> {
  return apiRequest(`/care/conflicts/${enc(id)}`, ZConflict);
}

export function createConflict(input: CreateConflictInput): Promise<Conflict> {
  return apiRequest('/care/conflicts', ZConflict, { method: 'POST', body: input });
}

export function updateConflict(id: string, input: UpdateConflictInput): Promise<Conflict> {
  return apiRequest(`/care/conflicts/${enc(id)}`, ZConflict, { method: 'PATCH', body: input });
}

export async function fetchStubbornClients(): Promise<StubbornClient[]> {
  return (await apiRequest('/care/stubborn', ZStubbornClientList)).items;
}
