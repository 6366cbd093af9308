import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import he from '../../../shared/locales/he.json' with { type: 'json' };
import { ZMe } from '../../../shared/schemas/accounts.js';
import {
  ZCreateConflict,
  ZUpdateConflict,
  type Conflict,
  type CreateConflictInput,
  ZConflict,
  ZConflictList,
  ZIncident,
  ZStubbornClientList,
} from '../../../shared/schemas/care.js';
import { type Client, ZClient } from '../../../shared/schemas/clients.js';
import { ZChangeRequest, ZChangeRequestDecided, ZProject } from '../../../shared/schemas/projects.js';
import { clientInput, setupInput } from '../../testing/factories.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import {
  createTestContext,
  type ApiClient,
  type TestContext,
  ZOpenApiDocument,
  noContent,
} from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { createWorkspaceWithOwner } from '../accounts/accounts.service.js';
import { createConflict, deleteConflict, updateConflict } from './conflicts.service.js';

/** Seed 002's own example: "I need it tomorrow" → "why tomorrow?" → the exhibition. */
const exhibition: Omit<CreateConflictInput, 'clientId'> = {
  topic: 'schedule',
  position: 'אני צריך את זה למחר',
  question: 'מה הסיבה שדווקא מחר?',
  interest: 'יש תערוכה בעוד יומיים',
  reflection: 'אם הבנתי נכון, מה שחשוב הוא שהעבודה תהיה בתערוכה בזמן',
  options: [{ text: 'לשלוח ישר לתערוכה בעוד יומיים' }, { text: 'מסירה חלקית מחר, השאר בתערוכה' }],
};

