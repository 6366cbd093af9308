import { z } from 'zod';

/** Error codes shared by the API and the UI; each has a message in both catalogs (errors.<code>). */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'setup_done',
  'setup_required',
  'invalid_credentials',
  'too_many_attempts',
  'rate_limited',
  'payload_too_large',
  'workspace_not_empty',
  'storage_full',
  'busy',
  'unavailable',
  'sign_in_expired',
  'two_factor_on',
  'two_factor_off',
  'no_workspace',
  'role_forbidden',
  'last_owner',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const ZFieldError = z.object({
  path: z.string().meta({ description: 'Dotted path of the field, e.g. contacts.0.email' }),
  code: z.string().meta({ description: 'A validation code, e.g. required, too_long, invalid_email' }),
  message: z.string(),
});
export type FieldError = z.infer<typeof ZFieldError>;

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      fields: z.array(ZFieldError).optional(),
    }),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ZApiError>;
