import { sql, type Expression } from 'kysely';
import type { Dialect, Executor } from '../../db/database.js';
import { idIn } from '../../db/id-list.js';
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

/** The deleted row, or undefined when there was none. */
export async function deletePayment(db: Executor, { workspaceId, id }: Scope & { id: string }) {
  return db
    .deleteFrom('payments')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
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

// ── Client health: one grouped query per figure ─────────────────────────────

/** Optionally only these clients (one parameter however many: the health list asks for every active client). */
type ClientFilter = { clientIds?: readonly string[]; dialect: Dialect };

function onlyClients(f: ClientFilter, column = 'client_id') {
  return idIn(f.dialect, column, f.clientIds ?? []);
}

/** Minutes of finished time entries started in [from, to), per client (time_entries_effort_idx, index only). */
export async function minutesByClient(db: Executor, f: Scope & ClientFilter & { from: string; to: string }) {
  return db
    .selectFrom('time_entries')
    .select((eb) => ['client_id', eb.fn.sum<number>('minutes').as('minutes')])
    .where('workspace_id', '=', f.workspaceId)
    .where('started_at', '>=', f.from)
    .where('started_at', '<', f.to)
    .where('minutes', 'is not', null)
    .groupBy('client_id')
    .$if(f.clientIds !== undefined, (qb) => qb.where(onlyClients(f)))
    .execute();
}

/**
 * Per client, in one currency and one pass over payments_received_idx: what was received on the
 * local days [fromDate, toDate], and everything paid up to toDate (the balance's "paid" side).
 */
export async function paymentsByClient(
  db: Executor,
  f: Scope & ClientFilter & { fromDate: string; toDate: string; currency: string },
) {
  return db
    .selectFrom('payments')
    .select((eb) => [
      'client_id',
      sql<number>`sum(case when received_on >= ${f.fromDate} then amount else 0 end)`.as('received'),
      eb.fn.sum<number>('amount').as('paid'),
    ])
    .where('workspace_id', '=', f.workspaceId)
    .where('received_on', '<=', f.toDate)
    .where('currency', '=', f.currency)
    .groupBy('client_id')
    .$if(f.clientIds !== undefined, (qb) => qb.where(onlyClients(f)))
    .execute();
}

/**
 * Live schedule lines that belong to no quote (a quote's lines are already in its accepted total),
 * created up to `to`, per client: what the client was charged besides accepted quotes.
 */
export async function chargedByClient(db: Executor, f: Scope & ClientFilter & { to: string; currency: string }) {
  return db
    .selectFrom('payment_items')
    .select((eb) => ['client_id', eb.fn.sum<number>('amount').as('charged')])
    .where('workspace_id', '=', f.workspaceId)
    .where('quote_id', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('created_at', '<=', f.to)
    .where('currency', '=', f.currency)
    .groupBy('client_id')
    .$if(f.clientIds !== undefined, (qb) => qb.where(onlyClients(f)))
    .execute();
}

/** Days from a text date (YYYY-MM-DD) to another, in SQL: each dialect has its own date arithmetic. */
function daysBetween(dialect: Dialect, from: Expression<string>, to: Expression<string>) {
  return dialect === 'postgres'
    ? sql<number>`(cast(${to} as date) - cast(${from} as date))`
    : sql<number>`cast(julianday(${to}) - julianday(${from}) as integer)`;
}

/**
 * Schedule lines due on days [fromDate, toDate) that were paid after their day or are still not
 * fully paid, with the days late: to the last payment of a paid line, or to `toDate` (today) while
 * something is still owed. Payments count up to `toDate`. One row per late line.
 */
export function lateItems(db: Executor, f: Scope & ClientFilter & { fromDate: string; toDate: string }) {
  // The day limit sits in the sums, not in the join: joined on the line alone, the planner takes
  // payments_item_idx instead of scanning payments by day for every line.
  const counted = sql<boolean>`p.received_on <= ${f.toDate}`;
  const query = db
    .selectFrom('payment_items as i')
    .leftJoin('payments as p', (join) =>
      join.onRef('p.payment_item_id', '=', 'i.id').on('p.workspace_id', '=', f.workspaceId),
    )
    .select([
      'i.id',
      'i.client_id',
      'i.due_date',
      'i.amount',
      sql<number>`coalesce(sum(case when ${counted} then p.amount else 0 end), 0)`.as('paid'),
      sql<string | null>`max(case when ${counted} then p.received_on end)`.as('last_paid_on'),
    ])
    .where('i.workspace_id', '=', f.workspaceId)
    .where('i.cancelled_at', 'is', null)
    .where('i.due_date', '>=', f.fromDate)
    .where('i.due_date', '<', f.toDate)
    .groupBy(['i.id', 'i.client_id', 'i.due_date', 'i.amount'])
    .$if(f.clientIds !== undefined, (qb) => qb.where(onlyClients(f, 'i.client_id')));
  const items = query.as('items');
  const owed = sql<boolean>`items.paid < items.amount`;
  return db
    .selectFrom(items)
    .select((eb) => [
      'items.id',
      'items.client_id',
      'items.due_date',
      eb
        .case()
        .when(owed)
        .then(daysBetween(f.dialect, sql.ref('items.due_date'), sql.val(f.toDate)))
        .else(daysBetween(f.dialect, sql.ref('items.due_date'), sql.ref('items.last_paid_on')))
        .end()
        .as('days_late'),
    ])
    .where((eb) => eb.or([owed, eb('items.last_paid_on', '>', eb.ref('items.due_date'))]));
}

/** Late lines and their days late, per client: the same rows as `lateItems`, grouped. */
export async function lateByClient(db: Executor, f: Scope & ClientFilter & { fromDate: string; toDate: string }) {
  return db
    .selectFrom(lateItems(db, f).as('late'))
    .select((eb) => [
      'late.client_id',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('late.days_late').as('days_late'),
    ])
    .groupBy('late.client_id')
    .execute();
}

/** Received per month (YYYY-MM of the local day) up to a day, in one currency, for the whole workspace. */
export async function receivedByMonth(db: Executor, f: Scope & { toDate: string; currency: string }) {
  const month = sql<string>`substr(received_on, 1, 7)`;
  return db
    .selectFrom('payments')
    .select((eb) => [month.as('month'), eb.fn.sum<number>('amount').as('total')])
    .where('workspace_id', '=', f.workspaceId)
    .where('received_on', '<=', f.toDate)
    .where('currency', '=', f.currency)
    .groupBy(month)
    .execute();
}

/** Quote-less live schedule lines per month of creation (UTC), up to `to` (inclusive), in one currency. */
export async function chargedByMonth(db: Executor, f: Scope & { to: string; currency: string }) {
  const month = sql<string>`substr(created_at, 1, 7)`;
  return db
    .selectFrom('payment_items')
    .select((eb) => [month.as('month'), eb.fn.sum<number>('amount').as('total')])
    .where('workspace_id', '=', f.workspaceId)
    .where('quote_id', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('created_at', '<=', f.to)
    .where('currency', '=', f.currency)
    .groupBy(month)
    .execute();
}

// ── Money overview: the whole workspace, one currency ──────────────────────

/** Live lines in one currency with what is still owed on each (received against the line, never below zero). */
function openLines(db: Executor, f: Scope & { currency: string }) {
  return db
    .selectFrom('payment_items as i')
    .leftJoin('payments as p', (join) =>
      join.onRef('p.payment_item_id', '=', 'i.id').on('p.workspace_id', '=', f.workspaceId),
    )
    .select([
      'i.id',
      'i.client_id',
      'i.label',
      'i.due_date',
      sql<number>`i.amount - coalesce(sum(p.amount), 0)`.as('outstanding'),
    ])
    .where('i.workspace_id', '=', f.workspaceId)
    .where('i.cancelled_at', 'is', null)
    .where('i.currency', '=', f.currency)
    .groupBy(['i.id', 'i.client_id', 'i.label', 'i.due_date', 'i.amount'])
    .having(sql<boolean>`i.amount - coalesce(sum(p.amount), 0) > 0`);
}

/** What each client still owes on the schedule, the client with the oldest open line first. */
export async function owedByClient(db: Executor, f: Scope & { currency: string; today: string; limit: number }) {
  return db
    .selectFrom(openLines(db, f).as('o'))
    .select((eb) => [
      'o.client_id',
      eb.fn.sum<number>('o.outstanding').as('outstanding'),
      sql<number>`sum(case when o.due_date < ${f.today} then o.outstanding else 0 end)`.as('overdue'),
      eb.fn.min<string>('o.due_date').as('oldest_due_date'),
      eb.fn.countAll<number>().as('lines'),
    ])
    .groupBy('o.client_id')
    .orderBy('oldest_due_date')
    .orderBy('o.client_id')
    .limit(f.limit)
    .execute();
}

/** Open lines whose day has passed, with their days late (to today), the longest late first. */
export async function latePayments(
  db: Executor,
  f: Scope & { currency: string; today: string; dialect: Dialect; limit: number },
) {
  return db
    .selectFrom(openLines(db, f).as('o'))
    .select([
      'o.id',
      'o.client_id',
      'o.label',
      'o.due_date',
      'o.outstanding',
      daysBetween(f.dialect, sql.ref('o.due_date'), sql.val(f.today)).as('days_late'),
    ])
    .where('o.due_date', '<', f.today)
    .orderBy('o.due_date')
    .orderBy('o.id')
    .limit(f.limit)
    .execute();
}

/** Payments received on the local days [fromDate, toDate] in one currency: their sum and count. */
export async function receivedBetween(db: Executor, f: Scope & { fromDate: string; toDate: string; currency: string }) {
  return db
    .selectFrom('payments')
    .select((eb) => [sql<number>`coalesce(sum(amount), 0)`.as('total'), eb.fn.countAll<number>().as('count')])
    .where('workspace_id', '=', f.workspaceId)
    .where('received_on', '>=', f.fromDate)
    .where('received_on', '<=', f.toDate)
    .where('currency', '=', f.currency)
    .executeTakeFirstOrThrow();
}

/** Finished time entries started in [from, to): their minutes and count. */
export async function minutesLogged(db: Executor, f: Scope & { from: string; to: string }) {
  return db
    .selectFrom('time_entries')
    .select((eb) => [sql<number>`coalesce(sum(minutes), 0)`.as('minutes'), eb.fn.countAll<number>().as('count')])
    .where('workspace_id', '=', f.workspaceId)
    .where('started_at', '>=', f.from)
    .where('started_at', '<', f.to)
    .where('minutes', 'is not', null)
    .executeTakeFirstOrThrow();
}
