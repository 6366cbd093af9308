import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/schemas/clients.js';
import { ZCommitment, ZWordKeeping } from '../../../shared/schemas/commitments.js';
import { ZToday } from '../../../shared/schemas/insights.js';
import { ZInteractionList } from '../../../shared/schemas/interactions.js';
import { ZMessageComposed } from '../../../shared/schemas/messages.js';
import {
  ZChangeRequest,
  ZChangeRequestDecided,
  ZChangeRequestList,
  ZColleague,
  ZProject,
  ZProjectList,
  ZRescheduled,
  type Project,
} from '../../../shared/schemas/projects.js';
import { ZQuote, ZTermsTemplateList, type Quote, type Terms } from '../../../shared/schemas/quotes.js';
import { acceptQuote, acceptedQuote as acceptQuoteFor, createClient, sendQuote } from '../../testing/api-helpers.js';
import { projectInput, quoteInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { deliverOutbox } from '../messages/outbox.service.js';

/** The site quote each project here starts from: one line of 5,000.00. */
const siteQuote = { title: 'אתר לסטודיו', items: [{ description: 'עיצוב דף הבית', quantity: 1, unitPrice: 500_000 }] };

describe.each(testDialects())('projects on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  let project: Project;

  // The projects here start without a date ("delivery as agreed"), so each test sets its own.
  let undatedTerms: Terms;
  const acceptedQuote = (overrides: Parameters<typeof quoteInput>[1] = {}): Promise<Quote> =>
    acceptQuoteFor(api, client.id, { ...siteQuote, discount: null, terms: undatedTerms, ...overrides }, 'מיכל');

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect, { mail: true });
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    client = await createClient(api, { name: 'סטודיו מיכל', email: 'michal@example.co.il' });
    const template = (await api.get('/api/v1/terms-templates', ZTermsTemplateList)).body.items[0]!;
    undatedTerms = { ...template.terms, deliveryTime: 'בתיאום' };
    const quote = await acceptedQuote();
    project = (await api.post(`/api/v1/projects/${quote.projectId}/target`, { targetDate: '2026-12-10' }, ZProject))
      .body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('turns the target date into my promise to deliver', () => {
    expect(project.targetDate).toBe('2026-12-10');
    expect(project.delivery).toMatchObject({
      direction: 'mine',
      title: 'מסירת אתר לסטודיו',
      dueDate: '2026-12-10',
      status: 'open',
    });
    expect(project.deliverables.map((d) => d.title)).toEqual(['עיצוב דף הבית']);
  });

  it.skipIf(skip)('requires the cause, the status and a new date to reschedule', async () => {
    const res = await api.post(`/api/v1/projects/${project.id}/reschedule`, { statusText: ' ' }, ZRescheduled);
    expect(res.status).toBe(422);
    expect(res.error.fields?.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      'cause:invalid_choice',
      'newTargetDate:invalid_date',
      'statusText:required',
    ]);
    const same = await api.post(
      `/api/v1/projects/${project.id}/reschedule`,
      { cause: 'mine', statusText: 'x', newTargetDate: '2026-12-10' },
      ZRescheduled,
    );
    expect(same.error.fields?.[0]).toMatchObject({ path: 'newTargetDate', code: 'same_date' });
    const direct = await api.post(`/api/v1/projects/${project.id}/target`, { targetDate: '2026-12-20' }, ZProject);
    expect(direct.error.fields?.[0]).toMatchObject({ code: 'use_reschedule' });
  });

  it.skipIf(skip)('sends the delay notice (status, reason, new date) and keeps the history', async () => {
    const notice = await api.post(
      `/api/v1/projects/${project.id}/delay-notice`,
      { cause: 'client', statusText: 'העיצוב מוכן, חסרים הטקסטים לדף הבית', newTargetDate: '2026-12-17' },
      ZMessageComposed,
    );
    expect(notice.body.kind).toBe('delay_notice');
    expect(notice.body.body).toContain('חסרים הטקסטים לדף הבית');
    expect(notice.body.body).toContain('מחכים לחומרים ממך');
    expect(notice.body.body).toContain('17 בדצמבר');
    const res = await api.post(
      `/api/v1/projects/${project.id}/reschedule`,
      {
        cause: 'client',
        statusText: 'העיצוב מוכן, חסרים הטקסטים לדף הבית',
        newTargetDate: '2026-12-17',
        message: { channel: 'email', subject: notice.body.subject, body: notice.body.body },
      },
      ZRescheduled,
    );
    expect(res.status).toBe(200);
    expect(res.body.project).toMatchObject({ targetDate: '2026-12-17', status: 'waiting_for_client' });
    expect(res.body.project.reschedules).toEqual([
      expect.objectContaining({
        cause: 'client',
        fromDate: '2026-12-10',
        toDate: '2026-12-17',
        messageId: res.body.sent!.message.id,
      }),
    ]);
    expect(res.body.project.delivery!.changes[0]).toMatchObject({
      cause: 'client',
      reason: 'העיצוב מוכן, חסרים הטקסטים לדף הבית',
    });
    await deliverOutbox(ctx.deps);
    expect(ctx.smtp!.received.map((m) => m.subject)).toContain('עדכון לגבי אתר לסטודיו: מועד חדש');
  });

  it.skipIf(skip)('counts my delays against my word, and not the client’s', async () => {
    const mine = (
      await api.post(
        `/api/v1/projects/${project.id}/reschedule`,
        { cause: 'mine', statusText: 'עוד יומיים עבודה', newTargetDate: '2026-12-12' },
        ZRescheduled,
      )
    ).body.project;
    ctx.clock.set('2026-12-11T10:00:00.000Z');
    expect(
      (await api.post(`/api/v1/commitments/${mine.delivery!.id}/complete`, undefined, ZCommitment)).body.status,
    ).toBe('kept_late');

    const second = await acceptedQuote({ title: 'דף נחיתה' });
    const other = (
      await api.post(`/api/v1/projects/${second.projectId}/target`, { targetDate: '2026-12-20' }, ZProject)
    ).body;
    const excused = (
      await api.post(
        `/api/v1/projects/${other.id}/reschedule`,
        { cause: 'client', statusText: 'מחכים לתמונות', newTargetDate: '2026-12-28' },
        ZRescheduled,
      )
    ).body.project;
    ctx.clock.set('2026-12-24T10:00:00.000Z');
    expect(
      (await api.post(`/api/v1/commitments/${excused.delivery!.id}/complete`, undefined, ZCommitment)).body.status,
    ).toBe('kept');

    const rate = (await api.get('/api/v1/commitments/word-keeping?days=30', ZWordKeeping)).body;
    expect(rate.mine).toMatchObject({ keptOnTime: 1, keptLate: 1 });
  });

  it.skipIf(skip)('links a change-order quote to the project and grows it when accepted', async () => {
    const changeOrder = {
      projectId: project.id,
      title: 'תוספת: דף בלוג',
      items: [{ description: 'עיצוב דף בלוג', quantity: 1, unitPrice: 150_000 }],
    };
    const order = (await api.post('/api/v1/quotes', quoteInput(client.id, changeOrder), ZQuote)).body;
    expect(order).toMatchObject({ kind: 'change_order', projectId: project.id });
    const sent = await sendQuote(api, order.id);
    await acceptQuote(ctx.app, sent.url!, 'מיכל');
    const grown = (await api.get(`/api/v1/projects/${project.id}`, ZProject)).body;
    expect(grown.deliverables.map((d) => d.title)).toEqual(['עיצוב דף הבית', 'עיצוב דף בלוג']);
    expect((await api.get(`/api/v1/projects?clientId=${client.id}`, ZProjectList)).body.items).toHaveLength(1);

    const stranger = await createClient(api);
    const wrong = await api.post('/api/v1/quotes', quoteInput(stranger.id, changeOrder), ZQuote);
    expect(wrong.error.fields?.[0]).toMatchObject({ path: 'projectId', code: 'unknown_project' });
  });

  it.skipIf(skip)(
    'answers scope creep: logged, out of scope, a formal quote promised, and kept when the change order is sent',
    async () => {
      const request = await api.post(
        `/api/v1/projects/${project.id}/change-requests`,
        { what: 'להוסיף דף בלוג', channel: 'whatsapp' },
        ZChangeRequest,
      );
      expect(request.status).toBe(201);
      expect(request.body).toMatchObject({ what: 'להוסיף דף בלוג', inScope: null, decision: null });
      const waiting = (await api.get('/api/v1/interactions?awaitingReply=true', ZInteractionList)).body.items;
      expect(waiting.map((i) => i.summary)).toContain('להוסיף דף בלוג');

      const answer = await api.post(
        `/api/v1/change-requests/${request.body.id}/answer`,
        { decision: 'change_order', formalQuoteBy: { dueDate: '2026-11-25', dueTime: '12:00' } },
        ZMessageComposed,
      );
      expect(answer.body.body).toContain('מעבר למה שסיכמנו בהזמנה');
      expect(answer.body.body).toContain('עד יום רביעי, 25 בנובמבר');
      const decided = await api.post(
        `/api/v1/change-requests/${request.body.id}/decide`,
        {
          inScope: false,
          decision: 'change_order',
          value: 120_000,
          formalQuoteBy: { dueDate: '2026-11-25', dueTime: '12:00' },
          message: { channel: 'whatsapp', body: answer.body.body },
        },
        ZChangeRequestDecided,
      );
      expect(decided.status).toBe(200);
      expect(decided.body.changeRequest).toMatchObject({ inScope: false, decision: 'change_order', value: 120_000 });
      expect(decided.body.sent!.message.kind).toBe('scope_formal_quote');
      const promise = (await api.get(`/api/v1/commitments/${decided.body.changeRequest.commitmentId}`, ZCommitment))
        .body;
      expect(promise).toMatchObject({
        title: 'הצעת מחיר: להוסיף דף בלוג',
        dueAt: '2026-11-25T10:00:00.000Z',
        status: 'open',
      });
      const order = (await api.get(`/api/v1/quotes/${decided.body.changeRequest.quoteId}`, ZQuote)).body;
      expect(order).toMatchObject({ kind: 'change_order', projectId: project.id, status: 'draft' });
      expect(order.current.items[0]).toMatchObject({ description: 'להוסיף דף בלוג', unitPrice: 120_000 });

      const message = (await api.post(`/api/v1/quotes/${order.id}/compose`, { kind: 'change_order' }, ZMessageComposed))
        .body;
      expect(message.body).toContain('מעבר להזמנה המקורית');
      await sendQuote(api, order.id, { channel: 'whatsapp', body: message.body });
      expect((await api.get(`/api/v1/commitments/${promise.id}`, ZCommitment)).body.status).toBe('kept');

      const again = await api.post(
        `/api/v1/change-requests/${request.body.id}/decide`,
        { inScope: true },
        ZChangeRequestDecided,
      );
      expect(again.error.fields?.[0]).toMatchObject({ code: 'already_decided' });
    },
  );

  it.skipIf(skip)('refers to a colleague (who must be chosen) and records goodwill', async () => {
    const colleague = (
      await api.post('/api/v1/colleagues', { name: 'רון צלם', does: 'צילום מוצרים', phone: '054-1234567' }, ZColleague)
    ).body;
    const changeRequest = (what: string, channel: string) =>
      api.post(`/api/v1/projects/${project.id}/change-requests`, { what, channel }, ZChangeRequest);
    const decide = (id: string, decision: Record<string, unknown>) =>
      api.post(`/api/v1/change-requests/${id}/decide`, decision, ZChangeRequestDecided);
    const request = (await changeRequest('צילומי מוצר לאתר', 'phone')).body;
    const missing = await decide(request.id, { inScope: false, decision: 'refer' });
    expect(missing.status, JSON.stringify(missing.raw)).toBe(422);
    expect(missing.error.fields?.[0]).toMatchObject({ path: 'colleagueId', code: 'required' });
    const noDecision = await decide(request.id, { inScope: false });
    expect(noDecision.error.fields?.[0]).toMatchObject({ path: 'decision', code: 'needs_decision' });
    const answer = (
      await api.post(
        `/api/v1/change-requests/${request.id}/answer`,
        { decision: 'refer', colleagueId: colleague.id },
        ZMessageComposed,
      )
    ).body;
    expect(answer.body).toContain('רון צלם (צילום מוצרים): 054-123-4567');
    const referred = await decide(request.id, {
      inScope: false,
      decision: 'refer',
      colleagueId: colleague.id,
      message: { channel: 'whatsapp', body: answer.body },
    });
    expect(referred.body.changeRequest).toMatchObject({ decision: 'refer', colleagueId: colleague.id, quoteId: null });

    const small = (await changeRequest('להחליף צבע כפתור', 'email')).body;
    const goodwill = await decide(small.id, { inScope: false, decision: 'goodwill', value: 15_000 });
    expect(goodwill.body.changeRequest).toMatchObject({ decision: 'goodwill', value: 15_000 });
    const list = (await api.get(`/api/v1/projects/${project.id}/change-requests`, ZChangeRequestList)).body.items;
    expect(list.map((r) => r.decision).sort()).toEqual(['goodwill', 'refer']);
  });

  it.skipIf(skip)(
    'starts a project by hand, lists what the client must supply, and asks for late materials in their language',
    async () => {
      // The factory's project: קטלוג מוצרים by 20 December, two deliverables.
      const manual = await api.post('/api/v1/projects', projectInput(client.id), ZProject);
      expect(manual.status).toBe(201);
      expect(manual.body).toMatchObject({
        title: 'קטלוג מוצרים',
        clientName: 'סטודיו מיכל',
        targetDate: '2026-12-20',
        status: 'active',
      });
      expect(manual.body.delivery?.dueDate).toBe('2026-12-20');
      const withMaterials = (
        await api.post(
          `/api/v1/projects/${manual.body.id}/materials`,
          { what: 'תמונות המוצרים', dueDate: '2026-11-25' },
          ZProject,
        )
      ).body;
      expect(withMaterials.materials.map((m) => [m.title, m.direction, m.dueDate])).toEqual([
        ['תמונות המוצרים', 'theirs', '2026-11-25'],
      ]);

      ctx.clock.set('2026-11-26T08:00:00.000Z');
      const today = (await api.get('/api/v1/today', ZToday)).body;
      expect(today.theirs.overdue.map((c) => c.title)).toContain('תמונות המוצרים');
      const ask = await api.post(
        '/api/v1/messages/compose',
        { kind: 'materials_request', clientId: client.id, commitmentId: withMaterials.materials[0]!.id },
        ZMessageComposed,
      );
      expect(ask.body.body).toContain('חסר לנו: תמונות המוצרים');
      expect(ask.body.body).toContain('הפרויקט ממשיך ברגע שהחומרים מגיעים');

      const [layout] = manual.body.deliverables;
      const doneOne = await api.patch(
        `/api/v1/projects/${manual.body.id}/deliverables/${layout!.id}`,
        { status: 'done', targetDate: '2026-12-05' },
        ZProject,
      );
      expect(doneOne.body.deliverables[0]).toMatchObject({ title: 'עימוד', status: 'done', targetDate: '2026-12-05' });
      expect(
        (await api.patch(`/api/v1/projects/${project.id}/deliverables/${layout!.id}`, { status: 'done' }, ZProject))
          .status,
      ).toBe(404);
      const renamed = await api.patch(`/api/v1/projects/${manual.body.id}`, { status: 'waiting_for_client' }, ZProject);
      expect(renamed.body.status).toBe('waiting_for_client');
      const bad = await api.patch(`/api/v1/projects/${manual.body.id}`, { status: 'lost' }, ZProject);
      expect(bad.status).toBe(422);
      expect(bad.error.fields?.[0]).toMatchObject({ path: 'status', code: 'invalid_choice' });
    },
  );
});
