import type { Insertable, Selectable } from 'kysely';
import type { Locale } from '../../../shared/schemas/common.js';
import type {
  MessageKind,
  MessageStatus,
  NotificationKind,
  OutboxStatus,
  SendChannel,
} from '../../../shared/schemas/messages.js';

export type MessageTemplateTable = {
  workspace_id: string;
  kind: MessageKind;
  locale: Locale;
  subject: string;
  body: string;
  updated_at: string;
};

/** Every client-facing message Mila composed and the user sent (or opened in WhatsApp / SMS). */
export type MessageTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  kind: MessageKind;
  channel: SendChannel;
  locale: Locale;
  recipient: string | null;
  subject: string | null;
  body: string;
  /** queued (e-mail in the outbox) · sent · failed · opened (a link the user sends from the phone) */
  status: MessageStatus;
  commitment_id: string | null;
  interaction_id: string | null;
  created_at: string;
  sent_at: string | null;
};

export type OutboxTable = {
  id: string;
  workspace_id: string;
  message_id: string | null;
  /** client_message, or what the business's own mail is about (digest, quote_accepted…). */
  purpose: string;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  /** pending · sent · failed (gave up after the last attempt) */
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  /** Unique per e-mail, also used as its Message-ID: a retry after a crash is recognisably the same mail. */
  message_key: string;
  /** JSON { kind, ref }: an attachment rendered at delivery by `deps.attachments[kind]`. */
  attachment: string | null;
  created_at: string;
  sent_at: string | null;
};

export type NotificationTable = {
  id: string;
  workspace_id: string;
  kind: NotificationKind;
  ref_id: string;
  dedupe_key: string;
  client_id: string | null;
  title: string;
  created_at: string;
  read_at: string | null;
};

export type MessageTables = {
  message_templates: MessageTemplateTable;
  messages: MessageTable;
  outbox: OutboxTable;
  notifications: NotificationTable;
};
export type MessageTemplateRow = Selectable<MessageTemplateTable>;
export type NewMessageTemplate = Insertable<MessageTemplateTable>;
export type MessageRow = Selectable<MessageTable>;
export type NewMessage = Insertable<MessageTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutbox = Insertable<OutboxTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type NewNotification = Insertable<NotificationTable>;
