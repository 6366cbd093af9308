import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZClient, type Client } from '../../../shared/schemas/clients.js';
import { ZCommitment, type Commitment, type WordKeeping } from '../../../shared/schemas/commitments.js';
import { ZRenegotiated } from '../../../shared/schemas/messages.js';
import { migrateDown, migrateToLatest } from '../../db/migrate.js';
import { newId } from '../../lib/ids.js';
import { clientInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { promisesBroken, rebuildWordRollups, wordKeeping, type PromisesBroken } from './commitments.service.js';

/**
 * Decision 016: the workspace's word-keeping and the health list's "kept late" come from rollups of
 * the kept promises (per day; per client and month), corrected at the window's edges. They must
 * equal a recount, and the figures must equal those read from the promises themselves, after
 * promises are kept in time, late, renegotiated, kept late after a late move, reopened and kept again
 * in another month (a promise never moves to another client), and cancelled; with windows whose edges
 * fall early and late in their months, near a week start (a local midnight, 21:00 or 22:00 UTC) and
 * before a promise kept a moment after "now".
 */
describe.each(testDialects())('the rollups of kept promises on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let a: Client;
  let b: Client;
  let scope: { workspaceId: string };
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ctx.clock.set('2026-08-01T08:00:00.000Z');
    a = (await api.post('/api/v1/clients', clientInput({ name: 'סטודיו כרמל' }), ZClient)).body;
    b = (await api.post('/api/v1/clients', clientInput({ name: 'מאפיית אור' }), ZClient)).body;
    scope = { workspaceId: (await ctx.db.kysely.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id };
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function promise(client: Client, body: Record<string, unknown>): Promise<Commitment> {
    const res = await api.post('/api/v1/commitments', { clientId: client.id, title: 'הבטחה', ...body }, ZCommitment);
    expect(res.status, JSON.stringify(res.raw)).toBe(201);
    return res.body;
  }
  async function act(path: string, body: object = {}): Promise<void> {
    const res = await api.post(
      `/api/v1/commitments/${path}`,
      body,
      path.endsWith('renegotiate') ? ZRenegotiated : ZCommitment,
    );
    expect(res.status, JSON.stringify(res.raw)).toBe(200);
  }
  const at = (instant: string) => ctx.clock.set(instant);

  async function rollups() {
    const days = await ctx.db.kysely
      .selectFrom('commitment_days')
      .selectAll()
      .orderBy('day')
      .orderBy('direction')
      .execute();
    const months = await ctx.db.kysely
      .selectFrom('commitment_late_months')
      .selectAll()
      .orderBy('client_id')
      .orderBy('month')
      .orderBy('direction')
      .execute();
    // PostgreSQL integers arrive as numbers already; the order above makes both lists comparable.
    return { days, months };
  }

  function counts(w: WordKeeping) {
    const { rate: _mineRate, ...mine } = w.mine;
    const { rate: _theirsRate, ...theirs } = w.theirs;
    return { mine, theirs, weekly: w.weekly };
  }
  function sum(parts: ReturnType<typeof counts>[]) {
    const add = <T extends Record<string, number>>(x: T, y: T) =>
      Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v + y[k]!])) as T;
    return parts.reduce((total, p) => ({
      mine: add(total.mine, p.mine),
      theirs: add(total.theirs, p.theirs),
      weekly: total.weekly.map((w, i) => ({
        weekStart: w.weekStart,
        due: w.due + p.weekly[i]!.due,
        keptOnTime: w.keptOnTime + p.weekly[i]!.keptOnTime,
      })),
    }));
  }
  const nonZero = (m: Map<string, PromisesBroken>) =>
    Object.fromEntries(
      [...m].filter(([, p]) => p.mine.broken + p.mine.keptLate + p.theirs.broken + p.theirs.keptLate > 0),
    );

  /** Ids of no client: they make a list long enough to be read from the rollups, and must add nothing. */
  const unknownIds = Array.from({ length: 60 }, () => newId());

  /** The rollups equal a recount, and every figure read through them equals the one read from the promises. */
  async function expectRollupsEqualPromises() {
    const kept = await rollups();
    await rebuildWordRollups(ctx.deps, scope);
    expect(await rollups()).toEqual(kept);

    for (const days of [30, 90, 365]) {
      // One client's word-keeping is counted from its promises: the clients' sum is the workspace's.
      const whole = counts(await wordKeeping(ctx.deps, scope, { days }));
      const perClient = await Promise.all([a, b].map((c) => wordKeeping(ctx.deps, scope, { days, clientId: c.id })));
      expect(whole).toEqual(sum(perClient.map(counts)));
    }
    const to = ctx.clock.now().toISOString();
    const froms = [
      '2026-08-03T10:00:00.000Z',
      '2026-08-28T10:00:00.000Z',
      '2026-09-16T00:00:00.000Z',
      '2026-10-03T21:40:00.000Z',
      new Date(ctx.clock.now().getTime() - 90 * 86_400_000).toISOString(),
    ].filter((from) => from < to);
    for (const from of froms) {
      const rolled = await promisesBroken(ctx.deps, scope, { from, to });
      const direct = await promisesBroken(ctx.deps, scope, { from, to, clientIds: [a.id, b.id] });
      expect(nonZero(rolled), from).toEqual(nonZero(direct));
      // Many clients (the health list asks for every active one) are read from the rollups too.
      const many = await promisesBroken(ctx.deps, scope, { from, to, clientIds: [a.id, b.id, ...unknownIds] });
      expect(nonZero(many), from).toEqual(nonZero(direct));
    }
  }

  it.skipIf(skip)('equal the promises through keeping, renegotiating, reopening, moving and cancelling', async () => {
    const inTime = await promise(a, { dueDate: '2026-08-10' });
    const late = await promise(a, { dueDate: '2026-08-12', dueTime: '12:00' });
    const renegotiated = await promise(b, { direction: 'theirs', dueDate: '2026-08-20' });
    const movedLate = await promise(b, { dueDate: '2026-08-28' });
    const sliverLate = await promise(a, { dueDate: '2026-09-30' });
    const sliverInTime = await promise(b, { dueDate: '2026-10-05' });
    const theirsLate = await promise(a, { direction: 'theirs', dueDate: '2026-11-01' });

    at('2026-08-09T09:00:00.000Z');
    await act(`${inTime.id}/complete`);
    at('2026-08-14T09:00:00.000Z');
    await act(`${late.id}/complete`);
    at('2026-08-18T09:00:00.000Z');
    await act(`${renegotiated.id}/renegotiate`, { dueDate: '2026-08-25' });
    at('2026-08-24T09:00:00.000Z');
    await act(`${renegotiated.id}/complete`);
    await expectRollupsEqualPromises();

    // Moved once already late: kept before the new date is still kept late.
    at('2026-09-02T09:00:00.000Z');
    await act(`${movedLate.id}/renegotiate`, { dueDate: '2026-09-10' });
    at('2026-09-05T09:00:00.000Z');
    await act(`${movedLate.id}/complete`);
    // Kept on Sunday 4 October just after midnight in Israel (21:00 UTC on the 3rd): the new week.
    at('2026-10-03T21:30:00.000Z');
    await act(`${sliverLate.id}/complete`);
    at('2026-10-03T22:15:00.000Z');
    await act(`${sliverInTime.id}/complete`);
    await expectRollupsEqualPromises();

    // Reopened and kept again in another month; reopened and cancelled (it leaves the rate).
    at('2026-10-20T09:00:00.000Z');
    await act(`${late.id}/reopen`);
    await act(`${late.id}/complete`);
    await act(`${inTime.id}/reopen`);
    await act(`${inTime.id}/cancel`);
    at('2026-11-02T21:30:00.000Z');
    await act(`${theirsLate.id}/complete`);
    const { days, months } = await rollups();
    expect(days.length).toBeGreaterThan(3);
    expect(months.map((m) => [m.client_id, m.month, m.direction, Number(m.kept_late)])).toEqual(
      [
        [a.id, '2026-10', 'mine', 2],
        [a.id, '2026-11', 'theirs', 1],
        [b.id, '2026-09', 'mine', 1],
      ].sort((x, y) => (`${x[0]} ${x[1]}` < `${y[0]} ${y[1]}` ? -1 : 1)),
    );
    at('2026-11-23T08:00:00.000Z');
    await expectRollupsEqualPromises();
    // "Now" a moment before a promise kept later (a clock behind the one that kept it).
    at('2026-10-03T21:45:00.000Z');
    await expectRollupsEqualPromises();

    // Migration 027 fills both rollups from the promises: down and up again, the same rows.
    at('2026-11-23T08:00:00.000Z');
    const before = await rollups();
    await migrateDown(ctx.db);
    await migrateToLatest(ctx.db);
    expect(await rollups()).toEqual(before);
  });

  it.skipIf(skip)('counts every promise when several are kept at once on one day', async () => {
    // Side by side on PostgreSQL: each recount must see the others (the contact rollup's crash-drill lesson).
    const promises = await Promise.all(Array.from({ length: 8 }, () => promise(a, { dueDate: '2026-08-03' })));
    at('2026-08-05T09:00:00.000Z');
    const answers = await Promise.all(
      promises.map((p, i) =>
        api.post(`/api/v1/commitments/${p.id}/complete`, { completedAt: `2026-08-04T1${i}:00:00.000Z` }, ZCommitment),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    const { days, months } = await rollups();
    expect(days.map((d) => [d.day, d.direction, Number(d.kept_late)])).toEqual([['2026-08-04', 'mine', 8]]);
    expect(months.map((m) => Number(m.kept_late))).toEqual([8]);
    await expectRollupsEqualPromises();
  });
});
