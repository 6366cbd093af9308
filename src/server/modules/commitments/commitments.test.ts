import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZClient, type Client } from '../../../shared/schemas/clients.js';
import { ZCommitment, ZCommitmentList, ZWordKeeping, type Commitment } from '../../../shared/schemas/commitments.js';
import { ZToday } from '../../../shared/schemas/insights.js';
import { ZInteractionCreated } from '../../../shared/schemas/interactions.js';
import { ZRenegotiated } from '../../../shared/schemas/messages.js';
import { ZWebhookEndpointCreated } from '../../../shared/schemas/webhooks.js';
import { createClient } from '../../testing/api-helpers.js';
import { clientInput, setupInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { promisesBroken } from './commitments.service.js';

describe.each(testDialects())('commitments on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    client = await createClient(api, { name: 'משה ביטון' });
    ctx.clock.set('2026-11-23T08:00:00.000Z'); // Monday 10:00 Israel time
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  /** The test owner's workspace (the health aggregate is a service call). */
  async function scope() {
    return { workspaceId: (await ctx.db.kysely.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id };
  }
  /** The last 30 days up to the test clock. */
  function period() {
    const to = ctx.clock.now();
    return { from: new Date(to.getTime() - 30 * 86_400_000).toISOString(), to: to.toISOString() };
  }

  async function promise(body: Record<string, unknown>): Promise<Commitment> {
    const res = await api.post('/api/v1/commitments', { clientId: client.id, ...body }, ZCommitment);
    expect(res.status, JSON.stringify(res.raw)).toBe(201);
    return res.body;
  }

  it.skipIf(skip)('turns "today 17:00" and "Thursday, during the day" into deadlines in Israel time', async () => {
    const call = await promise({ title: 'לחזור אליו', dueDate: '2026-11-23', dueTime: '17:00' });
    expect(call.dueAt).toBe('2026-11-23T15:00:00.000Z');
    const allDay = await promise({ title: 'סקיצות', dueDate: '2026-11-26' });
    expect(allDay).toMatchObject({ dueTime: null, dueAt: '2026-11-26T21:59:59.999Z', status: 'open', overdue: false });
    // Near midnight: 23:30 local is still "today" although UTC is 21:30.
    const late = await promise({ title: 'מייל סיכום', dueDate: '2026-11-23', dueTime: '23:30' });
    expect(late.dueAt).toBe('2026-11-23T21:30:00.000Z');
  });

  it.skipIf(skip)(
    'keeps DST weeks right: the same wall-clock time is a different UTC time after the change',
    async () => {
      ctx.clock.set('2026-03-20T08:00:00.000Z');
      const before = await promise({ title: 'לפני', dueDate: '2026-03-26', dueTime: '09:00' });
      const after = await promise({ title: 'אחרי', dueDate: '2026-03-29', dueTime: '09:00' });
      expect(before.dueAt).toBe('2026-03-26T07:00:00.000Z');
      expect(after.dueAt).toBe('2026-03-29T06:00:00.000Z');
      ctx.clock.set('2026-10-20T08:00:00.000Z');
      const autumnDay = await promise({ title: 'כל היום', dueDate: '2026-10-25' });
      expect(autumnDay.dueAt).toBe('2026-10-25T21:59:59.999Z');
    },
  );

  it.skipIf(skip)('derives kept, kept late and broken from the clock, not from the user', async () => {
    const onTime = await promise({ title: 'א', dueDate: '2026-11-23', dueTime: '12:00' });
    const lateOne = await promise({ title: 'ב', dueDate: '2026-11-23', dueTime: '09:00' });
    const forgotten = await promise({ title: 'ג', dueDate: '2026-11-23', dueTime: '11:00' });
    ctx.clock.set('2026-11-23T09:30:00.000Z'); // 11:30
    expect((await api.post(`/api/v1/commitments/${onTime.id}/complete`, undefined, ZCommitment)).body.status).toBe(
      'kept',
    );
    expect((await api.post(`/api/v1/commitments/${lateOne.id}/complete`, undefined, ZCommitment)).body.status).toBe(
      'kept_late',
    );
    const broken = await api.get(`/api/v1/commitments/${forgotten.id}`, ZCommitment);
    expect(broken.body).toMatchObject({ status: 'broken', overdue: true });
    // Done is done: completing twice changes nothing; reopening brings it back.
    const again = await api.post(`/api/v1/commitments/${onTime.id}/complete`, undefined, ZCommitment);
    expect(again.body.completedAt).toBe('2026-11-23T09:30:00.000Z');
    expect((await api.post(`/api/v1/commitments/${onTime.id}/reopen`, undefined, ZCommitment)).body.status).toBe(
      'open',
    );
    // A completion time in the future is refused.
    const future = await api.post(
      `/api/v1/commitments/${forgotten.id}/complete`,
      {
        completedAt: '2026-12-01T00:00:00.000Z',
      },
      ZCommitment,
    );
    expect(future.error.fields?.[0]).toMatchObject({ path: 'completedAt', code: 'in_future' });
  });

  it.skipIf(skip)(
    'renegotiates in time (counts as kept) or too late (counts as kept late), keeping the history',
    async () => {
      const inTime = await promise({ title: 'הצעת מחיר', dueDate: '2026-11-23', dueTime: '17:00' });
      const tooLate = await promise({ title: 'שיחה', dueDate: '2026-11-23', dueTime: '09:00' });
      const moved = await api.post(
        `/api/v1/commitments/${inTime.id}/renegotiate`,
        {
          dueDate: '2026-11-24',
          dueTime: '12:00',
          reason: 'חיכיתי לנתונים מהספק',
        },
        ZRenegotiated,
      );
      expect(moved.status).toBe(200);
      expect(moved.body.commitment).toMatchObject({
        status: 'renegotiated',
        dueAt: '2026-11-24T10:00:00.000Z',
        originalDueAt: '2026-11-23T15:00:00.000Z',
      });
      expect(moved.body.commitment.changes).toEqual([
        expect.objectContaining({
          fromDueAt: '2026-11-23T15:00:00.000Z',
          toDueAt: '2026-11-24T10:00:00.000Z',
          inTime: true,
          reason: 'חיכיתי לנתונים מהספק',
          messageId: null,
        }),
      ]);
      const late = await api.post(
        `/api/v1/commitments/${tooLate.id}/renegotiate`,
        {
          dueDate: '2026-11-24',
        },
        ZRenegotiated,
      );
      expect(late.body.commitment.changes[0]!.inTime).toBe(false);

      ctx.clock.set('2026-11-24T09:00:00.000Z');
      expect((await api.post(`/api/v1/commitments/${inTime.id}/complete`, undefined, ZCommitment)).body.status).toBe(
        'renegotiated',
      );
      expect((await api.post(`/api/v1/commitments/${tooLate.id}/complete`, undefined, ZCommitment)).body.status).toBe(
        'kept_late',
      );

      const past = await api.post(
        `/api/v1/commitments/${inTime.id}/renegotiate`,
        { dueDate: '2026-11-25' },
        ZRenegotiated,
      );
      expect(past.error.fields?.[0]).toMatchObject({ code: 'commitment_closed' });
      const open = await promise({ title: 'עוד', dueDate: '2026-11-30' });
      const intoThePast = await api.post(
        `/api/v1/commitments/${open.id}/renegotiate`,
        {
          dueDate: '2026-11-20',
          dueTime: '10:00',
        },
        ZRenegotiated,
      );
      expect(intoThePast.error.fields?.[0]).toMatchObject({ path: 'dueTime', code: 'in_past' });
    },
  );

  it.skipIf(skip)('computes the word-keeping rate: mine and the client’s separately, per client too', async () => {
    const kept = await promise({ title: 'kept', dueDate: '2026-11-23', dueTime: '12:00' });
    const renegotiated = await promise({ title: 'reneg', dueDate: '2026-11-23', dueTime: '12:00' });
    await promise({ title: 'broken', dueDate: '2026-11-23', dueTime: '11:00' });
    const late = await promise({ title: 'late', dueDate: '2026-11-23', dueTime: '09:00' });
    const theirs = await promise({
      title: 'לוגו מהלקוח',
      direction: 'theirs',
      dueDate: '2026-11-23',
      dueTime: '09:00',
    });
    await promise({ title: 'future, not yet due', dueDate: '2026-12-10' });
    const cancelled = await promise({ title: 'cancelled', dueDate: '2026-11-23', dueTime: '09:00' });
    await api.post(`/api/v1/commitments/${cancelled.id}/cancel`, {}, ZCommitment);
    await api.post(
      `/api/v1/commitments/${renegotiated.id}/renegotiate`,
      { dueDate: '2026-11-23', dueTime: '14:00' },
      ZRenegotiated,
    );
    ctx.clock.set('2026-11-23T09:50:00.000Z'); // 11:50
    await api.post(`/api/v1/commitments/${kept.id}/complete`, {}, ZCommitment);
    await api.post(`/api/v1/commitments/${renegotiated.id}/complete`, {}, ZCommitment);
    await api.post(`/api/v1/commitments/${late.id}/complete`, {}, ZCommitment);
    await api.post(`/api/v1/commitments/${theirs.id}/complete`, {}, ZCommitment);

    const rate = await api.get('/api/v1/commitments/word-keeping?days=30', ZWordKeeping);
    expect(rate.body.mine).toEqual({ due: 4, keptOnTime: 1, renegotiatedInTime: 1, keptLate: 1, broken: 1, rate: 0.5 });
    expect(rate.body.theirs).toEqual({ due: 1, keptOnTime: 0, rate: 0 });
    expect(rate.body.weekly).toHaveLength(12);
    expect(rate.body.weekly.at(-1)).toEqual({ weekStart: '2026-11-22', due: 4, keptOnTime: 2 });

    const other = await createClient(api);
    const none = await api.get(`/api/v1/commitments/word-keeping?days=90&clientId=${other.id}`, ZWordKeeping);
    expect(none.body.mine.rate).toBeNull();
  });

  it.skipIf(skip)(
    'a promise moved once already late stays late: broken while open, kept late once done — in the rate, Today and health',
    async () => {
      // Due 09:00, now 10:00: two hours later it is moved to tomorrow, with a message.
      const missed = await promise({ title: 'סקיצות ללוגו', dueDate: '2026-11-23', dueTime: '09:00' });
      ctx.clock.set('2026-11-23T09:00:00.000Z'); // 11:00, two hours late
      const moved = await api.post(
        `/api/v1/commitments/${missed.id}/renegotiate`,
        {
          dueDate: '2026-11-24',
          dueTime: '12:00',
          message: { channel: 'whatsapp', body: 'הסקיצות יגיעו מחר בצהריים.' },
        },
        ZRenegotiated,
      );
      expect(moved.status, JSON.stringify(moved.raw)).toBe(200);
      // The new date has not come, but the word was already broken: late, still open.
      expect(moved.body.commitment).toMatchObject({
        status: 'broken',
        overdue: true,
        dueAt: '2026-11-24T10:00:00.000Z',
      });
      const open = await api.get('/api/v1/commitments/word-keeping?days=30', ZWordKeeping);
      expect(open.body.mine).toEqual({ due: 1, keptOnTime: 0, renegotiatedInTime: 0, keptLate: 0, broken: 1, rate: 0 });
      expect(open.body.weekly.at(-1)).toEqual({ weekStart: '2026-11-22', due: 1, keptOnTime: 0 });
      const today = await api.get('/api/v1/today', ZToday);
      expect(today.body.mine.overdue.map((c) => c.id)).toEqual([missed.id]);
      expect(today.body.mine.today).toEqual([]);
      const overdue = await api.get('/api/v1/commitments?state=overdue', ZCommitmentList);
      expect(overdue.body.items.map((c) => c.id)).toEqual([missed.id]);
      const health = await promisesBroken(ctx.deps, await scope(), period());
      expect(health.get(client.id)?.mine).toEqual({ broken: 1, keptLate: 0 });

      // Kept tomorrow before the new deadline: kept, but late — not "kept on time".
      ctx.clock.set('2026-11-24T08:00:00.000Z');
      const done = await api.post(`/api/v1/commitments/${missed.id}/complete`, undefined, ZCommitment);
      expect(done.body.status).toBe('kept_late');
      const after = await api.get('/api/v1/commitments/word-keeping?days=30', ZWordKeeping);
      expect(after.body.mine).toEqual({
        due: 1,
        keptOnTime: 0,
        renegotiatedInTime: 0,
        keptLate: 1,
        broken: 0,
        rate: 0,
      });
      const healthAfter = await promisesBroken(ctx.deps, await scope(), period());
      expect(healthAfter.get(client.id)?.mine).toEqual({ broken: 0, keptLate: 1 });
    },
  );

  it.skipIf(skip)(
    'a promise moved before its time with a message is renegotiated: not late, and kept on time when kept by the new date',
    async () => {
      const early = await promise({ title: 'הצעת מחיר', dueDate: '2026-11-23', dueTime: '17:00' });
      const moved = await api.post(
        `/api/v1/commitments/${early.id}/renegotiate`,
        {
          dueDate: '2026-11-25',
          message: { channel: 'whatsapp', body: 'ההצעה תגיע ביום רביעי.' },
        },
        ZRenegotiated,
      );
      expect(moved.status, JSON.stringify(moved.raw)).toBe(200);
      expect(moved.body.sent).not.toBeNull();
      // Past the old deadline, before the new one: renegotiated, nowhere late.
      ctx.clock.set('2026-11-24T08:00:00.000Z');
      const now = await api.get(`/api/v1/commitments/${early.id}`, ZCommitment);
      expect(now.body).toMatchObject({ status: 'renegotiated', overdue: false });
      const today = await api.get('/api/v1/today', ZToday);
      expect(today.body.mine.overdue).toEqual([]);
      const none = await api.get('/api/v1/commitments/word-keeping?days=30', ZWordKeeping);
      expect(none.body.mine.due).toBe(0);
      const health = await promisesBroken(ctx.deps, await scope(), period());
      expect(health.get(client.id)).toBeUndefined();
      await api.post(`/api/v1/commitments/${early.id}/complete`, undefined, ZCommitment);
      const rate = await api.get('/api/v1/commitments/word-keeping?days=30', ZWordKeeping);
      expect(rate.body.mine).toEqual({ due: 1, keptOnTime: 0, renegotiatedInTime: 1, keptLate: 0, broken: 0, rate: 1 });
    },
  );

  it.skipIf(skip)('announces a promise kept once when "kept" is sent twice at once', async () => {
    // A double tap answered by two processes (or two pool connections): on PostgreSQL both read the
    // promise open, and each queued its own commitment.kept webhook (found by the several-processes drill).
    await api.post(
      '/api/v1/webhooks',
      { url: 'http://127.0.0.1:9/hooks', events: ['commitment.kept'] },
      ZWebhookEndpointCreated,
    );
    const promises = await Promise.all(
      Array.from({ length: 5 }, (_, i) => promise({ title: `הבטחה ${i}`, dueDate: '2026-11-30' })),
    );
    for (const p of promises) {
      const taps = await Promise.all(
        [1, 2].map(() => api.post(`/api/v1/commitments/${p.id}/complete`, {}, ZCommitment)),
      );
      expect(taps.map((t) => t.status)).toEqual([200, 200]);
      expect(taps[1]!.body.completedAt).toBe(taps[0]!.body.completedAt);
    }
    const deliveries = await ctx.db.kysely.selectFrom('webhook_deliveries').select('payload').execute();
    const keptIds = deliveries.map((d) => (JSON.parse(d.payload) as { data: { id: string } }).data.id).sort();
    expect(keptIds).toEqual(promises.map((p) => p.id).sort());
  });

  it.skipIf(skip)('lists open commitments soonest first and filters by client and direction', async () => {
    await promise({ title: 'שני', dueDate: '2026-11-25' });
    await promise({ title: 'ראשון', dueDate: '2026-11-24', dueTime: '10:00' });
    await promise({ title: 'של הלקוח', direction: 'theirs', dueDate: '2026-11-24' });
    const all = await api.get('/api/v1/commitments', ZCommitmentList);
    expect(all.body.items.map((c) => c.title)).toEqual(['ראשון', 'של הלקוח', 'שני']);
    const mine = await api.get(`/api/v1/commitments?direction=mine&clientId=${client.id}`, ZCommitmentList);
    expect(mine.body.items.map((c) => c.title)).toEqual(['ראשון', 'שני']);
    const bad = await api.get('/api/v1/commitments?state=maybe', ZCommitmentList);
    expect(bad.status).toBe(422);
  });

  it.skipIf(skip)('stores no promise tied to another workspace’s (or another client’s) contact', async () => {
    const other = await ctx.client().post('/api/v1/setup', setupInput({ owner: { email: 'other@example.com' } }), ZMe);
    expect(other.status).toBe(409); // one workspace per install: the second comes from the service
    const { createWorkspaceWithOwner } = await import('../accounts/accounts.service.js');
    const { ZCreateInteraction } = await import('../../../shared/schemas/interactions.js');
    const { ZCreateClient } = await import('../../../shared/schemas/clients.js');
    const { createClient } = await import('../clients/clients.service.js');
    const { createInteraction } = await import('../interactions/interactions.service.js');
    const theirs = await createWorkspaceWithOwner(ctx.deps, setupInput({ owner: { email: 'other@example.com' } }));
    const theirClient = await createClient(ctx.deps, theirs, ZCreateClient.parse(clientInput({ name: 'זר' })));
    const { interaction: foreign } = await createInteraction(
      ctx.deps,
      theirs,
      ZCreateInteraction.parse({ clientId: theirClient.id, channel: 'phone', direction: 'in' }),
    );
    const res = await api.post(
      '/api/v1/commitments',
      {
        clientId: client.id,
        interactionId: foreign.id,
        title: 'לחזור אליו',
        dueDate: '2026-11-24',
      },
      ZCommitment,
    );
    expect(res.status).toBe(422);
    expect(res.error.fields?.[0]).toMatchObject({ path: 'interactionId', code: 'unknown_interaction' });

    const another = (await api.post('/api/v1/clients', clientInput({ name: 'לקוח אחר' }), ZClient)).body;
    const mine = (
      await api.post(
        '/api/v1/interactions',
        {
          clientId: another.id,
          channel: 'phone',
          direction: 'in',
        },
        ZInteractionCreated,
      )
    ).body.interaction;
    const crossed = await api.post(
      '/api/v1/commitments',
      {
        clientId: client.id,
        interactionId: mine.id,
        title: 'לחזור אליו',
        dueDate: '2026-11-24',
      },
      ZCommitment,
    );
    expect(crossed.status).toBe(422);
    expect((await api.get('/api/v1/commitments?state=all', ZCommitmentList)).body.items).toEqual([]);
  });
});
