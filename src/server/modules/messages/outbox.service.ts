import { z } from 'zod';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Outbox } from '../../../shared/schemas/messages.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import type { MailAttachment } from '../../mail/mailer.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import * as q from './messages.queries.js';
import type { OutboxRow } from './messages.table.js';

type Scope = { workspaceId: string };

/** What an e-mail attaches: drawn at delivery by `deps.attachments[kind]` from `ref`. */
export const ZAttachmentRef = z.object({ kind: z.string().min(1), ref: z.string() });
export type AttachmentRef = z.infer<typeof ZAttachmentRef>;

/** The outbox row's `attachment` column, read through its schema. */
function readAttachment(json: string | null): AttachmentRef | null {
  return json === null ? null : ZAttachmentRef.parse(JSON.parse(json));
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/**
 * Escaped text whose http(s) addresses are real links (the quote's link must be tappable in the
 * HTML part). Trailing punctuation stays outside the link; dir="ltr" keeps an address whole in a
 * Hebrew paragraph. Nothing but http(s) becomes a link.
 */
function linkified(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"']+)/)
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const [, url, tail] = /^(.*?)([.,;:!?)\]]*)$/.exec(part)!;
      return `<a href="${escapeHtml(url!)}" dir="ltr">${escapeHtml(url!)}</a>${escapeHtml(tail!)}`;
    })
    .join('');
}

/** Plain text as a small HTML mail in the right direction (RTL for Hebrew). */
export function textToHtml(text: string, locale: Locale): string {
  const dir = locale === 'he' ? 'rtl' : 'ltr';
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 1em">${linkified(p).replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1b1e"><div dir="${dir}">${paragraphs.join('')}</div></body></html>`;
}

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** client_message, or what the business's own mail is about (digest, quote_accepted…). */
  purpose: string;
  /** Unique per e-mail and its Message-ID: `…@mila`. */
  key: string;
  /** The client message this e-mail delivers; its status follows the delivery. */
  messageId?: string | null;
  attachment?: AttachmentRef | null;
  /** Not delivered before this instant (a greeting queued on Shabbat waits for after it). */
  notBefore?: string | null;
};

/**
 * Puts an e-mail into the outbox, in the caller's transaction: it is delivered after commit by
 * the scheduler (SMTP never runs inside a transaction), once per key.
 */
export async function enqueueEmail(deps: Deps, scope: Scope, mail: OutgoingEmail): Promise<void> {
  const now = isoNow(deps.clock);
  await q.insertOutbox(deps.db.kysely, {
    id: newId(),
    workspace_id: scope.workspaceId,
    message_id: mail.messageId ?? null,
    purpose: mail.purpose,
    recipient: mail.to,
    subject: mail.subject,
    body_text: mail.text,
    body_html: mail.html,
    status: 'pending',
    attempts: 0,
    next_attempt_at: mail.notBefore && mail.notBefore > now ? mail.notBefore : now,
    locked_until: null,
    last_error: null,
    message_key: mail.key,
    attachment: mail.attachment ? JSON.stringify(mail.attachment) : null,
    created_at: now,
    sent_at: null,
  });
}

/** Mail to the business itself (digest, notifications): through the same outbox, once per key. */
export async function enqueueOwnerMail(
  deps: Deps,
  scope: Scope,
  mail: { to: string; subject: string; text: string; html: string | null; purpose: string; key: string },
): Promise<void> {
  await enqueueEmail(deps, scope, mail);
}

/**
 * The attachment of an outbox row, drawn by the renderer wired into `deps` for its kind. A kind
 * nobody renders is logged: the e-mail still goes, but never loses its PDF without a trace.
 */
async function renderAttachment(deps: Deps, row: OutboxRow): Promise<MailAttachment[] | undefined> {
  const attachment = readAttachment(row.attachment);
  if (!attachment) return undefined;
  const render = Object.hasOwn(deps.attachments, attachment.kind) ? deps.attachments[attachment.kind] : undefined;
  if (!render) {
    deps.logger.error('warning: no renderer for this mail attachment; sending the e-mail without it', {
      outboxId: row.id,
      attachmentKind: attachment.kind,
      known: Object.keys(deps.attachments),
    });
    return undefined;
  }
  const file = await render(deps, attachment.ref);
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
      const attachments = await renderAttachment(deps, row);
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
        await inTransaction(deps, async (deps) => {
          await q.finishOutbox(deps.db.kysely, {
            id: row.id,
            changes: { status: 'failed', attempts, last_error: message, locked_until: null },
          });
          if (row.message_id)
            await q.setMessageStatus(deps.db.kysely, { messageId: row.message_id, status: 'failed', sentAt: null });
        });
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
  await inTransaction(deps, async (deps) => {
    await q.finishOutbox(deps.db.kysely, {
      id: row.id,
      changes: { status: 'sent', sent_at: at, attempts: row.attempts + 1, locked_until: null, last_error: null },
    });
    if (row.message_id)
      await q.setMessageStatus(deps.db.kysely, { messageId: row.message_id, status: 'sent', sentAt: at });
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

/** How many e-mails wait, were sent or failed, across workspaces: for /metrics. */
export async function outboxDepthByStatus(deps: Deps): Promise<{ status: string; n: number }[]> {
  return q.outboxDepth(deps.db.kysely);
}
