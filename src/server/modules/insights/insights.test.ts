import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { type Client, ZClient } from '../../../shared/schemas/clients.js';
import { ZCommitment } from '../../../shared/schemas/commitments.js';
import { ZCalendarFeed, ZCalendarFeedStatus, ZToday } from '../../../shared/schemas/insights.js';
import { ZInteractionCreated } from '../../../shared/schemas/interactions.js';
import { createClient, createQuote, sendQuote } from '../../testing/api-helpers.js';
import { createTestContext, type ApiClient, type TestContext, noContent } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

describe.each(testDialects())('Today and the calendar feed on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    client = await createClient(api, { name: 'גלריית הגפן' });
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const promise = (body: Record<string, unknown>) =>
    api.post('/api/v1/commitments', { clientId: client.id, ...body }, ZCommitment);

  it.skipIf(skip)('shows late first, then today by the hour, what clients owe, and who waits for a reply', async () => {
    ctx.clock.set('2026-11-20T08:00:00.000Z');
    await promise({ title: 'מלפני שבוע', dueDate: '2026-11-20', dueTime: '12:00' });
    ctx.clock.set('2026-11-23T10:00:00.000Z'); // Monday 12:00 in Israel
    await promise({ title: 'בבוקר', dueDate: '2026-11-23', dueTime: '09:00' });
    await promise({ title: 'בערב', dueDate: '2026-11-23', dueTime: '18:00' });
    await promise({ title: 'בצהריים', dueDate: '2026-11-23', dueTime: '14:00' });
    await promise({ title: 'כל היום', dueDate: '2026-11-23' });
    await promise({ title: 'מחר', dueDate: '2026-11-24', dueTime: '09:00' });
    await promise({ title: 'חומרים מהלקוח', direction: 'theirs', dueDate: '2026-11-22' });
    await api.post(
      '/api/v1/interactions',
      {
        clientId: client.id,
        channel: 'whatsapp',
        direction: 'in',
        occurredAt: '2026-11-23T09:00:00.000Z',
        summary: 'מתי נקבל סקיצות?',
      },
      ZInteractionCreated,
    );

    const today = await api.get('/api/v1/today', ZToday);
    expect(today.status).toBe(200);
    expect(today.body.date).toBe('2026-11-23');
    expect(today.body.mine.overdue.map((c) => c.title)).toEqual(['מלפני שבוע', 'בבוקר']);
    expect(today.body.mine.today.map((c) => c.title)).toEqual(['בצהריים', 'בערב', 'כל היום']);
    expect(today.body.theirs.overdue.map((c) => c.title)).toEqual(['חומרים מהלקוח']);
    expect(today.body.awaitingReply.map((i) => i.summary)).toEqual(['מתי נקבל סקיצות?']);
    expect(today.body.counts).toEqual({
      mineOverdue: 2,
      mineToday: 3,
      theirsOverdue: 1,
      theirsToday: 0,
      awaitingReply: 1,
      quotesWaiting: 0,
      greetings: 0,
      paymentsOverdue: 0,
      projectsStarted: 0,
    });
  });

  it.skipIf(skip)('lists quotes waiting for an answer and the greetings of the coming week', async () => {
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    await api.patch(
      `/api/v1/clients/${client.id}`,
      {
        importantDates: [
          { kind: 'birthday', month: 11, day: 27, year: 1980 },
          { kind: 'anniversary', month: 12, day: 15 },
        ],
      },
      ZClient,
    );
    const retired = await createClient(api, {
      name: 'לקוח לשעבר',
      status: 'let_go',
      importantDates: [{ kind: 'birthday', month: 11, day: 24 }],
    });
    expect(retired.status).toBe('let_go');
    // 1,000.00 and VAT: 1,180.00.
    const quote = await createQuote(api, client.id, {
      title: 'קטלוג',
      items: [{ description: 'עיצוב', quantity: 1, unitPrice: 100_000 }],
      discount: null,
    });
    await sendQuote(api, quote.id);
    const today = (await api.get('/api/v1/today', ZToday)).body;
    expect(today.quotesWaiting).toEqual([
      expect.objectContaining({
        number: '2026-001',
        clientName: 'גלריית הגפן',
        status: 'sent',
        total: 118_000,
        currency: 'ILS',
      }),
    ]);
    expect(today.greetings).toEqual([
      {
        clientId: client.id,
        clientName: 'גלריית הגפן',
        kind: 'birthday',
        label: null,
        date: '2026-11-27',
        years: 46,
        calendar: 'gregorian',
        hebrew: null,
      },
    ]);
    expect(today.counts).toMatchObject({ quotesWaiting: 1, greetings: 1 });
  });

  it.skipIf(skip)('keeps today visible behind a long backlog of late promises', async () => {
    ctx.clock.set('2026-11-01T08:00:00.000Z');
    const { createCommitment } = await import('../commitments/record-commitment.service.js');
    const { ZCreateCommitment } = await import('../../../shared/schemas/commitments.js');
    const scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    for (let i = 0; i < 205; i++)
      await createCommitment(
        ctx.deps,
        scope,
        ZCreateCommitment.parse({ clientId: client.id, title: `ישן ${i}`, dueDate: '2026-11-02' }),
      );
    await createCommitment(
      ctx.deps,
      scope,
      ZCreateCommitment.parse({ clientId: client.id, title: 'של היום', dueDate: '2026-11-23', dueTime: '18:00' }),
    );
    ctx.clock.set('2026-11-23T10:00:00.000Z');
    const today = (await api.get('/api/v1/today', ZToday)).body;
    expect(today.mine.overdue).toHaveLength(15);
    expect(today.mine.today.map((c) => c.title)).toEqual(['של היום']);
    expect(today.counts).toMatchObject({ mineOverdue: 205, mineToday: 1 });
  });

  it.skipIf(skip)('counts "today" by Israel time late at night', async () => {
    ctx.clock.set('2026-11-23T21:45:00.000Z'); // 23:45 Monday in Israel
    await promise({ title: 'עד חצות', dueDate: '2026-11-23', dueTime: '23:55' });
    await promise({ title: 'מחר בבוקר', dueDate: '2026-11-24', dueTime: '08:00' });
    const today = await api.get('/api/v1/today', ZToday);
    expect(today.body.date).toBe('2026-11-23');
    expect(today.body.mine.today.map((c) => c.title)).toEqual(['עד חצות']);
    ctx.clock.set('2026-11-23T22:05:00.000Z'); // 00:05 Tuesday
    const next = await api.get('/api/v1/today', ZToday);
    expect(next.body.date).toBe('2026-11-24');
    expect(next.body.mine.overdue.map((c) => c.title)).toEqual(['עד חצות']);
    expect(next.body.mine.today.map((c) => c.title)).toEqual(['מחר בבוקר']);
  });

  it.skipIf(skip)('serves a private ICS feed that an independent parser reads at the right local times', async () => {
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    await promise({ title: 'הצעת מחיר', dueDate: '2026-11-26', dueTime: '12:00' });
    await promise({ title: 'סקיצות', dueDate: '2026-11-27' });
    await promise({ title: 'לוגו', direction: 'theirs', dueDate: '2027-03-28', dueTime: '09:00' }); // summer time by then
    const done = (await promise({ title: 'כבר נעשה', dueDate: '2026-11-24' })).body;
    await api.post(`/api/v1/commitments/${done.id}/complete`, {}, ZCommitment);

    expect((await api.get('/api/v1/calendar-feed', ZCalendarFeedStatus)).body).toEqual({ enabled: false });
    const feed = await api.post('/api/v1/calendar-feed', undefined, ZCalendarFeed);
    expect(feed.status).toBe(201);
    expect((await api.get('/api/v1/calendar-feed', ZCalendarFeedStatus)).body).toEqual({ enabled: true });
    const path = new URL(feed.body.url).pathname;
    expect(path).toMatch(/^\/feeds\/calendar\/[\w-]{43}\.ics$/);
    const res = await ctx.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual([
      'הבטחתי לגלריית הגפן: הצעת מחיר',
      'הבטחתי לגלריית הגפן: סקיצות',
      'מחכה מגלריית הגפן: לוגו',
    ]);
    expect(
      events
        .find((e) => e.summary.includes('לוגו'))!
        .startDate.toJSDate()
        .toISOString(),
    ).toBe('2027-03-28T06:00:00.000Z');
    const quote = events.find((e) => e.summary.includes('הצעת מחיר'))!;
    expect(quote.startDate.toJSDate().toISOString()).toBe('2026-11-26T10:00:00.000Z'); // 12:00 in Israel
    const sketches = events.find((e) => e.summary.includes('סקיצות'))!;
    expect(sketches.startDate.isDate).toBe(true);
    expect(sketches.startDate.toString()).toBe('2026-11-27');

    // Regenerating replaces the URL; revoking ends it; a wrong token is a plain 404.
    const replaced = await api.post('/api/v1/calendar-feed', undefined, ZCalendarFeed);
    expect((await ctx.app.request(path)).status).toBe(404);
    await api.delete('/api/v1/calendar-feed', noContent);
    expect((await ctx.app.request(new URL(replaced.body.url).pathname)).status).toBe(404);
    expect((await ctx.app.request('/feeds/calendar/not-a-token.ics')).status).toBe(404);
  });
});
