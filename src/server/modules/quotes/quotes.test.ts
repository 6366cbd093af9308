import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/schemas/clients.js';
import { ZCommitment, ZCommitmentList } from '../../../shared/schemas/commitments.js';
import { ZMessageComposed } from '../../../shared/schemas/messages.js';
import { ZClient } from '../../../shared/schemas/clients.js';
import { ZProject } from '../../../shared/schemas/projects.js';
import { deliveryDateFromTerms } from '../../../shared/time/delivery-time.js';
import { localDate } from '../../../shared/time/zoned.js';
import { ZQuote, ZQuoteList, ZQuoteSent, ZTermsTemplateList } from '../../../shared/schemas/quotes.js';
import { closePdfRenderer, pdfAvailable } from '../../lib/pdf.js';
import {
  acceptQuote,
  createClient,
  createCommitment,
  createQuote,
  portalPath,
  sendQuote,
} from '../../testing/api-helpers.js';
import { quoteInput } from '../../testing/factories.js';
import type { TestSmtpServer } from '../../testing/smtp.js';
import { createTestContext, type ApiClient, type TestContext, noContent } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { deliverOutbox } from '../messages/outbox.service.js';
import { acceptedContent } from './acceptance.service.js';

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
    client = await createClient(api, { name: 'קפה הגפן', email: 'gefen@example.co.il', phone: '052-1112233' });
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const portal = (path: string, init?: RequestInit) => ctx.app.request(path, init);

  it.skipIf(skip)('numbers quotes per year, totals them in agorot with VAT, and copies the default terms', async () => {
    // The factory's quote: 3,500.00 + 2.5 × 450.00, 10% off.
    const first = await api.post('/api/v1/quotes', quoteInput(client.id), ZQuote);
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
    const second = await api.post('/api/v1/quotes', quoteInput(client.id), ZQuote);
    expect(second.body.number).toBe('2026-002');
  });

  it.skipIf(skip)('starts from a terms template and rejects bad lines field by field', async () => {
    const templates = await api.get('/api/v1/terms-templates', ZTermsTemplateList);
    expect(templates.body.items.map((t) => t.locale).sort()).toEqual(['en', 'he']);
    const english = templates.body.items.find((t) => t.locale === 'en')!;
    const fromTemplate = await api.post(
      '/api/v1/quotes',
      quoteInput(client.id, { termsTemplateId: english.id }),
      ZQuote,
    );
    expect(fromTemplate.body.current.terms.paymentTerms).toContain('50%');
    const bad = await api.post(
      '/api/v1/quotes',
      quoteInput(client.id, { items: [{ description: '', quantity: -1, unitPrice: 1.5 }], validUntil: '2026-13-01' }),
      ZQuote,
    );
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      'items.0.description:required',
      'items.0.quantity:too_small',
      'items.0.unitPrice:invalid_number',
      'validUntil:invalid_date',
    ]);
  });

  it.skipIf(skip)(
    'sends by WhatsApp with the client link, keeps "quote by Thursday", and the link is never listed',
    async () => {
      const promise = await createCommitment(api, client.id, {
        title: 'הצעת מחיר עד חמישי',
        dueDate: '2026-11-26',
        dueTime: '12:00',
      });
      const quote = await createQuote(api, client.id);
      const composed = await api.post(`/api/v1/quotes/${quote.id}/compose`, { kind: 'quote' }, ZMessageComposed);
      expect(composed.body.body).toContain('{{link}}');
      expect(composed.body.body).toContain('מיתוג לקפה הגפן');
      const sent = await api.post(
        `/api/v1/quotes/${quote.id}/send`,
        { channel: 'whatsapp', body: composed.body.body },
        ZQuoteSent,
      );
      expect(sent.status).toBe(200);
      expect(sent.body.quote.status).toBe('sent');
      expect(sent.body.url).toMatch(/\/q\/[\w-]{43}$/);
      expect(sent.body.sent!.link).toContain(encodeURIComponent(sent.body.url!));
      expect(sent.body.sent!.message.body).not.toContain('{{link}}');
      // The personal link goes to the client but is not kept in the log: the record names it instead.
      expect(sent.body.sent!.message.body).toContain('[הקישור האישי להצעה 2026-001]');
      expect((await api.get(`/api/v1/commitments/${promise.id}`, ZCommitment)).body.status).toBe('kept');

      const token = portalPath(sent.body.url!).split('/').pop()!;
      for (const path of [
        '/api/v1/quotes',
        `/api/v1/quotes/${quote.id}`,
        `/api/v1/interactions?clientId=${client.id}`,
      ]) {
        // Read raw: a link must not be anywhere in the answer, in the contract or beside it.
        expect(JSON.stringify((await api.request('GET', path)).body)).not.toContain(token);
      }
      const stored = await ctx.db.kysely.selectFrom('quote_links').select('token_hash').execute();
      expect(stored.map((r) => r.token_hash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    },
  );

  it.skipIf(skip)('e-mails the quote through SMTP with the link in Hebrew', async () => {
    const quote = await createQuote(api, client.id);
    const composed = (await api.post(`/api/v1/quotes/${quote.id}/compose`, {}, ZMessageComposed)).body;
    const sent = await sendQuote(api, quote.id, { channel: 'email', subject: composed.subject, body: composed.body });
    await deliverOutbox(ctx.deps);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toBe('הצעת מחיר 2026-001: מיתוג לקפה הגפן');
    expect(smtp.received[0]!.text).toContain(sent.url!);
  });

  it.skipIf(skip)(
    'shows the client a Hebrew page, marks it viewed, and records the acceptance with a content hash',
    async () => {
      const quote = await createQuote(api, client.id);
      const sent = await sendQuote(api, quote.id);
      const path = portalPath(sent.url!);
      const page = await portal(path);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<html lang="he" dir="rtl">');
      expect(html).toContain('עיצוב לוגו');
      expect(html).toContain('מע״מ 18%');
      expect((await api.get(`/api/v1/quotes/${quote.id}`, ZQuote)).body.status).toBe('viewed');

      const missing = await portal(`${path}/accept`, {
        method: 'POST',
        body: new URLSearchParams({ name: '' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain('יש להקליד את השם המלא');

      // The page's no-referrer policy makes a browser post `Origin: null`: refused unless the
      // browser vouches it is same-origin (Sec-Fetch-Site), which a real form post does.
      const opaque = await acceptQuote(ctx.app, sent.url!, 'דוד הגפן', { origin: 'null' });
      expect(opaque.status).toBe(403);
      const accepted = await acceptQuote(ctx.app, sent.url!, 'דוד הגפן', {
        'user-agent': 'Test Phone',
        origin: 'null',
        'sec-fetch-site': 'same-origin',
      });
      expect(accepted.status).toBe(303);
      const after = (await api.get(`/api/v1/quotes/${quote.id}`, ZQuote)).body;
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
      const project = (await api.get(`/api/v1/projects/${after.projectId}`, ZProject)).body;
      expect(project.deliverables.map((d) => d.title)).toEqual(['עיצוב לוגו', 'שעות ייעוץ']);
      const theirs = (await api.get(`/api/v1/commitments?clientId=${client.id}&direction=theirs`, ZCommitmentList)).body
        .items;
      expect(theirs.length).toBe(after.current.terms.clientObligations.length);
      expect(theirs[0]!.dueDate).toBe('2026-11-26');

      // An accepted version never changes, and cannot be accepted twice.
      const edit = await api.patch(`/api/v1/quotes/${quote.id}`, { title: 'משהו אחר' }, ZQuote);
      expect(edit.status).toBe(409);
      expect(edit.error.code).toBe('conflict');
      const again = await acceptQuote(ctx.app, sent.url!, 'x');
      expect(again.status).toBe(303);
      expect((await api.get(`/api/v1/quotes/${quote.id}`, ZQuote)).body.current.acceptance!.name).toBe('דוד הגפן');
      expect(await (await portal(path)).text()).toContain('ההצעה אושרה על ידי דוד הגפן');
    },
  );

  it.skipIf(skip)(
    'a failed accept keeps the tick and the typed name, with the error by its field and the focus on it',
    async () => {
      const sent = await sendQuote(api, (await createQuote(api, client.id)).id);
      const path = portalPath(sent.url!);
      const post = (body: Record<string, string>) =>
        portal(`${path}/accept`, {
          method: 'POST',
          body: new URLSearchParams(body),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      // Ticked, name left empty: the tick stays, the name field holds the error and the focus.
      const noName = await post({ name: '  ', agree: 'yes' });
      expect(noName.status).toBe(422);
      const html = await noName.text();
      const nameInput = html.match(/<input id="name"[^>]*>/)![0];
      expect(nameInput).toContain('aria-invalid="true"');
      expect(nameInput).toContain('aria-describedby="name-error"');
      expect(nameInput).toMatch(/autofocus/);
      expect(html).toMatch(/<input name="agree"[^>]*checked/);
      expect(html).toMatch(/<p id="name-error" class="error">יש להקליד את השם המלא<\/p>/);
      expect(html).toMatch(/<p id="agree-error" class="error" hidden/);
      // The error sits right after its field, not at the foot of the page.
      expect(html.indexOf('id="name-error"') - html.indexOf('<input id="name"')).toBeLessThan(400);
      // A name typed, the box not ticked: the name stays, the box takes the focus.
      const noTick = await (await post({ name: 'דוד הגפן' })).text();
      expect(noTick).toMatch(/<input id="name"[^>]*value="דוד הגפן"/);
      expect(noTick).not.toMatch(/<input id="name"[^>]*autofocus/);
      expect(noTick).toMatch(/<input name="agree"[^>]*autofocus/);
      // The page checks itself first when scripts run (a file: the CSP allows no inline script).
      expect(html).toContain('<script src="/q/accept.js" defer=""');
      const script = await portal('/q/accept.js');
      expect(script.headers.get('content-type')).toContain('javascript');
      expect(await script.text()).toContain("getElementById('accept')");
    },
  );

  it.skipIf(skip)(
    'an acceptance makes a lead an active client and dates the project from the terms (14 working days)',
    async () => {
      const lead = await createClient(api, { name: 'סטודיו חדש', email: 'new@example.co.il', status: 'lead' });
      const paused = await createClient(api, { name: 'לקוח בהפסקה', email: 'p@example.co.il', status: 'paused' });
      for (const c of [lead, paused]) {
        const quote = await createQuote(api, c.id);
        expect(quote.current.terms.deliveryTime).toContain('14');
        const sent = await sendQuote(api, quote.id);
        expect((await acceptQuote(ctx.app, sent.url!, 'דוד הגפן')).status).toBe(303);
        const projectId = (await api.get(`/api/v1/quotes/${quote.id}`, ZQuote)).body.projectId!;
        const project = (await api.get(`/api/v1/projects/${projectId}`, ZProject)).body;
        const today = localDate(ctx.clock.now(), 'Asia/Jerusalem');
        const expected = deliveryDateFromTerms(quote.current.terms.deliveryTime, today);
        expect(expected).not.toBeNull();
        expect(project.targetDate).toBe(expected);
        // The date is my delivery promise at once.
        expect(project.delivery?.dueAt).toBeTruthy();
      }
      expect((await api.get(`/api/v1/clients/${lead.id}`, ZClient)).body.status).toBe('active');
      expect((await api.get(`/api/v1/clients/${paused.id}`, ZClient)).body.status).toBe('paused');
    },
  );

  it.skipIf(skip)(
    'shows the business phone and e-mail; a change order says it is an addition beyond the original order',
    async () => {
      const first = await createQuote(api, client.id);
      const sent = await sendQuote(api, first.id);
      const page = await (await portal(portalPath(sent.url!))).text();
      expect(page).toContain('href="tel:+972525551234"');
      expect(page).toContain('052-555-1234');
      expect(page).toContain('href="mailto:studio@noa-design.co.il"');
      expect(page).not.toContain('מעבר להזמנה המקורית');
      const accepted = await acceptQuote(ctx.app, sent.url!, 'דוד הגפן');
      expect(accepted.status).toBe(303);
      const projectId = (await api.get(`/api/v1/quotes/${first.id}`, ZQuote)).body.projectId!;
      const project = (await api.get(`/api/v1/projects/${projectId}`, ZProject)).body;

      // The change order asks for none of the first quote's client duties again (unless written into it).
      const order = (
        await api.post(
          '/api/v1/quotes',
          quoteInput(client.id, {
            projectId,
            title: 'תוספת: דף בלוג',
            items: [{ description: 'דף בלוג', quantity: 1, unitPrice: 150_000 }],
          }),
          ZQuote,
        )
      ).body;
      expect(order.kind).toBe('change_order');
      expect(order.current.terms.clientObligations).toEqual([]);
      expect(first.current.terms.clientObligations.length).toBeGreaterThan(0);
      const withDuties = (
        await api.post(
          '/api/v1/quotes',
          quoteInput(client.id, {
            projectId,
            terms: { ...order.current.terms, clientObligations: [{ what: 'תמונות לבלוג', dueDaysAfterAcceptance: 3 }] },
          }),
          ZQuote,
        )
      ).body;
      expect(withDuties.current.terms.clientObligations.map((o) => o.what)).toEqual(['תמונות לבלוג']);

      const orderSent = await sendQuote(api, order.id);
      const orderPage = await (await portal(portalPath(orderSent.url!))).text();
      expect(orderPage).toContain(`תוספת לפרויקט «${project.title}»`);
      expect(orderPage).toContain('מעבר להזמנה המקורית');
      expect(orderPage).not.toContain('מה הלקוח מספק');
    },
  );

  it.skipIf(skip)('answers wrong, revoked, superseded and expired links with the same 404', async () => {
    const quote = await createQuote(api, client.id, { validUntil: '2026-11-30' });
    const first = await sendQuote(api, quote.id);
    expect((await portal('/q/not-a-real-token-at-all-not-a-real-token-at-all')).status).toBe(404);
    expect((await portal('/q/short')).status).toBe(404);
    // Editing a sent quote makes version 2, supersedes version 1 and revokes its link.
    const edited = await api.patch(
      `/api/v1/quotes/${quote.id}`,
      { items: [{ description: 'עיצוב לוגו', quantity: 1, unitPrice: 300_000 }], reason: 'טעות במחיר' },
      ZQuote,
    );
    expect(edited.body.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'draft'],
    ]);
    expect(edited.body.current.reason).toBe('טעות במחיר');
    expect((await portal(portalPath(first.url!))).status).toBe(404);
    const second = await sendQuote(api, quote.id);
    expect((await portal(portalPath(second.url!))).status).toBe(200);
    await api.post(`/api/v1/quotes/${quote.id}/revoke-links`, {}, noContent);
    expect((await portal(portalPath(second.url!))).status).toBe(404);
    const third = await sendQuote(api, quote.id);
    ctx.clock.set('2026-11-30T22:00:00.000Z'); // 00:00 on 1 December in Israel: the validity day is over
    expect((await portal(portalPath(third.url!))).status).toBe(404);
    expect((await api.get(`/api/v1/quotes/${quote.id}`, ZQuote)).body.status).toBe('expired');
  });

  it.skipIf(skip)('handles a mistake: honour with the absorbed amount, or re-issue with an apology', async () => {
    const quote = await createQuote(api, client.id);
    await sendQuote(api, quote.id);
    const honour = await api.post(
      `/api/v1/quotes/${quote.id}/mistake`,
      {
        mode: 'honour',
        reason: 'שכחתי את שעות הייעוץ',
        absorbedAmount: 90_000,
        message: { channel: 'whatsapp', body: 'המחיר בתוקף הפעם' },
      },
      ZQuoteSent,
    );
    expect(honour.status).toBe(200);
    expect(honour.body.quote.errorHandling).toMatchObject({
      mode: 'honour',
      absorbedAmount: 90_000,
      reason: 'שכחתי את שעות הייעוץ',
    });
    expect(honour.body.sent!.message.kind).toBe('quote_error_honour');

    const other = await createQuote(api, client.id);
    await sendQuote(api, other.id);
    const apology = (
      await api.post(
        `/api/v1/quotes/${other.id}/compose`,
        { kind: 'quote_error_reissue', reason: 'המע״מ חושב פעמיים', goodwill: '10% הנחה על ההזמנה הבאה' },
        ZMessageComposed,
      )
    ).body;
    expect(apology.body).toContain('10% הנחה על ההזמנה הבאה');
    const reissue = await api.post(
      `/api/v1/quotes/${other.id}/mistake`,
      {
        mode: 'reissue',
        reason: 'המע״מ חושב פעמיים',
        changes: { discount: null },
        message: { channel: 'whatsapp', body: apology.body },
      },
      ZQuoteSent,
    );
    expect(reissue.body.quote.versions.map((v) => v.status)).toEqual(['superseded', 'sent']);
    expect(reissue.body.quote.current.reason).toBe('המע״מ חושב פעמיים');
    expect(reissue.body.sent!.link).toContain(encodeURIComponent(reissue.body.url!));
  });

  it.skipIf(skip)('duplicates a quote into a new numbered draft, for another client too', async () => {
    const quote = await createQuote(api, client.id);
    await sendQuote(api, quote.id);
    const other = await createClient(api, { name: 'מאפיית אור', language: 'en' });
    const copy = await api.post(`/api/v1/quotes/${quote.id}/duplicate`, { clientId: other.id }, ZQuote);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ number: '2026-002', clientId: other.id, status: 'draft', locale: 'en' });
    expect(copy.body.current.items).toEqual(quote.current.items);
    expect(copy.body.current.totals.total).toBe(quote.current.totals.total);
  });

  it.skipIf(skip)('composes "our terms" with an apology for a client who never got them', async () => {
    const res = await api.post(`/api/v1/clients/${client.id}/terms-message`, {}, ZMessageComposed);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('terms');
    expect(res.body.body).toContain('וסליחה שהם מגיעים רק עכשיו');
    expect(res.body.body).toContain('תנאי תשלום');
  });

  it.skipIf(skip)('keeps quotes inside their workspace', async () => {
    const quote = await createQuote(api, client.id);
    const { api: other } = await ctx.otherWorkspace();
    expect((await other.get(`/api/v1/quotes/${quote.id}`, ZQuote)).status).toBe(404);
    expect((await other.get('/api/v1/quotes', ZQuoteList)).body.items).toEqual([]);
    expect(
      (await other.post(`/api/v1/quotes/${quote.id}/send`, { channel: 'whatsapp', body: 'x' }, ZQuoteSent)).status,
    ).toBe(404);
    const stolen = await other.post('/api/v1/quotes', quoteInput(client.id), ZQuote);
    expect(stolen.error.fields?.[0]).toMatchObject({ path: 'clientId', code: 'unknown_client' });
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
        const client = await createClient(api, { name: 'קפה הגפן', email: 'gefen@example.co.il' });
        const quote = await createQuote(api, client.id);
        const sent = await sendQuote(api, quote.id, { channel: 'email', subject: 'הצעת מחיר', body: '{{link}}' });
        const res = await ctx.app.request(`${portalPath(sent.url!)}/pdf`);
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

        // Mixed Hebrew and numbers read in order: the numbers are isolated left-to-right.
        const terms = { ...quote.current.terms, serviceHours: 'א׳–ה׳ 9:00–18:00', paymentTerms: 'שוטף + 30' };
        const mixed = await createQuote(api, client.id, { terms });
        const mixedSent = await sendQuote(api, mixed.id);
        const printed = pdfText(
          Buffer.from(await (await ctx.app.request(`${portalPath(mixedSent.url!)}/pdf`)).arrayBuffer()),
        ).replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
        expect(printed).toContain('א׳–ה׳ 9:00–18:00');
        expect(printed).toContain('שוטף + 30');
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
