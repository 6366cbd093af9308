import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Project, ProjectSort, ProjectStatus } from '../../../../shared/schemas/projects';
import { queryRoots, refreshWordData } from '../../../lib/query-keys';
import {
  type AddMaterialInput,
  type CreateChangeRequestInput,
  type CreateProjectInput,
  type DecideChangeRequestInput,
  type RescheduleProjectInput,
  type SaveColleagueInput,
  type UpdateDeliverableInput,
  type UpdateProjectInput,
  addMaterial,
  completeMaterial,
  createChangeRequest,
  createProject,
  decideChangeRequest,
  deleteColleague,
  fetchColleagues,
  fetchChangeRequests,
  fetchProject,
  fetchProjectList,
  reschedule,
  saveColleague,
  setProjectTarget,
  updateDeliverable,
  updateProject,
} from './projects-api';

export const projectKeys = {
  all: queryRoots.projects,
  lists: [...queryRoots.projects, 'list'] as const,
  list: (clientId: string | null) => [...queryRoots.projects, 'list', clientId] as const,
  detail: (id: string) => [...queryRoots.projects, 'detail', id] as const,
  changeRequests: (id: string) => [...queryRoots.projects, 'change-requests', id] as const,
  colleagues: queryRoots.colleagues,
};

/** What the projects page asks the server for (its URL state). */
export type ProjectFilters = { q: string; status: ProjectStatus | null; sort: ProjectSort };
export const PROJECTS_PAGE_SIZE = 50;
/** Cards per board column; the rest are a tap away in the list filtered by that status. */
export const BOARD_COLUMN_SIZE = 30;

/** One client's projects (their page, the timer's picker): a client has a handful. */
export function useProjects(clientId: string | null) {
  return useQuery({
    queryKey: projectKeys.list(clientId),
    queryFn: async ({ signal }) =>
      (await fetchProjectList({ clientId: clientId ?? undefined, limit: 200 }, signal)).items,
    enabled: clientId !== null,
  });
}

/** The workspace's projects a page at a time, searched, filtered and sorted on the server. */
export function useProjectPages(filters: ProjectFilters) {
  return useInfiniteQuery({
    queryKey: [...projectKeys.lists, 'page', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchProjectList(
        {
          q: filters.q,
          ...(filters.status ? { status: filters.status } : {}),
          sort: filters.sort,
          limit: PROJECTS_PAGE_SIZE,
          offset: pageParam,
        },
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One column of the board: the status's projects, soonest target first. */
export function useProjectColumn(status: ProjectStatus, q: string) {
  return useQuery({
    queryKey: [...projectKeys.lists, 'column', status, q] as const,
    queryFn: ({ signal }) => fetchProjectList({ q, status, sort: 'target', limit: BOARD_COLUMN_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: () => fetchProject(id) });
}

function useStoreProject() {
  const queryClient = useQueryClient();
  return (project: Project) => {
    queryClient.setQueryData(projectKeys.detail(project.id), project);
    void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
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
    mutationFn: (input: UpdateProjectInput) => updateProject(id, input),
    onSuccess: store,
  });
}

export function useUpdateDeliverable(id: string) {
  const store = useStoreProject();
  return useMutation({
    mutationFn: ({ deliverableId, ...input }: UpdateDeliverableInput & { deliverableId: string }) =>
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
    mutationFn: (input: AddMaterialInput) => addMaterial(id, input),
    onSuccess: store,
  });
}

export function useReschedule(id: string) {
  const store = useStoreProjectAndWord();
  return useMutation({
    mutationFn: (input: RescheduleProjectInput) => reschedule(id, input),
    onSuccess: (result) => store(result.project),
  });
}

/** A material arrived: the client kept that promise, so the project and everything about word-keeping change. */
export function useReceiveMaterial(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (materialId: string) => completeMaterial(materialId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.detail(id) });
      void refreshWordData(queryClient);
    },
  });
}

export function useChangeRequests(projectId: string) {
  return useQuery({ queryKey: projectKeys.changeRequests(projectId), queryFn: () => fetchChangeRequests(projectId) });
}

export function useCreateChangeRequest(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateChangeRequestInput) => createChangeRequest(projectId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.changeRequests(projectId) });
      void refreshWordData(queryClient);
    },
  });
}

export function useDecideChangeRequest(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: DecideChangeRequestInput }) => decideChangeRequest(id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.changeRequests(projectId) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) });
      void queryClient.invalidateQueries({ queryKey: queryRoots.quotes });
      void refreshWordData(queryClient);
    },
  });
}

export function useColleagues() {
  return useQuery({ queryKey: projectKeys.colleagues, queryFn: fetchColleagues, staleTime: 60_000 });
}

export function useSaveColleague() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: SaveColleagueInput }) => saveColleague(id, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: projectKeys.colleagues }),
  });
}

export function useDeleteColleague() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteColleague(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: projectKeys.colleagues }),
  });
}
