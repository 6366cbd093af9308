import type { z } from 'zod';
import { type ErrorCode, type FieldError, ZApiError } from '../../shared/errors';
import { currentLanguage, i18n } from './i18n';

const BASE = '/api/v1';

/** Set from the Me payload; every state-changing request echoes it (double-submit CSRF defence). */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** A failed API call, already in the user's language (the server localises by Accept-Language). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(status: number, code: ErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type RequestOptions = {
  method?: Method;
  body?: unknown;
  query?: URLSearchParams;
  signal?: AbortSignal;
  /** What the answer should be; JSON unless a file is asked for. */
  accept?: string;
};

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: options.accept ?? 'application/json', 'Accept-Language': currentLanguage() });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  const query = options.query?.toString();
  try {
    return await fetch(`${BASE}${path}${query ? `?${query}` : ''}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'internal', i18n.t('errors.network'));
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const payload: unknown = await response.json().catch(() => null);
  const parsed = ZApiError.safeParse(payload);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields ?? []);
  }
  return new ApiError(response.status, 'internal', i18n.t('errors.internal', { ns: 'shared' }));
}

/** Calls the API and checks the answer against the shared contract, so drift fails loudly. */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (!response.ok) throw await toApiError(response);
  const payload: unknown = await response.json();
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    // The server and this build disagree about the contract: say so plainly instead of hanging.
    console.error(`Unexpected response from ${path}`, parsed.error.issues);
    throw new ApiError(response.status, 'internal', i18n.t('errors.unexpectedResponse'));
  }
  return parsed.data;
}

/** For endpoints that answer 204 No Content. */
export async function apiRequestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  if (!response.ok) throw await toApiError(response);
}

/** For endpoints that answer a file (a quote's PDF): the bytes, or the API's error as for JSON calls. */
export async function apiDownload(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send(path, { accept: '*/*', ...options });
  if (!response.ok) throw await toApiError(response);
  return response.blob();
}

/** Hands a downloaded file to the browser as if the user had clicked a link to it. */
export function saveFile(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Sends a file as the raw request body (imports); the answer is checked like apiRequest's. */
export async function apiUpload<T>(
  path: string,
  file: File,
  schema: z.ZodType<T>,
  query?: URLSearchParams,
): Promise<T> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLanguage() });
  headers.set('Content-Type', 'application/octet-stream');
  if (csrfToken) headers.set('X-CSRF-Token', csrfToken);
  const q = query?.toString();
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${q ? `?${q}` : ''}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'internal', i18n.t('errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, 'internal', i18n.t('errors.unexpectedResponse'));
  return parsed.data;
}
