import type { z } from 'zod';
import type { ErrorCode, FieldError } from '../../shared/errors';
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

// The error envelope's schema (zod) is fetched with the first failure: the first screen has no zod.
async function errorFrom(status: number, payload: unknown): Promise<ApiError> {
  const { ZApiError } = await import('../../shared/errors');
  const parsed = ZApiError.safeParse(payload);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(status, code, message, fields ?? []);
  }
  return new ApiError(status, 'internal', i18n.t('errors.internal', { ns: 'shared' }));
}

async function toApiError(response: Response): Promise<ApiError> {
  return errorFrom(response.status, await response.json().catch(() => null));
}

/**
 * A schema, or a loader of one: modules the first screen needs (the session's) pass a dynamic
 * import, so zod and the schemas arrive as a chunk of their own while the request is in flight.
 */
export type SchemaSource<T> = z.ZodType<T> | (() => Promise<z.ZodType<T>>);

function resolveSchema<T>(source: SchemaSource<T>): Promise<z.ZodType<T>> {
  return typeof source === 'function' ? source() : Promise.resolve(source);
}

/** A query string from the filters that are set: empty, null and undefined values are left out. */
export function toQuery(values: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (typeof value === 'string' ? value !== '' : typeof value === 'number' || typeof value === 'boolean')
      params.set(key, String(value));
  return params;
}

/** Calls the API and checks the answer against the shared contract, so drift fails loudly. */
export async function apiRequest<T>(path: string, source: SchemaSource<T>, options: RequestOptions = {}): Promise<T> {
  const schemaLoaded = resolveSchema(source);
  const response = await send(path, options);
  if (!response.ok) throw await toApiError(response);
  const payload: unknown = await response.json();
  const parsed = (await schemaLoaded).safeParse(payload);
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

/** A file the server names in X-File-Name (a file shared into Mila from the phone). */
export async function apiDownloadFile(path: string, fallbackName: string): Promise<File> {
  const response = await send(path, { accept: '*/*' });
  if (!response.ok) throw await toApiError(response);
  const header = response.headers.get('x-file-name');
  let name = fallbackName;
  try {
    name = header ? decodeURIComponent(header) : fallbackName;
  } catch {
    name = fallbackName;
  }
  return new File([await response.blob()], name);
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

/** How far an upload has gone: 0–1 while the body is sent, then null while the server works on it. */
export type UploadProgress = (sent: number | null) => void;

/**
 * POSTs a body that may be large (a file, a form, 50,000 parsed rows) and reports how much of it
 * has been sent: fetch() cannot report upload progress, XMLHttpRequest can.
 */
function postWithProgress(
  path: string,
  body: Blob | FormData | string,
  contentType: string | null,
  onProgress?: UploadProgress,
): Promise<{ status: number; payload: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    if (contentType) xhr.setRequestHeader('Content-Type', contentType);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    if (onProgress) {
      xhr.upload.onprogress = (e) => onProgress(e.lengthComputable && e.total > 0 ? e.loaded / e.total : null);
      xhr.upload.onload = () => onProgress(null);
    }
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText) as unknown;
      } catch {
        payload = null;
      }
      resolve({ status: xhr.status, payload });
    };
    xhr.onerror = () => reject(new ApiError(0, 'internal', i18n.t('errors.network')));
    xhr.send(body);
  });
}

async function checkedUpload<T>(
  path: string,
  body: Blob | FormData | string,
  contentType: string | null,
  schema: z.ZodType<T>,
  onProgress?: UploadProgress,
): Promise<T> {
  const { status, payload } = await postWithProgress(path, body, contentType, onProgress);
  if (status < 200 || status >= 300) throw await errorFrom(status, payload);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new ApiError(status, 'internal', i18n.t('errors.unexpectedResponse'));
  return parsed.data;
}

/** Sends a file as the raw request body (client imports), reporting progress. */
export function apiUpload<T>(
  path: string,
  file: File,
  schema: z.ZodType<T>,
  query?: URLSearchParams,
  onProgress?: UploadProgress,
): Promise<T> {
  const q = query?.toString();
  return checkedUpload(`${path}${q ? `?${q}` : ''}`, file, 'application/octet-stream', schema, onProgress);
}

/** Sends multipart/form-data (a file with fields); the browser sets the boundary. */
export function apiUploadForm<T>(
  path: string,
  form: FormData,
  schema: z.ZodType<T>,
  onProgress?: UploadProgress,
): Promise<T> {
  return checkedUpload(path, form, null, schema, onProgress);
}

/** A JSON POST whose body can be large (50,000 imported rows), reporting how much has been sent. */
export function apiPostLarge<T>(path: string, body: unknown, schema: z.ZodType<T>, onProgress?: UploadProgress) {
  return checkedUpload(path, JSON.stringify(body), 'application/json', schema, onProgress);
}
