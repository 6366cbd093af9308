import type { ErrorCode } from '../../shared/errors.js';
import type { FieldIssue } from '../../shared/validation.js';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  setup_done: 409,
  setup_required: 409,
  invalid_credentials: 401,
  too_many_attempts: 429,
  rate_limited: 429,
  payload_too_large: 413,
  workspace_not_empty: 409,
  storage_full: 503,
  busy: 503,
  unavailable: 503,
  sign_in_expired: 401,
  two_factor_on: 409,
  two_factor_off: 409,
  no_workspace: 403,
  role_forbidden: 403,
  last_owner: 409,
  internal: 500,
};

/** A failure the user can be told about: a code (translated at the edge), optional fields and params. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      fields?: FieldIssue[];
      params?: Record<string, string | number>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.status = STATUS[code];
  }
}

export function notFound(): AppError {
  return new AppError('not_found');
}

export function fieldError(path: string, code: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('validation_failed', { fields: [{ path, code, params }] });
}
