import type { Locale } from '../../../shared/schemas/common.js';
import type { MessageKind, MessageStatus } from '../../../shared/schemas/messages.js';
import type { Executor } from '../../db/database.js';
import type {
  MessageRow,
  MessageTemplateRow,
  NewMessage,
  NewMessageTemplate,
  NewNotification,
  NewOutbox,
  NotificationRow,
  OutboxRow,
} from './messages.table.js';

type Scope = { workspaceId: string };

export async function templateOverrides(db: Executor, { workspaceId }: Scope): Promise<MessageTemplateRow[]> {
  return db.selectFrom('message_templates').selectAll().where('workspace_id', '=', workspaceId).execute();
}

export async function findTemplate(
  db: Executor,
  { workspaceId, kind, locale }: Scope & { kind: MessageKind; locale: Locale },
): Promise<MessageTemplateRow | undefined> {
  return db
    .selectFrom('message_templates')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('locale', '=', locale)
    .executeTakeFirst();
}

export async function upsertTemplate(db: Executor, row: NewMessageTemplate): Promise<void> {
  await db
    .insertInto('message_templates')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'kind', 'locale'])
        .doUpdateSet({ subject: row.subject, body: row.body, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteTemplate(
  db: Executor,
  { workspaceId, kind, locale }: Scope & { kind: MessageKind; locale: Locale },
): Promise<void> {
  await db
    .deleteFrom('message_templates')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('locale', '=', locale)
    .execute();
}

export async function insertMessage(db: Executor, row: NewMessage): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

export async function findMessage(
  db: Executor,
  { workspaceId, messageId }: Scope & { messageId: string },
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', messageId)
    .executeTakeFirst();
}

export async function setMessageInteraction(
  db: Executor,
  { workspaceId, messageId, interactionId }: Scope & { messageId: string; interactionId: string },
): Promise<void> {
  await db
    .updateTable('messages')
    .set({ interaction_id: interactionId })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', messageId)
    .execute();
}

export async function setMessageStatus(
  db: Executor,
  { messageId, status, sentAt }: { messageId: string; status: MessageStatus; sentAt: string | null },
): Promise<void> {
  await db.updateTable('messages').set({ status, sent_at: sentAt }).where('id', '=', messageId).execute();
}

export async function insertOutbox(db: Executor, row: NewOutbox): Promise<void> {
  await db.insertInto('outbox').values(row).execute();
}

/** Pending mail whose time has come and which no other process holds right now. */
export async function dueOutbox(db: Executor, { now, limit }: { now: string; limit: number }): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/** Takes one row for sending; false when another process took it first (compare-and-set). */
export async function lockOutbox(
  db: Executor,
  { id, now, until }: { id: string; now: string; until: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ locked_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishOutbox(
  db: Executor,
  { id, changes }: { id: string; changes: Partial<Omit<OutboxRow, 'id'>> },
): Promise<void> {
  await db.updateTable('outbox').set(changes).where('id', '=', id).execute();
}

export async function outboxFor(db: Executor, { workspaceId, limit }: Scope & { limit: number }): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Inserts unless the same reminder exists already: the unique key makes "never twice" a fact of the schema. */
export async function insertNotification(db: Executor, row: NewNotification): Promise<boolean> {
  const result = await db
    .insertInto('notifications')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function listNotifications(
  db: Executor,
  { workspaceId, limit }: Scope & { limit: number },
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Executor, { workspaceId }: Scope): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markNotificationsRead(
  db: Executor,
  { workspaceId, ids, at }: Scope & { ids: string[] | 'all'; at: string },
): Promise<void> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (!ids.length) return;
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}

/** Outbox rows per status across every workspace (the operator's metrics; no content leaves). */
export async function outboxDepth(db: Executor): Promise<{ status: string; n: number }[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}
