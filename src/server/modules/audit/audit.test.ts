import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZAuditEventList, type AuditEvent } from '../../../shared/schemas/audit.js';
import { ZApiError } from '../../../shared/errors.js';
import { ZPayment } from '../../../shared/schemas/payments.js';
import { ZApiTokenCreated } from '../../../shared/schemas/tokens.js';
import { createClient } from '../../testing/api-helpers.js';
import { paymentInput } from '../../testing/factories.js';
import { failingWrites, InjectedFailure } from '../../testing/failure.js';
import { ApiClient, createTestContext, noContent, type TestContext } from '../../testing/test-app.js';
import { testConfig, testDeps, testDialects } from '../../testing/test-db.js';
import { createApp } from '../../app.js';
import { ZBusinessProfile, ZMe, ZSessionsEnded } from '../../../shared/schemas/accounts.js';
import { deletePayment } from '../payments/payments.service.js';
import { pruneAuditEvents } from './audit.service.js';

describe.each(testDialects())('the audit log on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const actions = (items: AuditEvent[]) => items.map((e) => e.action);

  it.skipIf(skip)('notes deletions, keys and exports with who, what and for which client', async () => {
    const api = await ctx.owner();
    const client = await createClient(api, { name: 'דנה לוי' });
    const payment = (await api.post('/api/v1/payments', paymentInput(client.id), ZPayment)).body;
    expect((await api.delete(`/api/v1/payments/${payment.id}`, noContent)).status).toBe(204);
    const token = (await api.post('/api/v1/tokens', { name: 'Zapier', scope: 'read' }, ZApiTokenCreated)).body;
    expect((await api.request('POST', `/api/v1/tokens/${token.apiToken.id}/revoke`)).status).toBe(200);
    expect((await api.request('GET', '/api/v1/exports/workspace.json')).status).toBe(200);

    const log = (await api.get('/api/v1/audit-events', ZAuditEventList)).body;
    expect(actions(log.items)).toEqual([
      'workspace_exported',
      'api_token_revoked',
      'api_token_created',
      'payment_deleted',
    ]);
    const [exported, revoked, created, deleted] = log.items;
    expect(exported).toMatchObject({ group: 'data', detail: { format: 'json' }, client: null });
    expect(revoked).toMatchObject({ group: 'keys', target: 'Zapier' });
    expect(created).toMatchObject({ target: 'Zapier', detail: { scope: 'read' } });
    // The payment is gone; the record still says whose it was and how much.
    expect(deleted).toMatchObject({
      group: 'deletions',
      client: { id: client.id, name: 'דנה לוי' },
      detail: { amount: 100_000, currency: 'ILS', receivedOn: '2026-11-23' },
    });
    expect(deleted!.actor).toMatchObject({ name: expect.any(String), viaToken: false });
    expect(log.total).toBe(4);
    // A group filter and paging.
    const keys = (await api.get('/api/v1/audit-events?group=keys&limit=1', ZAuditEventList)).body;
    expect(keys).toMatchObject({ total: 2, nextOffset: 1 });
    expect(actions(keys.items)).toEqual(['api_token_revoked']);
    expect((await api.get('/api/v1/audit-events?group=nope', ZApiError)).status).toBe(422);
  });

  it.skipIf(skip)(
    'notes sign-ins, failed attempts, a password change and settings, with the address and browser',
    async () => {
      const api = await ctx.owner();
      const phone = new ApiClient(createApp(testDeps(ctx.db, ctx.clock, testConfig({ trustProxy: 1 }))));
      const from = { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'Mozilla/5.0 (iPhone) Safari/604.1' };
      const login = (password: string) =>
        phone.post('/api/v1/auth/login', { email: 'noa@noa-design.co.il', password }, ZMe, from);
      expect((await login('not my password at all')).status).toBe(401);
      expect((await login('correct horse battery')).status).toBe(200);
      const changed = await api.post(
        '/api/v1/auth/password',
        { currentPassword: 'correct horse battery', newPassword: 'a much longer and unusual phrase' },
        ZSessionsEnded,
      );
      expect(changed.body).toEqual({ ended: 1 });
      expect((await api.patch('/api/v1/workspace', { phone: '03-555-1234' }, ZBusinessProfile)).status).toBe(200);

      const log = (await api.get('/api/v1/audit-events?group=access', ZAuditEventList)).body.items;
      expect(actions(log)).toEqual(['password_changed', 'signed_in', 'sign_in_failed']);
      const [password, signedIn, failed] = log;
      expect(password).toMatchObject({ detail: { sessionsEnded: 1 } });
      expect(signedIn).toMatchObject({
        ip: '203.0.113.7',
        detail: { method: 'password' },
        actor: { name: 'נועה כהן' },
      });
      expect(signedIn!.userAgent).toContain('iPhone');
      expect(failed).toMatchObject({ ip: '203.0.113.7', detail: { reason: 'password' } });
      const settings = (await api.get('/api/v1/audit-events?group=settings', ZAuditEventList)).body.items;
      expect(settings).toMatchObject([{ action: 'business_profile_changed', detail: { fields: 'phone' } }]);
      // An unknown e-mail belongs to no workspace: nothing to note.
      await phone.post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'x' }, ZMe, from);
      expect((await api.get('/api/v1/audit-events?group=access', ZAuditEventList)).body.total).toBe(3);
    },
  );

  it.skipIf(skip)('counts a wrong current password on a password change like any other check of it', async () => {
    const api = await ctx.owner();
    const wrong = await api.post(
      '/api/v1/auth/password',
      { currentPassword: 'not my password at all', newPassword: 'a much longer and unusual phrase' },
      ZSessionsEnded,
    );
    expect(wrong.error.fields?.map((f) => [f.path, f.code])).toEqual([['currentPassword', 'wrong_password']]);
    const log = (await api.get('/api/v1/audit-events?group=access', ZAuditEventList)).body.items;
    expect(log.map((e) => [e.action, e.detail])).toEqual([['sign_in_failed', { reason: 'password' }]]);
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from login_failures`.execute(ctx.db.kysely);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it.skipIf(skip)('notes my account details only when a field really changes', async () => {
    const api = await ctx.owner();
    expect((await api.patch('/api/v1/me', { name: 'נועה כהן' }, ZMe)).status).toBe(200); // as it was
    expect((await api.patch('/api/v1/me', { name: 'נועה כהן', locale: 'en' }, ZMe)).status).toBe(200);
    const log = (await api.get('/api/v1/audit-events?group=settings', ZAuditEventList)).body.items;
    expect(log.map((e) => [e.action, e.detail])).toEqual([['account_changed', { fields: 'locale' }]]);
  });

  it.skipIf(skip)('is the owner’s alone: another workspace sees none of it, a token cannot read it', async () => {
    const api = await ctx.owner();
    const client = await createClient(api);
    const payment = (await api.post('/api/v1/payments', paymentInput(client.id), ZPayment)).body;
    await api.delete(`/api/v1/payments/${payment.id}`, noContent);
    const other = await ctx.otherWorkspace();
    // Theirs holds their own sign-in and nothing of A's.
    expect(actions((await other.api.get('/api/v1/audit-events', ZAuditEventList)).body.items)).toEqual(['signed_in']);

    const { token } = (await api.post('/api/v1/tokens', { name: 'sync' }, ZApiTokenCreated)).body;
    const byToken = await ctx.app.request('/api/v1/audit-events', { headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status).toBe(403);
  });

  it.skipIf(skip)('keeps 400 days: housekeeping drops what is older', async () => {
    const api = await ctx.owner();
    ctx.clock.set('2026-01-01T10:00:00.000Z');
    await api.request('GET', '/api/v1/exports/workspace.json');
    ctx.clock.set('2026-06-01T10:00:00.000Z');
    await api.request('GET', '/api/v1/exports/workspace.zip');
    ctx.clock.set('2027-02-15T10:00:00.000Z'); // 410 days after the first, 259 after the second
    await pruneAuditEvents(ctx.deps);
    // (The session itself has long ended: read the table.)
    const { rows } = await sql<{
      detail: string;
    }>`select detail from audit_events where action = 'workspace_exported'`.execute(ctx.db.kysely);
    expect(rows.map((r) => JSON.parse(r.detail))).toEqual([{ format: 'zip' }]);
  });

  it.skipIf(skip)('a record that cannot be written takes the deletion with it', async () => {
    const api = await ctx.owner();
    const client = await createClient(api);
    const payment = (await api.post('/api/v1/payments', paymentInput(client.id), ZPayment)).body;
    const failing = failingWrites(ctx.deps, { table: 'audit_events', kind: 'insert' });
    const { rows: ws } = await sql<{ id: string }>`select id from workspaces`.execute(ctx.db.kysely);
    const scope = { workspaceId: ws[0]!.id };
    await expect(deletePayment(failing, scope, payment.id)).rejects.toBeInstanceOf(InjectedFailure);
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from payments`.execute(ctx.db.kysely);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it.skipIf(skip)(
    'an API token may make 600 requests a minute, then 429 with Retry-After until the minute ends',
    async () => {
      const api = await ctx.owner();
      const { token } = (await api.post('/api/v1/tokens', { name: 'sync' }, ZApiTokenCreated)).body;
      ctx.clock.set('2026-11-23T10:00:00.000Z');
      const call = () =>
        ctx.app.request('/api/v1/clients?limit=1', {
          headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
        });
      for (let i = 0; i < 600; i++) expect((await call()).status).toBe(200);
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(ZApiError.parse(await refused.json()).error.message).toContain('60 seconds');
      // The browser session is not counted against the token.
      expect((await api.get('/api/v1/audit-events', ZAuditEventList)).status).toBe(200);
      ctx.clock.advance(60_000);
      expect((await call()).status).toBe(200);
    },
  );
});
