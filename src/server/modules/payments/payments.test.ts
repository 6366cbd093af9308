import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/errors.js';
import type { Client } from '../../../shared/schemas/clients.js';
import type { ClientBalance, Payment, PaymentItem, TimeEntry } from '../../../shared/schemas/payments.js';
import type { Quote } from '../../../shared/schemas/quotes.js';
import { clientInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

describe.each(testDialects())('payments and time on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  let quote: Quote;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    client = (await api.post<Client>('/api/v1/clients', clientInput({ name: 'מרכז הדר' }))).body;
    const draft = (
      await api.post<Quote>('/api/v1/quotes', {
        clientId: client.id,
        title: 'מיתוג',
        items: [{ description: 'לוגו', quantity: 1, unitPrice: 333_333 }],
        validUntil: '2026-12-31',
      })
    ).body;
    const sent = (
      await api.post<{ url: string }>(`/api/v1/quotes/${draft.id}/send`, { channel: 'whatsapp', body: '{{link}}' })
    ).body;
    await ctx.app.request(`${new URL(sent.url).pathname}/accept`, {
      method: 'POST',
      body: new URLSearchParams({ name: 'הדר', agree: 'yes' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    quote = (await api.get<Quote>(`/api/v1/quotes/${draft.id}`)).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)(
    'splits an accepted quote 50/50 to the agora, takes partial payments, and knows what is overdue by Israel time',
    async () => {
      expect(quote.current.totals.total).toBe(393_333);
      const schedule = await api.post<{ items: PaymentItem[] }>('/api/v1/payment-items/from-quote', {
        quoteId: quote.id,
        parts: [
          { label: 'מקדמה', percent: 50, dueDate: '2026-11-23' },
          { label: 'במסירה', percent: 50, dueDate: '2026-12-15' },
        ],
      });
      expect(schedule.status).toBe(201);
      expect(schedule.body.items.map((i) => i.amount)).toEqual([196_667, 196_666]);
      expect(schedule.body.items.reduce((s, i) => s + i.amount, 0)).toBe(quote.current.totals.total);
      const [deposit] = schedule.body.items;

      const partial = await api.post<Payment>('/api/v1/payments', {
        clientId: client.id,
        paymentItemId: deposit!.id,
        amount: 100_000,
        receivedOn: '2026-11-23',
        method: 'העברה בנקאית',
      });
      expect(partial.status).toBe(201);
      let items = (await api.get<{ items: PaymentItem[] }>(`/api/v1/payment-items?clientId=${client.id}`)).body.items;
      expect(items[0]).toMatchObject({ received: 100_000, outstanding: 96_667, status: 'partial' });

      // 00:30 on 24 November in Israel (still the 23rd in UTC): the deposit is now overdue.
      ctx.clock.set('2026-11-23T22:30:00.000Z');
      items = (await api.get<{ items: PaymentItem[] }>('/api/v1/payment-items?state=overdue')).body.items;
      expect(items.map((i) => [i.label, i.status, i.outstanding])).toEqual([['מקדמה', 'overdue', 96_667]]);
      const today = (
        await api.get<{ paymentsOverdue: PaymentItem[]; counts: { paymentsOverdue: number } }>('/api/v1/today')
      ).body;
      expect(today.paymentsOverdue.map((i) => i.label)).toEqual(['מקדמה']);
      expect(today.counts.paymentsOverdue).toBe(1);
      const reminder = (await api.post<{ body: string }>(`/api/v1/payment-items/${deposit!.id}/reminder`)).body;
      expect(reminder.body).toContain('"מקדמה"');
      expect(reminder.body.replace(/[^\d.,]/g, ' ')).toContain('966.67');

      await api.post('/api/v1/payments', {
        clientId: client.id,
        paymentItemId: deposit!.id,
        amount: 96_667,
        receivedOn: '2026-11-24',
      });
      const balance = (await api.get<ClientBalance>(`/api/v1/clients/${client.id}/balance`)).body;
      expect(balance).toEqual({
        clientId: client.id,
        currency: 'ILS',
        quoted: 393_333,
        accepted: 393_333,
        scheduled: 393_333,
        received: 196_667,
        outstanding: 196_666,
        overdue: 0,
      });
    },
  );

  it.skipIf(skip)('refuses bad schedules and payments field by field', async () => {
    const bad = await api.post<ApiError>('/api/v1/payment-items/from-quote', {
      quoteId: quote.id,
      parts: [
        { label: 'א', percent: 60, dueDate: '2026-12-01' },
        { label: 'ב', percent: 30, dueDate: '2026-12-01' },
      ],
    });
    expect(bad.body.error.fields?.[0]).toMatchObject({ path: 'parts', code: 'parts_sum' });
    const draft = (
      await api.post<Quote>('/api/v1/quotes', {
        clientId: client.id,
        title: 'טיוטה',
        items: [{ description: 'x', quantity: 1, unitPrice: 100 }],
        validUntil: '2026-12-31',
      })
    ).body;
    const notAccepted = await api.post<ApiError>('/api/v1/payment-items/from-quote', {
      quoteId: draft.id,
      parts: [{ label: 'הכול', percent: 100, dueDate: '2026-12-01' }],
    });
    expect(notAccepted.body.error.fields?.[0]).toMatchObject({ path: 'quoteId', code: 'quote_not_accepted' });
    const payment = await api.post<ApiError>('/api/v1/payments', {
      clientId: client.id,
      amount: 0,
      receivedOn: '2026-12-30',
    });
    expect(payment.body.error.fields?.map((f) => `${f.path}:${f.code}`)).toEqual(['amount:too_small']);
    const future = await api.post<ApiError>('/api/v1/payments', {
      clientId: client.id,
      amount: 100,
      receivedOn: '2026-12-30',
    });
    expect(future.body.error.fields?.[0]).toMatchObject({ path: 'receivedOn', code: 'in_future' });
  });

  it.skipIf(skip)('runs a timer that survives a reload, logs time by hand, and sums it', async () => {
    const started = await api.post<TimeEntry>('/api/v1/timer/start', {
      clientId: client.id,
      projectId: quote.projectId,
      note: 'סקיצות',
    });
    expect(started.body).toMatchObject({ running: true, projectId: quote.projectId });
    ctx.clock.advance(95 * 60_000);
    expect((await api.get<{ running: TimeEntry | null }>('/api/v1/timer')).body.running?.id).toBe(started.body.id);
    const stopped = await api.post<TimeEntry>('/api/v1/timer/stop');
    expect(stopped.body).toMatchObject({ running: false, minutes: 95 });
    expect((await api.post<ApiError>('/api/v1/timer/stop')).status).toBe(409);

    const manual = await api.post<TimeEntry>('/api/v1/time-entries', {
      clientId: client.id,
      date: '2026-11-22',
      minutes: 45,
      note: 'שיחת טלפון ארוכה',
    });
    expect(manual.body.startedAt).toBe('2026-11-22T10:00:00.000Z');
    await api.patch(`/api/v1/time-entries/${manual.body.id}`, { minutes: 50 });
    const list = (
      await api.get<{ items: TimeEntry[]; totalMinutes: number }>(`/api/v1/time-entries?clientId=${client.id}`)
    ).body;
    expect(list.totalMinutes).toBe(145);
    await api.delete(`/api/v1/time-entries/${manual.body.id}`);
    expect(
      (await api.get<{ totalMinutes: number }>(`/api/v1/time-entries?clientId=${client.id}`)).body.totalMinutes,
    ).toBe(95);
  });

  it.skipIf(skip)('keeps projects, money and time inside their workspace', async () => {
    const item = (
      await api.post<PaymentItem>('/api/v1/payment-items', {
        clientId: client.id,
        label: 'מקדמה',
        amount: 10_000,
        dueDate: '2026-12-01',
      })
    ).body;
    const entry = (
      await api.post<TimeEntry>('/api/v1/time-entries', { clientId: client.id, date: '2026-11-22', minutes: 30 })
    ).body;
    const { createWorkspaceWithOwner } = await import('../accounts/accounts.service.js');
    const { setupInput } = await import('../../testing/factories.js');
    await createWorkspaceWithOwner(ctx.deps, setupInput({ owner: { email: 'other@example.com' } }));
    const other = ctx.client();
    await other.post('/api/v1/auth/login', { email: 'other@example.com', password: 'correct horse battery' });
    expect((await other.get(`/api/v1/projects/${quote.projectId}`)).status).toBe(404);
    expect((await other.get<{ items: unknown[] }>('/api/v1/projects')).body.items).toEqual([]);
    expect((await other.get<{ items: unknown[] }>('/api/v1/payment-items')).body.items).toEqual([]);
    expect((await other.get(`/api/v1/clients/${client.id}/balance`)).status).toBe(404);
    expect((await other.delete(`/api/v1/payment-items/${item.id}`)).status).toBe(404);
    expect((await other.patch(`/api/v1/time-entries/${entry.id}`, { minutes: 1 })).status).toBe(404);
    expect(
      (
        await other.post(`/api/v1/projects/${quote.projectId}/reschedule`, {
          cause: 'mine',
          statusText: 'x',
          newTargetDate: '2026-12-30',
        })
      ).status,
    ).toBe(404);
    const steal = await other.post<ApiError>('/api/v1/payments', {
      clientId: client.id,
      amount: 100,
      receivedOn: '2026-11-20',
    });
    expect(steal.body.error.fields?.[0]).toMatchObject({ path: 'clientId', code: 'unknown_client' });
    expect((await api.get<{ items: PaymentItem[] }>('/api/v1/payment-items')).body.items.map((i) => i.status)).toEqual([
      'open',
    ]);
  });
});
