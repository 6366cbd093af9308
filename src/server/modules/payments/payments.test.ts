import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/schemas/clients.js';
import { ZToday } from '../../../shared/schemas/insights.js';
import { ZMessageComposed } from '../../../shared/schemas/messages.js';
import {
  ZClientBalance,
  ZPayment,
  ZPaymentItem,
  ZPaymentItemList,
  ZRunningTimer,
  ZTimeEntry,
  ZTimeEntryList,
} from '../../../shared/schemas/payments.js';
import { ZProjectList, ZProject, ZRescheduled } from '../../../shared/schemas/projects.js';
import type { Quote } from '../../../shared/schemas/quotes.js';
import { acceptedQuote, createClient, createQuote } from '../../testing/api-helpers.js';
import { paymentInput, paymentItemInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext, noContent } from '../../testing/test-app.js';
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
    client = await createClient(api, { name: 'מרכז הדר' });
    // 3,333.33 before VAT: a total that does not split evenly.
    quote = await acceptedQuote(
      api,
      client.id,
      { title: 'מיתוג', items: [{ description: 'לוגו', quantity: 1, unitPrice: 333_333 }], discount: null },
      'הדר',
    );
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)(
    'splits an accepted quote 50/50 to the agora, takes partial payments, and knows what is overdue by Israel time',
    async () => {
      expect(quote.current.totals.total).toBe(393_333);
      const schedule = await api.post(
        '/api/v1/payment-items/from-quote',
        {
          quoteId: quote.id,
          parts: [
            { label: 'מקדמה', percent: 50, dueDate: '2026-11-23' },
            { label: 'במסירה', percent: 50, dueDate: '2026-12-15' },
          ],
        },
        ZPaymentItemList,
      );
      expect(schedule.status).toBe(201);
      expect(schedule.body.items.map((i) => i.amount)).toEqual([196_667, 196_666]);
      expect(schedule.body.items.reduce((s, i) => s + i.amount, 0)).toBe(quote.current.totals.total);
      const [deposit] = schedule.body.items;

      // The factory's payment: 1,000.00 by bank transfer on the 23rd.
      const partial = await api.post(
        '/api/v1/payments',
        paymentInput(client.id, { paymentItemId: deposit!.id }),
        ZPayment,
      );
      expect(partial.status).toBe(201);
      let items = (await api.get(`/api/v1/payment-items?clientId=${client.id}`, ZPaymentItemList)).body.items;
      expect(items[0]).toMatchObject({ received: 100_000, outstanding: 96_667, status: 'partial' });

      // 00:30 on 24 November in Israel (still the 23rd in UTC): the deposit is now overdue.
      ctx.clock.set('2026-11-23T22:30:00.000Z');
      items = (await api.get('/api/v1/payment-items?state=overdue', ZPaymentItemList)).body.items;
      expect(items.map((i) => [i.label, i.status, i.outstanding])).toEqual([['מקדמה', 'overdue', 96_667]]);
      const today = (await api.get('/api/v1/today', ZToday)).body;
      expect(today.paymentsOverdue.map((i) => i.label)).toEqual(['מקדמה']);
      expect(today.counts.paymentsOverdue).toBe(1);
      const reminder = (await api.post(`/api/v1/payment-items/${deposit!.id}/reminder`, undefined, ZMessageComposed))
        .body;
      expect(reminder.body).toContain('"מקדמה"');
      expect(reminder.body.replace(/[^\d.,]/g, ' ')).toContain('966.67');

      await api.post(
        '/api/v1/payments',
        paymentInput(client.id, { paymentItemId: deposit!.id, amount: 96_667, receivedOn: '2026-11-24' }),
        ZPayment,
      );
      const balance = (await api.get(`/api/v1/clients/${client.id}/balance`, ZClientBalance)).body;
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
    const schedule = (quoteId: string, parts: { label: string; percent: number; dueDate: string }[]) =>
      api.post('/api/v1/payment-items/from-quote', { quoteId, parts }, ZPaymentItemList);
    const bad = await schedule(quote.id, [
      { label: 'א', percent: 60, dueDate: '2026-12-01' },
      { label: 'ב', percent: 30, dueDate: '2026-12-01' },
    ]);
    expect(bad.error.fields?.[0]).toMatchObject({ path: 'parts', code: 'parts_sum' });
    const draft = await createQuote(api, client.id, { title: 'טיוטה' });
    const notAccepted = await schedule(draft.id, [{ label: 'הכול', percent: 100, dueDate: '2026-12-01' }]);
    expect(notAccepted.error.fields?.[0]).toMatchObject({ path: 'quoteId', code: 'quote_not_accepted' });
    const payment = await api.post(
      '/api/v1/payments',
      paymentInput(client.id, { amount: 0, receivedOn: '2026-12-30' }),
      ZPayment,
    );
    expect(payment.error.fields?.map((f) => `${f.path}:${f.code}`)).toEqual(['amount:too_small']);
    const future = await api.post(
      '/api/v1/payments',
      paymentInput(client.id, { amount: 100, receivedOn: '2026-12-30' }),
      ZPayment,
    );
    expect(future.error.fields?.[0]).toMatchObject({ path: 'receivedOn', code: 'in_future' });
  });

  it.skipIf(skip)('runs a timer that survives a reload, logs time by hand, and sums it', async () => {
    const started = await api.post(
      '/api/v1/timer/start',
      { clientId: client.id, projectId: quote.projectId, note: 'סקיצות' },
      ZTimeEntry,
    );
    expect(started.body).toMatchObject({ running: true, projectId: quote.projectId });
    ctx.clock.advance(95 * 60_000);
    expect((await api.get('/api/v1/timer', ZRunningTimer)).body.running?.id).toBe(started.body.id);
    const stopped = await api.post('/api/v1/timer/stop', undefined, ZTimeEntry);
    expect(stopped.body).toMatchObject({ running: false, minutes: 95 });
    const stoppedAgain = await api.post('/api/v1/timer/stop', undefined, ZTimeEntry);
    expect(stoppedAgain.status).toBe(409);
    expect(stoppedAgain.error.code).toBe('conflict');

    const manual = await api.post(
      '/api/v1/time-entries',
      { clientId: client.id, date: '2026-11-22', minutes: 45, note: 'שיחת טלפון ארוכה' },
      ZTimeEntry,
    );
    expect(manual.body.startedAt).toBe('2026-11-22T10:00:00.000Z');
    await api.patch(`/api/v1/time-entries/${manual.body.id}`, { minutes: 50 }, ZTimeEntry);
    const list = (await api.get(`/api/v1/time-entries?clientId=${client.id}`, ZTimeEntryList)).body;
    expect(list.totalMinutes).toBe(145);
    await api.delete(`/api/v1/time-entries/${manual.body.id}`, noContent);
    expect((await api.get(`/api/v1/time-entries?clientId=${client.id}`, ZTimeEntryList)).body.totalMinutes).toBe(95);
  });

  it.skipIf(skip)('keeps projects, money and time inside their workspace', async () => {
    const item = (await api.post('/api/v1/payment-items', paymentItemInput(client.id), ZPaymentItem)).body;
    const entry = (
      await api.post('/api/v1/time-entries', { clientId: client.id, date: '2026-11-22', minutes: 30 }, ZTimeEntry)
    ).body;
    const { api: other } = await ctx.otherWorkspace();
    expect((await other.get(`/api/v1/projects/${quote.projectId}`, ZProject)).status).toBe(404);
    expect((await other.get('/api/v1/projects', ZProjectList)).body.items).toEqual([]);
    expect((await other.get('/api/v1/payment-items', ZPaymentItemList)).body.items).toEqual([]);
    expect((await other.get(`/api/v1/clients/${client.id}/balance`, ZClientBalance)).status).toBe(404);
    expect((await other.delete(`/api/v1/payment-items/${item.id}`, noContent)).status).toBe(404);
    expect((await other.patch(`/api/v1/time-entries/${entry.id}`, { minutes: 1 }, ZTimeEntry)).status).toBe(404);
    expect(
      (
        await other.post(
          `/api/v1/projects/${quote.projectId}/reschedule`,
          {
            cause: 'mine',
            statusText: 'x',
            newTargetDate: '2026-12-30',
          },
          ZRescheduled,
        )
      ).status,
    ).toBe(404);
    const steal = await other.post(
      '/api/v1/payments',
      paymentInput(client.id, { amount: 100, receivedOn: '2026-11-20' }),
      ZPayment,
    );
    expect(steal.error.fields?.[0]).toMatchObject({ path: 'clientId', code: 'unknown_client' });
    expect((await api.get('/api/v1/payment-items', ZPaymentItemList)).body.items.map((i) => i.status)).toEqual([
      'open',
    ]);
  });
});
