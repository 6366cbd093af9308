import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberRole } from '../../../../shared/schemas/accounts';
import { type InviteInput, type Team, ZInvitationSent, ZTeam } from '../../../../shared/schemas/team';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

const teamKey = ['team'] as const;

/** The members and open invitations (owners only). */
export function useTeam() {
  return useQuery({ queryKey: teamKey, queryFn: () => apiRequest('/team', ZTeam) });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteInput) =>
      apiRequest('/team/invitations', ZInvitationSent, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKey }),
  });
}

export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequestNoContent(`/team/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKey }),
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MemberRole }) =>
      apiRequest(`/team/members/${userId}`, ZTeam, { method: 'PATCH', body: { role } }),
    onSuccess: (team: Team) => queryClient.setQueryData(teamKey, team),
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiRequestNoContent(`/team/members/${userId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKey }),
  });
}
