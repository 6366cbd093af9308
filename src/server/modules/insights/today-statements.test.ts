import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import type { Client } from '../../../shared/schemas/clients.js';
import { ZCommitment } from '../../../shared/schemas/commitments.js';
import { ZInteractionCreated } from '../../../shared/schemas/interactions.js';
import { ZPaymentItem } from '../../../shared/schemas/payments.js';
import type { Deps } from '../../lib/http.js';
import { acceptedQuote, createClient, createQuote, sendQuote } from '../../testing/api-helpers.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { today } from './insights.service.js';

/** The statements a service call runs (each query that comes back once; a subquery built apart is part of its statement). */
function counting(deps: Deps) {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements.push(args.queryId.queryId);
      return args.result;
    },
  };
  return { deps: { ...deps, db: { ...deps.db, kysely: deps.db.kysely.withPlugin(plugin) } }, statements };
}

/**
 * Issue 13: Today gathers eight lists from six modules. It reads the business profile once, each
 * section in one or two statements side by side, and every section's client names in one: the same
 * handful of statements with one row in every section as with many (34 before, one per list and
 * per name lookup, and whole quotes read for a line each).
 */
describe.each(testDialects())('Today in a handful of statements on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  /** Something for every section of Today, for a new client (a birthday this week among them). */
  async function fill(name: string) {
    ctx.clock.set('2026-11-16T08:00:00.000Z');
    const client: Client = await createClient(api, {
      name,
      importantDates: [{ kind: 'birthday', month: 11, day: 25 }],
    });
    const promise = async (body: Record<string, unknown>) =>
      expect(
        (await api.post('/api/v1/commitments', { clientId: client.id, title: 'הבטחה', ...body }, ZCommitment)).status,
      ).toBe(201);
    await promise({ dueDate: '2026-11-18' });
    await promise({ dueDate: '2026-11-23', dueTime: '18:00' });
    await promise({ direction: 'theirs', dueDate: '2026-11-19' });
    await promise({ direction: 'theirs', dueDate: '2026-11-23' });
    const item = await api.post(
      '/api/v1/payment-items',
      { clientId: client.id, label: 'מקדמה', amount: 50_000, dueDate: '2026-11-20' },
      ZPaymentItem,
    );
    expect(item.status).toBe(201);
    await sendQuote(api, (await createQuote(api, client.id, { title: 'קטלוג' })).id);
    // Accepted: a project just started, with deliverables and the client's materials as promises.
    await acceptedQuote(api, client.id, { title: 'מיתוג' });
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    const contact = await api.post(
      '/api/v1/interactions',
      { clientId: client.id, channel: 'whatsapp', direction: 'in', summary: 'מתי?' },
      ZInteractionCreated,
    );
    expect(contact.status).toBe(201);
  }

  async function statementsOfToday() {
    const scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    const { deps, statements } = counting(ctx.deps);
    const answer = await today(deps, scope);
    return { answer, statements: statements.length };
  }

  it.skipIf(skip)('reads the profile once, each section once or twice, and all the names at once', async () => {
    await fill('גלריית הגפן');
    const one = await statementsOfToday();
    expect(one.answer.counts).toEqual({
      mineOverdue: 1,
      mineToday: 1,
      theirsOverdue: 4, // with the accepted quote's three materials, due 3 and 5 days after it
      theirsToday: 1,
      awaitingReply: 1,
      quotesWaiting: 1,
      greetings: 1,
      paymentsOverdue: 1,
      projectsStarted: 1,
    });
    expect(one.answer.projectsStarted[0]).toMatchObject({ clientName: 'גלריית הגפן', step: expect.any(String) });
    // Profile; promises and their histories; replies; quotes; greetings (Gregorian and Hebrew);
    // overdue lines; projects with deliverables, and their materials; the names.
    expect(one.statements).toBe(11);

    for (const name of ['מאפיית אור', 'סטודיו כרמל', 'משרד נוף']) await fill(name);
    const many = await statementsOfToday();
    expect(many.answer.counts).toMatchObject({
      mineOverdue: 4,
      awaitingReply: 4,
      quotesWaiting: 4,
      projectsStarted: 4,
    });
    expect(new Set(many.answer.awaitingReply.map((i) => i.clientName)).size).toBe(4);
    expect(many.statements).toBe(11);
  });
});
