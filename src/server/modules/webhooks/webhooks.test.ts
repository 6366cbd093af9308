import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZApiTokenCreated } from '../../../shared/schemas/tokens.js';
import {
  ZWebhookDeliveryList,
  ZWebhookEndpoint,
  ZWebhookEndpointCreated,
  ZWebhookEndpointList,
  ZWebhookTested,
  type CreateWebhookEndpointInput,
  type WebhookDeliveryList,
} from '../../../shared/schemas/webhooks.js';
import { runDueJobs } from '../../jobs/scheduler.js';
import { acceptedQuote, createClient, createCommitment, portalPath, sendQuote } from '../../testing/api-helpers.js';
import { clientInput, paymentInput, projectInput, quoteInput } from '../../testing/factories.js';
import { InjectedFailure, failingWrites, snapshotAll } from '../../testing/failure.js';
import { createTestContext, noContent, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDeps, testDialects } from '../../testing/test-db.js';
import { createClient as createClientService } from '../clients/clients.service.js';
import { recordPayment } from '../payments/payments.service.js';
import { ZCreateClient } from '../../../shared/schemas/clients.js';
import { ZCommitment } from '../../../shared/schemas/commitments.js';
import { ZProject, ZRescheduled } from '../../../shared/schemas/projects.js';
import { ZQuote } from '../../../shared/schemas/quotes.js';
import { ZPayment, ZRecordPayment } from '../../../shared/schemas/payments.js';
import { deliverWebhooks, WEBHOOK_BACKOFF_SECONDS } from './webhooks.service.js';

type Received = { headers: IncomingHttpHeaders; body: string };

