import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZToday } from '../../../shared/schemas/insights.js';
import { createClient, createQuote, sendQuote } from '../../testing/api-helpers.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

/**
 * Today's quotes waiting for an answer (issue 13): the 15 sent longest ago that have not expired,
 * and how many there are. The validity day was checked per row after the limit, so an expired
 * quote took a place in the list and the count was of the rows returned.
 */
describe.each(testDialects())('Today’s quotes waiting on $label', ({ dialect, skip }) => {
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

  it.skipIf(skip)('leaves out the expired, shows the oldest 15 and counts them all', async () => {
    ctx.clock.set('2026-11-01T08:00:00.000Z');
    const client = await createClient(api, { name: 'סטודיו כרמל' });
    const send = async (title: string, validUntil: string) => {
      ctx.clock.advance(60_000);
      const quote = await createQuote(api, client.id, { title, validUntil });
      await sendQuote(api, quote.id);
      return quote;
    };
    await send('פג תוקף', '2026-11-10'); // sent first: the oldest
    const valid = [];
    for (let i = 1; i <= 16; i++) valid.push(await send(`הצעה ${i}`, '2026-12-31'));
    const lastDay = await send('עד היום', '2026-11-23');
    const today = async () => (await api.get('/api/v1/today', ZToday)).body;

    // 23:30 in Jerusalem on the 23rd: valid through today still waits.
    ctx.clock.set('2026-11-23T21:30:00.000Z');
    let answer = await today();
    expect(answer.quotesWaiting.map((q) => q.title)).toEqual(valid.slice(0, 15).map((_, i) => `הצעה ${i + 1}`));
    expect(answer.counts.quotesWaiting).toBe(17);

    // 00:30 on the 24th: its validity day is over.
    ctx.clock.set('2026-11-23T22:30:00.000Z');
    answer = await today();
    expect(answer.counts.quotesWaiting).toBe(16);
    expect(answer.quotesWaiting).toHaveLength(15);
    expect(answer.quotesWaiting.map((q) => q.id)).not.toContain(lastDay.id);
  });
});
