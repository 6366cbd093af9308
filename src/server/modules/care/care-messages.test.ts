import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import {
  ZResolveConflict,
  ZSendApology,
  type Conflict,
  type Incident,
  ZApologySent,
  ZConflict,
  ZConflictResolved,
  ZIncident,
} from '../../../shared/schemas/care.js';
import { type Client, ZClient } from '../../../shared/schemas/clients.js';
import { ZCommitmentList } from '../../../shared/schemas/commitments.js';
import { ZInteractionList } from '../../../shared/schemas/interactions.js';
import { ZMessageComposed } from '../../../shared/schemas/messages.js';
import { clientInput, setupInput } from '../../testing/factories.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { createWorkspaceWithOwner } from '../accounts/accounts.service.js';
import { resolveConflict } from './conflicts.service.js';
import { sendApology } from './incidents.service.js';

/** Seed 003's apology and seed 002's chosen option: composed in the client's language, sent in one transaction. */
describe.each(testDialects())('care messages on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let scope: { workspaceId: string };
  let client: Client;
  let english: Client;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    client = (await api.post('/api/v1/clients', clientInput({ name: 'דנה לוי' }), ZClient)).body;
    english = (
      await api.post('/api/v1/clients', clientInput({ name: 'Sarah Cohen', language: 'en', channel: 'email' }), ZClient)
    ).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function mistake(on: Client, body: Record<string, unknown> = {}): Promise<Incident> {
    const res = await api.post(
      '/api/v1/care/incidents',
      {
        clientId: on.id,
        title: 'פספסתי את מועד המסירה.',
        fix: 'המסירה תצא מחר ב־10:00',
        compensation: 'הנחה של 10% על החודש',
        compensationAmount: 25_000,
        fixBy: '2026-11-24',
        ...body,
      },
      ZIncident,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it.skipIf(skip)('composes the short apology from the record, in Hebrew and in English', async () => {
    const he = await api.post(`/api/v1/care/incidents/${(await mistake(client)).id}/apology`, {}, ZMessageComposed);
    expect(he.status).toBe(200);
    expect(he.body).toMatchObject({ kind: 'apology', locale: 'he', channel: 'whatsapp' });
    expect(he.body.subject).toBe('סליחה על הטעות: פספסתי את מועד המסירה');
    expect(he.body.body).toContain('סליחה, טעיתי: פספסתי את מועד המסירה.\n');
    expect(he.body.body).toContain('כך אתקן את זה: המסירה תצא מחר ב־10:00');
    expect(he.body.body).toContain('הכול יהיה מתוקן עד יום שלישי, 24 בנובמבר.');
    expect(he.body.body).toContain('וכדי לפצות על אי הנוחות: הנחה של 10% על החודש');
    expect(he.body.body).not.toMatch(/\{\{|את\/ה|\/ה /);

    const bare = await mistake(english, { title: 'Sent the wrong file', fix: null, compensation: null, fixBy: null });
    const en = await api.post(
      `/api/v1/care/incidents/${bare.id}/apology`,
      {
        fixBy: { dueDate: '2026-11-26', dueTime: '12:00' },
      },
      ZMessageComposed,
    );
    expect(en.body).toMatchObject({ locale: 'en', subject: 'I am sorry: Sent the wrong file' });
    expect(en.body.body).toContain('I am sorry, I made a mistake: Sent the wrong file.');
    expect(en.body.body).toContain('It will all be fixed by Thursday, 26 November at 12:00.');
    expect(en.body.body).not.toContain('How I will fix it');
    expect(en.body.body).not.toContain('make up for');
  });

  it.skipIf(skip)('sends the apology as a contact and makes "fix by" my promise, linked to the mistake', async () => {
    const incident = await mistake(client);
    const res = await api.post(
      `/api/v1/care/incidents/${incident.id}/apology/send`,
      {
        message: { channel: 'whatsapp', body: 'סליחה, טעיתי. המסירה מחר ב־10:00.' },
        fixBy: { dueDate: '2026-11-24', dueTime: '10:00' },
      },
      ZApologySent,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { incident: stored, sent, fixPromise } = res.body;
    expect(sent.message).toMatchObject({ kind: 'apology', channel: 'whatsapp', clientId: client.id });
    expect(sent.link).toMatch(/^https:\/\/wa\.me\//);
    expect(fixPromise).toMatchObject({
      direction: 'mine',
      clientId: client.id,
      title: 'תיקון: פספסתי את מועד המסירה.',
      dueDate: '2026-11-24',
      dueTime: '10:00',
      interactionId: sent.interactionId,
      status: 'open',
    });
    expect(stored).toMatchObject({ apologyMessageId: sent.message.id, fixCommitmentId: fixPromise!.id });
    const log = await api.get(`/api/v1/interactions?clientId=${client.id}`, ZInteractionList);
    expect(log.body.items.map((i) => i.messageId)).toContain(sent.message.id);

    const twice = await api.post(
      `/api/v1/care/incidents/${incident.id}/apology/send`,
      {
        message: { channel: 'sms', body: 'שוב סליחה' },
        fixBy: { dueDate: '2026-11-25' },
      },
      ZApologySent,
    );
    expect(twice.status).toBe(422);
    expect(twice.error.fields?.[0]).toMatchObject({ path: 'fixBy', code: 'fix_promised' });
  });

  it.skipIf(skip)('an apology whose last write fails, or whose e-mail cannot go, changes nothing', async () => {
    const incident = await mistake(client);
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'incidents', kind: 'update' });
    const input = ZSendApology.parse({
      message: { channel: 'whatsapp', body: 'סליחה' },
      fixBy: { dueDate: '2026-11-24' },
    });
    await expect(sendApology(failing, scope, incident.id, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);

    const email = await api.post(
      `/api/v1/care/incidents/${incident.id}/apology/send`,
      { message: { channel: 'email', body: 'Sorry' }, fixBy: { dueDate: '2026-11-24' } },
      ZApologySent,
      { 'accept-language': 'en' },
    );
    expect(email.status).toBe(422);
    expect(email.error.fields?.[0]).toMatchObject({ path: 'channel', code: 'email_not_configured' });
    expect(await snapshotAll(ctx.db)).toEqual(before);

    const bad = await api.post(
      `/api/v1/care/incidents/${incident.id}/apology/send`,
      {
        message: { channel: 'fax', body: '' },
        fixBy: { dueDate: '2026-02-30' },
      },
      ZApologySent,
    );
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['fixBy.dueDate', 'message.body', 'message.channel']);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  async function conflict(body: Record<string, unknown> = {}): Promise<Conflict> {
    const res = await api.post(
      '/api/v1/care/conflicts',
      {
        clientId: client.id,
        topic: 'schedule',
        position: 'אני צריכה את זה מחר',
        question: 'למה מחר?',
        interest: 'התערוכה בעוד יומיים',
        reflection: 'אם הבנתי נכון, מה שחשוב הוא שהעבודה תהיה בתערוכה בזמן',
        options: [{ text: 'לשלוח את ההדפסות ישר לתערוכה' }, { text: 'מסירה חלקית מחר' }],
        ...body,
      },
      ZConflict,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it.skipIf(skip)('composes the follow-up: the reflection once, what we agreed, and the next steps', async () => {
    const c = await conflict();
    const none = await api.post(`/api/v1/care/conflicts/${c.id}/message`, {}, ZMessageComposed);
    expect(none.status).toBe(422);
    expect(none.error.fields?.[0]).toMatchObject({ path: 'chosenOption', code: 'no_option_chosen' });
    const composed = await api.post(
      `/api/v1/care/conflicts/${c.id}/message`,
      {
        chosenOption: 0,
        promises: [
          { direction: 'mine', title: 'שליחת ההדפסות לתערוכה', dueDate: '2026-11-24', dueTime: '16:00' },
          { direction: 'theirs', title: 'כתובת המשלוח', dueDate: '2026-11-23' },
        ],
      },
      ZMessageComposed,
    );
    expect(composed.status).toBe(200);
    expect(composed.body).toMatchObject({ kind: 'conflict_followup', locale: 'he' });
    const body = composed.body.body;
    expect(body).toContain('אם הבנתי נכון, מה שחשוב הוא שהעבודה תהיה בתערוכה בזמן');
    expect(body.match(/אם הבנתי נכון/g)).toHaveLength(1);
    expect(body).toContain('סיכמנו: לשלוח את ההדפסות ישר לתערוכה');
    expect(body).toContain('• שליחת ההדפסות לתערוכה: עליי, עד יום שלישי, 24 בנובמבר בשעה 16:00');
    expect(body).toContain('• כתובת המשלוח: מצדך, עד יום שני, 23 בנובמבר');
    const outOfRange = await api.post(`/api/v1/care/conflicts/${c.id}/message`, { chosenOption: 5 }, ZMessageComposed);
    expect(outOfRange.error.fields?.[0]).toMatchObject({ path: 'chosenOption', code: 'option_missing' });
  });

  it.skipIf(skip)('resolving makes the chosen option promises (mine and theirs) and sends the follow-up', async () => {
    const c = await conflict();
    const res = await api.post(
      `/api/v1/care/conflicts/${c.id}/resolve`,
      {
        chosenOption: 0,
        outcome: 'ההדפסות נשלחות ישר לתערוכה',
        promises: [
          { direction: 'mine', title: 'שליחת ההדפסות לתערוכה', dueDate: '2026-11-24', dueTime: '16:00' },
          { direction: 'theirs', title: 'כתובת המשלוח', dueDate: '2026-11-23' },
        ],
        message: { channel: 'sms', body: 'סיכמנו: ההדפסות נשלחות ישר לתערוכה' },
      },
      ZConflictResolved,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { conflict: resolved, promises, sent } = res.body;
    expect(resolved).toMatchObject({
      status: 'resolved',
      chosenOption: 0,
      outcome: 'ההדפסות נשלחות ישר לתערוכה',
      resolvedAt: '2026-11-23T08:00:00.000Z',
      followupMessageId: sent!.message.id,
      commitmentIds: promises.map((p) => p.id),
    });
    expect(promises.map((p) => [p.direction, p.clientId, p.interactionId])).toEqual([
      ['mine', client.id, sent!.interactionId],
      ['theirs', client.id, sent!.interactionId],
    ]);
    expect(sent!.message).toMatchObject({ kind: 'conflict_followup', channel: 'sms' });
    const open = await api.get(`/api/v1/commitments?clientId=${client.id}`, ZCommitmentList);
    expect(open.body.items).toHaveLength(2);
    // Composing afterwards reads the stored promises.
    const again = await api.post(`/api/v1/care/conflicts/${c.id}/message`, {}, ZMessageComposed);
    expect(again.body.body).toContain('• כתובת המשלוח: מצדך');
    expect(
      (await api.post(`/api/v1/care/conflicts/${c.id}/resolve`, { chosenOption: 1 }, ZConflictResolved)).status,
    ).toBe(409);
  });

  it.skipIf(skip)('a resolution whose last write fails, or whose e-mail cannot go, changes nothing', async () => {
    const c = await conflict();
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'conflicts', kind: 'update' });
    const input = ZResolveConflict.parse({
      chosenOption: 1,
      promises: [{ title: 'מסירה חלקית', dueDate: '2026-11-24' }],
      message: { channel: 'whatsapp', body: 'סיכמנו על מסירה חלקית מחר' },
    });
    await expect(resolveConflict(failing, scope, c.id, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
    const email = await api.post(
      `/api/v1/care/conflicts/${c.id}/resolve`,
      {
        chosenOption: 1,
        promises: [{ title: 'מסירה חלקית', dueDate: '2026-11-24' }],
        message: { channel: 'email', body: 'סיכמנו' },
      },
      ZConflictResolved,
    );
    expect(email.status).toBe(422);
    expect(email.error.fields?.[0]).toMatchObject({ path: 'channel', code: 'email_not_configured' });
    const bad = await api.post(
      `/api/v1/care/conflicts/${c.id}/resolve`,
      {
        chosenOption: 7,
        promises: [{ title: '', dueDate: 'מחר' }],
      },
      ZConflictResolved,
    );
    expect(bad.status).toBe(422);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('another workspace’s mistake or conflict is not found', async () => {
    const c = await conflict();
    const incident = await mistake(client);
    await createWorkspaceWithOwner(ctx.deps, setupInput({ owner: { email: 'other@example.com' } }));
    const otherApi = ctx.client();
    await otherApi.post('/api/v1/auth/login', { email: 'other@example.com', password: 'correct horse battery' }, ZMe);
    const before = await snapshotAll(ctx.db);
    expect((await otherApi.post(`/api/v1/care/incidents/${incident.id}/apology`, {}, ZMessageComposed)).status).toBe(
      404,
    );
    expect(
      (
        await otherApi.post(
          `/api/v1/care/incidents/${incident.id}/apology/send`,
          {
            message: { channel: 'whatsapp', body: 'x' },
          },
          ZApologySent,
        )
      ).status,
    ).toBe(404);
    expect(
      (await otherApi.post(`/api/v1/care/conflicts/${c.id}/message`, { chosenOption: 0 }, ZMessageComposed)).status,
    ).toBe(404);
    expect(
      (await otherApi.post(`/api/v1/care/conflicts/${c.id}/resolve`, { chosenOption: 0 }, ZConflictResolved)).status,
    ).toBe(404);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });
});
