import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import en from '../../../shared/locales/en.json' with { type: 'json' };
import he from '../../../shared/locales/he.json' with { type: 'json' };
import { ZMe } from '../../../shared/schemas/accounts.js';
import {
  type CreateIncidentInput,
  type Incident,
  type IncidentList,
  ZIncident,
  ZIncidentList,
} from '../../../shared/schemas/care.js';
import { type Client, ZClient } from '../../../shared/schemas/clients.js';
import { type Project, ZProject } from '../../../shared/schemas/projects.js';
import { clientInput, setupInput } from '../../testing/factories.js';
import { snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext, noContent } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { createWorkspaceWithOwner } from '../accounts/accounts.service.js';

describe.each(testDialects())('care incidents on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  let project: Project;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    client = (await api.post('/api/v1/clients', clientInput({ name: 'דנה לוי' }), ZClient)).body;
    project = (await api.post('/api/v1/projects', { clientId: client.id, title: 'אתר חדש' }, ZProject)).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function report(body: Partial<CreateIncidentInput> = {}): Promise<Incident> {
    const res = await api.post('/api/v1/care/incidents', { clientId: client.id, title: 'טעות', ...body }, ZIncident);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it.skipIf(skip)('records a mistake, reads it back, updates it through its statuses and deletes it', async () => {
    const created = await report({
      projectId: project.id,
      title: 'פספסתי את מועד המסירה',
      outline: 'הספק שלח את הקבצים באיחור ולא עדכנתי את הלקוחה',
      cause: 'deadline',
      causeDetails: 'לא בדקתי את לוח הזמנים של הספק',
      prevention: 'לבקש מהספק מועד מחייב ולעדכן את הלקוחה כבר ביום העיכוב',
      fix: 'מסירה מחר ב־10:00',
      compensation: 'הנחה של 10% על החודש',
      compensationAmount: 25_000,
      fixBy: '2026-11-24',
    });
    expect(created).toMatchObject({
      clientId: client.id,
      clientName: 'דנה לוי',
      projectId: project.id,
      cause: 'deadline',
      compensationAmount: 25_000,
      currency: 'ILS',
      status: 'open',
      clientReaction: null,
      fixBy: '2026-11-24',
      fixedAt: null,
      closedAt: null,
      createdAt: '2026-11-23T08:00:00.000Z',
    });
    expect((await api.get(`/api/v1/care/incidents/${created.id}`, ZIncident)).body).toEqual(created);

    ctx.clock.set('2026-11-24T09:00:00.000Z');
    const fixed = await api.patch(
      `/api/v1/care/incidents/${created.id}`,
      {
        status: 'fixed',
        clientReaction: 'הודתה על הכנות',
        outline: '',
      },
      ZIncident,
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      status: 'fixed',
      fixedAt: '2026-11-24T09:00:00.000Z',
      clientReaction: 'הודתה על הכנות',
      outline: null,
      title: 'פספסתי את מועד המסירה',
      compensationAmount: 25_000,
      updatedAt: '2026-11-24T09:00:00.000Z',
    });
    ctx.clock.set('2026-11-25T09:00:00.000Z');
    const closed = await api.patch(`/api/v1/care/incidents/${created.id}`, { status: 'closed' }, ZIncident);
    expect(closed.body).toMatchObject({ fixedAt: '2026-11-24T09:00:00.000Z', closedAt: '2026-11-25T09:00:00.000Z' });
    const reopened = await api.patch(
      `/api/v1/care/incidents/${created.id}`,
      {
        status: 'open',
        projectId: null,
      },
      ZIncident,
    );
    expect(reopened.body).toMatchObject({ status: 'open', fixedAt: null, closedAt: null, projectId: null });

    expect((await api.delete(`/api/v1/care/incidents/${created.id}`, noContent)).status).toBe(204);
    expect((await api.get(`/api/v1/care/incidents/${created.id}`, ZIncident)).status).toBe(404);
    expect((await api.delete(`/api/v1/care/incidents/${created.id}`, noContent)).status).toBe(404);
  });

  it.skipIf(skip)('refuses bad input with field errors in Hebrew and English, storing nothing', async () => {
    const before = await snapshotAll(ctx.db);
    const bad = await api.post(
      '/api/v1/care/incidents',
      {
        clientId: client.id,
        title: '',
        cause: 'bad_luck',
        status: 'forgotten',
        compensationAmount: -100,
        fixBy: '2026-02-30',
      },
      ZIncident,
    );
    expect(bad.status).toBe(422);
    const fields = Object.fromEntries((bad.error.fields ?? []).map((f) => [f.path, f]));
    expect(fields.title).toMatchObject({ code: 'required', message: he.validation.required });
    expect(fields.cause).toMatchObject({ code: 'invalid_choice', message: he.validation.invalid_choice });
    expect(fields.status).toMatchObject({ code: 'invalid_choice' });
    expect(fields.compensationAmount).toMatchObject({ code: 'too_small', message: 'הערך קטן מדי (לפחות 0)' });
    expect(fields.fixBy).toMatchObject({ code: 'invalid_date', message: he.validation.invalid_date });

    const fraction = await api.post(
      '/api/v1/care/incidents',
      { clientId: client.id, title: 'x', compensationAmount: 10.5 },
      ZIncident,
      { 'accept-language': 'en' },
    );
    expect(fraction.error.fields?.[0]).toMatchObject({
      path: 'compensationAmount',
      code: 'invalid_number',
      message: en.validation.invalid_number,
    });
    expect(await snapshotAll(ctx.db)).toEqual(before);

    const stored = await report({ compensationAmount: 500 });
    const badPatch = await api.patch(`/api/v1/care/incidents/${stored.id}`, { compensationAmount: -1 }, ZIncident);
    expect(badPatch.status).toBe(422);
    const tooBig = await api.patch(`/api/v1/care/incidents/${stored.id}`, { compensationAmount: 3e9 }, ZIncident);
    expect(tooBig.error.fields?.[0]).toMatchObject({ code: 'too_big', message: 'הערך גדול מדי (עד 1000000000)' });
    expect((await api.get(`/api/v1/care/incidents/${stored.id}`, ZIncident)).body).toEqual(stored);
  });

  it.skipIf(skip)('refuses another workspace’s client or project, and a project of another client', async () => {
    const other = await createWorkspaceWithOwner(ctx.deps, setupInput({ owner: { email: 'other@example.com' } }));
    const otherApi = ctx.client();
    await otherApi.post('/api/v1/auth/login', { email: 'other@example.com', password: 'correct horse battery' }, ZMe);
    expect(other.workspaceId).toBeTruthy();
    const theirClient = (await otherApi.post('/api/v1/clients', clientInput(), ZClient)).body;
    const theirProject = (
      await otherApi.post('/api/v1/projects', { clientId: theirClient.id, title: 'שלהם' }, ZProject)
    ).body;
    const secondClient = (await api.post('/api/v1/clients', clientInput(), ZClient)).body;
    const before = await snapshotAll(ctx.db);

    const foreignClient = await api.post('/api/v1/care/incidents', { clientId: theirClient.id, title: 'x' }, ZIncident);
    expect(foreignClient.status).toBe(422);
    expect(foreignClient.error.fields?.[0]).toMatchObject({
      path: 'clientId',
      code: 'unknown_client',
      message: he.validation.unknown_client,
    });
    const foreignProject = await api.post(
      '/api/v1/care/incidents',
      {
        clientId: client.id,
        projectId: theirProject.id,
        title: 'x',
      },
      ZIncident,
    );
    expect(foreignProject.error.fields?.[0]).toMatchObject({ path: 'projectId', code: 'unknown_project' });
    const otherClientsProject = await api.post(
      '/api/v1/care/incidents',
      {
        clientId: secondClient.id,
        projectId: project.id,
        title: 'x',
      },
      ZIncident,
    );
    expect(otherClientsProject.error.fields?.[0]).toMatchObject({ path: 'projectId', code: 'unknown_project' });
    expect(await snapshotAll(ctx.db)).toEqual(before);

    // Their records are not found from here, and mine not from there.
    const mine = await report();
    expect((await otherApi.get(`/api/v1/care/incidents/${mine.id}`, ZIncident)).status).toBe(404);
    expect((await otherApi.patch(`/api/v1/care/incidents/${mine.id}`, { title: 'נחטף' }, ZIncident)).status).toBe(404);
    expect((await otherApi.delete(`/api/v1/care/incidents/${mine.id}`, noContent)).status).toBe(404);
    expect((await otherApi.get('/api/v1/care/incidents', ZIncidentList)).body.items).toEqual([]);
    const moveToTheirs = await api.patch(
      `/api/v1/care/incidents/${mine.id}`,
      {
        projectId: theirProject.id,
      },
      ZIncident,
    );
    expect(moveToTheirs.error.fields?.[0]).toMatchObject({ code: 'unknown_project' });
    expect((await api.get(`/api/v1/care/incidents/${mine.id}`, ZIncident)).body.projectId).toBeNull();
  });

  it.skipIf(skip)('lists newest first with filters, a page at a time by (created_at, id)', async () => {
    const second = (await api.post('/api/v1/clients', clientInput({ name: 'יוסי' }), ZClient)).body;
    const made: Incident[] = [];
    for (let i = 0; i < 5; i++) {
      // Two mistakes in the same millisecond: the id breaks the tie.
      if (i !== 3) ctx.clock.advance(60_000);
      made.push(await report({ title: `טעות ${i}`, cause: i % 2 ? 'quality' : 'estimate' }));
    }
    made.push(await report({ title: 'של יוסי', clientId: second.id, cause: 'quality', status: 'fixed' }));
    const newestFirst = [...made].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/care/incidents?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: IncidentList = (await api.get(query, ZIncidentList)).body;
      expect(page.items.length).toBeLessThanOrEqual(4);
      pages.push(...page.items.map((x) => x.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(newestFirst.map((x) => x.title));

    const quality = await api.get(`/api/v1/care/incidents?cause=quality&clientId=${client.id}`, ZIncidentList);
    expect(quality.body.items.map((x) => x.title)).toEqual(['טעות 3', 'טעות 1']);
    const fixed = await api.get('/api/v1/care/incidents?status=fixed', ZIncidentList);
    expect(fixed.body.items.map((x) => x.clientName)).toEqual(['יוסי']);

    const bad = await api.get('/api/v1/care/incidents?cause=luck&limit=0&cursor=nope', ZIncidentList);
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['cause', 'cursor', 'limit']);
  });
});
