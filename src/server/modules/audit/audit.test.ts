import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZAuditEventList, type AuditEvent } from '../../../shared/schemas/audit.js';
import { ZApiError } from '../../../shared/errors.js';
import { ZPayment } from '../../../shared/schemas/payments.js';
import { ZApiTokenCreated } from '../../../shared/schemas/tokens.js';
import { createClient } from '../../testing/api-helpers.js';
import { paymentInput } from '../../testing/factories.js';
import { failingWrites, InjectedFailure } from '../../testing/failure.js';
import { createTestContext, noContent, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { deletePayment } from '../payments/payments.service.js';

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

  it.skipIf(skip)('is the owner’s alone: another workspace sees none of it, a token cannot read it', async () => {
    const api = await ctx.owner();
    const client = await createClient(api);
    const payment = (await api.post('/api/v1/payments', paymentInput(client.id), ZPayment)).body;
    await api.delete(`/api/v1/payments/${payment.id}`, noContent);
    const other = await ctx.otherWorkspace();
    expect((await other.api.get('/api/v1/audit-events', ZAuditEventList)).body).toMatchObject({ items: [], total: 0 });

    const { token } = (await api.post('/api/v1/tokens', { name: 'sync' }, ZApiTokenCreated)).body;
    const byToken = await ctx.app.request('/api/v1/audit-events', { headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status).toBe(403);
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
