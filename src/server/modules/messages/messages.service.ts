import type { z } from 'zod';
import type { Locale } from '../../../shared/schemas/common.js';
import { locales } from '../../../shared/schemas/common.js';
import type { Commitment } from '../../../shared/schemas/commitments.js';
import { ZRenegotiateCommitment } from '../../../shared/schemas/commitments.js';
import {
  ZComposeMessage,
  ZMessageDraft,
  ZSendMessage,
  ZUpdateTemplate,
  messageKinds,
  templateVariables,
  type MessageComposed,
  type Message,
  type MessageKind,
  type MessageTemplate,
  type Outbox,
  type SendChannel,
  type MessageSent,
} from '../../../shared/schemas/messages.js';
import { whatsappLink } from '../../../shared/phone.js';
import type { Executor } from '../../db/database.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { parseInput } from '../../lib/validate.js';
import { getBusinessProfile, userContact } from '../accounts/accounts.service.js';
import { clientForReference } from '../clients/clients.service.js';
import { dueInstant, getCommitment, renegotiateInTrx } from '../commitments/commitments.service.js';
import { getInteraction, logInteractionInTrx } from '../interactions/interactions.service.js';
import * as q from './messages.queries.js';
import type { MessageRow, OutboxRow } from './messages.table.js';
import { formatDay, formatDue, renderTemplate } from '../../lib/message-format.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

function defaultTemplate(kind: MessageKind, locale: Locale): { subject: string; body: string } {
  return {
    subject: rawMessage(locale, `templates.${kind}.subject`),
    body: rawMessage(locale, `templates.${kind}.body`),
  };
}

export async function listTemplates(deps: Deps, scope: Scope): Promise<{ items: MessageTemplate[] }> {
  const overrides = await q.templateOverrides(deps.db.kysely, scope);
  const items = messageKinds.flatMap((kind) =>
    locales.map((locale) => {
      const own = overrides.find((o) => o.kind === kind && o.locale === locale);
      const text = own ?? defaultTemplate(kind, locale);
      return {
        kind,
        locale,
        subject: text.subject,
        body: text.body,
        isDefault: !own,
        variables: templateVariables[kind],
      };
    }),
  );
  return { items };
}

async function templateFor(
  db: Executor,
  scope: Scope,
  kind: MessageKind,
  locale: Locale,
): Promise<{ subject: string; body: string }> {
  return (await q.findTemplate(db, { ...scope, kind, locale })) ?? defaultTemplate(kind, locale);
}

export async function updateTemplate(
  deps: Deps,
  scope: Scope,
  kind: MessageKind,
  locale: Locale,
  raw: unknown,
): Promise<MessageTemplate> {
  const input = parseInput(ZUpdateTemplate, raw);
  await q.upsertTemplate(deps.db.kysely, {
    workspace_id: scope.workspaceId,
    kind,
    locale,
    subject: input.subject,
    body: input.body,
    updated_at: isoNow(deps.clock),
  });
  return { kind, locale, ...input, isDefault: false, variables: templateVariables[kind] };
}

export async function resetTemplate(
  deps: Deps,
  scope: Scope,
  kind: MessageKind,
  locale: Locale,
): Promise<MessageTemplate> {
  await q.deleteTemplate(deps.db.kysely, { ...scope, kind, locale });
  return { kind, locale, ...defaultTemplate(kind, locale), isDefault: true, variables: templateVariables[kind] };
}

/** The agreed channel decides the preselected way out; phone calls and meetings fall back to WhatsApp. */
function preferredSendChannel(
  client: { channel: string | null; email: string | null; whatsapp: string | null; phone: string | null },
  emailAvailable: boolean,
): SendChannel {
  if (client.channel === 'email' && client.email && emailAvailable) return 'email';
  if (client.channel === 'sms' && client.phone) return 'sms';
  if (client.whatsapp || client.phone) return 'whatsapp';
  return client.email && emailAvailable ? 'email' : 'whatsapp';
}

