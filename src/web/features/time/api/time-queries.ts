import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type TimeEntry,
  type TimeEntryList,
  type ZCreateTimeEntry,
  type ZStartTimer,
  type ZUpdateTimeEntry,
  ZRunningTimer,
  ZTimeEntry,
  ZTimeEntryList,
} from '../../../../shared/schemas/payments';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export type StartTimerInput = z.input<typeof ZStartTimer>;
export type NewTimeEntry = z.input<typeof ZCreateTimeEntry>;
export type UpdateTimeEntryInput = z.input<typeof ZUpdateTimeEntry>;

export const timeKeys = {
  all: queryRoots.time,
  timer: [...queryRoots.time, 'timer'] as const,
  entries: (clientId: string, projectId: string | null) =>
    [...queryRoots.time, 'entries', clientId, projectId] as const,
};

export function fetchTimer(): Promise<TimeEntry | null> {
  return apiRequest('/timer', ZRunningTimer).then((r) => r.running);
}

export function fetchTimeEntries(clientId: string, projectId: string | null): Promise<TimeEntryList> {
  return apiRequest('/time-entries', ZTimeEntryList, {
    query: new URLSearchParams({ clientId, ...(projectId ? { projectId } : {}) }),
  });
}

/** The running timer lives on the server, so it survives a reload. */
export function useTimer() {
  return useQuery({ queryKey: timeKeys.timer, queryFn: fetchTimer });
}

export function useTimeEntries(clientId: string, projectId: string | null) {
  return useQuery({
    queryKey: timeKeys.entries(clientId, projectId),
    queryFn: () => fetchTimeEntries(clientId, projectId),
  });
}

function useRefreshTime() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: timeKeys.all });
}

export function useStartTimer() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: (input: StartTimerInput) => apiRequest('/timer/start', ZTimeEntry, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useStopTimer() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: () => apiRequest('/timer/stop', ZTimeEntry, { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
}

export function useAddTimeEntry() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: (input: NewTimeEntry) => apiRequest('/time-entries', ZTimeEntry, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useDeleteTimeEntry() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: (id: string) => apiRequestNoContent(`/time-entries/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useUpdateTimeEntry() {
  const refresh = useRefreshTime();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateTimeEntryInput & { id: string }) =>
      apiRequest(`/time-entries/${encodeURIComponent(id)}`, ZTimeEntry, { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
}