describe.each(testDialects())('care conflicts on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  let scope: { workspaceId: string };
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    client = (
      await api.post(
        '/api/v1/clients',
        clientInput({
          name: 'גלריה בע״מ',
          kind: 'organization',
          contacts: [
            { name: 'רונית', role: 'מנהלת הגלריה' },
            { name: 'אבי', role: 'אוצר התערוכה' },
          ],
        }),
        ZClient,
      )
    ).body;
    scope = { workspaceId: (await ctx.db.kysely.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id };
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function open(body: Partial<CreateConflictInput> = {}, as: ApiClient = api): Promise<Conflict> {
    const res = await as.post('/api/v1/care/conflicts', { clientId: client.id, ...exhibition, ...body }, ZConflict);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it.skipIf(skip)('walks a worksheet: create, read, choose an option, resolve, delete', async () => {
    const [ronit, avi] = client.contacts;
    const created = await open({ stakeholderIds: [avi!.id, ronit!.id, avi!.id] });
    expect(created).toMatchObject({
      clientId: client.id,
      clientName: 'גלריה בע״מ',
      ...exhibition,
      stakeholderIds: [avi!.id, ronit!.id],
      chosenOption: null,
      outcome: null,
      occurredOn: '2026-11-23',
      status: 'open',
    });
    expect((await api.get(`/api/v1/care/conflicts/${created.id}`, ZConflict)).body).toEqual(created);

    ctx.clock.set('2026-11-24T09:00:00.000Z');
    const resolved = await api.patch(
      `/api/v1/care/conflicts/${created.id}`,
      {
        chosenOption: 0,
        outcome: 'נשלח ישר לתערוכה; הלקוח מרוצה',
        status: 'resolved',
        stakeholderIds: [ronit!.id],
      },
      ZConflict,
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      chosenOption: 0,
      status: 'resolved',
      stakeholderIds: [ronit!.id],
      position: exhibition.position,
      updatedAt: '2026-11-24T09:00:00.000Z',
    });
    // A new option list keeps the choice while its index exists.
    const reordered = await api.patch(
      `/api/v1/care/conflicts/${created.id}`,
      {
        options: [{ text: 'רק אפשרות אחת' }],
      },
      ZConflict,
    );
    expect(reordered.body).toMatchObject({ chosenOption: 0, options: [{ text: 'רק אפשרות אחת' }] });
    const missing = await api.patch(`/api/v1/care/conflicts/${created.id}`, { chosenOption: 3 }, ZConflict);
    expect(missing.error.fields?.[0]).toMatchObject({
      path: 'chosenOption',
      code: 'option_missing',
      message: he.validation.option_missing,
    });

    expect((await api.delete(`/api/v1/care/conflicts/${created.id}`, noContent)).status).toBe(204);
    expect((await api.get(`/api/v1/care/conflicts/${created.id}`, ZConflict)).status).toBe(404);
    expect(await ctx.db.kysely.selectFrom('conflict_stakeholders').selectAll().execute()).toEqual([]);
  });

  it.skipIf(skip)('refuses an unknown topic and other bad input with Hebrew field errors', async () => {
    const before = await snapshotAll(ctx.db);
    const bad = await api.post(
      '/api/v1/care/conflicts',
      {
        clientId: client.id,
        topic: 'parking',
        position: '',
        status: 'won',
        options: [{ text: '' }],
        chosenOption: -1,
        occurredOn: 'tomorrow',
        stakeholderIds: ['not-an-id'],
      },
      ZConflict,
    );
    expect(bad.status).toBe(422);
    const fields = Object.fromEntries((bad.error.fields ?? []).map((f) => [f.path, f]));
    expect(fields.topic).toMatchObject({ code: 'invalid_choice', message: 'יש לבחור אחת מהאפשרויות' });
    expect(fields.position).toMatchObject({ code: 'required', message: he.validation.required });
    expect(fields.status).toMatchObject({ code: 'invalid_choice' });
    expect(fields['options.0.text']).toMatchObject({ code: 'required' });
    expect(fields.chosenOption).toMatchObject({ code: 'too_small' });
    expect(fields.occurredOn).toMatchObject({ code: 'invalid_date' });
    expect(fields['stakeholderIds.0']).toMatchObject({ code: 'invalid_id', message: he.validation.invalid_id });
    const outOfRange = await api.post(
      '/api/v1/care/conflicts',
      {
        clientId: client.id,
        ...exhibition,
        chosenOption: 2,
      },
      ZConflict,
    );
    expect(outOfRange.error.fields?.[0]).toMatchObject({ path: 'chosenOption', code: 'option_missing' });
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('takes stakeholders only from this client’s contacts, in this workspace', async () => {
    const sibling = (await api.post('/api/v1/clients', clientInput({ contacts: [{ name: 'מישהו אחר' }] }), ZClient))
      .body;
    await createWorkspaceWithOwner(ctx.deps, setupInput({ owner: { email: 'other@example.com' } }));
    const otherApi = ctx.client();
    await otherApi.post('/api/v1/auth/login', { email: 'other@example.com', password: 'correct horse battery' }, ZMe);
    const theirs = (await otherApi.post('/api/v1/clients', clientInput({ contacts: [{ name: 'זר' }] }), ZClient)).body;
    const before = await snapshotAll(ctx.db);

    const otherClientsContact = await api.post(
      '/api/v1/care/conflicts',
      {
        clientId: client.id,
        ...exhibition,
        stakeholderIds: [client.contacts[0]!.id, sibling.contacts[0]!.id],
      },
      ZConflict,
    );
    expect(otherClientsContact.status).toBe(422);
    expect(otherClientsContact.error.fields?.[0]).toMatchObject({
      path: 'stakeholderIds.1',
      code: 'unknown_contact',
      message: he.validation.unknown_contact,
    });
    const foreignContact = await api.post(
      '/api/v1/care/conflicts',
      {
        clientId: client.id,
        ...exhibition,
        stakeholderIds: [theirs.contacts[0]!.id],
      },
      ZConflict,
    );
    expect(foreignContact.error.fields?.[0]).toMatchObject({ code: 'unknown_contact' });
    const foreignClient = await api.post('/api/v1/care/conflicts', { clientId: theirs.id, ...exhibition }, ZConflict);
    expect(foreignClient.error.fields?.[0]).toMatchObject({ path: 'clientId', code: 'unknown_client' });
    expect(await snapshotAll(ctx.db)).toEqual(before);

    const mine = await open({ stakeholderIds: [client.contacts[0]!.id] });
    const swap = await api.patch(
      `/api/v1/care/conflicts/${mine.id}`,
      {
        stakeholderIds: [theirs.contacts[0]!.id],
      },
      ZConflict,
    );
    expect(swap.error.fields?.[0]).toMatchObject({ code: 'unknown_contact' });
    expect((await api.get(`/api/v1/care/conflicts/${mine.id}`, ZConflict)).body.stakeholderIds).toEqual([
      client.contacts[0]!.id,
    ]);
    expect((await otherApi.get(`/api/v1/care/conflicts/${mine.id}`, ZConflict)).status).toBe(404);
    expect((await otherApi.patch(`/api/v1/care/conflicts/${mine.id}`, { status: 'dropped' }, ZConflict)).status).toBe(
      404,
    );
    expect((await otherApi.delete(`/api/v1/care/conflicts/${mine.id}`, noContent)).status).toBe(404);
    expect((await otherApi.get('/api/v1/care/conflicts', ZConflictList)).body.items).toEqual([]);
  });

  it.skipIf(skip)('writes a case and its stakeholders together or not at all', async () => {
    const [ronit, avi] = client.contacts;
    const before = await snapshotAll(ctx.db);
    const input = ZCreateConflict.parse({ clientId: client.id, ...exhibition, stakeholderIds: [ronit!.id, avi!.id] });
    await expect(
      createConflict(failingWrites(ctx.deps, { table: 'conflict_stakeholders', kind: 'insert', nth: 2 }), scope, input),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);

    const created = await createConflict(ctx.deps, scope, input);
    const stored = await snapshotAll(ctx.db);
    const change = ZUpdateConflict.parse({ status: 'resolved', stakeholderIds: [avi!.id, ronit!.id] });
    await expect(
      updateConflict(
        failingWrites(ctx.deps, { table: 'conflict_stakeholders', kind: 'insert', nth: 2 }),
        scope,
        created.id,
        change,
      ),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(stored);
    await expect(
      deleteConflict(failingWrites(ctx.deps, { table: 'conflicts', kind: 'delete' }), scope, created.id),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(stored);
  });

  it.skipIf(skip)('lists by client, status and topic, newest first, paged', async () => {
    const other = (await api.post('/api/v1/clients', clientInput({ name: 'אחר' }), ZClient)).body;
    const a = await open({ topic: 'costs' });
    ctx.clock.advance(1000);
    const b = await open({ status: 'resolved' });
    ctx.clock.advance(1000);
    const c = await open({ clientId: other.id });
    const all = await api.get('/api/v1/care/conflicts', ZConflictList);
    expect(all.body.items.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(all.body.nextCursor).toBeNull();
    const byClient = await api.get(`/api/v1/care/conflicts?clientId=${client.id}&status=open`, ZConflictList);
    expect(byClient.body.items.map((x) => x.id)).toEqual([a.id]);
    expect((await api.get('/api/v1/care/conflicts?topic=costs', ZConflictList)).body.items.map((x) => x.id)).toEqual([
      a.id,
    ]);
    const first = await api.get('/api/v1/care/conflicts?limit=2', ZConflictList);
    expect(first.body.items.map((x) => x.id)).toEqual([c.id, b.id]);
    const rest = await api.get(
      `/api/v1/care/conflicts?limit=2&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
      ZConflictList,
    );
    expect(rest.body).toMatchObject({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
    const bad = await api.get('/api/v1/care/conflicts?status=won&topic=parking', ZConflictList);
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['status', 'topic']);
  });

  it.skipIf(skip)(
    'ranks the five most stubborn clients by open conflicts + open mistakes + extra requests',
    async () => {
      const make = async (name: string) => (await api.post('/api/v1/clients', clientInput({ name }), ZClient)).body;
      const [b, calm, ...ones] = [
        await make('ב'),
        await make('רגוע'),
        ...(await Promise.all(['ד', 'ה', 'ו'].map(make))),
      ];
      const extras = await make('ז');
      const mistake = (clientId: string, status = 'open') =>
        api.post('/api/v1/care/incidents', { clientId, title: 'טעות', status }, ZIncident);

      // The gallery: two open conflicts and one open mistake → 3.
      await open();
      await open({ topic: 'costs' });
      await mistake(client.id);
      // b: one open conflict, one request beyond scope (and one decided in scope, which is not an extra) → 2.
      await open({ clientId: b.id });
      const project = (await api.post('/api/v1/projects', { clientId: b.id, title: 'פרויקט' }, ZProject)).body;
      const request = (what: string) =>
        api.post(`/api/v1/projects/${project.id}/change-requests`, { what, channel: 'phone' }, ZChangeRequest);
      await request('עוד עמוד');
      const inScope = (await request('תיקון קטן')).body;
      expect(
        (await api.post(`/api/v1/change-requests/${inScope.id}/decide`, { inScope: true }, ZChangeRequestDecided))
          .status,
      ).toBe(200);
      // calm: only resolved and closed things → not listed.
      await open({ clientId: calm.id, status: 'resolved' });
      await mistake(calm.id, 'closed');
      // Four clients with one point each; only three fit.
      for (const one of ones) await mistake(one.id);
      const extrasProject = (await api.post('/api/v1/projects', { clientId: extras.id, title: 'עוד' }, ZProject)).body;
      await api.post(
        `/api/v1/projects/${extrasProject.id}/change-requests`,
        { what: 'גם זה', channel: 'email' },
        ZChangeRequest,
      );
      // Another workspace's frictions do not count here.
      await createWorkspaceWithOwner(ctx.deps, setupInput({ owner: { email: 'other@example.com' } }));
      const otherApi = ctx.client();
      await otherApi.post('/api/v1/auth/login', { email: 'other@example.com', password: 'correct horse battery' }, ZMe);
      const theirs = (await otherApi.post('/api/v1/clients', clientInput(), ZClient)).body;
      for (let i = 0; i < 4; i++)
        await otherApi.post('/api/v1/care/incidents', { clientId: theirs.id, title: 'x' }, ZIncident);

      const res = await api.get('/api/v1/care/stubborn', ZStubbornClientList);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(5);
      expect(res.body.items[0]).toEqual({
        clientId: client.id,
        clientName: 'גלריה בע״מ',
        openConflicts: 2,
        openIncidents: 1,
        changeRequests: 0,
        score: 3,
      });
      expect(res.body.items[1]).toMatchObject({ clientId: b.id, openConflicts: 1, changeRequests: 1, score: 2 });
      const tied = [...ones, extras].map((x) => x.id).sort();
      expect(res.body.items.slice(2).map((x) => x.clientId)).toEqual(tied.slice(0, 3));
      expect(res.body.items.every((x) => x.score >= 1 && x.clientId !== calm.id)).toBe(true);
      expect((await otherApi.get('/api/v1/care/stubborn', ZStubbornClientList)).body.items).toEqual([
        expect.objectContaining({ clientId: theirs.id, openIncidents: 4, score: 4 }),
      ]);
    },
  );

  it.skipIf(skip)('documents the care endpoints in the OpenAPI document', async () => {
    const doc = await api.get('/api/v1/openapi.json', ZOpenApiDocument);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/care/playbooks',
        '/care/playbooks/{type}',
        '/care/playbooks/{type}/reset',
        '/care/types',
        '/care/types/{id}',
        '/care/incidents',
        '/care/incidents/{id}',
        '/care/conflicts',
        '/care/conflicts/{id}',
        '/care/stubborn',
      ]),
    );
    expect(Object.keys(doc.body.components.schemas)).toEqual(
      expect.arrayContaining([
        'Playbook',
        'CreateIncident',
        'Incident',
        'CreateConflict',
        'Conflict',
        'StubbornClient',
      ]),
    );
  });
});
