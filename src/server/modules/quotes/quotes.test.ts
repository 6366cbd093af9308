import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/errors.js';
import type { Client } from '../../../shared/schemas/clients.js';
import type { Commitment } from '../../../shared/schemas/commitments.js';
import type { MessageComposed, MessageSent } from '../../../shared/schemas/messages.js';
import type { Project } from '../../../shared/schemas/projects.js';
import type { Quote, TermsTemplate } from '../../../shared/schemas/quotes.js';
import { closePdfRenderer, pdfAvailable } from '../../lib/pdf.js';
import { clientInput } from '../../testing/factories.js';
import type { TestSmtpServer } from '../../testing/smtp.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { deliverOutbox } from '../messages/outbox.service.js';
import { acceptedContent } from './acceptance.service.js';

type QuoteSent = { quote: Quote; sent: MessageSent | null; url: string | null };

const draft = (clientId: string, overrides: Record<string, unknown> = {}) => ({
  clientId,
  title: 'מיתוג לקפה הגפן',
  items: [
    { description: 'עיצוב לוגו', quantity: 1, unit: 'פרויקט', unitPrice: 350_000 },
    { description: 'שעות ייעוץ', quantity: 2.5, unit: 'שעה', unitPrice: 45_000 },
  ],
  discount: { kind: 'percent', basisPoints: 1000 },
  validUntil: '2026-12-31',
  ...overrides,
});

