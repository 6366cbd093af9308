import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZChangeRequest, ZProject } from '../../../shared/schemas/projects.js';
import { ZSearchResults, type SearchResults } from '../../../shared/schemas/search.js';
import { createClient, createQuote } from '../../testing/api-helpers.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

/** The titles of each group, by kind. */
function titles(results: SearchResults): Record<string, string[]> {
  return Object.fromEntries(results.groups.map((g) => [g.kind, g.items.map((i) => i.title)]));
}

describe.each(testDialects())('global search on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function find(q: string, as = api, limit?: number): Promise<SearchResults> {
    const query = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
    const res = await as.get(`/api/v1/search?${query}`, ZSearchResults);
    expect(res.status).toBe(200);
    return res.body;
  }

  it.skipIf(skip)(
    'finds clients, contacts, quotes, projects and change requests, grouped, a word-start match first',
    async () => {
      // The school is found by "דנ" through its contact, so it comes after the client whose name starts so.
      const school = await createClient(api, {
        name: 'בית ספר ים',
        contacts: [{ name: 'דני כהן', role: 'רכז פדגוגי' }],
      });
      const dana = await createClient(api, { name: 'דנה לוי' });
      // "דנ" inside a word does not count for two letters (as in the client list).
      await createClient(api, { name: 'מעדנייה' });
      const logo = await createQuote(api, dana.id, { title: 'חידוש לוגו' });
      await createQuote(api, school.id, { title: 'לוגו לבית הספר' });
      const project = (
        await api.post('/api/v1/projects', { clientId: school.id, title: 'אתר תדמית', deliverables: [] }, ZProject)
      ).body;
      await api.post(
        `/api/v1/projects/${project.id}/change-requests`,
        { what: 'עוד דף בלוג', channel: 'whatsapp' },
        ZChangeRequest,
      );

      const dn = await find('דנ');
      expect(dn.groups.map((g) => g.kind)).toEqual(['clients', 'contacts', 'quotes', 'projects', 'changeRequests']);
      expect(titles(dn)).toMatchObject({ clients: ['דנה לוי', 'בית ספר ים'], contacts: ['דני כהן'] });
      expect(dn.groups[1]!.items[0]).toMatchObject({
        clientId: school.id,
        clientName: 'בית ספר ים',
        detail: 'רכז פדגוגי',
      });

      // A quote by the start of a word of its title (the one that starts with it first), and by its number.
      expect(titles(await find('לוגו')).quotes).toEqual(['לוגו לבית הספר', 'חידוש לוגו']);
      const byNumber = (await find(logo.number)).groups.find((g) => g.kind === 'quotes')!.items;
      expect(byNumber.map((i) => [i.id, i.detail, i.clientName])).toEqual([[logo.id, logo.number, 'דנה לוי']]);

      // Projects by title, change requests by what was asked, each with the project that opens it.
      expect(titles(await find('תדמית')).projects).toEqual(['אתר תדמית']);
      const blog = (await find('בלוג')).groups.find((g) => g.kind === 'changeRequests')!.items;
      expect(blog.map((i) => [i.title, i.projectId, i.clientName])).toEqual([
        ['עוד דף בלוג', project.id, 'בית ספר ים'],
      ]);

      // Niqqud in the query is ignored; the limit applies to each group.
      expect(titles(await find('דָּנָה')).clients).toEqual(['דנה לוי']);
      expect(titles(await find('דנ', api, 1))).toMatchObject({ clients: ['דנה לוי'], contacts: ['דני כהן'] });
    },
  );

  it.skipIf(skip)('finds only the own workspace, and asks for something to search', async () => {
    await createClient(api, { name: 'דנה לוי' });
    const other = await ctx.otherWorkspace();
    const stranger = await createClient(other.api, { name: 'דנה זרה', contacts: [{ name: 'דנה עוזרת' }] });
    await createQuote(other.api, stranger.id, { title: 'דנה: הצעה' });

    expect(titles(await find('דנה'))).toEqual({
      clients: ['דנה לוי'],
      contacts: [],
      quotes: [],
      projects: [],
      changeRequests: [],
    });
    expect(titles(await find('דנה', other.api))).toMatchObject({
      clients: ['דנה זרה'],
      contacts: ['דנה עוזרת'],
      quotes: ['דנה: הצעה'],
    });
    expect((await api.get('/api/v1/search?q=%20', ZSearchResults)).status).toBe(422);
  });
});
