import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZQuote, ZQuoteList, type QuoteList } from '../../../shared/schemas/quotes.js';
import { createClient, createQuote, sendQuote } from '../../testing/api-helpers.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

/** GET /quotes (issue 10): paged, searched, filtered by status (expired derived) and sorted in SQL, slim rows. */
describe.each(testDialects())('the quotes list on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  const list = async (query = ''): Promise<QuoteList> => {
    const res = await api.get(`/api/v1/quotes${query}`, ZQuoteList);
    expect(res.status, JSON.stringify(res.raw)).toBe(200);
    return res.body;
  };

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    const gefen = await createClient(api, { name: 'קפה הגפן' });
    const dana = await createClient(api, { name: 'דנה לוי' });
    // Five quotes a minute apart: 001 logo (sent, valid to 30 Nov), 002 site, 003 brochure, 004
    // menu (sent, valid to 31 Dec), 005 לוגו מחודש for Dana (draft).
    const make = async (clientId: string, title: string, unitPrice: number, validUntil = '2026-12-31') => {
      ctx.clock.advance(60_000);
      return createQuote(api, clientId, {
        title,
        items: [{ description: title, quantity: 1, unit: null, unitPrice }],
        discount: { kind: 'amount', value: 0 },
        validUntil,
      });
    };
    const logo = await make(gefen.id, 'עיצוב לוגו', 100_000, '2026-11-30');
    await make(gefen.id, 'אתר תדמית', 500_000);
    await make(gefen.id, 'חוברת', 200_000);
    const menu = await make(gefen.id, 'תפריט', 50_000);
    await make(dana.id, 'לוגו מחודש', 300_000);
    await sendQuote(api, logo.id);
    await sendQuote(api, menu.id);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('pages newest first with a total, a next offset and per-status counts', async () => {
    const first = await list('?limit=2');
    expect(first.items.map((q) => q.number)).toEqual(['2026-005', '2026-004']);
    expect(first).toMatchObject({ total: 5, nextOffset: 2 });
    expect(first.counts.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'draft', count: 3 },
      { status: 'sent', count: 2 },
    ]);
    const last = await list('?limit=2&offset=4');
    expect(last.items.map((q) => q.number)).toEqual(['2026-001']);
    expect(last.nextOffset).toBeNull();
    // Slim rows: what the list shows, not every version's terms.
    expect(Object.keys(last.items[0]!).sort()).toEqual(
      [
        'id',
        'number',
        'kind',
        'clientId',
        'clientName',
        'status',
        'title',
        'total',
        'currency',
        'validUntil',
        'projectId',
        'createdAt',
        'sentAt',
        'decidedAt',
      ].sort(),
    );
    expect(last.items[0]).toMatchObject({
      title: 'עיצוב לוגו',
      clientName: 'קפה הגפן',
      status: 'sent',
      currency: 'ILS',
    });
  });

  it.skipIf(skip)('searches the number, the title and the client, Hebrew-aware', async () => {
    expect((await list(`?q=${encodeURIComponent('לוגו')}`)).items.map((q) => q.number)).toEqual([
      '2026-005',
      '2026-001',
    ]);
    expect((await list('?q=2026-003')).items.map((q) => q.title)).toEqual(['חוברת']);
    expect((await list(`?q=${encodeURIComponent('דנה')}`)).items.map((q) => q.title)).toEqual(['לוגו מחודש']);
    // Niqqud in the query is folded away, as in the client search.
    expect((await list(`?q=${encodeURIComponent('תַּפְרִיט')}`)).items.map((q) => q.title)).toEqual(['תפריט']);
    const none = await list(`?q=${encodeURIComponent('אין כזה')}`);
    expect(none).toMatchObject({ items: [], total: 0, counts: [] });
  });

  it.skipIf(skip)('filters by status, expired derived from the validity day in the workspace zone', async () => {
    expect((await list('?status=sent')).items.map((q) => q.number)).toEqual(['2026-004', '2026-001']);
    ctx.clock.set('2026-11-30T22:00:00.000Z'); // 00:00 on 1 December in Israel: 001's validity is over
    expect((await list('?status=expired')).items.map((q) => q.number)).toEqual(['2026-001']);
    expect((await list('?status=sent')).items.map((q) => q.number)).toEqual(['2026-004']);
    const all = await list();
    expect(all.items.find((q) => q.number === '2026-001')!.status).toBe('expired');
    expect(all.counts).toContainEqual({ status: 'expired', count: 1 });
    // The full quote agrees with the list.
    const logo = all.items.find((q) => q.number === '2026-001')!;
    expect((await api.get(`/api/v1/quotes/${logo.id}`, ZQuote)).body.status).toBe('expired');
  });

  it.skipIf(skip)('sorts by number, by total and by client', async () => {
    expect((await list('?sort=number')).items.map((q) => q.number)).toEqual([
      '2026-001',
      '2026-002',
      '2026-003',
      '2026-004',
      '2026-005',
    ]);
    expect((await list('?sort=total')).items.map((q) => q.total)).toEqual([590_000, 354_000, 236_000, 118_000, 59_000]);
    expect((await list('?sort=client')).items.map((q) => q.clientName)[0]).toBe('דנה לוי');
  });

  it.skipIf(skip)('an edited draft is found by its new title; bad parameters are field errors', async () => {
    const draft = (await list('?q=2026-003')).items[0]!;
    const res = await api.patch(`/api/v1/quotes/${draft.id}`, { title: 'קטלוג מוצרים' }, ZQuote);
    expect(res.status).toBe(200);
    expect((await list(`?q=${encodeURIComponent('קטלוג')}`)).items.map((q) => q.number)).toEqual(['2026-003']);
    const bad = await api.get('/api/v1/quotes?status=lost&sort=price&limit=0', ZQuoteList);
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['limit', 'sort', 'status']);
  });

  it.skipIf(skip)('lists only the caller workspace, and a client id from elsewhere finds nothing', async () => {
    const { api: other } = await ctx.otherWorkspace();
    expect((await other.get('/api/v1/quotes', ZQuoteList)).body).toMatchObject({ items: [], total: 0 });
    const mine = (await list()).items[0]!;
    const theirs = await other.get(`/api/v1/quotes?clientId=${mine.clientId}`, ZQuoteList);
    expect(theirs.body.items).toEqual([]);
  });
});
