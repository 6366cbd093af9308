import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/errors.js';
import type { Client } from '../../../shared/schemas/clients.js';
import type { Commitment, WordKeeping } from '../../../shared/schemas/commitments.js';
import type { Composed, Sent } from '../../../shared/schemas/messages.js';
import type { Project } from '../../../shared/schemas/projects.js';
import type { Quote } from '../../../shared/schemas/quotes.js';
import { clientInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { deliverOutbox } from '../messages/messages.service.js';

type QuoteSent = { quote: Quote; url: string };

describe.each(testDialects())('projects on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  let project: Project;

  async function acceptedQuote(overrides: Record<string, unknown> = {}): Promise<Quote> {
    const quote = (await api.post<Quote>('/api/v1/quotes', { clientId: client.id, title: 'אתר לסטודיו', items: [{ description: 'עיצוב דף הבית', quantity: 1, unitPrice: 500_000 }], validUntil: '2026-12-31', ...overrides })).body;
    const sent = (await api.post<QuoteSent>(`/api/v1/quotes/${quote.id}/send`, { channel: 'whatsapp', body: '{{link}}' })).body;
    const accepted = await ctx.app.request(`${new URL(sent.url).pathname}/accept`, { method: 'POST', body: new URLSearchParams({ name: 'מיכל', agree: 'yes' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(accepted.status).toBe(303);
    return (await api.get<Quote>(`/api/v1/quotes/${quote.id}`)).body;
  }

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect, { mail: true });
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    client = (await api.post<Client>('/api/v1/clients', clientInput({ name: 'סטודיו מיכל', email: 'michal@example.co.il' }))).body;
    const quote = await acceptedQuote();
    project = (await api.post<Project>(`/api/v1/projects/${quote.projectId}/target`, { targetDate: '2026-12-10' })).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('turns the target date into my promise to deliver', () => {
    expect(project.targetDate).toBe('2026-12-10');
    expect(project.delivery).toMatchObject({ direction: 'mine', title: 'מסירת אתר לסטודיו', dueDate: '2026-12-10', status: 'open' });
    expect(project.deliverables.map((d) => d.title)).toEqual(['עיצוב דף הבית']);
  });

  it.skipIf(skip)('requires the cause, the status and a new date to reschedule', async () => {
    const res = await api.post<ApiError>(`/api/v1/projects/${project.id}/reschedule`, { statusText: ' ' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.map((f) => `${f.path}:${f.code}`).sort()).toEqual(['cause:invalid_choice', 'newTargetDate:invalid_date', 'statusText:required']);
    const same = await api.post<ApiError>(`/api/v1/projects/${project.id}/reschedule`, { cause: 'mine', statusText: 'x', newTargetDate: '2026-12-10' });
    expect(same.body.error.fields?.[0]).toMatchObject({ path: 'newTargetDate', code: 'same_date' });
    const direct = await api.post<ApiError>(`/api/v1/projects/${project.id}/target`, { targetDate: '2026-12-20' });
    expect(direct.body.error.fields?.[0]).toMatchObject({ code: 'use_reschedule' });
  });

  it.skipIf(skip)('sends the delay notice (status, reason, new date) and keeps the history', async () => {
    const notice = await api.post<Composed>(`/api/v1/projects/${project.id}/delay-notice`, { cause: 'client', statusText: 'העיצוב מוכן, חסרים הטקסטים לדף הבית', newTargetDate: '2026-12-17' });
    expect(notice.body.kind).toBe('delay_notice');
    expect(notice.body.body).toContain('חסרים הטקסטים לדף הבית');
    expect(notice.body.body).toContain('מחכים לחומרים ממך');
    expect(notice.body.body).toContain('17 בדצמבר');
    const res = await api.post<{ project: Project; sent: Sent }>(`/api/v1/projects/${project.id}/reschedule`, {
      cause: 'client',
      statusText: 'העיצוב מוכן, חסרים הטקסטים לדף הבית',
      newTargetDate: '2026-12-17',
      message: { channel: 'email', subject: notice.body.subject, body: notice.body.body },
    });
    expect(res.status).toBe(200);
    expect(res.body.project).toMatchObject({ targetDate: '2026-12-17', status: 'waiting_for_client' });
    expect(res.body.project.reschedules).toEqual([expect.objectContaining({ cause: 'client', fromDate: '2026-12-10', toDate: '2026-12-17', messageId: res.body.sent.message.id })]);
    expect(res.body.project.delivery!.changes[0]).toMatchObject({ cause: 'client', reason: 'העיצוב מוכן, חסרים הטקסטים לדף הבית' });
    await deliverOutbox(ctx.deps);
    expect(ctx.smtp!.received.map((m) => m.subject)).toContain('עדכון לגבי אתר לסטודיו: מועד חדש');
  });

  it.skipIf(skip)('counts my delays against my word, and not the client’s', async () => {
    const mine = (await api.post<{ project: Project }>(`/api/v1/projects/${project.id}/reschedule`, { cause: 'mine', statusText: 'עוד יומיים עבודה', newTargetDate: '2026-12-12' })).body.project;
    ctx.clock.set('2026-12-11T10:00:00.000Z');
    expect((await api.post<Commitment>(`/api/v1/commitments/${mine.delivery!.id}/complete`)).body.status).toBe('kept_late');

    const second = await acceptedQuote({ title: 'דף נחיתה' });
    const other = (await api.post<Project>(`/api/v1/projects/${second.projectId}/target`, { targetDate: '2026-12-20' })).body;
    const excused = (await api.post<{ project: Project }>(`/api/v1/projects/${other.id}/reschedule`, { cause: 'client', statusText: 'מחכים לתמונות', newTargetDate: '2026-12-28' })).body.project;
    ctx.clock.set('2026-12-24T10:00:00.000Z');
    expect((await api.post<Commitment>(`/api/v1/commitments/${excused.delivery!.id}/complete`)).body.status).toBe('kept');

    const rate = (await api.get<WordKeeping>('/api/v1/commitments/word-keeping?days=30')).body;
    expect(rate.mine).toMatchObject({ keptOnTime: 1, keptLate: 1 });
  });

  it.skipIf(skip)('links a change-order quote to the project and grows it when accepted', async () => {
    const order = (await api.post<Quote>('/api/v1/quotes', { clientId: client.id, projectId: project.id, title: 'תוספת: דף בלוג', items: [{ description: 'עיצוב דף בלוג', quantity: 1, unitPrice: 150_000 }], validUntil: '2026-12-31' })).body;
    expect(order).toMatchObject({ kind: 'change_order', projectId: project.id });
    const sent = (await api.post<QuoteSent>(`/api/v1/quotes/${order.id}/send`, { channel: 'whatsapp', body: '{{link}}' })).body;
    await ctx.app.request(`${new URL(sent.url).pathname}/accept`, { method: 'POST', body: new URLSearchParams({ name: 'מיכל', agree: 'yes' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const grown = (await api.get<Project>(`/api/v1/projects/${project.id}`)).body;
    expect(grown.deliverables.map((d) => d.title)).toEqual(['עיצוב דף הבית', 'עיצוב דף בלוג']);
    expect((await api.get<{ items: Project[] }>(`/api/v1/projects?clientId=${client.id}`)).body.items).toHaveLength(1);

    const stranger = (await api.post<Client>('/api/v1/clients', clientInput())).body;
    const wrong = await api.post<ApiError>('/api/v1/quotes', { clientId: stranger.id, projectId: project.id, title: 'x', items: [{ description: 'x', quantity: 1, unitPrice: 1 }], validUntil: '2026-12-31' });
    expect(wrong.body.error.fields?.[0]).toMatchObject({ path: 'projectId', code: 'unknown_project' });
  });
});
