import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { NewPaymentItemRow, NewPaymentRow, NewTimeEntryRow, TimeEntryRow } from './payments.table.js';

type Scope = { workspaceId: string };

export async function insertItems(db: Executor, rows: NewPaymentItemRow[]) {
  if (rows.length) await db.insertInto('payment_items').values(rows).execute();
}

export async function findItem(db: Executor, { workspaceId, id }: Scope & { id: string }) {
  return db
    .selectFrom('payment_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function cancelItem(db: Executor, { workspaceId, id, at }: Scope & { id: string; at: string }) {
  await db
    .updateTable('payment_items')
    .set({ cancelled_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Schedule lines with what was received against each (one grouped query, not one per line). */
export async function itemsWithReceived(
  db: Executor,
  f: Scope & { clientId?: string; dueBefore?: string; limit: number },
) {
  let query = db
    .selectFrom('payment_items')
    .leftJoin('payments', (join) =>
      join.onRef('payments.payment_item_id', '=', 'payment_items.id').on('payments.workspace_id', '=', f.workspaceId),
    )
    .selectAll('payment_items')
    .select(sql<number>`coalesce(sum(payments.amount), 0)`.as('received'))
    .where('payment_items.workspace_id', '=', f.workspaceId)
    .groupBy('payment_items.id');
  if (f.clientId) query = query.where('payment_items.client_id', '=', f.clientId);
  if (f.dueBefore)
    query = query.where('payment_items.due_date', '<', f.dueBefore).where('payment_items.cancelled_at', 'is', null);
  return query.orderBy('payment_items.due_date').limit(f.limit).execute();
}

export async function insertPayment(db: Executor, row: NewPaymentRow) {
  await db.insertInto('payments').values(row).execute();
}

export async function listPayments(
  db: Executor,
  { workspaceId, clientId, limit }: Scope & { clientId?: string; limit: number },
) {
  let query = db.selectFrom('payments').selectAll().where('workspace_id', '=', workspaceId);
  if (clientId) query = query.where('client_id', '=', clientId);
  return query.orderBy('received_on', 'desc').limit(limit).execute();
}

export async function deletePayment(db: Executor, { workspaceId, id }: Scope & { id: string }) {
  const result = await db
    .deleteFrom('payments')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function receivedTotal(db: Executor, { workspaceId, clientId }: Scope & { clientId: string }) {
  const row = await db
    .selectFrom('payments')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('total'))
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function insertTimeEntry(db: Executor, row: NewTimeEntryRow) {
  await db.insertInto('time_entries').values(row).execute();
}

export async function runningEntry(db: Executor, { workspaceId, userId }: Scope & { userId: string }) {
  return db
    .selectFrom('time_entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function findTimeEntry(db: Executor, { workspaceId, id }: Scope & { id: string }) {
  return db
    .selectFrom('time_entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateTimeEntry(
  db: Executor,
  { workspaceId, id, changes }: Scope & { id: string; changes: Partial<Omit<TimeEntryRow, 'id' | 'workspace_id'>> },
) {
  await db
    .updateTable('time_entries')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteTimeEntry(db: Executor, { workspaceId, id }: Scope & { id: string }) {
  await db.deleteFrom('time_entries').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function listTimeEntries(
  db: Executor,
  { workspaceId, clientId, projectId, limit }: Scope & { clientId?: string; projectId?: string; limit: number },
) {
  let query = db.selectFrom('time_entries').selectAll().where('workspace_id', '=', workspaceId);
  if (clientId) query = query.where('client_id', '=', clientId);
  if (projectId) query = query.where('project_id', '=', projectId);
  return query.orderBy('started_at', 'desc').limit(limit).execute();
}
