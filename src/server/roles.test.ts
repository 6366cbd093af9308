import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../shared/schemas/accounts.js';
import type { MemberRole } from '../shared/schemas/accounts.js';
import { ZInvitationSent } from '../shared/schemas/team.js';
import { createTestContext, ZOpenApiDocument, type ApiClient, type TestContext } from './testing/test-app.js';
import { testShapes } from './testing/test-db.js';

/**
 * Every route × role (issue 14): each operation of the OpenAPI document is called as an assistant
 * and as a viewer. The expectations are written out here, apart from lib/roles.ts, so that a new
 * route lands in the right column on purpose: one this table does not expect fails the test.
 */
const OWNER_ONLY = new Set([
  'PATCH /workspace',
  'POST /workspace/delete',
  'GET /team',
  'POST /team/invitations',
  'DELETE /team/invitations/{id}',
  'PATCH /team/members/{userId}',
  'DELETE /team/members/{userId}',
  'GET /exports/clients.csv',
  'GET /exports/payments.csv',
  'GET /exports/workspace.json',
  'GET /exports/workspace.zip',
  'POST /imports/workspace-json',
  'GET /webhooks',
  'POST /webhooks',
  'DELETE /webhooks/{id}',
  'PATCH /webhooks/{id}',
  'GET /webhooks/{id}/deliveries',
  'POST /webhooks/{id}/test',
  'GET /audit-events',
]);

/** What a viewer may change: their own account, and the public ways in. */
const VIEWER_MAY_CHANGE = new Set([
  'POST /auth/logout',
  'POST /auth/password',
  'POST /auth/sessions/end-others',
  'POST /auth/two-factor/start',
  'POST /auth/two-factor/confirm',
  'POST /auth/two-factor/off',
  'POST /auth/two-factor/recovery-codes',
  'POST /auth/confirm-email/resend',
  'PATCH /me',
  'PUT /me/workspace',
  'POST /calendar-feed',
  'DELETE /calendar-feed',
  'POST /tokens',
  'POST /tokens/{id}/revoke',
  'POST /notifications/read',
  // Public: open to anyone, signed in or not.
  'POST /setup',
  'POST /signup',
  'POST /auth/login',
  'POST /auth/login/second-step',
  'POST /auth/confirm-email',
  'POST /auth/forgot-password',
  'POST /auth/reset-password',
  'POST /invitations/preview',
  'POST /invitations/accept',
]);

/** Called apart: signing out would end the session the rest of the matrix runs on. */
const NOT_CALLED = new Set(['POST /auth/logout']);

function forbiddenFor(role: Exclude<MemberRole, 'owner'>, operation: string): boolean {
  if (OWNER_ONLY.has(operation)) return true;
  if (role === 'assistant') return false;
  return !operation.startsWith('GET ') && !VIEWER_MAY_CHANGE.has(operation);
}

describe.each(testShapes())('every route × role on $label', ({ dialect, skip, hosted }) => {
  let ctx: TestContext;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect, hosted ? { config: { mode: 'hosted' } } : {});
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function member(owner: ApiClient, role: MemberRole, email: string): Promise<ApiClient> {
    const sent = await owner.post('/api/v1/team/invitations', { email, role }, ZInvitationSent);
    const api = ctx.client({ locale: 'en' });
    const token = sent.body.link.split('/invite/')[1];
    const res = await api.post(
      '/api/v1/invitations/accept',
      { token, account: 'new', name: role, password: 'orange tulip ladder 93' },
      ZMe,
    );
    expect(res.status).toBe(200);
    return api;
  }

  it.skipIf(skip)('assistants and viewers get 403 role_forbidden exactly where the table says', async () => {
    const owner = await ctx.owner();
    const members = {
      assistant: await member(owner, 'assistant', 'assistant@example.com'),
      viewer: await member(owner, 'viewer', 'viewer@example.com'),
    };
    const doc = ZOpenApiDocument.parse((await owner.request('GET', '/api/v1/openapi.json')).body);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(100);
    const unexpected: string[] = [];
    for (const role of ['assistant', 'viewer'] as const) {
      for (const operation of operations) {
        if (NOT_CALLED.has(operation)) continue;
        const [method, path] = operation.split(' ') as [string, string];
        const url = `/api/v1${path.replace(/\{[^}]+\}/g, () => randomUUID())}`;
        const res = await members[role].request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
        const refused =
          res.status === 403 && (res.body as { error?: { code?: string } } | null)?.error?.code === 'role_forbidden';
        if (refused !== forbiddenFor(role, operation))
          unexpected.push(`${role} ${operation}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
      // The matrix did not sign the member out along the way.
      expect((await members[role].request('GET', '/api/v1/me')).status).toBe(200);
    }
    expect(unexpected).toEqual([]);
  });
});