/** A real HTTP receiver on this machine: records what came and answers with `status`. */
class Receiver {
  received: Received[] = [];
  status = 200;
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(this.status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  url = '';
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/mila`;
    return this;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What a receiver does: the signature is HMAC-SHA256 of "<t>.<body>" with the secret, and t is recent. */
function verify(secret: string, request: Received, nowMs: number, toleranceSeconds = 300): boolean {
  const header = String(request.headers['mila-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${request.body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe.each(testDialects())('outgoing webhooks on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let receiver: Receiver;
  let round = 0;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    receiver = await new Receiver().start();
    api = await ctx.owner();
  });
  afterEach(async () => {
    if (skip) return;
    await receiver.stop();
    await ctx.close();
  });

  const addEndpoint = async (overrides: Partial<CreateWebhookEndpointInput> = {}) => {
    const res = await api.post(
      '/api/v1/webhooks',
      { url: receiver.url, events: ['client.created'], ...overrides },
      ZWebhookEndpointCreated,
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const deliveries = async (endpointId: string, query = ''): Promise<WebhookDeliveryList> =>
    (await api.get(`/api/v1/webhooks/${endpointId}/deliveries${query}`, ZWebhookDeliveryList)).body;
  /** A scheduler round: the clock moves past the jobs' interval first, as time does. */
  const tick = async (ms = 11_000) => {
    ctx.clock.advance(ms);
    round += 1;
    return runDueJobs(ctx.deps, `test-${round}`);
  };

  it.skipIf(skip)('creating a client delivers client.created, signed with the secret and the time', async () => {
    const { secret, endpoint } = await addEndpoint();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    // The secret is shown once: never listed again.
    const list = await api.get('/api/v1/webhooks', ZWebhookEndpointList);
    expect(list.body.items.map((e) => e.id)).toEqual([endpoint.id]);
    expect(JSON.stringify(list.raw)).not.toContain(secret);

    const client = await createClient(api, { name: 'סטודיו גלים' });
    // Queued with the client, not sent inside the request.
    expect(receiver.received).toHaveLength(0);
    const queued = (await deliveries(endpoint.id)).items;
    expect(queued).toMatchObject([{ event: 'client.created', status: 'pending', attempts: 0 }]);

    expect(await tick()).toContain('webhooks');
    expect(receiver.received).toHaveLength(1);
    const request = receiver.received[0]!;
    expect(verify(secret, request, ctx.clock.now().getTime())).toBe(true);
    expect(verify('whsec_wrong', request, ctx.clock.now().getTime())).toBe(false);
    // A replayed request is refused by its timestamp, an altered body by the MAC.
    expect(verify(secret, request, ctx.clock.now().getTime() + 10 * 60_000)).toBe(false);
    expect(verify(secret, { ...request, body: request.body.replace('גלים', 'גליל') }, ctx.clock.now().getTime())).toBe(
      false,
    );
    expect(request.headers['mila-event']).toBe('client.created');
    expect(request.headers['mila-delivery']).toBe(queued[0]!.id);
    expect(request.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request.body) as { event: string; data: { id: string; name: string } };
    expect(body).toMatchObject({ event: 'client.created', data: { id: client.id, name: 'סטודיו גלים' } });

    const [logged] = (await deliveries(endpoint.id)).items;
    expect(logged).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null });
    expect(logged!.deliveredAt).toBe(ctx.clock.now().toISOString());
    // Delivered is delivered: later rounds send nothing more.
    await tick();
    await tick(3_600_000);
    expect(receiver.received).toHaveLength(1);
  });

  it.skipIf(skip)('a receiver answering 500 is retried with backoff, then given up', async () => {
    const { endpoint } = await addEndpoint();
    receiver.status = 500;
    await createClient(api);
    await tick();
    expect(receiver.received).toHaveLength(1);
    let [row] = (await deliveries(endpoint.id)).items;
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(row!.nextAttemptAt).toBe(new Date(ctx.clock.now().getTime() + 60_000).toISOString());

    // Not before its time…
    await tick(30_000);
    expect(receiver.received).toHaveLength(1);
    // …and then after each wait: 1 min, 5 min, 30 min, 2 h, 12 h.
    for (const [i, seconds] of WEBHOOK_BACKOFF_SECONDS.entries()) {
      const due = new Date((await deliveries(endpoint.id)).items[0]!.nextAttemptAt!).getTime();
      ctx.clock.set(new Date(due - 11_000).toISOString());
      await tick(); // exactly at the due time
      expect(receiver.received, `attempt ${i + 2} after ${seconds} s`).toHaveLength(i + 2);
    }
    [row] = (await deliveries(endpoint.id)).items;
    expect(row).toMatchObject({ status: 'failed', attempts: 6, lastStatusCode: 500, nextAttemptAt: null });
    await tick(86_400_000);
    expect(receiver.received).toHaveLength(6);
  });

  it.skipIf(skip)('a receiver that recovers gets the same delivery, with the same id', async () => {
    const { endpoint, secret } = await addEndpoint();
    receiver.status = 503;
    await createClient(api);
    await tick();
    receiver.status = 204;
    await tick(61_000);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers['mila-delivery']).toBe(receiver.received[0]!.headers['mila-delivery']);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    expect(verify(secret, receiver.received[1]!, ctx.clock.now().getTime())).toBe(true);
    expect((await deliveries(endpoint.id)).items[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatusCode: 204,
    });
  });

  it.skipIf(skip)(
    'only active endpoints that asked for the event get it; quotes, payments and promises too',
    async () => {
      const all = await addEndpoint({
        events: ['client.created', 'quote.sent', 'quote.accepted', 'payment.received', 'commitment.kept'],
      });
      const paused = await addEndpoint({ active: false });
      const other = await addEndpoint({ events: ['project.rescheduled'] });
      const client = await createClient(api);
      await acceptedQuote(api, client.id);
      expect((await api.post('/api/v1/payments', paymentInput(client.id), ZPayment)).status).toBe(201);
      const promise = await createCommitment(api, client.id, { title: 'להתקשר' });
      expect((await api.post(`/api/v1/commitments/${promise.id}/complete`, {}, ZCommitment)).status).toBe(200);
      await tick();
      const events = receiver.received.map((r) => r.headers['mila-event']).sort();
      expect(events).toEqual(['client.created', 'commitment.kept', 'payment.received', 'quote.accepted', 'quote.sent']);
      expect((await deliveries(paused.endpoint.id)).items).toEqual([]);
      expect((await deliveries(other.endpoint.id)).items).toEqual([]);
      const accepted = receiver.received.find((r) => r.headers['mila-event'] === 'quote.accepted')!;
      const body = JSON.parse(accepted.body) as { data: { quote: { status: string }; projectId: string } };
      expect(body.data.quote.status).toBe('accepted');
      expect(body.data.projectId).toEqual(expect.any(String));
      // The client's portal link (a secret) is in no payload.
      expect(receiver.received.some((r) => r.body.includes('/q/'))).toBe(false);
      expect((await deliveries(all.endpoint.id)).items.every((d) => d.status === 'delivered')).toBe(true);
    },
  );

  it.skipIf(skip)('a declined quote and a rescheduled project are announced', async () => {
    const { secret } = await addEndpoint({ events: ['quote.declined', 'project.rescheduled'] });
    const client = await createClient(api);
    const quote = (await api.post('/api/v1/quotes', quoteInput(client.id), ZQuote)).body;
    const sent = await sendQuote(api, quote.id);
    const declined = await api.app.request(`${portalPath(sent.url!)}/decline`, {
      method: 'POST',
      body: new URLSearchParams({ reason: 'יקר מדי' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(declined.status).toBe(303);
    const project = (await api.post('/api/v1/projects', projectInput(client.id), ZProject)).body;
    const moved = await api.post(
      `/api/v1/projects/${project.id}/reschedule`,
      { cause: 'mine', statusText: 'עוד יומיים', newTargetDate: '2026-12-22' },
      ZRescheduled,
    );
    expect(moved.status).toBe(200);
    await tick();
    expect(receiver.received.map((r) => r.headers['mila-event']).sort()).toEqual([
      'project.rescheduled',
      'quote.declined',
    ]);
    expect(receiver.received.every((r) => verify(secret, r, ctx.clock.now().getTime()))).toBe(true);
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> });
    expect(bodies.find((b) => b.event === 'quote.declined')!.data).toMatchObject({
      reason: 'יקר מדי',
      quote: { id: quote.id, status: 'declined' },
    });
    expect(bodies.find((b) => b.event === 'project.rescheduled')!.data).toMatchObject({
      project: { id: project.id, targetDate: '2026-12-22' },
      reschedule: { cause: 'mine', fromDate: '2026-12-20', toDate: '2026-12-22' },
    });
  });

  it.skipIf(skip)('a promise found broken by the reminders is announced once', async () => {
    const { secret } = await addEndpoint({ events: ['commitment.broken'] });
    const client = await createClient(api);
    const promise = await createCommitment(api, client.id, { title: 'הצעה', dueDate: '2026-11-23', dueTime: '12:00' });
    await tick(); // 08:00: not late yet
    expect(receiver.received).toHaveLength(0);
    ctx.clock.set('2026-11-23T12:00:00.000Z'); // 14:00 in Israel, two hours late
    await tick(61_000);
    await tick(61_000);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers['mila-event']).toBe('commitment.broken');
    expect(verify(secret, receiver.received[0]!, ctx.clock.now().getTime())).toBe(true);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ data: { id: promise.id, status: 'broken' } });
  });

  it.skipIf(skip)(
    '"send test" pings at once and answers with the status code; the log pages newest first',
    async () => {
      const { endpoint, secret } = await addEndpoint();
      const ok = await api.post(`/api/v1/webhooks/${endpoint.id}/test`, {}, ZWebhookTested);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ statusCode: 200, delivery: { event: 'ping', status: 'delivered', attempts: 1 } });
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.headers['mila-event']).toBe('ping');
      expect(verify(secret, receiver.received[0]!, ctx.clock.now().getTime())).toBe(true);

      ctx.clock.advance(1000);
      receiver.status = 500;
      const failed = await api.post(`/api/v1/webhooks/${endpoint.id}/test`, {}, ZWebhookTested);
      expect(failed.body).toMatchObject({ statusCode: 500, delivery: { status: 'failed', lastStatusCode: 500 } });
      // A test is tried once: the scheduler does not retry it.
      await tick(3_600_000);
      expect(receiver.received).toHaveLength(2);

      // Nobody listening: no status code, the error in the log, still not a 500 of ours.
      await receiver.stop();
      ctx.clock.advance(1000);
      const down = await api.post(`/api/v1/webhooks/${endpoint.id}/test`, {}, ZWebhookTested);
      expect(down.status).toBe(200);
      expect(down.body.statusCode).toBeNull();
      expect(down.body.delivery.lastError).toBeTruthy();
      receiver = await new Receiver().start();

      const first = await deliveries(endpoint.id, '?limit=2');
      expect(first.items.map((d) => d.id)).toEqual([down.body.delivery.id, failed.body.delivery.id]);
      expect(first.nextCursor).not.toBeNull();
      const second = await deliveries(endpoint.id, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
      expect(second.items.map((d) => d.id)).toEqual([ok.body.delivery.id]);
      expect(second.nextCursor).toBeNull();
    },
  );

  it.skipIf(skip)('a failing enqueue rolls the action back: no client, no payment, nothing at all', async () => {
    await addEndpoint({ events: ['client.created', 'payment.received'] });
    const me = (await api.get('/api/v1/me', ZMe)).body;
    const scope = { workspaceId: me.workspace.id };
    const client = await createClient(api);
    await tick(); // its own delivery is done
    const before = await snapshotAll(ctx.db);
    const failing = () => failingWrites(ctx.deps, { table: 'webhook_deliveries', kind: 'insert' });
    await expect(
      createClientService(failing(), scope, ZCreateClient.parse(clientInput({ name: 'לא יישמר' }))),
    ).rejects.toBeInstanceOf(InjectedFailure);
    await expect(recordPayment(failing(), scope, ZRecordPayment.parse(paymentInput(client.id)))).rejects.toBeInstanceOf(
      InjectedFailure,
    );
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('two processes never send the same delivery twice', async () => {
    await addEndpoint();
    await createClient(api);
    await createClient(api);
    const otherDb = ctx.db.reconnect();
    try {
      const second = testDeps(otherDb, ctx.clock, ctx.deps.config, null);
      const [a, b] = await Promise.all([deliverWebhooks(ctx.deps), deliverWebhooks(second)]);
      expect(a.delivered + b.delivered).toBe(2);
      expect(receiver.received).toHaveLength(2);
      expect(new Set(receiver.received.map((r) => r.headers['mila-delivery'])).size).toBe(2);
    } finally {
      await otherDb.close();
    }
  });

  it.skipIf(skip)('checks its input, keeps to the workspace, and a read-only token may not write', async () => {
    const bad = await api.post(
      '/api/v1/webhooks',
      { url: 'http://hooks.example.com/x', events: ['client.created'] },
      ZWebhookEndpointCreated,
    );
    expect(bad.status).toBe(422);
    expect(bad.error.fields).toEqual([expect.objectContaining({ path: 'url', code: 'webhook_url_https' })]);
    const none = await api.post(
      '/api/v1/webhooks',
      { url: 'https://ok.example.com', events: [] },
      ZWebhookEndpointCreated,
    );
    expect(none.error.fields).toEqual([expect.objectContaining({ path: 'events', code: 'choose_one' })]);
    const junk = await api.post('/api/v1/webhooks', { url: 'ftp://x', events: ['nope'] }, ZWebhookEndpointCreated);
    expect(junk.status).toBe(422);
    expect(
      (
        await api.post(
          '/api/v1/webhooks',
          { url: 'https://hooks.example.com/x', events: ['quote.sent'] },
          ZWebhookEndpointCreated,
        )
      ).status,
    ).toBe(201);

    const { endpoint } = await addEndpoint();
    const updated = await api.patch(
      `/api/v1/webhooks/${endpoint.id}`,
      { events: ['quote.sent', 'quote.sent'], active: false },
      ZWebhookEndpoint,
    );
    expect(updated.body).toMatchObject({ events: ['quote.sent'], active: false });

    const { api: other } = await ctx.otherWorkspace();
    expect((await other.get(`/api/v1/webhooks/${endpoint.id}/deliveries`, ZWebhookDeliveryList)).status).toBe(404);
    expect((await other.post(`/api/v1/webhooks/${endpoint.id}/test`, {}, ZWebhookTested)).status).toBe(404);
    expect((await other.delete(`/api/v1/webhooks/${endpoint.id}`, noContent)).status).toBe(404);
    expect((await other.get('/api/v1/webhooks', ZWebhookEndpointList)).body.items).toEqual([]);

    const { token } = (await api.post('/api/v1/tokens', { name: 'BI', scope: 'read' }, ZApiTokenCreated)).body;
    const asToken = (method: string, path: string, body?: unknown) =>
      ctx.app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await asToken('GET', '/api/v1/webhooks')).status).toBe(200);
    expect((await asToken('POST', '/api/v1/webhooks', { url: receiver.url, events: ['client.created'] })).status).toBe(
      403,
    );
    expect((await asToken('POST', `/api/v1/webhooks/${endpoint.id}/test`)).status).toBe(403);
    expect((await asToken('DELETE', `/api/v1/webhooks/${endpoint.id}`)).status).toBe(403);

    expect((await api.delete(`/api/v1/webhooks/${endpoint.id}`, noContent)).status).toBe(204);
    expect((await api.get(`/api/v1/webhooks/${endpoint.id}/deliveries`, ZWebhookDeliveryList)).status).toBe(404);
  });
});
