import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UpdateMeInput, ZMe } from '../../../../shared/schemas/accounts';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { sessionKeys } from './session-api';

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMeInput) => apiRequest('/me', ZMe, { method: 'PATCH', body: input }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(sessionKeys.me, me);
    },
  });
}
