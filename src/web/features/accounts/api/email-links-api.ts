import { useMutation } from '@tanstack/react-query';
import { type ForgotPasswordInput, type ResetPasswordInput, ZEmailed } from '../../../../shared/schemas/accounts';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

/** The e-mailed links of hosted sign-up and a forgotten password. */
export function useConfirmEmail() {
  return useMutation({
    mutationFn: (token: string) => apiRequestNoContent('/auth/confirm-email', { method: 'POST', body: { token } }),
  });
}

export function useResendConfirmation() {
  return useMutation({
    mutationFn: () => apiRequest('/auth/confirm-email/resend', ZEmailed, { method: 'POST' }),
  });
}

/** Always answers 202: whether the address has an account is not told. */
export function useForgotPassword() {
  return useMutation({
    mutationFn: (input: ForgotPasswordInput) =>
      apiRequestNoContent('/auth/forgot-password', { method: 'POST', body: input }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: ResetPasswordInput) =>
      apiRequestNoContent('/auth/reset-password', { method: 'POST', body: input }),
  });
}
