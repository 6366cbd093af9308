import { z } from 'zod';
import {
  type Ambassador,
  type ApologySent,
  type ComposeApology,
  type ComposeConflictFollowup,
  type ComposeFarewell,
  type Conflict,
  type ConflictResolved,
  type EndEngagementInput,
  type EngagementEnded,
  type Offboarding,
  type ResolveConflictInput,
  type SendApologyInput,
  ZAmbassador,
  ZApologySent,
  ZConflictResolved,
  ZEngagementEnded,
  ZOffboarding,
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
import { type MessageComposed, ZMessageComposed } from '../../../../shared/schemas/messages';
import { type Colleague, ZColleague } from '../../../../shared/schemas/projects';
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

// ── The apology (seed 003) ──

export function composeApology(id: string, input: ComposeApology): Promise<MessageComposed> {
  return apiRequest(`/care/incidents/${enc(id)}/apology`, ZMessageComposed, { method: 'POST', body: input });
}

export function sendApology(id: string, input: SendApologyInput): Promise<ApologySent> {
  return apiRequest(`/care/incidents/${enc(id)}/apology/send`, ZApologySent, { method: 'POST', body: input });
}

// ── A conflict's chosen option ──

export function composeConflictFollowup(id: string, input: ComposeConflictFollowup): Promise<MessageComposed> {
  return apiRequest(`/care/conflicts/${enc(id)}/message`, ZMessageComposed, { method: 'POST', body: input });
}

export function resolveConflict(id: string, input: ResolveConflictInput): Promise<ConflictResolved> {
  return apiRequest(`/care/conflicts/${enc(id)}/resolve`, ZConflictResolved, { method: 'POST', body: input });
}

// ── Referrals ──

export function fetchAmbassador(clientId: string): Promise<Ambassador> {
  return apiRequest(`/care/clients/${enc(clientId)}/ambassador`, ZAmbassador);
}

/** The thank-you for bringing `referredClientId`, addressed to whoever referred them. */
export function composeReferralThanks(referredClientId: string): Promise<MessageComposed> {
  return apiRequest(`/care/referrals/${enc(referredClientId)}/thanks`, ZMessageComposed, { method: 'POST' });
}

// ── Parting well ──

export function fetchOffboarding(clientId: string): Promise<Offboarding> {
  return apiRequest(`/care/clients/${enc(clientId)}/offboarding`, ZOffboarding);
}

export function composeFarewell(clientId: string, input: ComposeFarewell): Promise<MessageComposed> {
  return apiRequest(`/care/clients/${enc(clientId)}/farewell`, ZMessageComposed, { method: 'POST', body: input });
}

export function endEngagement(clientId: string, input: EndEngagementInput): Promise<EngagementEnded> {
  return apiRequest(`/care/clients/${enc(clientId)}/end`, ZEngagementEnded, { method: 'POST', body: input });
}

export function bringBack(clientId: string): Promise<Offboarding> {
  return apiRequest(`/care/clients/${enc(clientId)}/bring-back`, ZOffboarding, { method: 'POST' });
}

/** The colleagues directory (kept by the projects screens): whom a parting client may be referred to. */
const ZColleagueList = z.object({ items: z.array(ZColleague) });

export async function fetchColleagues(): Promise<Colleague[]> {
  return (await apiRequest('/colleagues', ZColleagueList)).items;
}
