import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Conflict,
  EndEngagementInput,
  Incident,
  Offboarding,
  Playbook,
  ResolveConflictInput,
  SendApologyInput,
} from '../../../../shared/schemas/care';
import type { Locale } from '../../../../shared/schemas/common';
import { queryRoots, refreshWordData } from '../../../lib/query-keys';
import {
  type IncidentFilters,
  bringBack,
  createClientType,
  endEngagement,
  fetchAmbassador,
  fetchColleagues,
  fetchOffboarding,
  resolveConflict,
  sendApology,
  createConflict,
  createIncident,
  deleteClientType,
  deleteIncident,
  fetchConflict,
  fetchConflicts,
  fetchIncidents,
  fetchPlaybooks,
  fetchStubbornClients,
  resetPlaybook,
  updateConflict,
  updateIncident,
  updatePlaybook,
} from './care-api';

export const careKeys = {
  all: queryRoots.care,
  playbooks: (locale: Locale) => [...queryRoots.care, 'playbooks', locale] as const,
  allPlaybooks: [...queryRoots.care, 'playbooks'] as const,
  incidents: [...queryRoots.care, 'incidents'] as const,
  incidentList: (filters: IncidentFilters) => [...queryRoots.care, 'incidents', filters] as const,
  conflicts: [...queryRoots.care, 'conflicts'] as const,
  clientConflicts: (clientId: string) => [...queryRoots.care, 'conflicts', 'client', clientId] as const,
  conflict: (id: string) => [...queryRoots.care, 'conflicts', 'detail', id] as const,
  stubborn: [...queryRoots.care, 'stubborn'] as const,
  ambassador: (clientId: string) => [...queryRoots.care, 'ambassador', clientId] as const,
  offboarding: (clientId: string) => [...queryRoots.care, 'offboarding', clientId] as const,
};

/** Every type's playbook in one language: small, read on many screens (badge, hints), so cached a while. */
export function usePlaybooks(locale: Locale) {
  return useQuery({ queryKey: careKeys.playbooks(locale), queryFn: () => fetchPlaybooks(locale), staleTime: 300_000 });
}

export function usePlaybook(type: string | null, locale: Locale): Playbook | null {
  const list = usePlaybooks(locale);
  return list.data?.items.find((p) => p.type === type) ?? null;
}

function useRefreshPlaybooks() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: careKeys.allPlaybooks });
}

export function useSavePlaybook() {
  const refresh = useRefreshPlaybooks();
  return useMutation({
    mutationFn: ({ type, input }: { type: string; input: Parameters<typeof updatePlaybook>[1] }) =>
      updatePlaybook(type, input),
    onSuccess: refresh,
  });
}

export function useResetPlaybook() {
  const refresh = useRefreshPlaybooks();
  return useMutation({
    mutationFn: ({ type, locale }: { type: string; locale: Locale }) => resetPlaybook(type, locale),
    onSuccess: refresh,
  });
}

export function useCreateClientType() {
  const refresh = useRefreshPlaybooks();
  return useMutation({ mutationFn: createClientType, onSuccess: refresh });
}

export function useDeleteClientType() {
  const refresh = useRefreshPlaybooks();
  return useMutation({ mutationFn: deleteClientType, onSuccess: refresh });
}

// ── Mistakes ──

export function useIncidents(filters: IncidentFilters) {
  return useInfiniteQuery({
    queryKey: careKeys.incidentList(filters),
    queryFn: ({ pageParam, signal }) => fetchIncidents(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One client's mistakes (a client has few: one page is all of them), optionally one project's. */
export function useClientIncidents(clientId: string, projectId: string | null = null) {
  return useQuery({
    queryKey: careKeys.incidentList({ clientId }),
    queryFn: ({ signal }) => fetchIncidents({ clientId }, null, signal),
    select: (page): Incident[] =>
      projectId === null ? page.items : page.items.filter((incident) => incident.projectId === projectId),
  });
}

/** A mistake moves the lists, the stubborn-clients view, the client's costs and timeline. */
function useRefreshCare() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: careKeys.incidents });
    void queryClient.invalidateQueries({ queryKey: careKeys.stubborn });
    void queryClient.invalidateQueries({ queryKey: queryRoots.timeline });
  };
}

