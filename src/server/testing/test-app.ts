import { z } from 'zod';
import { ZApiError, type ApiError } from '../../shared/errors.js';
import { ZMe } from '../../shared/schemas/accounts.js';
import { createApp } from '../app.js';
import type { Config } from '../config.js';
import type { Dialect } from '../db/database.js';
import { ensureRowLevelSecurity } from '../db/row-level-security.js';
import type { Deps } from '../lib/http.js';
import { createMailer } from '../mail/mailer.js';
import { createWorkspaceWithOwner } from '../modules/accounts/accounts.service.js';
import { setupInput } from './factories.js';
import { TestSmtpServer } from './smtp.js';
import { createTestDb, testClock, testConfig, testDeps, type TestDb } from './test-db.js';

/**
 * An answer read as it came (`api.request`): for HTML, headers or bodies the test inspects raw. The
 * body is `unknown` on purpose: a typed body comes only from a schema (`api.get(path, ZX)`).
 */
export type TestResponse = { status: number; body: unknown; headers: Headers };

type HeaderMap = Record<string, string>;

const schemaName = (schema: z.ZodType): string => {
  const id = z.globalRegistry.get(schema)?.id;
  return typeof id === 'string' ? id : 'the expected schema';
};

/**
 * An answer checked against the shared contract. A 2xx body has been parsed with the route's
 * schema when the request returned (a body that breaks the contract fails the test there); a non-2xx
 * answer is read as the shared ApiError. Reading the wrong side fails the test and says what came.
 */
export class ContractResponse<T> {
  constructor(
    /** `GET /api/v1/quotes/…`, for messages. */
    readonly request: string,
    readonly status: number,
    readonly headers: Headers,
    /** The JSON as it came, before parsing: for failure messages and checks of what must not be there. */
    readonly raw: unknown,
    private readonly parsed: T | undefined,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** The parsed 2xx body, typed by the schema. */
  get body(): T {
    if (!this.ok) throw new Error(`${this.request} answered ${this.status}, not 2xx: ${JSON.stringify(this.raw)}`);
    return this.parsed as T;
  }

  /** The whole body of a non-2xx answer, checked against the shared ApiError. */
  get apiError(): ApiError {
    if (this.ok) throw new Error(`${this.request} answered ${this.status}, not an error: ${JSON.stringify(this.raw)}`);
    const result = ZApiError.safeParse(this.raw);
    if (!result.success)
      throw new Error(
        `Contract broken: ${this.request} answered ${this.status} with a body that is not an ApiError:\n` +
          `${z.prettifyError(result.error)}\nbody: ${JSON.stringify(this.raw)}`,
      );
    return result.data;
  }

  /** Its `error` (code, message, fields): what tests assert on. */
  get error(): ApiError['error'] {
    return this.apiError.error;
  }
}

/**
 * A signed-in (or not) caller of the in-process app: keeps the session cookie and echoes the
 * CSRF token the way the web app does.
 *
 * Every method takes the response schema of the route (`api.get(path, ZQuote)`, `api.post(path, body,
 * ZQuoteSent)`, `api.delete(path, noContent)`): the answer is checked against it and typed. There is
 * no casting form; `request` answers raw (`body: unknown`) for what is not JSON of the contract.
 */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  constructor(
    readonly app: ReturnType<typeof createApp>,
    readonly options: { locale?: string } = {},
  ) {}

  /** The request as sent, the answer unparsed. */
  async request(method: string, path: string, body?: unknown, headers: HeaderMap = {}): Promise<TestResponse> {
    const h: HeaderMap = { 'accept-language': this.options.locale ?? 'he', ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrfToken;
    const res = await this.app.request(path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair && !pair.endsWith('=') ? pair : null;
    }
    const text = await res.text();
    const parsed: unknown = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrfToken = String(parsed.csrfToken);
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** The request, its 2xx answer parsed with `schema` (a mismatch fails here, naming the path and the issues). */
  async checked<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
    headers?: HeaderMap,
  ): Promise<ContractResponse<z.output<S>>> {
    const res = await this.request(method, path, body, headers);
    const request = `${method} ${path}`;
    if (res.status < 200 || res.status >= 300)
      return new ContractResponse<z.output<S>>(request, res.status, res.headers, res.body, undefined);
    const result = schema.safeParse(res.body);
    if (!result.success)
      throw new Error(
        `Contract broken: ${request} answered ${res.status} with a body that is not ${schemaName(schema)}:\n` +
          `${z.prettifyError(result.error)}\nbody: ${JSON.stringify(res.body)}`,
      );
    return new ContractResponse(request, res.status, res.headers, res.body, result.data);
  }

  get<S extends z.ZodType>(path: string, schema: S, headers?: HeaderMap): Promise<ContractResponse<z.output<S>>> {
    return this.checked('GET', path, schema, undefined, headers);
  }

  post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    headers?: HeaderMap,
  ): Promise<ContractResponse<z.output<S>>> {
    return this.checked('POST', path, schema, body ?? {}, headers);
  }