/** Fills the right template in the client's language with what Mila knows; the user edits before sending. */
export async function compose(deps: Deps, scope: Scope, actor: Actor, raw: unknown): Promise<MessageComposed> {
  const input = parseInput(ZComposeMessage, raw);
  const client = await clientForReference(deps, scope, input.clientId);
  const profile = await getBusinessProfile(deps, scope);
  const locale = client.language;
  const values: Record<string, string | null> = {};
  let commitment: Commitment | null = null;
  if (input.commitmentId) {
    commitment = await getCommitment(deps, scope, input.commitmentId).catch(() => {
      throw fieldError('commitmentId', 'unknown_commitment');
    });
    values.what = commitment.title;
    values.due = formatDue(commitment.dueAt, commitment.dueTime !== null, locale, profile.timeZone);
  }
  if (input.kind === 'not_forgotten') {
    const newDueDate = input.newDueDate ?? commitment?.dueDate;
    const newDueTime = input.newDueTime === undefined ? (commitment?.dueTime ?? null) : input.newDueTime;
    if (newDueDate)
      values.newDue = formatDue(
        dueInstant(newDueDate, newDueTime, profile.timeZone),
        newDueTime !== null,
        locale,
        profile.timeZone,
      );
    values.reason = input.reason;
    values.reasonLine = input.reason
      ? renderTemplate(rawMessage(locale, 'templates.reasonLine'), { reason: input.reason }, locale)
      : '';
  }
  if (input.interactionId) {
    const interaction = await getInteraction(deps, scope, input.interactionId).catch(() => {
      throw fieldError('interactionId', 'unknown_interaction');
    });
    if (interaction.clientId !== client.id) throw fieldError('interactionId', 'unknown_interaction');
    values.agreed = interaction.agreed ?? interaction.summary;
    values.nextSteps = interaction.nextSteps;
    values.meetingDate = formatDay(interaction.occurredAt, locale, profile.timeZone);
  }
  return fillTemplate(deps, scope, actor, { kind: input.kind, clientId: client.id, values });
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind as MessageKind,
    channel: row.channel as SendChannel,
    locale: row.locale as Locale,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status as Message['status'],
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/** Plain text as a small HTML mail in the right direction (RTL for Hebrew). */
export function textToHtml(text: string, locale: Locale): string {
  const dir = locale === 'he' ? 'rtl' : 'ltr';
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 1em">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1b1e"><div dir="${dir}">${paragraphs.join('')}</div></body></html>`;
}

type SendArgs = z.output<typeof ZSendMessage>;

/**
 * Sends (e-mail: into the outbox, delivered by the scheduler) or prepares the phone link
 * (WhatsApp / SMS), and logs the message as an outgoing contact — in the caller's transaction.
 */
export type SendOptions = {
  messageId?: string;
  /** Secrets (a client's personal link) that go out but are not kept in the log or the message record. */
  redactions?: { secret: string; label: string }[];
  /** Rendered and attached when the e-mail is delivered (by a renderer registered for its kind). */
  attachment?: { kind: string; ref: string };
};

export async function sendInTrx(
  deps: Deps,
  trx: Executor,
  scope: Scope,
  input: SendArgs,
  options: SendOptions = {},
): Promise<MessageSent> {
  const messageId = options.messageId ?? newId();
  const redactions = options.redactions ?? [];
  const redact = (text: string) => redactions.reduce((t, r) => t.replaceAll(r.secret, r.label), text);
  const client = await clientForReference(deps, scope, input.clientId, 'clientId', trx);
  const now = isoNow(deps.clock);
  const recipient =
    input.channel === 'email'
      ? client.email
      : input.channel === 'whatsapp'
        ? (client.whatsapp ?? client.phone)
        : (client.phone ?? client.whatsapp);
  if (!recipient) throw fieldError('channel', 'no_recipient');
  if (input.channel === 'email' && !deps.mailer) throw fieldError('channel', 'email_not_configured');
  const subject = input.subject ?? (input.channel === 'email' ? input.body.split('\n')[0]!.slice(0, 120) : null);
  const row: MessageRow = {
    id: messageId,
    workspace_id: scope.workspaceId,
    client_id: client.id,
    kind: input.kind,
    channel: input.channel,
    locale: client.language,
    recipient,
    subject,
    body: redact(input.body),
    status: input.channel === 'email' ? 'queued' : 'opened',
    commitment_id: input.commitmentId ?? null,
    interaction_id: null,
    created_at: now,
    sent_at: input.channel === 'email' ? null : now,
  };
  await q.insertMessage(trx, row);
  if (input.channel === 'email') {
    await q.insertOutbox(trx, {
      id: newId(),
      workspace_id: scope.workspaceId,
      message_id: row.id,
      purpose: 'client_message',
      recipient,
      subject: subject ?? '',
      body_text: input.body,
      body_html: textToHtml(input.body, client.language),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      last_error: null,
      message_key: `${row.id}@mila`,
      attachment: options.attachment ? JSON.stringify(options.attachment) : null,
      created_at: now,
      sent_at: null,
    });
  }
  const interaction = await logInteractionInTrx(deps, trx, scope, {
    clientId: client.id,
    contactId: null,
    channel: input.channel,
    direction: 'out',
    occurredAt: now,
    summary: redact(subject ? `${subject}\n\n${input.body}` : input.body),
    needsReply: false,
    source: 'message',
    messageId: row.id,
  });
  await q.setMessageInteraction(trx, {
    workspaceId: scope.workspaceId,
    messageId: row.id,
    interactionId: interaction.id,
  });
  const link =
    input.channel === 'whatsapp'
      ? whatsappLink(recipient, input.body)
      : input.channel === 'sms'
        ? `sms:${recipient}?&body=${encodeURIComponent(input.body)}`
        : null;
  return { message: toMessage({ ...row, interaction_id: interaction.id }), interactionId: interaction.id, link };
}

export async function sendMessage(deps: Deps, scope: Scope, raw: unknown): Promise<MessageSent> {
  const input = parseInput(ZSendMessage, raw);
  return deps.db.kysely.transaction().execute((trx) => sendInTrx(deps, trx, scope, input));
}

const ZRenegotiateWithNotice = ZRenegotiateCommitment.extend({ message: ZMessageDraft.optional() });

/**
 * "I haven't forgotten you": the new deadline, the message saying so, and its log entry — one
 * transaction, so the history never shows a change without the message or the other way round.
 */
export async function renegotiateWithNotice(
  deps: Deps,
  scope: Scope,
  commitmentId: string,
  raw: unknown,
): Promise<{ commitment: Commitment; sent: MessageSent | null }> {
  const input = parseInput(ZRenegotiateWithNotice, raw);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const current = await getCommitment(deps, scope, commitmentId, trx);
    const messageId = input.message ? newId() : null;
    await renegotiateInTrx(deps, trx, scope, commitmentId, input, messageId);
    const sent = input.message
      ? await sendInTrx(
          deps,
          trx,
          scope,
          {
            kind: current.direction === 'mine' ? 'not_forgotten' : 'client_reminder',
            clientId: current.clientId,
            commitmentId,
            ...input.message,
          },
          { messageId: messageId! },
        )
      : null;
    return { commitment: await getCommitment(deps, scope, commitmentId, trx), sent };
  });
}

export async function getMessage(deps: Deps, scope: Scope, messageId: string): Promise<Message> {
  const row = await q.findMessage(deps.db.kysely, { workspaceId: scope.workspaceId, messageId });
  if (!row) throw notFound();
  return toMessage(row);
}

/** Mail to the business itself (digest, notifications): through the same outbox, once per key. */
export async function enqueueOwnerMail(
  deps: Deps,
  trx: Executor,
  scope: Scope,
  mail: { to: string; subject: string; text: string; html: string | null; purpose: string; key: string },
): Promise<void> {
  const now = isoNow(deps.clock);
  await q.insertOutbox(trx, {
    id: newId(),
    workspace_id: scope.workspaceId,
    message_id: null,
    purpose: mail.purpose,
    recipient: mail.to,
    subject: mail.subject,
    body_text: mail.text,
    body_html: mail.html,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    locked_until: null,
    last_error: null,
    message_key: mail.key,
    attachment: null,
    created_at: now,
    sent_at: null,
  });
}

export type AttachmentRenderer = (
  deps: Deps,
  ref: string,
) => Promise<{ filename: string; content: Buffer; contentType: string } | null>;
const attachmentRenderers = new Map<string, AttachmentRenderer>();

/**
 * Modules that know how to draw an attachment (quotes: the PDF) register here, so the outbox can
 * attach it at delivery without depending on them. A renderer may return null (no Chromium).
 */
export function registerAttachmentRenderer(kind: string, render: AttachmentRenderer): void {
  attachmentRenderers.set(kind, render);
}

async function renderAttachment(deps: Deps, json: string | null) {
  if (!json) return undefined;
  const { kind, ref } = JSON.parse(json) as { kind: string; ref: string };
  const file = await attachmentRenderers.get(kind)?.(deps, ref);
  return file ? [file] : undefined;
}

/** Backoff after each failed attempt: 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h; then give up. */
const BACKOFF_SECONDS = [30, 120, 600, 1800, 3600, 10_800, 21_600, 43_200];
const LOCK_SECONDS = 120;

export type DeliveryReport = { sent: number; retried: number; failed: number };

/**
 * Sends what is due from the outbox. Each row is locked with a compare-and-set before the SMTP
 * call, so two processes never send the same row at once; a crash mid-send leaves a lock that
 * expires and the row is tried again with the same Message-ID.
 */
export async function deliverOutbox(deps: Deps, options: { limit?: number } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  if (!deps.mailer) return report;
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const rows = await q.dueOutbox(db, { now: now.toISOString(), limit: options.limit ?? 20 });
  for (const row of rows) {
    const locked = await q.lockOutbox(db, {
      id: row.id,
      now: now.toISOString(),
      until: new Date(now.getTime() + LOCK_SECONDS * 1000).toISOString(),
    });
    if (!locked) continue;
    const profile = await getBusinessProfile(deps, { workspaceId: row.workspace_id });
    try {
      const attachments = await renderAttachment(deps, row.attachment);
      await deps.mailer.send({
        attachments,
        to: row.recipient,
        fromName: profile.name,
        replyTo: profile.email,
        subject: row.subject,
        text: row.body_text,
        html: row.body_html,
        messageId: `<${row.message_key}>`,
      });
      await markDelivered(deps, row, deps.clock.now().toISOString());
      report.sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const delay = BACKOFF_SECONDS[attempts - 1];
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
      if (delay === undefined) {
        await q.finishOutbox(db, {
          id: row.id,
          changes: { status: 'failed', attempts, last_error: message, locked_until: null },
        });
        if (row.message_id) await q.setMessageStatus(db, { messageId: row.message_id, status: 'failed', sentAt: null });
        report.failed += 1;
      } else {
        await q.finishOutbox(db, {
          id: row.id,
          changes: {
            attempts,
            last_error: message,
            locked_until: null,
            next_attempt_at: new Date(now.getTime() + delay * 1000).toISOString(),
          },
        });
        report.retried += 1;
      }
      deps.logger.error('mail delivery failed', { outboxId: row.id, attempts, error: message });
    }
  }
  return report;
}

async function markDelivered(deps: Deps, row: OutboxRow, at: string): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    await q.finishOutbox(trx, {
      id: row.id,
      changes: { status: 'sent', sent_at: at, attempts: row.attempts + 1, locked_until: null, last_error: null },
    });
    if (row.message_id) await q.setMessageStatus(trx, { messageId: row.message_id, status: 'sent', sentAt: at });
  });
}

export async function outboxStatus(deps: Deps, scope: Scope): Promise<Outbox> {
  const rows = await q.outboxFor(deps.db.kysely, { ...scope, limit: 50 });
  return {
    emailAvailable: deps.mailer !== null,
    items: rows.map((r) => ({
      id: r.id,
      purpose: r.purpose,
      recipient: r.recipient,
      subject: r.subject,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at,
      sentAt: r.sent_at,
    })),
  };
}

export type NotificationKind = 'due_soon' | 'overdue' | 'theirs_overdue' | 'quote_accepted' | 'quote_declined';

/** An in-app reminder; the dedupe key makes a second one for the same thing a no-op. */
export async function notify(
  deps: Deps,
  scope: Scope,
  n: { kind: NotificationKind; refId: string; dedupeKey: string; clientId: string | null; title: string },
  trx?: Executor,
): Promise<boolean> {
  return q.insertNotification(trx ?? deps.db.kysely, {
    id: newId(),
    workspace_id: scope.workspaceId,
    kind: n.kind,
    ref_id: n.refId,
    dedupe_key: n.dedupeKey,
    client_id: n.clientId,
    title: n.title,
    created_at: isoNow(deps.clock),
    read_at: null,
  });
}

export async function listNotifications(
  deps: Deps,
  scope: Scope,
): Promise<{
  items: {
    id: string;
    kind: NotificationKind;
    refId: string;
    clientId: string | null;
    title: string;
    createdAt: string;
    readAt: string | null;
  }[];
  unread: number;
}> {
  const [rows, unread] = await Promise.all([
    q.listNotifications(deps.db.kysely, { ...scope, limit: 50 }),
    q.countUnread(deps.db.kysely, scope),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      refId: r.ref_id,
      clientId: r.client_id,
      title: r.title,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    unread,
  };
}

export async function markNotificationsRead(deps: Deps, scope: Scope, ids: string[] | 'all'): Promise<void> {
  await q.markNotificationsRead(deps.db.kysely, { ...scope, ids, at: isoNow(deps.clock) });
}

/**
 * A template of any kind filled for one client, in the client's language: the user's own version
 * when there is one. For modules that compose their own messages (quotes, projects…).
 */
export async function fillTemplate(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  input: { kind: MessageKind; clientId: string; values: Record<string, string | null> },
): Promise<MessageComposed> {
  const client = await clientForReference(deps, scope, input.clientId);
  const profile = await getBusinessProfile(deps, scope);
  const me = await userContact(deps, scope, actor.userId);
  const locale = client.language;
  const values: Record<string, string | null> = {
    clientName: client.kind === 'organization' && client.contacts[0] ? client.contacts[0].name : client.name,
    myName: me.name,
    businessName: profile.name,
    ...input.values,
  };
  const template = await templateFor(deps.db.kysely, scope, input.kind, locale);
  const emailAvailable = deps.mailer !== null;
  return {
    kind: input.kind,
    locale,
    channel: preferredSendChannel(client, emailAvailable),
    subject: renderTemplate(template.subject, values, locale).trim(),
    body: renderTemplate(template.body, values, locale)
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    recipients: { email: client.email, phone: client.phone, whatsapp: client.whatsapp ?? client.phone },
    emailAvailable,
  };
}
