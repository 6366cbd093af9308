import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZToday } from '../../../shared/schemas/insights.js';
import { ZProject, ZProjectList } from '../../../shared/schemas/projects.js';
import { acceptedQuote, createClient } from '../../testing/api-helpers.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

describe.each(testDialects())('Today shows a started project and its next step on $label', ({ dialect, skip }) => {
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

  it.skipIf(skip)('right after an acceptance, and as the project moves on', async () => {
    const client = await createClient(api, { name: 'מרכז הדר' });
    await acceptedQuote(api, client.id, { title: 'מיתוג' }, 'הדר');
    const project = (await api.get(`/api/v1/projects?clientId=${client.id}`, ZProjectList)).body.items[0]!;

    const today = async () => (await api.get('/api/v1/today', ZToday)).body;
    let started = (await today()).projectsStarted;
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ projectId: project.id, clientName: 'מרכז הדר' });
    expect((await today()).counts.projectsStarted).toBe(1);

    // Each step done brings the next one.
    const step = async () => (await today()).projectsStarted.map((p) => [p.step, p.subject, p.dueDate]);
    if (!project.targetDate) {
      expect(await step()).toEqual([['set_target', null, null]]);
      expect(
        (await api.post(`/api/v1/projects/${project.id}/target`, { targetDate: '2026-12-20' }, ZProject)).status,
      ).toBe(200);
    }
    const withTarget = (await api.get(`/api/v1/projects/${project.id}`, ZProject)).body;
    // The quote's terms made the client's duties promises: the earliest one is what the project waits for.
    expect(await step()).toEqual([['materials', 'חומרים, טקסטים ותמונות לעבודה', '2026-11-26']]);
    // Past its day and still not supplied, it is still what the project waits for.
    ctx.clock.set('2026-11-27T08:00:00.000Z');
    expect(await step()).toEqual([['materials', 'חומרים, טקסטים ותמונות לעבודה', '2026-11-26']]);

    // Two weeks on, the project is no longer new.
    ctx.clock.set('2026-12-08T08:00:00.000Z');
    started = (await today()).projectsStarted;
    expect(started).toEqual([]);
    expect(withTarget.targetDate).not.toBeNull();
  });
});