  put<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    headers?: HeaderMap,
  ): Promise<ContractResponse<z.output<S>>> {
    return this.checked('PUT', path, schema, body, headers);
  }

  patch<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    headers?: HeaderMap,
  ): Promise<ContractResponse<z.output<S>>> {
    return this.checked('PATCH', path, schema, body, headers);
  }

  delete<S extends z.ZodType>(path: string, schema: S, headers?: HeaderMap): Promise<ContractResponse<z.output<S>>> {
    return this.checked('DELETE', path, schema, undefined, headers);
  }
}

/** The empty body of a 204 answer (`api.delete(path, noContent)`): anything else in it breaks the contract. */
export const noContent = z.literal('').meta({ id: 'NoContent' });

/** The `{ items: [...] }` answer of a list route whose envelope has no shared schema of its own. */
export const listOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });

/** The OpenAPI document, as far as tests read it: it describes the contract rather than being part of it. */
export const ZOpenApiDocument = z.object({
  openapi: z.string(),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({
    schemas: z.record(z.string(), z.object({ properties: z.record(z.string(), z.unknown()).optional() })),
  }),
});

export type TestContext = {
  db: TestDb;
  deps: Deps;
  clock: ReturnType<typeof testClock>;
  app: ReturnType<typeof createApp>;
  client: (options?: { locale?: string }) => ApiClient;
  /** The in-process SMTP server, when the context was made with `{ mail: true }`. */
  smtp: TestSmtpServer | null;
  /** Runs first-run setup and returns a signed-in owner. */
  owner: (overrides?: Parameters<typeof setupInput>[0]) => Promise<ApiClient>;
  /**
   * A second workspace in the same database (owner other@example.com unless given) and its owner,
   * signed in: for checks that nothing crosses between workspaces.
   */
  otherWorkspace: (overrides?: Parameters<typeof setupInput>[0]) => Promise<{ api: ApiClient; workspaceId: string }>;
  close: () => Promise<void>;
};

/** A fresh database and app; with `mail`, a real SMTP server in the process and a mailer for it. */
export async function createTestContext(
  dialect: Dialect,
  options: { mail?: boolean; config?: Partial<Config> } = {},
): Promise<TestContext> {
  const db = await createTestDb(dialect);
  if (options.config?.mode === 'hosted' && dialect === 'postgres') await ensureRowLevelSecurity(db);
  const clock = testClock();
  const smtp = options.mail ? await new TestSmtpServer().start() : null;
  const deps = testDeps(
    db,
    clock,
    testConfig(options.config),
    smtp ? createMailer(smtp.url, 'mila@example.test') : null,
  );
  const app = createApp(deps);
  const client = (options: { locale?: string } = {}) => new ApiClient(app, options);
  return {
    db,
    deps,
    clock,
    app,
    client,
    smtp,
    owner: async (overrides) => {
      const api = client();
      // A hosted service has no first-run setup: the first business signs up like every other.
      const path = deps.config.mode === 'hosted' ? '/api/v1/signup' : '/api/v1/setup';
      const res = await api.post(path, setupInput(overrides), ZMe);
      if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.raw)}`);
      return api;
    },
    otherWorkspace: async (overrides = {}) => {
      const input = setupInput({ ...overrides, owner: { email: 'other@example.com', ...overrides.owner } });
      const { workspaceId } = await createWorkspaceWithOwner(deps, input);
      const api = client();
      const login = await api.post(
        '/api/v1/auth/login',
        { email: input.owner.email, password: input.owner.password },
        ZMe,
      );
      if (login.status !== 200)
        throw new Error(`sign-in to the other workspace failed: ${login.status} ${JSON.stringify(login.raw)}`);
      return { api, workspaceId };
    },
    close: async () => {
      deps.mailer?.close();
      await db.drop();
      await smtp?.stop();
    },
  };
}