describe.each(testDialects())('quotes on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  let smtp: TestSmtpServer;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect, { mail: true });
    smtp = ctx.smtp!;
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    client = (
      await api.post<Client>(
        '/api/v1/clients',
        clientInput({ name: 'קפה הגפן', email: 'gefen@example.co.il', phone: '052-1112233' }),
      )
    ).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const portal = (path: string, init?: RequestInit) => ctx.app.request(path, init);
  const pathOf = (url: string) => new URL(url).pathname;

  it.skipIf(skip)('numbers quotes per year, totals them in agorot with VAT, and copies the default terms', async () => {
    const first = await api.post<Quote>('/api/v1/quotes', draft(client.id));
    expect(first.status).toBe(201);
    expect(first.body.number).toBe('2026-001');
    expect(first.body.status).toBe('draft');
    expect(first.body.current.totals).toEqual({
      lines: [350_000, 112_500],
      subtotal: 462_500,
      discount: 46_250,
      net: 416_250,
      vat: 74_925,
      total: 491_175,
    });
    expect(first.body.current.terms.clientObligations.length).toBeGreaterThan(0);
    expect(first.body.current.terms.outOfScopePolicy).toContain('הצעת מחיר נפרדת');
    const second = await api.post<Quote>('/api/v1/quotes', draft(client.id));
    expect(second.body.number).toBe('2026-002');
  });

  it.skipIf(skip)('starts from a terms template and rejects bad lines field by field', async () => {
    const templates = await api.get<{ items: TermsTemplate[] }>('/api/v1/terms-templates');
    expect(templates.body.items.map((t) => t.locale).sort()).toEqual(['en', 'he']);
    const english = templates.body.items.find((t) => t.locale === 'en')!;
    const fromTemplate = await api.post<Quote>('/api/v1/quotes', draft(client.id, { termsTemplateId: english.id }));
    expect(fromTemplate.body.current.terms.paymentTerms).toContain('50%');
    const bad = await api.post<ApiError>(
      '/api/v1/quotes',
      draft(client.id, { items: [{ description: '', quantity: -1, unitPrice: 1.5 }], validUntil: '2026-13-01' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields?.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      'items.0.description:required',
      'items.0.quantity:too_small',
      'items.0.unitPrice:invalid_number',
      'validUntil:invalid_date',
    ]);
  });

  it.skipIf(skip)(
    'sends by WhatsApp with the client link, keeps "quote by Thursday", and the link is never listed',
    async () => {
      const promise = (
        await api.post<Commitment>('/api/v1/commitments', {
          clientId: client.id,
          title: 'הצעת מחיר עד חמישי',
          dueDate: '2026-11-26',
          dueTime: '12:00',
        })
      ).body;
      const quote = (await api.post<Quote>('/api/v1/quotes', draft(client.id))).body;
      const composed = await api.post<MessageComposed>(`/api/v1/quotes/${quote.id}/compose`, { kind: 'quote' });
      expect(composed.body.body).toContain('{{link}}');
      expect(composed.body.body).toContain('מיתוג לקפה הגפן');
      const sent = await api.post<QuoteSent>(`/api/v1/quotes/${quote.id}/send`, {
        channel: 'whatsapp',
        body: composed.body.body,
      });
      expect(sent.status).toBe(200);
      expect(sent.body.quote.status).toBe('sent');
      expect(sent.body.url).toMatch(/\/q\/[\w-]{43}$/);
      expect(sent.body.sent!.link).toContain(encodeURIComponent(sent.body.url!));
      expect(sent.body.sent!.message.body).not.toContain('{{link}}');
      // The personal link goes to the client but is not kept in the log: the record names it instead.
      expect(sent.body.sent!.message.body).toContain('[הקישור האישי להצעה 2026-001]');
      expect((await api.get<Commitment>(`/api/v1/commitments/${promise.id}`)).body.status).toBe('kept');

      const token = pathOf(sent.body.url!).split('/').pop()!;
      for (const path of [
        '/api/v1/quotes',
        `/api/v1/quotes/${quote.id}`,
        `/api/v1/interactions?clientId=${client.id}`,
      ]) {
        expect(JSON.stringify((await api.get(path)).body)).not.toContain(token);
      }
      const stored = await ctx.db.kysely.selectFrom('quote_links').select('token_hash').execute();
      expect(stored.map((r) => r.token_hash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    },
  );

  it.skipIf(skip)('e-mails the quote through SMTP with the link in Hebrew', async () => {
    const quote = (await api.post<Quote>('/api/v1/quotes', draft(client.id))).body;
    const composed = (await api.post<MessageComposed>(`/api/v1/quotes/${quote.id}/compose`, {})).body;
    const sent = await api.post<QuoteSent>(`/api/v1/quotes/${quote.id}/send`, {
      channel: 'email',
      subject: composed.subject,
      body: composed.body,
    });
    await deliverOutbox(ctx.deps);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toBe('הצעת מחיר 2026-001: מיתוג לקפה הגפן');
    expect(smtp.received[0]!.text).toContain(sent.body.url!);
  });

  it.skipIf(skip)(
    'shows the client a Hebrew page, marks it viewed, and records the acceptance with a content hash',
    async () => {
      const quote = (await api.post<Quote>('/api/v1/quotes', draft(client.id))).body;
      const sent = (
        await api.post<QuoteSent>(`/api/v1/quotes/${quote.id}/send`, { channel: 'whatsapp', body: '{{link}}' })
      ).body;
      const path = pathOf(sent.url!);
      const page = await portal(path);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<html lang="he" dir="rtl">');
      expect(html).toContain('עיצוב לוגו');
      expect(html).toContain('מע״מ 18%');
      expect((await api.get<Quote>(`/api/v1/quotes/${quote.id}`)).body.status).toBe('viewed');

      const missing = await portal(`${path}/accept`, {
        method: 'POST',
        body: new URLSearchParams({ name: '' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain('יש להקליד את השם המלא');

      const accepted = await portal(`${path}/accept`, {
        method: 'POST',
        body: new URLSearchParams({ name: 'דוד הגפן', agree: 'yes' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Test Phone' },
      });
      expect(accepted.status).toBe(303);
      const after = (await api.get<Quote>(`/api/v1/quotes/${quote.id}`)).body;
      expect(after.status).toBe('accepted');
      expect(after.current.acceptance).toMatchObject({
        name: 'דוד הגפן',
        at: '2026-11-23T08:00:00.000Z',
        userAgent: 'Test Phone',
      });
      expect(after.current.acceptance!.contentHash).toBe(
        createHash('sha256').update(acceptedContent(after, after.current)).digest('hex'),
      );

      // The project starts, with the items as deliverables and the client's obligations as their promises.
      const project = (await api.get<Project>(`/api/v1/projects/${after.projectId}`)).body;
      expect(project.deliverables.map((d) => d.title)).toEqual(['עיצוב לוגו', 'שעות ייעוץ']);
      const theirs = (
        await api.get<{ items: Commitment[] }>(`/api/v1/commitments?clientId=${client.id}&direction=theirs`)
      ).body.items;
      expect(theirs.length).toBe(after.current.terms.clientObligations.length);
      expect(theirs[0]!.dueDate).toBe('2026-11-26');

      // An accepted version never changes, and cannot be accepted twice.
      const edit = await api.patch<ApiError>(`/api/v1/quotes/${quote.id}`, { title: 'משהו אחר' });
      expect(edit.status).toBe(409);
      const again = await portal(`${path}/accept`, {
        method: 'POST',
        body: new URLSearchParams({ name: 'x', agree: 'yes' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(again.status).toBe(303);
      expect((await api.get<Quote>(`/api/v1/quotes/${quote.id}`)).body.current.acceptance!.name).toBe('דוד הגפן');
      expect(await (await portal(path)).text()).toContain('ההצעה אושרה על ידי דוד הגפן');
    },
  );

  it.skipIf(skip)('answers wrong, revoked, superseded and expired links with the same 404', async () => {
    const quote = (await api.post<Quote>('/api/v1/quotes', draft(client.id, { validUntil: '2026-11-30' }))).body;
    const first = (
      await api.post<QuoteSent>(`/api/v1/quotes/${quote.id}/send`, { channel: 'whatsapp', body: '{{link}}' })
    ).body;
    expect((await portal('/q/not-a-real-token-at-all-not-a-real-token-at-all')).status).toBe(404);
    expect((await portal('/q/short')).status).toBe(404);
    // Editing a sent quote makes version 2, supersedes version 1 and revokes its link.
    const edited = await api.patch<Quote>(`/api/v1/quotes/${quote.id}`, {
      items: [{ description: 'עיצוב לוגו', quantity: 1, unitPrice: 300_000 }],
      reason: 'טעות במחיר',
    });
    expect(edited.body.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'draft'],
    ]);
    expect(edited.body.current.reason).toBe('טעות במחיר');
    expect((await portal(pathOf(first.url!))).status).toBe(404);
    const second = (
      await api.post<QuoteSent>(`/api/v1/quotes/${quote.id}/send`, { channel: 'whatsapp', body: '{{link}}' })
    ).body;
    expect((await portal(pathOf(second.url!))).status).toBe(200);
    await api.post(`/api/v1/quotes/${quote.id}/revoke-links`);
    expect((await portal(pathOf(second.url!))).status).toBe(404);
    const third = (
      await api.post<QuoteSent>(`/api/v1/quotes/${quote.id}/send`, { channel: 'whatsapp', body: '{{link}}' })
    ).body;
    ctx.clock.set('2026-11-30T22:00:00.000Z'); // 00:00 on 1 December in Israel: the validity day is over
    expect((await portal(pathOf(third.url!))).status).toBe(404);
    expect((await api.get<Quote>(`/api/v1/quotes/${quote.id}`)).body.status).toBe('expired');
  });

  it.skipIf(skip)('handles a mistake: honour with the absorbed amount, or re-issue with an apology', async () => {
    const quote = (await api.post<Quote>('/api/v1/quotes', draft(client.id))).body;
    await api.post(`/api/v1/quotes/${quote.id}/send`, { channel: 'whatsapp', body: '{{link}}' });
    const honour = await api.post<QuoteSent>(`/api/v1/quotes/${quote.id}/mistake`, {
      mode: 'honour',
      reason: 'שכחתי את שעות הייעוץ',
      absorbedAmount: 90_000,
      message: { channel: 'whatsapp', body: 'המחיר בתוקף הפעם' },
    });
    expect(honour.status).toBe(200);
    expect(honour.body.quote.errorHandling).toMatchObject({
      mode: 'honour',
      absorbedAmount: 90_000,
      reason: 'שכחתי את שעות הייעוץ',
    });
    expect(honour.body.sent!.message.kind).toBe('quote_error_honour');

    const other = (await api.post<Quote>('/api/v1/quotes', draft(client.id))).body;
    await api.post(`/api/v1/quotes/${other.id}/send`, { channel: 'whatsapp', body: '{{link}}' });
    const apology = (
      await api.post<MessageComposed>(`/api/v1/quotes/${other.id}/compose`, {
        kind: 'quote_error_reissue',
        reason: 'המע״מ חושב פעמיים',
        goodwill: '10% הנחה על ההזמנה הבאה',
      })
    ).body;
    expect(apology.body).toContain('10% הנחה על ההזמנה הבאה');
    const reissue = await api.post<QuoteSent>(`/api/v1/quotes/${other.id}/mistake`, {
      mode: 'reissue',
      reason: 'המע״מ חושב פעמיים',
      changes: { discount: null },
      message: { channel: 'whatsapp', body: apology.body },
    });
    expect(reissue.body.quote.versions.map((v) => v.status)).toEqual(['superseded', 'sent']);
    expect(reissue.body.quote.current.reason).toBe('המע״מ חושב פעמיים');
    expect(reissue.body.sent!.link).toContain(encodeURIComponent(reissue.body.url!));
  });

  it.skipIf(skip)('duplicates a quote into a new numbered draft, for another client too', async () => {
    const quote = (await api.post<Quote>('/api/v1/quotes', draft(client.id))).body;
    await api.post(`/api/v1/quotes/${quote.id}/send`, { channel: 'whatsapp', body: '{{link}}' });
    const other = (await api.post<Client>('/api/v1/clients', clientInput({ name: 'מאפיית אור', language: 'en' }))).body;
    const copy = await api.post<Quote>(`/api/v1/quotes/${quote.id}/duplicate`, { clientId: other.id });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ number: '2026-002', clientId: other.id, status: 'draft', locale: 'en' });
    expect(copy.body.current.items).toEqual(quote.current.items);
    expect(copy.body.current.totals.total).toBe(quote.current.totals.total);
  });

  it.skipIf(skip)('composes "our terms" with an apology for a client who never got them', async () => {
    const res = await api.post<MessageComposed>(`/api/v1/clients/${client.id}/terms-message`, {});
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('terms');
    expect(res.body.body).toContain('וסליחה שהם מגיעים רק עכשיו');
    expect(res.body.body).toContain('תנאי תשלום');
  });

  it.skipIf(skip)('keeps quotes inside their workspace', async () => {
    const quote = (await api.post<Quote>('/api/v1/quotes', draft(client.id))).body;
    const { createWorkspaceWithOwner } = await import('../accounts/accounts.service.js');
    const { setupInput } = await import('../../testing/factories.js');
    await createWorkspaceWithOwner(ctx.deps, setupInput({ owner: { email: 'other@example.com' } }));
    const other = ctx.client();
    await other.post('/api/v1/auth/login', { email: 'other@example.com', password: 'correct horse battery' });
    expect((await other.get(`/api/v1/quotes/${quote.id}`)).status).toBe(404);
    expect((await other.get<{ items: Quote[] }>('/api/v1/quotes')).body.items).toEqual([]);
    expect((await other.post(`/api/v1/quotes/${quote.id}/send`, { channel: 'whatsapp', body: 'x' })).status).toBe(404);
    const stolen = await other.post<ApiError>('/api/v1/quotes', draft(client.id));
    expect(stolen.body.error.fields?.[0]).toMatchObject({ path: 'clientId', code: 'unknown_client' });
  });
});

describe('the quote as PDF (Chromium)', () => {
  it.skipIf(!pdfAvailable() || !hasPdftotext())(
    'prints the Hebrew quote to a PDF whose text has the item names, and attaches it to the e-mail',
    async () => {
      const ctx = await createTestContext('sqlite', { mail: true });
      const smtp = ctx.smtp!;
      try {
        const api = await ctx.owner();
        ctx.clock.set('2026-11-23T08:00:00.000Z');
        const client = (
          await api.post<Client>('/api/v1/clients', clientInput({ name: 'קפה הגפן', email: 'gefen@example.co.il' }))
        ).body;
        const quote = (await api.post<Quote>('/api/v1/quotes', draft(client.id))).body;
        const sent = (
          await api.post<QuoteSent>(`/api/v1/quotes/${quote.id}/send`, {
            channel: 'email',
            subject: 'הצעת מחיר',
            body: '{{link}}',
          })
        ).body;
        const res = await ctx.app.request(`${new URL(sent.url!).pathname}/pdf`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        const text = pdfText(Buffer.from(await res.arrayBuffer()));
        expect(text).toContain('עיצוב לוגו');
        expect(text).toContain('2026-001');
        expect(text.replace(/[^\d.,]/g, ' ')).toContain('4,911.75');

        await deliverOutbox(ctx.deps);
        const attachment = smtp.received[0]!.attachments[0]!;
        expect(attachment).toMatchObject({ filename: 'quote-2026-001.pdf', contentType: 'application/pdf' });
        expect(pdfText(attachment.content)).toContain('שעות ייעוץ');
      } finally {
        await closePdfRenderer();
        await ctx.close();
      }
    },
    60_000,
  );
});

/** The PDF's text through poppler's pdftotext (an independent reader). */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-pdf-'));
  const file = path.join(dir, 'q.pdf');
  fs.writeFileSync(file, pdf);
  const out = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true });
  return out;
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