export function useCreateIncident() {
  const refresh = useRefreshCare();
  return useMutation({ mutationFn: createIncident, onSuccess: refresh });
}

export function useUpdateIncident() {
  const refresh = useRefreshCare();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Parameters<typeof updateIncident>[1] }) =>
      updateIncident(id, input),
    onSuccess: refresh,
  });
}

export function useDeleteIncident() {
  const refresh = useRefreshCare();
  return useMutation({ mutationFn: deleteIncident, onSuccess: refresh });
}

// ── Conflicts ──

export function useClientConflicts(clientId: string) {
  return useQuery({ queryKey: careKeys.clientConflicts(clientId), queryFn: () => fetchConflicts(clientId) });
}

export function useConflict(id: string) {
  return useQuery({ queryKey: careKeys.conflict(id), queryFn: () => fetchConflict(id) });
}

/** Saving a worksheet step: the case itself, the client's list and the stubborn view. */
export function useSaveConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      create,
      update,
    }: {
      id: string | null;
      create: Parameters<typeof createConflict>[0];
      update: Parameters<typeof updateConflict>[1];
    }) => (id ? updateConflict(id, update) : createConflict(create)),
    onSuccess: (conflict: Conflict) => {
      queryClient.setQueryData(careKeys.conflict(conflict.id), conflict);
      void queryClient.invalidateQueries({ queryKey: careKeys.clientConflicts(conflict.clientId) });
      void queryClient.invalidateQueries({ queryKey: careKeys.stubborn });
      void queryClient.invalidateQueries({ queryKey: queryRoots.timeline });
    },
  });
}

export function useStubbornClients() {
  return useQuery({ queryKey: careKeys.stubborn, queryFn: fetchStubbornClients });
}

// ── The apology, a conflict's promises, referrals, parting ──

/** The apology (and its "fix by" promise) moves the mistake, the client's promises, timeline and Today. */
export function useSendApology() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SendApologyInput }) => sendApology(id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: careKeys.incidents });
      void queryClient.invalidateQueries({ queryKey: queryRoots.messages });
      void refreshWordData(queryClient);
    },
  });
}

export function useResolveConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ResolveConflictInput }) => resolveConflict(id, input),
    onSuccess: ({ conflict }) => {
      queryClient.setQueryData(careKeys.conflict(conflict.id), conflict);
      void queryClient.invalidateQueries({ queryKey: careKeys.clientConflicts(conflict.clientId) });
      void queryClient.invalidateQueries({ queryKey: careKeys.stubborn });
      void queryClient.invalidateQueries({ queryKey: queryRoots.timeline });
      void queryClient.invalidateQueries({ queryKey: queryRoots.messages });
      void refreshWordData(queryClient);
    },
  });
}

export function useAmbassador(clientId: string) {
  return useQuery({ queryKey: careKeys.ambassador(clientId), queryFn: () => fetchAmbassador(clientId) });
}

export function useOffboarding(clientId: string, enabled = true) {
  return useQuery({ queryKey: careKeys.offboarding(clientId), queryFn: () => fetchOffboarding(clientId), enabled });
}

export function useColleagueChoices(enabled = true) {
  return useQuery({ queryKey: queryRoots.colleagues, queryFn: fetchColleagues, staleTime: 60_000, enabled });
}

/** Ending (or bringing back) changes the client's status, their open items, money and promises. */
function useRefreshParting() {
  const queryClient = useQueryClient();
  return (offboarding: Offboarding) => {
    queryClient.setQueryData(careKeys.offboarding(offboarding.clientId), offboarding);
    for (const queryKey of [
      queryRoots.clients,
      queryRoots.projects,
      queryRoots.payments,
      queryRoots.quotes,
      queryRoots.messages,
    ])
      void queryClient.invalidateQueries({ queryKey });
    void refreshWordData(queryClient);
  };
}

export function useEndEngagement() {
  const refresh = useRefreshParting();
  return useMutation({
    mutationFn: ({ clientId, input }: { clientId: string; input: EndEngagementInput }) =>
      endEngagement(clientId, input),
    onSuccess: (ended) => refresh(ended.offboarding),
  });
}

export function useBringBack() {
  const refresh = useRefreshParting();
  return useMutation({ mutationFn: bringBack, onSuccess: refresh });
}
