import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, ZClient } from '../../../shared/schemas/clients.js';
import { ZCommitment, type Commitment } from '../../../shared/schemas/commitments.js';
import { ZInteraction } from '../../../shared/schemas/interactions.js';
import {
  messageKinds,
  ZMessageComposed,
  ZMessageSent,
  ZMessageTemplate,
  ZMessageTemplateList,
  ZOutbox,
  ZRenegotiated,
} from '../../../shared/schemas/messages.js';
import { createApp } from '../../app.js';
import { createMailer } from '../../mail/mailer.js';
import { createClient, createCommitment } from '../../testing/api-helpers.js';
import type { TestSmtpServer } from '../../testing/smtp.js';
import { ApiClient, createTestContext, type TestContext } from '../../testing/test-app.js';
import { testDialects, testDeps } from '../../testing/test-db.js';
import { deliverOutbox } from './outbox.service.js';

describe.each(testDialects())('messages on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let client: Client;
  let commitment: Commitment;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect, { mail: true });
    smtp = ctx.smtp!;
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    client = await createClient(api, {
      name: 'רונית לוי',
      email: 'ronit@example.co.il',
      phone: '054-7654321',
      channel: 'whatsapp',
    });
    commitment = await createCommitment(api, client.id, {
      title: 'הצעת מחיר למיתוג',
      dueDate: '2026-11-23',
      dueTime: '17:00',
    });
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  /** Fills in a message for the client (another client's id may be given), checked against the contract. */
  const composeMessage = (body: Record<string, unknown>) =>
    api.post('/api/v1/messages/compose', { clientId: client.id, ...body }, ZMessageComposed);
  const sendMessage = (body: Record<string, unknown>) =>
    api.post('/api/v1/messages', { clientId: client.id, ...body }, ZMessageSent);

  it.skipIf(skip)('composes "haven’t forgotten you" in the client’s language with the new time', async () => {
    const he = await composeMessage({
      kind: 'not_forgotten',
      commitmentId: commitment.id,
      newDueDate: '2026-11-24',
      newDueTime: '12:00',
      reason: 'חיכיתי למחירון מהספק.',
    });
    expect(he.status).toBe(200);
    expect(he.body).toMatchObject({
      kind: 'not_forgotten',
      locale: 'he',
      channel: 'whatsapp',
      emailAvailable: true,
      recipients: { email: 'ronit@example.co.il', whatsapp: '+972547654321' },
    });
    expect(he.body.subject).toBe('לא שכחתי: הצעת מחיר למיתוג');
    expect(he.body.body).toContain('היי רונית לוי');
    expect(he.body.body).toContain('חיכיתי למחירון מהספק.');
    expect(he.body.body).toContain('יום שלישי');
    expect(he.body.body).toContain('12:00');
    expect(he.body.body).toContain('נועה כהן');
    // A reason typed without a full stop gets one: it does not run into the next sentence.
    const noStop = await composeMessage({
      kind: 'not_forgotten',
      commitmentId: commitment.id,
      newDueDate: '2026-11-24',
      reason: 'חיכיתי למחירון מהספק',
    });
    expect(noStop.body.body).toContain('חיכיתי למחירון מהספק.\n');

    await api.patch(`/api/v1/clients/${client.id}`, { language: 'en', name: 'Ronit Levi' }, ZClient);
    const en = await composeMessage({
      kind: 'not_forgotten',
      commitmentId: commitment.id,
      newDueDate: '2026-11-24',
    });
    expect(en.body.locale).toBe('en');
    expect(en.body.body).toMatch(/^Hi Ronit Levi,/);
    expect(en.body.body).toContain('Tuesday');
    // The business name is Hebrew inside an English message: isolated so it reads in order.
    expect(en.body.body).toContain('\u2068סטודיו נועה לעיצוב\u2069');
  });

  it.skipIf(skip)('uses the user’s own version of a template, and can go back to the default', async () => {
    const put = await api.put(
      '/api/v1/message-templates/not_forgotten/he',
      { subject: 'עדכון: {{what}}', body: 'שלום {{clientName}}, מעדכנת שזה יגיע עד {{newDue}}.' },
      ZMessageTemplate,
    );
    expect(put.status).toBe(200);
    const composed = await composeMessage({
      kind: 'not_forgotten',
      commitmentId: commitment.id,
      newDueDate: '2026-11-24',
    });
    expect(composed.body.subject).toBe('עדכון: הצעת מחיר למיתוג');
    expect(composed.body.body).toMatch(/^שלום רונית לוי, מעדכנת שזה יגיע עד יום שלישי/);
    const list = await api.get('/api/v1/message-templates', ZMessageTemplateList);
    expect(list.body.items).toHaveLength(messageKinds.length * 2);
    expect(list.body.items.find((t) => t.kind === 'not_forgotten' && t.locale === 'he')?.isDefault).toBe(false);
    const reset = await api.delete('/api/v1/message-templates/not_forgotten/he', ZMessageTemplate);
    expect(reset.body.isDefault).toBe(true);
    const bad = await api.put(
      '/api/v1/message-templates/not_forgotten/fr',
      { subject: '', body: 'x' },
      ZMessageTemplate,
    );
    expect(bad.status).toBe(422);
  });

  it.skipIf(skip)('opens WhatsApp with the text filled in and logs it as an outgoing contact', async () => {
    const res = await sendMessage({
      kind: 'not_forgotten',
      commitmentId: commitment.id,
      channel: 'whatsapp',
      body: 'היי רונית, לא שכחתי 🙂',
    });
    expect(res.status).toBe(201);
    expect(res.body.link).toBe(`https://wa.me/972547654321?text=${encodeURIComponent('היי רונית, לא שכחתי 🙂')}`);
    expect(res.body.message).toMatchObject({ channel: 'whatsapp', status: 'opened', recipient: '+972547654321' });
    const logged = await api.get(`/api/v1/interactions/${res.body.interactionId}`, ZInteraction);
    expect(logged.body).toMatchObject({
      direction: 'out',
      channel: 'whatsapp',
      source: 'message',
      messageId: res.body.message.id,
    });
  });

  it.skipIf(skip)('sends e-mail through the outbox and a real SMTP server, Hebrew intact', async () => {
    const res = await sendMessage({
      kind: 'not_forgotten',
      channel: 'email',
      subject: 'לא שכחתי: הצעת מחיר',
      body: 'היי רונית,\n\nההצעה תגיע מחר עד 12:00.',
    });
    expect(res.status).toBe(201);
    expect(res.body.message.status).toBe('queued');
    expect(smtp.received).toHaveLength(0);
    const report = await deliverOutbox(ctx.deps);
    expect(report).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe('לא שכחתי: הצעת מחיר');
    expect(mail.text?.trim()).toBe('היי רונית,\n\nההצעה תגיע מחר עד 12:00.');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('ronit@example.co.il');
    expect(mail.from?.value[0]).toMatchObject({ address: 'mila@example.test', name: 'סטודיו נועה לעיצוב' });
    expect(mail.replyTo?.value[0]?.address).toBe('studio@noa-design.co.il');
    expect(mail.messageId).toBe(`<${res.body.message.id}@mila>`);
    const outbox = await api.get('/api/v1/outbox', ZOutbox);
    expect(outbox.body.emailAvailable).toBe(true);
    expect(outbox.body.items[0]).toMatchObject({ status: 'sent', sentAt: '2026-11-23T08:00:00.000Z' });
    // Delivering again sends nothing new.
    expect(await deliverOutbox(ctx.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it.skipIf(skip)(
    'keeps e-mail while the SMTP server is down, retries with backoff, and sends once when it is back',
    async () => {
      const port = smtp.port;
      await smtp.stop();
      await sendMessage({
        kind: 'client_reminder',
        channel: 'email',
        body: 'תזכורת קטנה',
      });
      expect(await deliverOutbox(ctx.deps)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const pending = await api.get('/api/v1/outbox', ZOutbox);
      expect(pending.body.items[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        nextAttemptAt: '2026-11-23T08:00:30.000Z',
      });
      expect(pending.body.items[0]!.lastError).toBeTruthy();
      // Not yet time for the next attempt: nothing happens.
      expect(await deliverOutbox(ctx.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });

      // The server comes back; so does Mila, as a new process over the same database.
      await smtp.start(port);
      const restarted = testDeps(ctx.db, ctx.clock, ctx.deps.config, createMailer(smtp.url, 'mila@example.test'));
      ctx.clock.advance(31_000);
      expect(await deliverOutbox(restarted)).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(await deliverOutbox(restarted)).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(smtp.received.map((m) => m.text?.trim())).toEqual(['תזכורת קטנה']);
      restarted.mailer?.close();
    },
  );

  it.skipIf(skip)('refuses a channel the client has no details for, or e-mail when SMTP is not set up', async () => {
    const noEmail = await createClient(api, { email: null, phone: null });
    const res = await sendMessage({
      kind: 'client_reminder',
      clientId: noEmail.id,
      channel: 'email',
      body: 'x',
    });
    expect(res.status).toBe(422);
    expect(res.error.fields?.[0]).toMatchObject({ path: 'channel', code: 'no_recipient' });
    ctx.deps.mailer?.close();
    ctx.deps.mailer = null;
    const off = await new ApiClient(createApp(ctx.deps)).post(
      '/api/v1/messages',
      { kind: 'client_reminder', clientId: client.id, channel: 'email', body: 'x' },
      ZMessageSent,
      { cookie: api.cookie!, 'x-csrf-token': api.csrfToken! },
    );
    expect(off.error.fields?.[0]).toMatchObject({ path: 'channel', code: 'email_not_configured' });
  });

  it.skipIf(skip)('renegotiates with the notice in one step: new time, message, log and history', async () => {
    const res = await api.post(
      `/api/v1/commitments/${commitment.id}/renegotiate`,
      {
        dueDate: '2026-11-24',
        dueTime: '12:00',
        message: { channel: 'email', subject: 'לא שכחתי', body: 'ההצעה תגיע מחר בצהריים.' },
      },
      ZRenegotiated,
    );
    expect(res.status).toBe(200);
    expect(res.body.commitment.status).toBe('renegotiated');
    expect(res.body.commitment.changes[0]!.messageId).toBe(res.body.sent!.message.id);
    expect(res.body.sent!.message).toMatchObject({ kind: 'not_forgotten', channel: 'email', status: 'queued' });
    await deliverOutbox(ctx.deps);
    expect(smtp.received[0]?.subject).toBe('לא שכחתי');

    // A failing message leaves the deadline as it was (one transaction).
    const other = await createCommitment(api, client.id, { title: 'שיחה', dueDate: '2026-11-25' });
    const noPhone = await api.post(
      `/api/v1/commitments/${other.id}/renegotiate`,
      {
        dueDate: '2026-11-26',
        message: { channel: 'sms', body: '' },
      },
      ZRenegotiated,
    );
    expect(noPhone.status).toBe(422);
    expect((await api.get(`/api/v1/commitments/${other.id}`, ZCommitment)).body).toMatchObject({
      dueDate: '2026-11-25',
      changes: [],
    });
  });
});
