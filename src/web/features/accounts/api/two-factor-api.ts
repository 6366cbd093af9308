import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ConfirmTwoFactorInput,
  type RegenerateRecoveryCodesInput,
  type StartTwoFactorInput,
  type TurnOffTwoFactorInput,
  ZRecoveryCodesIssued,
  ZTwoFactorStarted,
} from '../../../../shared/schemas/accounts';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';
import { sessionKeys } from './session-api';

/** Two-step sign-in in Settings: each change refreshes Me, which says whether it is on. */
function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sessionKeys.me });
}

export function useStartTwoFactor() {
  return useMutation({
    mutationFn: (input: StartTwoFactorInput) =>
      apiRequest('/auth/two-factor/start', ZTwoFactorStarted, { method: 'POST', body: input }),
  });
}

export function useConfirmTwoFactor() {
  const refreshMe = useRefreshMe();
  return useMutation({
    mutationFn: (input: ConfirmTwoFactorInput) =>
      apiRequest('/auth/two-factor/confirm', ZRecoveryCodesIssued, { method: 'POST', body: input }),
    onSuccess: refreshMe,
  });
}

export function useRegenerateRecoveryCodes() {
  const refreshMe = useRefreshMe();
  return useMutation({
    mutationFn: (input: RegenerateRecoveryCodesInput) =>
      apiRequest('/auth/two-factor/recovery-codes', ZRecoveryCodesIssued, { method: 'POST', body: input }),
    onSuccess: refreshMe,
  });
}

export function useTurnOffTwoFactor() {
  const refreshMe = useRefreshMe();
  return useMutation({
    mutationFn: (input: TurnOffTwoFactorInput) =>
      apiRequestNoContent('/auth/two-factor/off', { method: 'POST', body: input }),
    onSuccess: refreshMe,
  });
}
