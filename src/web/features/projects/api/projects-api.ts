import type { z } from 'zod';
import { type Commitment, ZCommitment } from '../../../../shared/schemas/commitments';
import { type MessageComposed, type ZMessageDraft, ZMessageComposed } from '../../../../shared/schemas/messages';
import {
  type ChangeRequest,
  type Colleague,
  type Project,
  type ZAddMaterial,
  type ZComposeDelay,
  type ZComposeScope,
  type ZCreateChangeRequest,
  type ZCreateProject,
  type ZDecideChangeRequest,
  type ZRescheduleProject,
  type ZSaveColleague,
  type ProjectList,
  type ProjectListQueryInput,
  type ZUpdateDeliverable,
  type ZUpdateProject,
  type delayCauses,
  type projectStatuses,
  ZChangeRequest,
  ZChangeRequestDecided,
  ZChangeRequestList,
  ZColleague,
  ZColleagueList,
  ZProject,
  ZProjectList,
  ZRescheduled,
} from '../../../../shared/schemas/projects';
import { apiRequest, apiRequestNoContent, toQuery } from '../../../lib/api-client';

export type Rescheduled = z.infer<typeof ZRescheduled>;
export type ChangeRequestDecided = z.infer<typeof ZChangeRequestDecided>;

export type ProjectStatus = (typeof projectStatuses)[number];
export type DelayCause = (typeof delayCauses)[number];
export type MessageDraftInput = z.input<typeof ZMessageDraft>;
export type CreateProjectInput = z.input<typeof ZCreateProject>;
export type UpdateProjectInput = z.input<typeof ZUpdateProject>;
/** A slip as the user states it, before the notice is written (the notice is composed from it). */
export type DelayInput = z.input<typeof ZComposeDelay>;
export type RescheduleProjectInput = z.input<typeof ZRescheduleProject>;
/** An out-of-scope decision, before the message that says so. */
export type ScopeAnswerInput = z.input<typeof ZComposeScope>;
export type DecideChangeRequestInput = z.input<typeof ZDecideChangeRequest>;
export type CreateChangeRequestInput = z.input<typeof ZCreateChangeRequest>;
export type UpdateDeliverableInput = z.input<typeof ZUpdateDeliverable>;
export type SaveColleagueInput = z.input<typeof ZSaveColleague>;
export type AddMaterialInput = z.input<typeof ZAddMaterial>;

const path = (id: string) => `/projects/${encodeURIComponent(id)}`;

/** One page of the projects list. */
export function fetchProjectList(query: ProjectListQueryInput, signal?: AbortSignal): Promise<ProjectList> {
  const params = toQuery(query);
  return apiRequest('/projects', ZProjectList, { query: params, ...(signal ? { signal } : {}) });
}

export function fetchProject(id: string): Promise<Project> {
  return apiRequest(path(id), ZProject);
}

export function createProject(input: CreateProjectInput): Promise<Project> {
  return apiRequest('/projects', ZProject, { method: 'POST', body: input });
}

export function updateDeliverable(id: string, deliverableId: string, input: UpdateDeliverableInput): Promise<Project> {
  return apiRequest(`${path(id)}/deliverables/${encodeURIComponent(deliverableId)}`, ZProject, {
    method: 'PATCH',
    body: input,
  });
}

export function updateProject(id: string, input: UpdateProjectInput): Promise<Project> {
  return apiRequest(path(id), ZProject, { method: 'PATCH', body: input });
}

export function setProjectTarget(id: string, targetDate: string): Promise<Project> {
  return apiRequest(`${path(id)}/target`, ZProject, { method: 'POST', body: { targetDate } });
}

export function addMaterial(id: string, input: AddMaterialInput): Promise<Project> {
  return apiRequest(`${path(id)}/materials`, ZProject, { method: 'POST', body: input });
}

export function composeDelayNotice(id: string, input: DelayInput): Promise<MessageComposed> {
  return apiRequest(`${path(id)}/delay-notice`, ZMessageComposed, { method: 'POST', body: input });
}

export function reschedule(id: string, input: RescheduleProjectInput): Promise<Rescheduled> {
  return apiRequest(`${path(id)}/reschedule`, ZRescheduled, { method: 'POST', body: input });
}

/** The client supplied a material: its promise is kept (materials are the client's promises). */
export function completeMaterial(materialId: string): Promise<Commitment> {
  return apiRequest(`/commitments/${encodeURIComponent(materialId)}/complete`, ZCommitment, {
    method: 'POST',
    body: {},
  });
}

export async function fetchChangeRequests(projectId: string): Promise<ChangeRequest[]> {
  return (await apiRequest(`${path(projectId)}/change-requests`, ZChangeRequestList)).items;
}

export function createChangeRequest(projectId: string, input: CreateChangeRequestInput): Promise<ChangeRequest> {
  return apiRequest(`${path(projectId)}/change-requests`, ZChangeRequest, { method: 'POST', body: input });
}

export function composeScopeAnswer(id: string, input: ScopeAnswerInput): Promise<MessageComposed> {
  return apiRequest(`/change-requests/${encodeURIComponent(id)}/answer`, ZMessageComposed, {
    method: 'POST',
    body: input,
  });
}

export function decideChangeRequest(id: string, input: DecideChangeRequestInput): Promise<ChangeRequestDecided> {
  return apiRequest(`/change-requests/${encodeURIComponent(id)}/decide`, ZChangeRequestDecided, {
    method: 'POST',
    body: input,
  });
}

export async function fetchColleagues(): Promise<Colleague[]> {
  return (await apiRequest('/colleagues', ZColleagueList)).items;
}

export function saveColleague(id: string | null, input: SaveColleagueInput): Promise<Colleague> {
  return id
    ? apiRequest(`/colleagues/${encodeURIComponent(id)}`, ZColleague, { method: 'PUT', body: input })
    : apiRequest('/colleagues', ZColleague, { method: 'POST', body: input });
}

export function deleteColleague(id: string): Promise<void> {
  return apiRequestNoContent(`/colleagues/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
