import { createApp } from '../app.js';
import type { Dialect } from '../db/database.js';
import type { Deps } from '../lib/http.js';
import { createMailer } from '../mail/mailer.js';
import { setupInput } from './factories.js';
import { TestSmtpServer } from './smtp.js';
import { createTestDb, testClock, testDeps, type TestDb } from './test-db.js';

export type TestResponse<T = unknown> = { status: number; body: T; headers: Headers };

/**
 * A signed-in (or not) caller of the in-process app: keeps the session cookie and echoes the
 * CSRF token the way the web app does.
 */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  constructor(
    readonly app: ReturnType<typeof createApp>,
    readonly options: { locale?: string } = {},
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = { 'accept-language': this.options.locale ?? 'he', ...headers };
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
    const parsed = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : (text as T);
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed)
      this.csrfToken = String((parsed as { csrfToken: string }).csrfToken);
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = unknown>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  delete<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }
}

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
  close: () => Promise<void>;
};

/** A fresh database and app; with `mail`, a real SMTP server in the process and a mailer for it. */
export async function createTestContext(dialect: Dialect, options: { mail?: boolean } = {}): Promise<TestContext> {
  const db = await createTestDb(dialect);
  const clock = testClock();
  const smtp = options.mail ? await new TestSmtpServer().start() : null;
  const deps = testDeps(db, clock, undefined, smtp ? createMailer(smtp.url, 'mila@example.test') : null);
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
      const res = await api.post('/api/v1/setup', setupInput(overrides));
      if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
      return api;
    },
    close: async () => {
      deps.mailer?.close();
      await db.drop();
      await smtp?.stop();
    },
  };
}
