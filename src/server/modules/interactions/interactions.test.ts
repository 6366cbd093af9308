import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, ZClient } from '../../../shared/schemas/clients.js';
import { ZInteraction, ZInteractionCreated, ZInteractionList } from '../../../shared/schemas/interactions.js';
import { createClient } from '../../testing/api-helpers.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

describe.each(testDialects())('interactions on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    client = await createClient(api, { name: 'יעל אברהם', contacts: [{ name: 'אבי' }] });
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  /** Logs a contact with the client (another client's id may be given), checked against the contract. */
  const logContact = (body: Record<string, unknown>) =>
    api.post('/api/v1/interactions', { clientId: client.id, ...body }, ZInteractionCreated);

  it.skipIf(skip)('logs a call and the promise made in it, in one step', async () => {
    ctx.clock.set('2026-11-23T08:15:00.000Z'); // Monday 10:15 in Israel
    const res = await logContact({
      channel: 'phone',
      direction: 'in',
      summary: 'ליד חדש: מיתוג לחנות',
      commitments: [{ title: 'הצעת מחיר', dueDate: '2026-11-26', dueTime: '12:00' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.interaction).toMatchObject({
      clientId: client.id,
      clientName: 'יעל אברהם',
      channel: 'phone',
      direction: 'in',
      occurredAt: '2026-11-23T08:15:00.000Z',
      afterHours: false,
      needsReply: true,
      source: 'manual',
    });
    expect(res.body.commitments).toHaveLength(1);
    expect(res.body.commitments[0]).toMatchObject({
      direction: 'mine',
      title: 'הצעת מחיר',
      interactionId: res.body.interaction.id,
      dueDate: '2026-11-26',
      dueTime: '12:00',
      dueAt: '2026-11-26T10:00:00.000Z',
      status: 'open',
    });
  });

  it.skipIf(skip)('flags incoming contacts outside the agreed hours, in the workspace zone', async () => {
    const log = async (occurredAt: string, direction = 'in') =>
      (
        await logContact({
          channel: 'whatsapp',
          direction,
          occurredAt,
        })
      ).body.interaction;
    ctx.clock.set('2026-12-01T00:00:00.000Z');
    expect((await log('2026-11-23T16:30:00.000Z')).afterHours).toBe(true); // Monday 18:30
    expect((await log('2026-11-23T15:30:00.000Z')).afterHours).toBe(false); // Monday 17:30
    expect((await log('2026-11-27T11:30:00.000Z')).afterHours).toBe(true); // Friday 13:30: the short day is over
    expect((await log('2026-11-28T08:00:00.000Z')).afterHours).toBe(true); // Saturday
    expect((await log('2026-11-23T21:30:00.000Z')).afterHours).toBe(true); // 23:30 local, still Monday in UTC
    expect((await log('2026-11-23T16:30:00.000Z', 'out')).afterHours).toBe(false); // my own late message is not the client's

    // The client's own agreement overrides the business default.
    await api.patch(
      `/api/v1/clients/${client.id}`,
      {
        serviceHours: { sun: [], mon: [{ from: '08:00', to: '20:00' }], tue: [], wed: [], thu: [], fri: [], sat: [] },
      },
      ZClient,
    );
    expect((await log('2026-11-23T16:30:00.000Z')).afterHours).toBe(false);
  });

  it.skipIf(skip)('clears "waiting for my reply" when I answer', async () => {
    ctx.clock.set('2026-11-23T10:00:00.000Z');
    const incoming = (
      await logContact({
        channel: 'email',
        direction: 'in',
        occurredAt: '2026-11-23T09:00:00.000Z',
        summary: 'שאלה על המחיר',
      })
    ).body.interaction;
    const waiting = await api.get('/api/v1/interactions?awaitingReply=true', ZInteractionList);
    expect(waiting.body.items.map((i) => i.id)).toEqual([incoming.id]);
    await logContact({
      channel: 'phone',
      direction: 'out',
      summary: 'חזרתי אליה',
    });
    expect((await api.get('/api/v1/interactions?awaitingReply=true', ZInteractionList)).body.items).toEqual([]);
    expect((await api.get(`/api/v1/interactions/${incoming.id}`, ZInteraction)).body.repliedAt).toBe(
      '2026-11-23T10:00:00.000Z',
    );
  });

  it.skipIf(skip)('adds a meeting summary to a logged meeting', async () => {
    const meeting = (
      await logContact({
        channel: 'meeting',
        direction: 'out',
        summary: 'פגישת היכרות',
      })
    ).body.interaction;
    const res = await api.patch(
      `/api/v1/interactions/${meeting.id}`,
      {
        agreed: 'לוגו + שלוש סקיצות',
        nextSteps: 'שולחת הצעה עד חמישי',
      },
      ZInteraction,
    );
    expect(res.body).toMatchObject({
      agreed: 'לוגו + שלוש סקיצות',
      nextSteps: 'שולחת הצעה עד חמישי',
      needsReply: false,
    });
  });

  it.skipIf(skip)(
    'rejects unknown clients, foreign contacts, future times and bad promises, and stores nothing',
    async () => {
      const other = await createClient(api, { contacts: [{ name: 'זר' }] });
      const res = await logContact({
        contactId: other.contacts[0]!.id,
        channel: 'fax',
        direction: 'in',
        commitments: [{ title: '', dueDate: '2026-02-30' }],
      });
      expect(res.status).toBe(422);
      expect(res.error.fields?.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
        'channel:invalid_choice',
        'commitments.0.dueDate:invalid_date',
        'commitments.0.title:required',
      ]);
      const foreign = await logContact({
        contactId: other.contacts[0]!.id,
        channel: 'phone',
        direction: 'in',
      });
      expect(foreign.error.fields?.[0]).toMatchObject({ path: 'contactId', code: 'unknown_contact' });
      const future = await logContact({
        channel: 'phone',
        direction: 'in',
        occurredAt: '2030-01-01T00:00:00Z',
      });
      expect(future.error.fields?.[0]).toMatchObject({ path: 'occurredAt', code: 'in_future' });
      const missing = await logContact({
        clientId: '01a20000-0000-7000-8000-000000000000',
        channel: 'phone',
        direction: 'in',
      });
      expect(missing.error.fields?.[0]).toMatchObject({ path: 'clientId', code: 'unknown_client' });
      expect((await api.get(`/api/v1/interactions?clientId=${client.id}`, ZInteractionList)).body.items).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'pages the contact log by time and id, so contacts at the same instant are never skipped',
    async () => {
      ctx.clock.set('2026-11-23T10:00:00.000Z');
      for (let i = 0; i < 5; i++)
        await logContact({
          channel: 'phone',
          direction: 'out',
          occurredAt: '2026-11-23T09:00:00.000Z',
          summary: `שיחה ${i}`,
        });
      const seen: string[] = [];
      let page = await api.get(`/api/v1/interactions?clientId=${client.id}&limit=2`, ZInteractionList);
      for (;;) {
        seen.push(...page.body.items.map((i) => i.summary ?? ''));
        if (!page.body.nextBefore) break;
        page = await api.get(
          `/api/v1/interactions?clientId=${client.id}&limit=2&before=${encodeURIComponent(page.body.nextBefore)}&beforeId=${page.body.nextBeforeId}`,
          ZInteractionList,
        );
      }
      expect(seen.sort()).toEqual(['שיחה 0', 'שיחה 1', 'שיחה 2', 'שיחה 3', 'שיחה 4']);
    },
  );
});
