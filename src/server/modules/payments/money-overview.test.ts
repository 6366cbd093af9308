import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMoneyOverview } from '../../../shared/schemas/money.js';
import { ZPayment, ZPaymentItem, ZTimeEntry } from '../../../shared/schemas/payments.js';
import { createClient } from '../../testing/api-helpers.js';
import { paymentInput, paymentItemInput } from '../../testing/factories.js';
import { createTestContext, noContent, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

describe.each(testDialects())('the money overview on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    // Tuesday 24 November 2026, 10:00 in Israel: the week began on Sunday the 22nd.
    ctx.clock.set('2026-11-24T08:00:00.000Z');
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function line(clientId: string, label: string, amount: number, dueDate: string) {
    const res = await api.post(
      '/api/v1/payment-items',
      paymentItemInput(clientId, { label, amount, dueDate }),
      ZPaymentItem,
    );
    expect(res.status).toBe(201);
    return res.body;
  }
  async function pay(clientId: string, amount: number, receivedOn: string, paymentItemId?: string) {
    const res = await api.post(
      '/api/v1/payments',
      paymentInput(clientId, { amount, receivedOn, ...(paymentItemId ? { paymentItemId } : {}) }),
      ZPayment,
    );
    expect(res.status).toBe(201);
  }
  async function logTime(clientId: string, date: string, minutes: number) {
    expect((await api.post('/api/v1/time-entries', { clientId, date, minutes }, ZTimeEntry)).status).toBe(201);
  }

  it.skipIf(skip)(
    'sums what each client owes (oldest debt first), the late lines with their days, this month and this week',
    async () => {
      const dana = await createClient(api, { name: 'דנה לוי' });
      const school = await createClient(api, { name: 'בית ספר ים' });
      const paidUp = await createClient(api, { name: 'מרכז הדר' });

      // Dana: 1,000.00 due on 1 November with 300.00 paid (23 days late), and 500.00 due in December.
      const deposit = await line(dana.id, 'מקדמה', 100_000, '2026-11-01');
      await pay(dana.id, 30_000, '2026-11-05', deposit.id);
      await line(dana.id, 'במסירה', 50_000, '2026-12-10');
      // The school: 200.00 due on 20 October (35 days late), and a line paid in full, late but settled.
      await line(school.id, 'סדנה', 20_000, '2026-10-20');
      const settled = await line(school.id, 'ייעוץ', 10_000, '2026-11-20');
      await pay(school.id, 10_000, '2026-11-21', settled.id);
      // Cancelled lines owe nothing; a payment on account last month is not this month's money.
      const cancelled = await line(paidUp.id, 'בוטל', 99_000, '2026-09-01');
      expect((await api.delete(`/api/v1/payment-items/${cancelled.id}`, noContent)).status).toBe(204);
      await pay(paidUp.id, 7_000, '2026-10-31');
      await pay(paidUp.id, 5_000, '2026-11-24');

      // Time: Sunday and today count; last Saturday and a running timer do not.
      await logTime(dana.id, '2026-11-22', 60);
      await logTime(school.id, '2026-11-24', 30);
      await logTime(dana.id, '2026-11-21', 45);
      expect((await api.post('/api/v1/timer/start', { clientId: dana.id }, ZTimeEntry)).status).toBe(201);

      // Another workspace's money and time never show.
      const other = await ctx.otherWorkspace();
      const stranger = await createClient(other.api, { name: 'דני זר' });
      await other.api.post(
        '/api/v1/payment-items',
        paymentItemInput(stranger.id, { amount: 1_000_000, dueDate: '2026-01-01' }),
        ZPaymentItem,
      );
      await other.api.post('/api/v1/payments', paymentInput(stranger.id, { receivedOn: '2026-11-10' }), ZPayment);
      await other.api.post(
        '/api/v1/time-entries',
        { clientId: stranger.id, date: '2026-11-23', minutes: 600 },
        ZTimeEntry,
      );

      const res = await api.get('/api/v1/money/overview', ZMoneyOverview);
      expect(res.status).toBe(200);
      const money = res.body;
      expect(money).toMatchObject({ currency: 'ILS', today: '2026-11-24' });
      expect(money.owed.clients).toEqual([
        {
          clientId: school.id,
          clientName: 'בית ספר ים',
          outstanding: 20_000,
          overdue: 20_000,
          oldestDueDate: '2026-10-20',
          lines: 1,
        },
        {
          clientId: dana.id,
          clientName: 'דנה לוי',
          outstanding: 120_000,
          overdue: 70_000,
          oldestDueDate: '2026-11-01',
          lines: 2,
        },
      ]);
      expect(money.owed.total).toBe(140_000);
      expect(money.late.items.map((i) => [i.clientName, i.label, i.outstanding, i.daysLate])).toEqual([
        ['בית ספר ים', 'סדנה', 20_000, 35],
        ['דנה לוי', 'מקדמה', 70_000, 23],
      ]);
      expect(money.late.total).toBe(90_000);
      expect(money.receivedThisMonth).toEqual({ from: '2026-11-01', total: 45_000, payments: 3 });
      expect(money.timeThisWeek).toEqual({ from: '2026-11-22', minutes: 90, entries: 2 });

      // The other workspace sees only its own.
      const theirs = (await other.api.get('/api/v1/money/overview', ZMoneyOverview)).body;
      expect(theirs.owed.clients.map((c) => c.clientName)).toEqual(['דני זר']);
      expect(theirs.receivedThisMonth.total).toBe(100_000);
      expect(theirs.timeThisWeek.minutes).toBe(600);
    },
  );

  it.skipIf(skip)('days follow Israel time: after midnight there, a line due yesterday is a day later', async () => {
    const client = await createClient(api, { name: 'דנה לוי' });
    await line(client.id, 'מקדמה', 10_000, '2026-11-23');
    expect((await api.get('/api/v1/money/overview', ZMoneyOverview)).body.late.items[0]?.daysLate).toBe(1);
    // 00:30 on 25 November in Israel, still the 24th in UTC.
    ctx.clock.set('2026-11-24T22:30:00.000Z');
    const money = (await api.get('/api/v1/money/overview', ZMoneyOverview)).body;
    expect(money.today).toBe('2026-11-25');
    expect(money.late.items[0]?.daysLate).toBe(2);
  });

  it.skipIf(skip)('an empty workspace owes and earned nothing', async () => {
    const money = (await api.get('/api/v1/money/overview', ZMoneyOverview)).body;
    expect(money.owed).toEqual({ total: 0, clients: [] });
    expect(money.late).toEqual({ total: 0, items: [] });
    expect(money.receivedThisMonth.total).toBe(0);
    expect(money.timeThisWeek).toEqual({ from: '2026-11-22', minutes: 0, entries: 0 });
  });
});
