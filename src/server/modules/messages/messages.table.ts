import type { Selectable } from 'kysely';

export type MessageTemplateTable = {
  workspace_id: string;
  kind: string;
  locale: string;
  subject: string;
  body: string;
  updated_at: string;
};

/** Every client-facing message Mila composed and the user sent (or opened in WhatsApp / SMS). */
export type MessageTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  kind: string;
  channel: string;
  locale: string;
  recipient: string | null;
  subject: string | null;
  body: string;
  /** queued (e-mail in the outbox) · sent · failed · opened (a link the user sends from the phone) */
  status: string;
  commitment_id: string | null;
  interaction_id: string | null;
  created_at: string;
  sent_at: string | null;
};

export type OutboxTable = {
  id: string;
  workspace_id: string;
  message_id: string | null;
  purpose: string;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  /** pending · sent · failed (gave up after the last attempt) */
  status: string;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  /** Unique per e-mail, also used as its Message-ID: a retry after a crash is recognisably the same mail. */
  message_key: string;
  /** JSON { kind, ref }: an attachment rendered at delivery (see registerAttachmentRenderer). */
  attachment: string | null;
  created_at: string;
  sent_at: string | null;
};

export type NotificationTable = {
  id: string;
  workspace_id: string;
  kind: string;
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
export type MessageRow = Selectable<MessageTable>;
export type OutboxRow = Selectable<OutboxTable>;
