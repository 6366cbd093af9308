import type { Message, MessageSent, SendMessage } from '../../../shared/schemas/messages.js';
import { whatsappLink } from '../../../shared/phone.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { clientForReference } from '../clients/clients.service.js';
import { getCommitment } from '../commitments/commitments.service.js';
import { getInteraction, recordInteraction } from '../interactions/interactions.service.js';
import * as q from './messages.queries.js';
import type { MessageRow } from './messages.table.js';
import { enqueueEmail, textToHtml, type AttachmentRef } from './outbox.service.js';

type Scope = { workspaceId: string };

/** What to send: the validated request, and what only other services add. */
export type SendMessageRequest = SendMessage & {
  /** Chosen by the caller when another row must point at the message (a renegotiation, a delay). */
  messageId?: string;
  /** Secrets (a client's personal link) that go out but are not kept in the log or the message record. */
  redactions?: { secret: string; label: string }[];
  /** Rendered and attached when the e-mail is delivered (by `deps.attachments[kind]`). */
  attachment?: AttachmentRef;
  /** An e-mail is not delivered before this instant (see `nextSendingTime`). */
  notBefore?: string | null;
};

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    channel: row.channel,
    locale: row.locale,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/**
 * Sends (e-mail: into the outbox, delivered by the scheduler) or prepares the phone link
 * (WhatsApp / SMS), and logs the message as an outgoing contact — one transaction, or a step of
 * the caller's.
 */
export async function sendMessage(deps: Deps, scope: Scope, input: SendMessageRequest): Promise<MessageSent> {
  return inTransaction(deps, async (deps) => {
    const messageId = input.messageId ?? newId();
    const redactions = input.redactions ?? [];
    const redact = (text: string) => redactions.reduce((t, r) => t.replaceAll(r.secret, r.label), text);
    const client = await clientForReference(deps, scope, input.clientId, 'clientId');
    // Ids the request carries are this workspace's and this client's, or the request is refused
    // before anything is stored (the same answer whether the id exists elsewhere or nowhere).
    if (input.commitmentId) {
      const commitment = await getCommitment(deps, scope, input.commitmentId).catch(() => null);
      if (commitment?.clientId !== client.id) throw fieldError('commitmentId', 'unknown_commitment');
    }
    if (input.interactionId) {
      const interaction = await getInteraction(deps, scope, input.interactionId).catch(() => null);
      if (interaction?.clientId !== client.id) throw fieldError('interactionId', 'unknown_interaction');
    }
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
    await q.insertMessage(deps.db.kysely, row);
    if (input.channel === 'email') {
      await enqueueEmail(deps, scope, {
        to: recipient,
        subject: subject ?? '',
        text: input.body,
        html: textToHtml(input.body, client.language),
        purpose: 'client_message',
        key: `${messageId}@mila`,
        messageId,
        attachment: input.attachment ?? null,
        notBefore: input.notBefore ?? null,
      });
    }
    const interaction = await recordInteraction(deps, scope, {
      clientId: client.id,
      contactId: null,
      channel: input.channel,
      direction: 'out',
      occurredAt: now,
      summary: redact(subject ? `${subject}\n\n${input.body}` : input.body),
      needsReply: false,
      source: 'message',
      messageId,
    });
    await q.setMessageInteraction(deps.db.kysely, {
      workspaceId: scope.workspaceId,
      messageId,
      interactionId: interaction.id,
    });
    const link =
      input.channel === 'whatsapp'
        ? whatsappLink(recipient, input.body)
        : input.channel === 'sms'
          ? `sms:${recipient}?&body=${encodeURIComponent(input.body)}`
          : null;
    return {
      message: toMessage({ ...row, interaction_id: interaction.id }),
      interactionId: interaction.id,
      link,
    };
  });
}

export async function getMessage(deps: Deps, scope: Scope, messageId: string): Promise<Message> {
  const row = await q.findMessage(deps.db.kysely, { workspaceId: scope.workspaceId, messageId });
  if (!row) throw notFound();
  return toMessage(row);
}
