import { useMutation, useQuery } from '@tanstack/react-query';
import { type AcceptInvitationInput, ZInvitationPreview } from '../../../../shared/schemas/team';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { isSecondStep, loginAnswer, useStoreSession } from './session-api';

/** What an invitation link is for; the token travels in the body (it is the credential). */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: [...queryRoots.session, 'invitation', token] as const,
    queryFn: () => apiRequest('/invitations/preview', ZInvitationPreview, { method: 'POST', body: { token } }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Joins the workspace and signs in (200), or asks for the account's second step first (202). */
export function useAcceptInvitation() {
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) =>
      apiRequest('/invitations/accept', loginAnswer, { method: 'POST', body: input }),
    onSuccess: (answer) => {
      if (!isSecondStep(answer)) storeSession(answer);
    },
  });
}
