import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZNotificationList } from '../../../../shared/schemas/messages';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

// The in-app notifications (the bell) belong to messages, as on the server and in the contract.

function fetchNotifications(signal?: AbortSignal) {
  return apiRequest('/notifications', ZNotificationList, signal ? { signal } : {});
}

function markNotificationsRead(ids: string[] | 'all'): Promise<void> {
  return apiRequestNoContent('/notifications/read', { method: 'POST', body: { ids } });
}

/** Polled every minute and on returning to the tab, so the bell's badge stays current. */
export function useNotifications() {
  return useQuery({
    queryKey: queryRoots.notifications,
    queryFn: ({ signal }) => fetchNotifications(signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => markNotificationsRead(ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryRoots.notifications }),
  });
}
