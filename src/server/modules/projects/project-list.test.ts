import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZProject, ZProjectList, type ProjectList } from '../../../shared/schemas/projects.js';
import { createClient } from '../../testing/api-helpers.js';
import { projectInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

/** GET /projects (issue 10): paged, searched, filtered and sorted in SQL, slim rows with status counts. */
describe.each(testDialects())('the projects list on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  const list = async (query = ''): Promise<ProjectList> => {
    const res = await api.get(`/api/v1/projects${query}`, ZProjectList);
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
    const make = async (clientId: string, title: string, targetDate?: string) => {
      ctx.clock.advance(60_000);
      const res = await api.post(
        '/api/v1/projects',
        projectInput(clientId, { title, ...(targetDate ? { targetDate } : { targetDate: undefined }) }),
        ZProject,
      );
      expect(res.status, JSON.stringify(res.raw)).toBe(201);
      return res.body;
    };
    await make(gefen.id, 'מיתוג', '2026-12-20');
    const site = await make(gefen.id, 'אתר תדמית', '2026-12-05');
    await make(dana.id, 'קטלוג', undefined);
    await api.patch(`/api/v1/projects/${site.id}`, { status: 'waiting_for_client' }, ZProject);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('pages newest first, with counts per status and slim rows', async () => {
    const first = await list('?limit=2');
    expect(first.items.map((p) => p.title)).toEqual(['קטלוג', 'אתר תדמית']);
    expect(first).toMatchObject({ total: 3, nextOffset: 2 });
    expect(Object.keys(first.items[0]!).sort()).toEqual(
      ['id', 'clientId', 'clientName', 'title', 'status', 'targetDate', 'createdAt'].sort(),
    );
    expect(first.counts).toContainEqual({ status: 'waiting_for_client', count: 1 });
    expect((await list('?limit=2&offset=2')).nextOffset).toBeNull();
  });

  it.skipIf(skip)('searches title and client, filters by status, sorts by target with none last', async () => {
    expect((await list(`?q=${encodeURIComponent('דנה')}`)).items.map((p) => p.title)).toEqual(['קטלוג']);
    expect((await list(`?q=${encodeURIComponent('אתר')}`)).items.map((p) => p.title)).toEqual(['אתר תדמית']);
    expect((await list('?status=waiting_for_client')).items.map((p) => p.title)).toEqual(['אתר תדמית']);
    expect((await list('?sort=target')).items.map((p) => p.targetDate)).toEqual(['2026-12-05', '2026-12-20', null]);
    expect((await list('?sort=client')).items[0]!.clientName).toBe('דנה לוי');
    const bad = await api.get('/api/v1/projects?status=gone&sort=late', ZProjectList);
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['sort', 'status']);
  });

  it.skipIf(skip)('sees only the caller workspace', async () => {
    const { api: other } = await ctx.otherWorkspace();
    expect((await other.get('/api/v1/projects', ZProjectList)).body).toMatchObject({ items: [], total: 0, counts: [] });
  });
});
