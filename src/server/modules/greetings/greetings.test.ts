import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import en from '../../../shared/locales/en.json' with { type: 'json' };
import he from '../../../shared/locales/he.json' with { type: 'json' };
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZClient, type Client } from '../../../shared/schemas/clients.js';
import { ZHolidayGreetings, ZHolidayGreetingsSent } from '../../../shared/schemas/greetings.js';
import { ZToday } from '../../../shared/schemas/insights.js';
import { ZInteractionList } from '../../../shared/schemas/interactions.js';
import { ZMessageComposed, ZOutbox } from '../../../shared/schemas/messages.js';
import { createClient } from '../../testing/api-helpers.js';
import { upcomingDates } from '../clients/clients.service.js';
import { snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

describe.each(testDialects())('greetings on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let ronit: Client;
  let dana: Client;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect, { mail: true });
    api = await ctx.owner();
    ctx.clock.set('2026-10-12T08:00:00.000Z');
    ronit = await createClient(api, {
      name: 'רונית לוי',
      status: 'active',
      email: 'ronit@example.co.il',
      phone: '054-7654321',
      channel: 'email',
      tags: ['VIP'],
      importantDates: [{ kind: 'birthday', calendar: 'hebrew', hebrewMonth: 'heshvan', day: 5, year: 5750 }],
    });
    dana = await createClient(api, {
      name: 'Dana Green',
      status: 'active',
      language: 'en',
      email: null,
      whatsapp: '052-1234567',
      channel: 'whatsapp',
      importantDates: [{ kind: 'business_founded', month: 10, day: 14, year: 2015 }],
    });
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('stores a Hebrew date and the "worth nurturing" switch, and refuses bad ones in he/en', async () => {
    expect(ronit.worthNurturing).toBe(true);
    expect(ronit.importantDates).toEqual([
      { kind: 'birthday', label: null, calendar: 'hebrew', month: null, hebrewMonth: 'heshvan', day: 5, year: 5750 },
    ]);
    expect(dana.importantDates[0]).toMatchObject({ calendar: 'gregorian', month: 10, hebrewMonth: null });
    const off = await api.patch(`/api/v1/clients/${dana.id}`, { worthNurturing: false }, ZClient);
    expect(off.body.worthNurturing).toBe(false);

    const before = await snapshotAll(ctx.db);
    const bad = await api.patch(
      `/api/v1/clients/${ronit.id}`,
      {
        importantDates: [
          { kind: 'birthday', calendar: 'hebrew', day: 5 },
          { kind: 'birthday', calendar: 'hebrew', hebrewMonth: 'tevet', day: 30 },
          { kind: 'birthday', calendar: 'hebrew', hebrewMonth: 'adar_i', day: 30, year: 1990 },
          { kind: 'birthday', calendar: 'gregorian', day: 5 },
          { kind: 'birthday', calendar: 'julian', month: 1, day: 5 },
        ],
      },
      ZClient,
    );
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      'importantDates.0.hebrewMonth:required',
      'importantDates.1.day:invalid_date',
      'importantDates.2.year:invalid_date',
      'importantDates.3.month:invalid_date',
      'importantDates.4.calendar:invalid_choice',
    ]);
    expect(bad.error.fields?.[0]).toMatchObject({ message: he.validation.required });
    const inEnglish = await api.patch(
      `/api/v1/clients/${ronit.id}`,
      { importantDates: [{ kind: 'birthday', calendar: 'hebrew', hebrewMonth: 'iyar', day: 30 }] },
      ZClient,
      { 'accept-language': 'en' },
    );
    expect(inEnglish.error.fields?.[0]).toMatchObject({
      path: 'importantDates.0.day',
      message: en.validation.invalid_date,
    });
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)(
    'greets on Today a Hebrew birthday on its day of this year, only for clients worth nurturing',
    async () => {
      // 5 Heshvan 5787 is 16 October 2026; Dana's business turns 11 on the 14th.
      let today = (await api.get('/api/v1/today', ZToday)).body;
      expect(today.greetings).toEqual([
        expect.objectContaining({
          clientId: dana.id,
          date: '2026-10-14',
          years: 11,
          calendar: 'gregorian',
          hebrew: null,
        }),
        expect.objectContaining({
          clientId: ronit.id,
          kind: 'birthday',
          date: '2026-10-16',
          years: 37,
          calendar: 'hebrew',
          hebrew: { month: 'heshvan', day: 5 },
        }),
      ]);
      await api.patch(`/api/v1/clients/${dana.id}`, { worthNurturing: false }, ZClient);
      today = (await api.get('/api/v1/today', ZToday)).body;
      expect(today.greetings.map((g) => g.clientId)).toEqual([ronit.id]);
      await api.patch(`/api/v1/clients/${ronit.id}`, { worthNurturing: false }, ZClient);
      expect((await api.get('/api/v1/today', ZToday)).body.greetings).toEqual([]);

      // A year later the same Hebrew birthday is on 5 November 2027 (the service: the session would expire).
      await api.patch(`/api/v1/clients/${ronit.id}`, { worthNurturing: true }, ZClient);
      const scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
      expect(await upcomingDates(ctx.deps, scope, { fromDate: '2027-11-01', days: 7 })).toEqual([
        expect.objectContaining({
          clientId: ronit.id,
          date: '2027-11-05',
          years: 38,
          hebrew: { month: 'heshvan', day: 5 },
        }),
      ]);
    },
  );

  it.skipIf(skip)('composes a greeting by the kind of date, in the client’s language', async () => {
    const birthday = await api.post(
      '/api/v1/messages/compose',
      { kind: 'greeting', clientId: ronit.id, occasion: 'birthday' },
      ZMessageComposed,
    );
    expect(birthday.body).toMatchObject({
      kind: 'greeting',
      locale: 'he',
      channel: 'email',
      subject: 'מזל טוב ליום ההולדת!',
    });
    expect(birthday.body.body).toContain('היי רונית לוי');
    const founded = await api.post(
      '/api/v1/messages/compose',
      { kind: 'greeting', clientId: dana.id, occasion: 'business_founded' },
      ZMessageComposed,
    );
    expect(founded.body).toMatchObject({ locale: 'en', channel: 'whatsapp', subject: 'Happy business birthday!' });
    const labelled = await api.post(
      '/api/v1/messages/compose',
      { kind: 'greeting', clientId: dana.id, occasion: 'other', occasionLabel: 'the new studio' },
      ZMessageComposed,
    );
    expect(labelled.body.subject).toBe('Warm wishes for the new studio');
  });

  it.skipIf(skip)('lists a holiday greeting for each client of the group, each in their language', async () => {
    const all = await api.get('/api/v1/greetings/holidays?holiday=rosh_hashana', ZHolidayGreetings);
    expect(all.status).toBe(200);
    // From 12 October 2026 the next Rosh Hashana is 5788: 2 October 2027.
    expect(all.body).toMatchObject({ holiday: 'rosh_hashana', date: '2027-10-02', hebrewYear: 5788, sendsAt: null });
    expect(all.body.items.map((i) => [i.clientName, i.locale, i.channel])).toEqual([
      ['Dana Green', 'en', 'whatsapp'],
      ['רונית לוי', 'he', 'email'],
    ]);
    expect(all.body.items[0]!.subject).toContain('Shana Tova');
    expect(all.body.items[1]!.subject).toBe('שנה טובה ומתוקה');

    const vip = await api.get('/api/v1/greetings/holidays?holiday=pesach&tag=VIP', ZHolidayGreetings);
    expect(vip.body).toMatchObject({ date: '2027-04-22' });
    expect(vip.body.items.map((i) => i.clientId)).toEqual([ronit.id]);
    expect(vip.body.items[0]!.subject).toBe('חג פסח שמח');

    await api.patch(`/api/v1/clients/${dana.id}`, { worthNurturing: false }, ZClient);
    const nurtured = await api.get('/api/v1/greetings/holidays?holiday=pesach', ZHolidayGreetings);
    expect(nurtured.body.items.map((i) => i.clientId)).toEqual([ronit.id]);

    const bad = await api.get('/api/v1/greetings/holidays?holiday=purim', ZHolidayGreetings);
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.[0]).toMatchObject({ path: 'holiday', code: 'invalid_choice' });
  });

  const sendAll = async () => {
    const preview = (await api.get('/api/v1/greetings/holidays?holiday=rosh_hashana', ZHolidayGreetings)).body;
    return api.post(
      '/api/v1/greetings/holidays/send',
      {
        holiday: 'rosh_hashana',
        items: preview.items.map(({ clientId, channel, subject, body }) => ({ clientId, channel, subject, body })),
      },
      ZHolidayGreetingsSent,
    );
  };

  it.skipIf(skip)('on a weekday: e-mail queued now, a WhatsApp link, each logged as a contact', async () => {
    ctx.clock.set('2026-09-08T08:00:00.000Z'); // Tuesday before Rosh Hashana 5787
    const sent = await sendAll();
    expect(sent.status).toBe(201);
    expect(sent.body.scheduledFor).toBeNull();
    const byClient = new Map(sent.body.items.map((i) => [i.clientId, i]));
    expect(byClient.get(ronit.id)!.message).toMatchObject({
      kind: 'holiday_greeting',
      channel: 'email',
      status: 'queued',
    });
    expect(byClient.get(dana.id)!.link).toMatch(/^https:\/\/wa\.me\/972521234567\?text=/);
    const outbox = (await api.get('/api/v1/outbox', ZOutbox)).body;
    expect(outbox.items).toEqual([
      expect.objectContaining({ recipient: 'ronit@example.co.il', nextAttemptAt: '2026-09-08T08:00:00.000Z' }),
    ]);
    const timeline = await api.get(`/api/v1/interactions?clientId=${ronit.id}`, ZInteractionList);
    expect(timeline.body.items.some((i) => i.messageId === byClient.get(ronit.id)!.message.id)).toBe(true);
  });

  it.skipIf(skip)('never on Shabbat or the holiday: e-mail queued then waits for the morning after', async () => {
    // Friday 11 September 2026, 15:00: the eve of Rosh Hashana (Sat–Sun); e-mail waits for Monday 09:00.
    ctx.clock.set('2026-09-11T12:00:00.000Z');
    const preview = (await api.get('/api/v1/greetings/holidays?holiday=rosh_hashana', ZHolidayGreetings)).body;
    expect(preview.sendsAt).toBe('2026-09-14T06:00:00.000Z');
    const sent = await sendAll();
    expect(sent.body.scheduledFor).toBe('2026-09-14T06:00:00.000Z');
    const outbox = (await api.get('/api/v1/outbox', ZOutbox)).body;
    expect(outbox.items).toEqual([
      expect.objectContaining({ nextAttemptAt: '2026-09-14T06:00:00.000Z', status: 'pending' }),
    ]);
    // The scheduler finds nothing due on the holiday itself.
    ctx.clock.set('2026-09-13T08:00:00.000Z');
    const { deliverOutbox } = await import('../messages/outbox.service.js');
    expect(await deliverOutbox(ctx.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
    ctx.clock.set('2026-09-14T06:00:00.000Z');
    expect(await deliverOutbox(ctx.deps)).toMatchObject({ sent: 1 });
  });

  it.skipIf(skip)('refuses bad input with field errors and sends none of the batch', async () => {
    const before = await snapshotAll(ctx.db);
    const empty = await api.post(
      '/api/v1/greetings/holidays/send',
      { holiday: 'pesach', items: [] },
      ZHolidayGreetingsSent,
    );
    expect(empty.status).toBe(422);
    expect(empty.error.fields?.[0]).toMatchObject({
      path: 'items',
      code: 'required',
      message: he.validation.required,
    });
    const twice = await api.post(
      '/api/v1/greetings/holidays/send',
      {
        holiday: 'pesach',
        items: [
          { clientId: ronit.id, channel: 'email', body: 'חג שמח' },
          { clientId: ronit.id, channel: 'email', body: 'חג שמח' },
        ],
      },
      ZHolidayGreetingsSent,
      { 'accept-language': 'en' },
    );
    expect(twice.error.fields?.[0]).toMatchObject({
      path: 'items',
      code: 'duplicate_client',
      message: en.validation.duplicate_client,
    });
    // Ronit's greeting is fine, Dana has no e-mail: nothing is stored, the error points at her row.
    const noEmail = await api.post(
      '/api/v1/greetings/holidays/send',
      {
        holiday: 'pesach',
        items: [
          { clientId: ronit.id, channel: 'email', body: 'חג שמח' },
          { clientId: dana.id, channel: 'email', body: 'Happy Passover' },
        ],
      },
      ZHolidayGreetingsSent,
    );
    expect(noEmail.status).toBe(422);
    expect(noEmail.error.fields?.[0]).toMatchObject({ path: 'items.1.channel', code: 'no_recipient' });
    const foreign = await api.post(
      '/api/v1/greetings/holidays/send',
      {
        holiday: 'pesach',
        items: [{ clientId: '01900000-0000-7000-8000-000000000000', channel: 'whatsapp', body: 'x' }],
      },
      ZHolidayGreetingsSent,
    );
    expect(foreign.status).toBe(422);
    expect(foreign.error.fields?.[0]).toMatchObject({ path: 'items.0.clientId', code: 'unknown_client' });
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });
});
