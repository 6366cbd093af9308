import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError, type z } from 'zod';
import { ZApiError as ZApiErrorRef, type ApiError } from '../../shared/errors.js';
import type { MemberRole } from '../../shared/schemas/accounts.js';
import type { Locale } from '../../shared/schemas/common.js';
import { toFieldIssues } from '../../shared/validation.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { AppError } from './app-error.js';
import { dbFaultOf, RETRY_AFTER_SECONDS } from './db-faults.js';
import type { Clock } from './clock.js';
import { translate } from './i18n.js';
import type { Logger } from './logger.js';
import type { MailAttachment, Mailer } from '../mail/mailer.js';

/**
 * Draws an attachment when its e-mail is delivered (the quote's PDF), from the `ref` stored with
 * the outbox row; null where it cannot be drawn here (no Chromium).
 */
export type AttachmentRenderer = (deps: Deps, ref: string) => Promise<MailAttachment | null>;

/** What every request handler can reach: built once at start-up, passed in (no globals). */
export type Deps = {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  mailer: Mailer | null;
  /** By attachment kind (`quote_pdf`): wired at start-up, so the outbox depends on no module. */
  attachments: Readonly<Record<string, AttachmentRenderer>>;
};

/** The signed-in caller, set by the session middleware. */
export type Auth = {
  sessionId: string;
  userId: string;
  workspaceId: string;
  csrfToken: string;
  userLocale: Locale;
  /** The caller's role in this workspace; lib/roles.ts says what each may do. */
  role: MemberRole;
  /** Failed sign-ins before this session began (told to the owner). */
  signInNotice?: { failedAttempts: number; lastFailedAt: string | null } | null;
  /** Set when the caller came with a personal API token (`Authorization: Bearer`) instead of a session. */
  tokenId?: string;
  /** A read-only token: anything but GET/HEAD/OPTIONS is refused. */
  readOnly?: boolean;
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    auth: Auth | null;
    locale: Locale;
  };
};

/** A module's router: validation failures become our field-level 422, never zod's English. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = (result.error as z.ZodError).issues;
        throw new AppError('validation_failed', { fields: toFieldIssues(issues) });
      }
    },
  });
}

/** Where links in answers and e-mails point: the configured public address, else the one asked. */
export function publicOrigin(c: Context<AppEnv>): string {
  return c.get('deps').config.publicUrl ?? new URL(c.req.url).origin;
}

export function requireAuth(c: Context<AppEnv>): Auth {
  const auth = c.get('auth');
  if (!auth) throw new AppError('unauthenticated');
  return auth;
}

export function errorBody(locale: Locale, error: AppError): ApiError {
  const body: ApiError = {
    error: { code: error.code, message: translate(locale, `errors.${error.code}`, error.options.params) },
  };
  if (error.options.fields?.length) {
    body.error.fields = error.options.fields.map((f) => ({
      path: f.path,
      code: f.code,
      message: translate(locale, `validation.${f.code}`, f.params),
    }));
  }
  return body;
}

/** The one place failures turn into responses: our errors keep their status; the unknown is a logged 500. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  const locale = c.get('locale') ?? 'he';
  let appError: AppError;
  if (err instanceof AppError) {
    appError = err;
  } else if (err instanceof HTTPException && err.status < 500) {
    // Malformed JSON, oversized bodies and the like: the client's fault, said in their language.
    appError =
      err.status === 413
        ? new AppError('payload_too_large')
        : new AppError('validation_failed', { fields: [{ path: '', code: 'invalid_type', params: {} }] });
    const status = err.status === 413 ? 413 : 400;
    if (status === 413) c.header('Connection', 'close');
    return c.json(errorBody(locale, appError), status);
  } else if (dbFaultOf(err)) {
    // The disk, a lock or the database server, not the request: a 503 in the user's words (logged).
    const fault = dbFaultOf(err)!;
    c.get('deps')?.logger.error(`database ${fault}`, { path: c.req.path, method: c.req.method, error: err });
    appError = new AppError(fault, {
      headers: fault === 'storage_full' ? {} : { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    });
  } else if (inputErrorKind(err)) {
    // Input that got past validation and failed further in (a constraint, an impossible date):
    // still the caller's fault, so a 4xx; logged, because validation should have caught it.
    c.get('deps')?.logger.error('input error past validation', { path: c.req.path, method: c.req.method, error: err });
    appError = inputErrorKind(err) === 'conflict' ? new AppError('conflict') : inputErrorOf(err);
  } else {
    c.get('deps')?.logger.error('unhandled error', { path: c.req.path, method: c.req.method, error: err });
    appError = new AppError('internal');
  }
  for (const [name, value] of Object.entries(appError.options.headers ?? {})) c.header(name, value);
  return c.json(errorBody(locale, appError), appError.status as 400);
}

/**
 * Validation-class failures that are not AppErrors: a zod error thrown by a service, a database
 * constraint (a foreign key, a check, a value out of a column's range; a unique key is a conflict),
 * an impossible date (RangeError from Date). Anything else stays an unknown error.
 */
function inputErrorKind(err: Error): 'invalid' | 'conflict' | null {
  if (err instanceof ZodError) return 'invalid';
  if (err instanceof RangeError && /invalid time value|invalid date/i.test(err.message)) return 'invalid';
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    // PostgreSQL: 23505 unique, 23503 foreign key, 23502 not null, 23514 check, class 22 data exceptions.
    if (code === '23505') return 'conflict';
    if (code === '23503' || code === '23502' || code === '23514' || code.startsWith('22')) return 'invalid';
    // SQLite (better-sqlite3).
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'conflict';
    if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG')
      return 'invalid';
  }
  return null;
}

function inputErrorOf(err: Error): AppError {
  const fields = err instanceof ZodError ? toFieldIssues(err.issues) : [{ path: '', code: 'invalid_type', params: {} }];
  return new AppError('validation_failed', { fields });
}

/** Shared OpenAPI response entries for the error shape. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: ZApiErrorRef } } },
    ]),
  );
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request',
  401: 'Not signed in',
  403: 'Forbidden (cross-site request check failed)',
  404: 'Not found (or another workspace’s)',
  409: 'Conflict',
  422: 'Validation failed: see error.fields',
  429: 'Too many attempts',
  503: 'Storage full, database busy or unreachable: see error.code (Retry-After when retrying helps)',
};
