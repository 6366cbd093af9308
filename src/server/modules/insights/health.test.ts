import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZConflict, ZIncident } from '../../../shared/schemas/care.js';
import { ZClient, type Client } from '../../../shared/schemas/clients.js';
import { ZCommitment } from '../../../shared/schemas/commitments.js';
import {
  ZClientHealth,
  ZClientHealthList,
  ZInsightsOverview,
  type HealthSignal,
} from '../../../shared/schemas/insights.js';
import { ZInteractionCreated } from '../../../shared/schemas/interactions.js';
import { ZPayment, ZPaymentItem, ZPaymentItemList, ZTimeEntry } from '../../../shared/schemas/payments.js';
import { ZChangeRequest } from '../../../shared/schemas/projects.js';
import { ZQuote, ZQuoteSent } from '../../../shared/schemas/quotes.js';
import { clientInput, setupInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { createWorkspaceWithOwner } from '../accounts/accounts.service.js';

/** Monday 23 November 2026, 10:00 in Israel: "now" for every figure below. */
const NOW = '2026-11-23T08:00:00.000Z';

/**
 * Fixed data with known answers. Four active clients in my workspace:
 * - גלריית הגפן (the sour one): 900 min of time entries + 45 + 75 min of calls = 1,020 min (17 h); a
 *   quote of 3,000 ₪ + 18% VAT = 354,000 agorot accepted, half paid 5 days late, and a 500 ₪ line
 *   22 days overdue; three after-hours contacts; two out-of-scope requests; my promise broken, my
 *   promise kept late, theirs broken; an open mistake (500 ₪ compensation) and an open conflict.
 * - מאפיית אור, סטודיו כרמל, משרד נוף: 4, 5 and 6 hours, paid 60,000 / 60,000 / 90,000 agorot an hour;
 *   כרמל never contacted, נוף not since 1 September.
 * A paused client and another workspace have data of their own that must not count.
 */
async function seed(ctx: TestContext, api: ApiClient) {
  const ids: Record<string, string> = {};
  ctx.clock.set('2026-08-01T08:00:00.000Z');
  const client = async (name: string, status: Client['status'] = 'active') =>
    (await api.post('/api/v1/clients', clientInput({ name, status }), ZClient)).body.id;
  const sour = await client('גלריית הגפן');
  const bakery = await client('מאפיית אור');
  const studio = await client('סטודיו כרמל');
  const office = await client('משרד נוף');
  const paused = await client('לקוח בהפסקה', 'paused');

  // Accepted on 1 October: 300,000 + 18% VAT, paid in two halves.
  ctx.clock.set('2026-10-01T08:00:00.000Z');
  const draft = (
    await api.post(
      '/api/v1/quotes',
      {
        clientId: sour,
        title: 'תערוכה',
        items: [{ description: 'עיצוב תערוכה', quantity: 1, unitPrice: 300_000 }],
        validUntil: '2026-12-31',
        terms: { clientObligations: [], revisionRounds: null },
      },
      ZQuote,
    )
  ).body;
  const sent = (
    await api.post(`/api/v1/quotes/${draft.id}/send`, { channel: 'whatsapp', body: '{{link}}' }, ZQuoteSent)
  ).body;
  expect(sent.url).toEqual(expect.any(String));
  await ctx.app.request(`${new URL(sent.url!).pathname}/accept`, {
    method: 'POST',
    body: new URLSearchParams({ name: 'הגפן', agree: 'yes' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const quote = (await api.get(`/api/v1/quotes/${draft.id}`, ZQuote)).body;
  const schedule = (
    await api.post(
      '/api/v1/payment-items/from-quote',
      {
        quoteId: quote.id,
        parts: [
          { label: 'מקדמה', percent: 50, dueDate: '2026-10-15' },
          { label: 'במסירה', percent: 50, dueDate: '2026-12-15' },
        ],
      },
      ZPaymentItemList,
    )
  ).body.items;
  ids.deposit = schedule[0]!.id;

  ctx.clock.set(NOW);
  await api.post(
    '/api/v1/payments',
    { clientId: sour, paymentItemId: ids.deposit, amount: 177_000, receivedOn: '2026-10-20' },
    ZPayment,
  );
  ids.consulting = (
    await api.post(
      '/api/v1/payment-items',
      { clientId: sour, label: 'ייעוץ', amount: 50_000, dueDate: '2026-11-01' },
      ZPaymentItem,
    )
  ).body.id;

  const time = (clientId: string, date: string, minutes: number) =>
    api.post('/api/v1/time-entries', { clientId, date, minutes }, ZTimeEntry);
  await time(sour, '2026-11-01', 600);
  await time(sour, '2026-11-10', 300);
  await time(sour, '2026-08-01', 120); // before the 90 days
  await time(bakery, '2026-11-02', 240);
  await time(studio, '2026-11-03', 300);
  await time(office, '2026-11-04', 360);
  await time(paused, '2026-11-04', 6000 / 5);
  const pay = (clientId: string, amount: number, receivedOn: string) =>
    api.post('/api/v1/payments', { clientId, amount, receivedOn }, ZPayment);
  await pay(bakery, 240_000, '2026-11-02');
  await pay(studio, 300_000, '2026-11-03');
  await pay(office, 540_000, '2026-11-04');
  await pay(paused, 1_000, '2026-11-04');

  const contact = async (clientId: string, body: Record<string, unknown>) =>
    (await api.post('/api/v1/interactions', { clientId, ...body }, ZInteractionCreated)).body.interaction;
  await contact(sour, { channel: 'whatsapp', direction: 'in', occurredAt: '2026-08-10T08:00:00.000Z' }); // before
  ids.call = (
    await contact(sour, {
      channel: 'phone',
      direction: 'in',
      occurredAt: '2026-11-16T08:00:00.000Z',
      durationMinutes: 45,
    })
  ).id;
  ids.meeting = (
    await contact(sour, {
      channel: 'meeting',
      direction: 'out',
      occurredAt: '2026-11-18T12:00:00.000Z',
      durationMinutes: 75,
    })
  ).id;
  // Tuesday 21:30, Thursday 06:00 and Saturday 11:00 in Israel: outside the agreed hours.
  ids.tuesdayNight = (
    await contact(sour, { channel: 'whatsapp', direction: 'in', occurredAt: '2026-11-17T19:30:00.000Z' })
  ).id;
  ids.thursdayDawn = (
    await contact(sour, { channel: 'whatsapp', direction: 'in', occurredAt: '2026-11-19T04:00:00.000Z' })
  ).id;
  ids.shabbat = (
    await contact(sour, { channel: 'whatsapp', direction: 'in', occurredAt: '2026-11-21T09:00:00.000Z' })
  ).id;
  await contact(bakery, { channel: 'whatsapp', direction: 'out', occurredAt: '2026-11-20T08:00:00.000Z' });
  ids.officeLast = (
    await contact(office, { channel: 'email', direction: 'out', occurredAt: '2026-09-01T08:00:00.000Z' })
  ).id;
  await contact(paused, { channel: 'whatsapp', direction: 'in', occurredAt: '2026-11-21T20:00:00.000Z' });

  // Asked for extras twice (Wednesday and Thursday 10:00, in hours), on the project the quote opened.
  const extra = async (what: string, requestedAt: string) =>
    (
      await api.post(
        `/api/v1/projects/${quote.projectId}/change-requests`,
        { what, channel: 'whatsapp', requestedAt },
        ZChangeRequest,
      )
    ).body.id;
  ids.extra1 = await extra('עוד פוסטר', '2026-11-04T08:00:00.000Z');
  ids.extra2 = await extra('גם הזמנות', '2026-11-05T08:00:00.000Z');

  const promise = async (body: Record<string, unknown>) =>
    (await api.post('/api/v1/commitments', { clientId: sour, ...body }, ZCommitment)).body.id;
  ids.mineBroken = await promise({ title: 'סקיצות', dueDate: '2026-11-10', dueTime: '12:00' });
  ids.mineLate = await promise({ title: 'קבצים לדפוס', dueDate: '2026-11-12' });
  await api.post(
    `/api/v1/commitments/${ids.mineLate}/complete`,
    { completedAt: '2026-11-14T10:00:00.000Z' },
    ZCommitment,
  );
  const kept = await promise({ title: 'הדמיה', dueDate: '2026-11-15' });
  await api.post(`/api/v1/commitments/${kept}/complete`, { completedAt: '2026-11-14T10:00:00.000Z' }, ZCommitment);
  ids.theirsBroken = await promise({ title: 'לוגו בקבצים', direction: 'theirs', dueDate: '2026-11-05' });
  const cancelled = await promise({ title: 'בוטל', dueDate: '2026-11-06' });
  await api.post(`/api/v1/commitments/${cancelled}/cancel`, undefined, ZCommitment);
  await promise({ title: 'מלפני התקופה', dueDate: '2026-08-10' });

  ctx.clock.set('2026-11-11T08:00:00.000Z');
  ids.incident = (
    await api.post(
      '/api/v1/care/incidents',
      { clientId: sour, title: 'טעות בהדפסה', compensation: 'הדפסה חוזרת', compensationAmount: 50_000 },
      ZIncident,
    )
  ).body.id;
  ids.conflict = (
    await api.post('/api/v1/care/conflicts', { clientId: sour, topic: 'costs', position: 'יקר מדי' }, ZConflict)
  ).body.id;
  ctx.clock.set(NOW);

  // Another workspace, busy in the same days: none of it may count here.
  await createWorkspaceWithOwner(ctx.deps, setupInput({ owner: { email: 'other@example.com' } }));
  const other = ctx.client();
  await other.post('/api/v1/auth/login', { email: 'other@example.com', password: 'correct horse battery' }, ZMe);
  const theirs = (await other.post('/api/v1/clients', clientInput({ name: 'לקוח של אחרים' }), ZClient)).body.id;
  await other.post('/api/v1/time-entries', { clientId: theirs, date: '2026-11-05', minutes: 1000 }, ZTimeEntry);
  await other.post('/api/v1/payments', { clientId: theirs, amount: 10_000, receivedOn: '2026-11-05' }, ZPayment);
  await other.post(
    '/api/v1/interactions',
    { clientId: theirs, channel: 'whatsapp', direction: 'in', occurredAt: '2026-11-21T20:00:00.000Z' },
    ZInteractionCreated,
  );
  return { ids, sour, bakery, studio, office, paused, other, quote };
}

describe.each(testDialects())('client health on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let data: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    data = await seed(ctx, api);
  }, 60_000);
  afterAll(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('adds up revenue against effort, and the effective rate, for one client', async () => {
    const res = await api.get(`/api/v1/insights/clients/${data.sour}/health?period=90`, ZClientHealth);
    expect(res.status).toBe(200);
    const h = res.body;
    expect(h).toMatchObject({
      clientId: data.sour,
      clientName: 'גלריית הגפן',
      clientStatus: 'active',
      period: 90,
      from: '2026-08-25T08:00:00.000Z',
      to: NOW,
      currency: 'ILS',
      // Received 177,000; accepted 354,000 + the 50,000 line − 177,000 paid = 227,000 still owed.
      revenue: { received: 177_000, acceptedUnpaid: 227_000 },
      effort: { timeMinutes: 900, contactMinutes: 120, totalMinutes: 1020, hours: 17 },
      // 177,000 × 60 ÷ 1,020 = 10,411.8; (177,000 + 227,000) × 60 ÷ 1,020 = 23,764.7. Median of
      // 23,765 · 60,000 · 60,000 · 90,000 = 60,000.
      rate: { received: 10_412, withAccepted: 23_765, workspaceMedian: 60_000 },
      // In the period: the quote sent (logged), 2 calls, 3 after hours, 2 requests = 8; × 30 ÷ 90.
      contacts: {
        count: 8,
        perMonth: 2.7,
        afterHours: 3,
        lastContactAt: '2026-11-21T09:00:00.000Z',
        daysSinceLastContact: 1,
      },
      outOfScopeRequests: 2,
      promises: { mine: { broken: 1, keptLate: 1 }, theirs: { broken: 1, keptLate: 0 } },
      // The deposit 5 days late (15 → 20 October), the consulting line unpaid 22 days (1 → 23 November).
      payments: { late: 2, daysLate: 27 },
      care: { openIncidents: 1, openConflicts: 1, compensation: 50_000 },
    });
  });

  it.skipIf(skip)('names every warning sign with its evidence, and the score with every reason', async () => {
    const h = (await api.get(`/api/v1/insights/clients/${data.sour}/health?period=90`, ZClientHealth)).body;
    const { ids } = data;
    const signal = (kind: HealthSignal['signal']) => h.signals.find((s) => s.signal === kind);
    expect(h.signals.map((s) => [s.signal, s.severity, s.points])).toEqual([
      ['not_worth_it', 'high', 25],
      ['high_effort', 'high', 18],
      ['promises_broken', 'medium', 16],
      ['asks_extras', 'medium', 10],
      ['after_hours', 'medium', 9],
    ]);
    expect(signal('not_worth_it')!.reasons).toEqual([
      {
        signal: 'not_worth_it',
        reason: 'rate_vs_median',
        points: 20,
        params: { rate: 23_765, medianRate: 60_000, ratio: 0.4, threshold: 0.5 },
      },
      // 2 × 3 = 6, but the signal takes at most 25.
      { signal: 'not_worth_it', reason: 'late_payments', points: 5, params: { count: 2, daysLate: 27, each: 3 } },
    ]);
    expect(signal('not_worth_it')!.evidence).toEqual([
      // Each row says when it happened: here the payment's due day.
      { kind: 'payment_item', id: ids.consulting, reason: 'late_payments', at: '2026-11-01' },
      { kind: 'payment_item', id: ids.deposit, reason: 'late_payments', at: '2026-10-15' },
    ]);
    // 1,020 minutes against a median of (300 + 360) ÷ 2 = 330: 3.09 times the typical client.
    expect(signal('high_effort')!.reasons).toEqual([
      {
        signal: 'high_effort',
        reason: 'effort_vs_median',
        points: 10,
        params: { minutes: 1020, medianMinutes: 330, ratio: 3.09, threshold: 2 },
      },
      { signal: 'high_effort', reason: 'open_conflicts', points: 5, params: { count: 1, each: 5 } },
      { signal: 'high_effort', reason: 'open_incidents', points: 3, params: { count: 1, each: 3 } },
    ]);
    expect(signal('high_effort')!.evidence).toEqual([
      { kind: 'conflict', id: ids.conflict, reason: 'open_conflicts', at: '2026-11-11T08:00:00.000Z' },
      { kind: 'incident', id: ids.incident, reason: 'open_incidents', at: '2026-11-11T08:00:00.000Z' },
    ]);
    expect(signal('promises_broken')!.reasons.map((r) => [r.reason, r.points, r.params])).toEqual([
      ['mine_broken', 8, { count: 1, each: 8 }],
      ['mine_kept_late', 4, { count: 1, each: 4 }],
      ['theirs_broken', 4, { count: 1, each: 4 }],
    ]);
    expect(signal('promises_broken')!.evidence).toEqual([
      // A promise's deadline: 12:00 in Israel; a day without a time ends with that day there.
      { kind: 'commitment', id: ids.mineBroken, reason: 'mine_broken', at: '2026-11-10T10:00:00.000Z' },
      { kind: 'commitment', id: ids.mineLate, reason: 'mine_kept_late', at: '2026-11-12T21:59:59.999Z' },
      { kind: 'commitment', id: ids.theirsBroken, reason: 'theirs_broken', at: '2026-11-05T21:59:59.999Z' },
    ]);
    expect(signal('asks_extras')!.evidence).toEqual([
      { kind: 'change_request', id: ids.extra1, reason: 'out_of_scope', at: '2026-11-04T08:00:00.000Z' },
      { kind: 'change_request', id: ids.extra2, reason: 'out_of_scope', at: '2026-11-05T08:00:00.000Z' },
    ]);
    expect(signal('after_hours')!.reasons[0]!.params).toEqual({ count: 3, each: 3, threshold: 2 });
    expect(signal('after_hours')!.evidence.map((e) => [e.id, e.at])).toEqual([
      [ids.shabbat, '2026-11-21T09:00:00.000Z'],
      [ids.thursdayDawn, '2026-11-19T04:00:00.000Z'],
      [ids.tuesdayNight, '2026-11-17T19:30:00.000Z'],
    ]);
    expect(signal('long_silence')).toBeUndefined();

    // 100 − (25 + 18 + 16 + 10 + 9) = 22, and the reasons add up to exactly what was taken.
    expect(h.score.value).toBe(22);
    expect(h.score.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(78);
    expect(h.score.reasons).toEqual(h.signals.flatMap((s) => s.reasons));
  });

  it.skipIf(skip)('says too much time passed since the last contact with an active client', async () => {
    const office = (await api.get(`/api/v1/insights/clients/${data.office}/health?period=90`, ZClientHealth)).body;
    expect(office.contacts).toMatchObject({
      count: 1,
      lastContactAt: '2026-09-01T08:00:00.000Z',
      daysSinceLastContact: 83,
    });
    expect(office.signals).toEqual([
      {
        signal: 'long_silence',
        severity: 'high',
        points: 20,
        reasons: [{ signal: 'long_silence', reason: 'silent_days', points: 20, params: { days: 83, threshold: 60 } }],
        evidence: [
          { kind: 'interaction', id: data.ids.officeLast, reason: 'silent_days', at: '2026-09-01T08:00:00.000Z' },
        ],
      },
    ]);
    expect(office.score.value).toBe(80);
    const studio = (await api.get(`/api/v1/insights/clients/${data.studio}/health?period=90`, ZClientHealth)).body;
    // Never contacted: counted from the day the client was added (1 August).
    expect(studio.signals.map((s) => s.reasons)).toEqual([
      [{ signal: 'long_silence', reason: 'never_contacted', points: 20, params: { days: 114, threshold: 60 } }],
    ]);
    const bakery = (await api.get(`/api/v1/insights/clients/${data.bakery}/health?period=90`, ZClientHealth)).body;
    expect(bakery).toMatchObject({ signals: [], score: { value: 100, reasons: [] }, rate: { received: 60_000 } });
    // A paused client is not expected to hear from me: no silence, and it is no peer of the medians.
    const paused = (await api.get(`/api/v1/insights/clients/${data.paused}/health?period=90`, ZClientHealth)).body;
    expect(paused).toMatchObject({
      clientStatus: 'paused',
      rate: { workspaceMedian: 60_000 },
      effort: { totalMinutes: 1200 },
    });
    expect(paused.signals.map((s) => s.signal)).not.toContain('long_silence');
  });

  it.skipIf(skip)('follows the period: 30 days leave the October payments and the early time out', async () => {
    const h = (await api.get(`/api/v1/insights/clients/${data.sour}/health?period=30`, ZClientHealth)).body;
    expect(h).toMatchObject({
      from: '2026-10-24T08:00:00.000Z',
      revenue: { received: 0, acceptedUnpaid: 227_000 },
      effort: { totalMinutes: 1020 },
      payments: { late: 1, daysLate: 22 },
      contacts: { count: 7, perMonth: 7 },
    });
  });

  it.skipIf(skip)('lists active clients by score, sorts, filters and pages them', async () => {
    const list = await api.get('/api/v1/insights/health?period=90', ZClientHealthList);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ period: 90, currency: 'ILS', medianRate: 60_000, total: 4 });
    expect(list.body.items.map((r) => [r.clientName, r.score])).toEqual([
      ['גלריית הגפן', 22],
      ['משרד נוף', 80],
      ['סטודיו כרמל', 80],
      ['מאפיית אור', 100],
    ]);
    expect(list.body.items[0]).toEqual({
      clientId: data.sour,
      clientName: 'גלריית הגפן',
      score: 22,
      signals: [
        { signal: 'not_worth_it', severity: 'high', points: 25 },
        { signal: 'high_effort', severity: 'high', points: 18 },
        { signal: 'promises_broken', severity: 'medium', points: 16 },
      ],
      revenue: { received: 177_000, acceptedUnpaid: 227_000 },
      hours: 17,
      rate: { received: 10_412, withAccepted: 23_765 },
    });
    const names = async (query: string) =>
      (await api.get(`/api/v1/insights/health?${query}`, ZClientHealthList)).body.items.map((r) => r.clientName);
    expect(await names('sort=rate')).toEqual(['גלריית הגפן', 'מאפיית אור', 'סטודיו כרמל', 'משרד נוף']);
    expect(await names('sort=hours')).toEqual(['גלריית הגפן', 'משרד נוף', 'סטודיו כרמל', 'מאפיית אור']);
    expect(await names('sort=revenue&dir=asc')).toEqual(['גלריית הגפן', 'מאפיית אור', 'סטודיו כרמל', 'משרד נוף']);
    expect(await names('filter=long_silence')).toEqual(['משרד נוף', 'סטודיו כרמל']);
    expect(await names('filter=at_risk')).toEqual(['גלריית הגפן']);
    expect(await names('filter=with_signals&sort=name')).toEqual(['גלריית הגפן', 'משרד נוף', 'סטודיו כרמל']);
    const page = (await api.get('/api/v1/insights/health?limit=2&offset=1', ZClientHealthList)).body;
    expect([page.total, page.items.map((r) => r.clientName)]).toEqual([4, ['משרד נוף', 'סטודיו כרמל']]);
    // The client list's "by health" views: a filter, a sort and a page together, counted before paging.
    const signsPage = (
      await api.get('/api/v1/insights/health?filter=with_signals&sort=score&limit=1&offset=1', ZClientHealthList)
    ).body;
    expect([signsPage.total, signsPage.items.map((r) => [r.clientName, r.score])]).toEqual([3, [['משרד נוף', 80]]]);
    const pastEnd = (await api.get('/api/v1/insights/health?filter=at_risk&limit=5&offset=1', ZClientHealthList)).body;
    expect([pastEnd.total, pastEnd.items]).toEqual([1, []]);
    const badSort = await api.get('/api/v1/insights/health?sort=mood', ZClientHealthList);
    expect(badSort.status).toBe(422);
    expect(badSort.error.code).toBe('validation_failed');
    expect(badSort.error.fields).toEqual([expect.objectContaining({ path: 'sort' })]);
    const badPeriod = await api.get('/api/v1/insights/health?period=7', ZClientHealthList);
    expect(badPeriod.status).toBe(422);
    expect(badPeriod.error.code).toBe('validation_failed');
    expect(badPeriod.error.fields).toEqual([expect.objectContaining({ path: 'period' })]);
  });

  it.skipIf(skip)(
    'draws the Insights page: revenue against effort, money owed by month, who costs the most energy',
    async () => {
      const res = await api.get('/api/v1/insights/overview?period=90', ZInsightsOverview);
      expect(res.status).toBe(200);
      const o = res.body;
      expect(o.revenueVsEffort.map((r) => [r.clientName, r.received, r.acceptedUnpaid, r.hours, r.rate])).toEqual([
        ['גלריית הגפן', 177_000, 227_000, 17, 23_765],
        ['מאפיית אור', 240_000, 0, 4, 60_000],
        ['משרד נוף', 540_000, 0, 6, 90_000],
        ['סטודיו כרמל', 300_000, 0, 5, 60_000],
      ]);
      // October: the quote (354,000) accepted, the deposit (177,000) received; November: the 500 ₪ line
      // charged, 1,080,000 + 1,000 (the paused client) received. Owed at each month's end.
      expect(o.moneyOwed.slice(-3)).toEqual([
        { month: '2026-09', accepted: 0, received: 0, owed: 0 },
        { month: '2026-10', accepted: 354_000, received: 177_000, owed: 177_000 },
        { month: '2026-11', accepted: 50_000, received: 1_081_000, owed: 0 },
      ]);
      expect(o.moneyOwed).toHaveLength(12);
      // My promises due in the 90 days: one kept, one kept late, one broken (the cancelled one is not counted).
      expect(o.wordKeeping.rate).toBe(0.333);
      expect(o.wordKeeping.weekly).toHaveLength(12);
      // Energy = effort minutes + 5 per contact: 1,020 + 8 × 5; 360 + 5; 300; 240 + 5.
      expect(o.costsMostEnergy.map((r) => [r.clientName, r.energyMinutes, r.nextStep, r.because])).toEqual([
        [
          'גלריית הגפן',
          1060,
          'let_go',
          ['not_worth_it', 'high_effort', 'promises_broken', 'asks_extras', 'after_hours'],
        ],
        ['משרד נוף', 365, 'talk_terms', ['long_silence']],
        ['סטודיו כרמל', 300, 'talk_terms', ['long_silence']],
        ['מאפיית אור', 245, 'talk_terms', []],
      ]);
    },
  );

  it.skipIf(skip)('answers 404 for an unknown client and for another workspace’s', async () => {
    const unknown = await api.get(
      '/api/v1/insights/clients/0197a4c2-7b1e-7c3a-9f10-2a4b6c8d0e1f/health',
      ZClientHealth,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.error.code).toBe('not_found');
    const notTheirs = await data.other.get(`/api/v1/insights/clients/${data.sour}/health`, ZClientHealth);
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.error.code).toBe('not_found');
    const theirs = (await data.other.get('/api/v1/insights/health', ZClientHealthList)).body;
    expect(theirs.items.map((r) => [r.clientName, r.hours, r.revenue.received])).toEqual([
      ['לקוח של אחרים', 16.67, 10_000],
    ]);
    const anonymous = await ctx.client().get('/api/v1/insights/health', ZClientHealthList);
    expect(anonymous.status).toBe(401);
    expect(anonymous.error.code).toBe('unauthenticated');
  });
});
