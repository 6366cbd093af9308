import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Project } from '../../../../shared/schemas/projects';
import { refreshWordData } from '../../../lib/word-cache';
import {
  type ColleagueInput,
  type CreateProjectInput,
  type DecideInput,
  type DelayInput,
  type DeliverableChange,
  type MessageDraftInput,
  type ProjectStatus,
  addMaterial,
  createChangeRequest,
  createProject,
  decideChangeRequest,
  deleteColleague,
  fetchColleagues,
  fetchChangeRequests,
  fetchProject,
  fetchProjects,
  reschedule,
  saveColleague,
  setProjectTarget,
  updateDeliverable,
  updateProject,
} from './projects-api';

export const projectKeys = {
  all: ['projects'] as const,
  list: (clientId: string | null) => ['projects', 'list', clientId] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  changeRequests: (id: string) => ['projects', 'change-requests', id] as const,
};

export function useProjects(clientId: string | null = null) {
  return useQuery({ queryKey: projectKeys.list(clientId), queryFn: () => fetchProjects(clientId ?? undefined) });
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: () => fetchProject(id) });
}

function useStoreProject() {
  const queryClient = useQueryClient();
  return (project: Project) => {
    queryClient.setQueryData(projectKeys.detail(project.id), project);
    void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
  };
}

/** Dates and materials are promises: Today, the timeline and word-keeping change with them. */
function useStoreProjectAndWord() {
  const store = useStoreProject();
  const queryClient = useQueryClient();
  return (project: Project) => {
    store(project);
    void refreshWordData(queryClient);
  };
}

export function useCreateProject() {
  const store = useStoreProjectAndWord();
  return useMutation({ mutationFn: (input: CreateProjectInput) => createProject(input), onSuccess: store });
}

export function useUpdateProject(id: string) {
  const store = useStoreProject();
  return useMutation({
    mutationFn: (input: { title?: string; status?: ProjectStatus }) => updateProject(id, input),
    onSuccess: store,
  });
}

export function useUpdateDeliverable(id: string) {
  const store = useStoreProject();
  return useMutation({
    mutationFn: ({ deliverableId, ...input }: DeliverableChange & { deliverableId: string }) =>
      updateDeliverable(id, deliverableId, input),
    onSuccess: store,
  });
}

export function useSetProjectTarget(id: string) {
  const store = useStoreProjectAndWord();
  return useMutation({ mutationFn: (targetDate: string) => setProjectTarget(id, targetDate), onSuccess: store });
}

export function useAddMaterial(id: string) {
  const store = useStoreProjectAndWord();
  return useMutation({
    mutationFn: (input: { what: string; dueDate: string }) => addMaterial(id, input),
    onSuccess: store,
  });
}

export function useReschedule(id: string) {
  const store = useStoreProjectAndWord();
  return useMutation({
    mutationFn: (input: DelayInput & { message?: MessageDraftInput }) => reschedule(id, input),
    onSuccess: (result) => store(result.project),
  });
}

/** Refetch a project after something outside it changed (a material received). */
export function useRefreshProject(id: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: projectKeys.detail(id) });
}

export function useChangeRequests(projectId: string) {
  return useQuery({ queryKey: projectKeys.changeRequests(projectId), queryFn: () => fetchChangeRequests(projectId) });
}

export function useCreateChangeRequest(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { what: string; channel: string }) => createChangeRequest(projectId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.changeRequests(projectId) });
      void refreshWordData(queryClient);
    },
  });
}

export function useDecideChangeRequest(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: DecideInput }) => decideChangeRequest(id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.changeRequests(projectId) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) });
      void queryClient.invalidateQueries({ queryKey: ['quotes'] });
      void refreshWordData(queryClient);
    },
  });
}

export function useColleagues() {
  return useQuery({ queryKey: ['colleagues'], queryFn: fetchColleagues, staleTime: 60_000 });
}

export function useSaveColleague() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ColleagueInput }) => saveColleague(id, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['colleagues'] }),
  });
}

export function useDeleteColleague() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteColleague(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['colleagues'] }),
  });
}
