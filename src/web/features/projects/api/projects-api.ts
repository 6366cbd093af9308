import { z } from 'zod';
import {
  type MessageComposed,
  type SendChannel,
  ZMessageComposed,
  ZMessageSent,
} from '../../../../shared/schemas/messages';
import {
  type ChangeRequest,
  type Colleague,
  type Project,
  type ScopeDecision,
  ZChangeRequest,
  ZColleague,
  ZProject,
  type delayCauses,
  type projectStatuses,
} from '../../../../shared/schemas/projects';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

const ZProjectList = z.object({ items: z.array(ZProject) });
const ZChangeRequestList = z.object({ items: z.array(ZChangeRequest) });
/** The answers of reschedule and decide; their schemas live in the server routes, the web app keeps this reading. */
export const ZRescheduled = z.object({ project: ZProject, sent: ZMessageSent.nullable() });
export type Rescheduled = z.infer<typeof ZRescheduled>;
export const ZDecided = z.object({ changeRequest: ZChangeRequest, sent: ZMessageSent.nullable() });
export type Decided = z.infer<typeof ZDecided>;

export type ProjectStatus = (typeof projectStatuses)[number];
export type DelayCause = (typeof delayCauses)[number];
export type MessageDraftInput = { channel: SendChannel; subject: string | null; body: string };
export type CreateProjectInput = { clientId: string; title: string; targetDate?: string; deliverables: string[] };
export type DelayInput = { cause: DelayCause; statusText: string; newTargetDate: string };
export type ScopeAnswerInput = {
  decision: ScopeDecision;
  value?: number;
  colleagueId?: string;
  formalQuoteBy?: { dueDate: string; dueTime: string | null };
};
export type DecideInput = { inScope: boolean; message?: MessageDraftInput } & Partial<ScopeAnswerInput>;

const path = (id: string) => `/projects/${encodeURIComponent(id)}`;

export async function fetchProjects(clientId?: string): Promise<Project[]> {
  const query = clientId ? new URLSearchParams({ clientId }) : undefined;
  return (await apiRequest('/projects', ZProjectList, query ? { query } : {})).items;
}

export function fetchProject(id: string): Promise<Project> {
  return apiRequest(path(id), ZProject);
}

export function createProject(input: CreateProjectInput): Promise<Project> {
  return apiRequest('/projects', ZProject, { method: 'POST', body: input });
}

export type DeliverableChange = { status?: 'open' | 'done'; targetDate?: string | null };

export function updateDeliverable(id: string, deliverableId: string, input: DeliverableChange): Promise<Project> {
  return apiRequest(`${path(id)}/deliverables/${encodeURIComponent(deliverableId)}`, ZProject, {
    method: 'PATCH',
    body: input,
  });
}

export function updateProject(id: string, input: { title?: string; status?: ProjectStatus }): Promise<Project> {
  return apiRequest(path(id), ZProject, { method: 'PATCH', body: input });
}

export function setProjectTarget(id: string, targetDate: string): Promise<Project> {
  return apiRequest(`${path(id)}/target`, ZProject, { method: 'POST', body: { targetDate } });
}

export function addMaterial(id: string, input: { what: string; dueDate: string }): Promise<Project> {
  return apiRequest(`${path(id)}/materials`, ZProject, { method: 'POST', body: input });
}

export function composeDelayNotice(id: string, input: DelayInput): Promise<MessageComposed> {
  return apiRequest(`${path(id)}/delay-notice`, ZMessageComposed, { method: 'POST', body: input });
}

export function reschedule(id: string, input: DelayInput & { message?: MessageDraftInput }): Promise<Rescheduled> {
  return apiRequest(`${path(id)}/reschedule`, ZRescheduled, { method: 'POST', body: input });
}

export async function fetchChangeRequests(projectId: string): Promise<ChangeRequest[]> {
  return (await apiRequest(`${path(projectId)}/change-requests`, ZChangeRequestList)).items;
}

export function createChangeRequest(
  projectId: string,
  input: { what: string; channel: string },
): Promise<ChangeRequest> {
  return apiRequest(`${path(projectId)}/change-requests`, ZChangeRequest, { method: 'POST', body: input });
}

export function composeScopeAnswer(id: string, input: ScopeAnswerInput): Promise<MessageComposed> {
  return apiRequest(`/change-requests/${encodeURIComponent(id)}/answer`, ZMessageComposed, {
    method: 'POST',
    body: input,
  });
}

export function decideChangeRequest(id: string, input: DecideInput): Promise<Decided> {
  return apiRequest(`/change-requests/${encodeURIComponent(id)}/decide`, ZDecided, { method: 'POST', body: input });
}

const ZColleagueList = z.object({ items: z.array(ZColleague) });
export type ColleagueInput = { name: string; does: string; phone?: string; email?: string; notes?: string };

export async function fetchColleagues(): Promise<Colleague[]> {
  return (await apiRequest('/colleagues', ZColleagueList)).items;
}

export function saveColleague(id: string | null, input: ColleagueInput): Promise<Colleague> {
  return id
    ? apiRequest(`/colleagues/${encodeURIComponent(id)}`, ZColleague, { method: 'PUT', body: input })
    : apiRequest('/colleagues', ZColleague, { method: 'POST', body: input });
}

export function deleteColleague(id: string): Promise<void> {
  return apiRequestNoContent(`/colleagues/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
