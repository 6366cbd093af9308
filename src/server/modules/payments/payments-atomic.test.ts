import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZClient, type Client } from '../../../shared/schemas/clients.js';
import { ZScheduleFromQuote, ZTimeEntry } from '../../../shared/schemas/payments.js';
import { ZQuote, ZQuoteSent, type Quote } from '../../../shared/schemas/quotes.js';
import { clientInput } from '../../testing/factories.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { scheduleFromQuote } from './payments.service.js';

describe.each(testDialects())('payment actions are atomic on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let scope: { workspaceId: string };
  let client: Client;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    client = (await api.post('/api/v1/clients', clientInput({ name: 'מרכז הדר' }), ZClient)).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function acceptedQuote(): Promise<Quote> {
    const draft = (
      await api.post(
        '/api/v1/quotes',
        {
          clientId: client.id,
          title: 'מיתוג',
          items: [{ description: 'לוגו', quantity: 1, unitPrice: 333_333 }],
          validUntil: '2026-12-31',
        },
        ZQuote,
      )
    ).body;
    const sent = (
      await api.post(`/api/v1/quotes/${draft.id}/send`, { channel: 'whatsapp', body: '{{link}}' }, ZQuoteSent)
    ).body;
    if (!sent.url) throw new Error('the quote was sent without its link');
    await ctx.app.request(`${new URL(sent.url).pathname}/accept`, {
      method: 'POST',
      body: new URLSearchParams({ name: 'הדר', agree: 'yes' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    return (await api.get(`/api/v1/quotes/${draft.id}`, ZQuote)).body;
  }

  it.skipIf(skip)('split payments from a quote: no part is stored when the parts fail', async () => {
    const quote = await acceptedQuote();
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'payment_items', kind: 'insert' });
    const input = ZScheduleFromQuote.parse({
      quoteId: quote.id,
      parts: [
        { label: 'מקדמה', percent: 50, dueDate: '2026-11-25' },
        { label: 'במסירה', percent: 50, dueDate: '2026-12-20' },
      ],
    });
    await expect(scheduleFromQuote(failing, scope, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('answers an empty time-entry change with a field error, not an empty UPDATE', async () => {
    const entry = (
      await api.post('/api/v1/time-entries', { clientId: client.id, date: '2026-11-22', minutes: 30 }, ZTimeEntry)
    ).body;
    const res = await api.patch(`/api/v1/time-entries/${entry.id}`, {}, ZTimeEntry);
    expect(res.status).toBe(422);
    expect(res.error.fields).toEqual([expect.objectContaining({ path: 'minutes', code: 'choose_one' })]);
    expect((await api.patch(`/api/v1/time-entries/${entry.id}`, { note: 'פגישה' }, ZTimeEntry)).body.note).toBe(
      'פגישה',
    );
  });
});
