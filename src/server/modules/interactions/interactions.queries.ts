import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect, Executor } from '../../db/database.js';
import { idIn } from '../../db/id-list.js';
import type { InteractionRow, NewInteractionRow } from './interactions.table.js';

type Scope = { workspaceId: string };

/** Written as literals (not bound parameters) so both databases match the partial index interactions_awaiting_cover_idx. */
const AWAITING = sql<SqlBool>`needs_reply = 1 and replied_at is null`;

export async function insertInteraction(db: Executor, row: NewInteractionRow): Promise<void> {
  await db.insertInto('interactions').values(row).execute();
}

export async function findInteraction(
  db: Executor,
  { workspaceId, interactionId }: Scope & { interactionId: string },
): Promise<InteractionRow | undefined> {
  return db
    .selectFrom('interactions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', interactionId)
    .executeTakeFirst();
}

export async function updateInteraction(
  db: Executor,
  {
    workspaceId,
    interactionId,
    changes,
  }: Scope & { interactionId: string; changes: Partial<Omit<InteractionRow, 'id' | 'workspace_id'>> },
): Promise<void> {
  await db
    .updateTable('interactions')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', interactionId)
    .execute();
}

export async function deleteInteraction(
  db: Executor,
  { workspaceId, interactionId }: Scope & { interactionId: string },
): Promise<void> {
  await db.deleteFrom('interactions').where('workspace_id', '=', workspaceId).where('id', '=', interactionId).execute();
}

export async function listInteractions(
  db: Executor,
  f: Scope & { clientId?: string; awaitingReply?: boolean; before?: string; beforeId?: string; limit: number },
): Promise<InteractionRow[]> {
  let query = db.selectFrom('interactions').selectAll().where('workspace_id', '=', f.workspaceId);
  if (f.clientId) query = query.where('client_id', '=', f.clientId);
  if (f.awaitingReply === true) query = query.where(AWAITING);
  if (f.awaitingReply === false) query = query.where((eb) => eb.not(AWAITING));
  const { before, beforeId } = f;
  if (before && beforeId)
    query = query.where((eb) =>
      eb.or([eb('occurred_at', '<', before), eb.and([eb('occurred_at', '=', before), eb('id', '<', beforeId)])]),
    );
  else if (before) query = query.where('occurred_at', '<', before);
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** The newest contacts waiting for my reply, each with how many wait in all (a subquery evaluated once): one statement. */
export async function awaitingWithTotal(
  db: Executor,
  { workspaceId, limit }: Scope & { limit: number },
): Promise<(InteractionRow & { total: number | string | null })[]> {
  const awaiting = db.selectFrom('interactions').where('workspace_id', '=', workspaceId).where(AWAITING);
  return awaiting
    .selectAll()
    .select(awaiting.select((eb) => eb.fn.countAll<number | string>().as('n')).as('total'))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** A reply to the client answers every earlier contact from them that was waiting for one. */
export async function markRepliedUpTo(
  db: Executor,
  { workspaceId, clientId, at }: Scope & { clientId: string; at: string },
): Promise<void> {
  await db
    .updateTable('interactions')
    .set({ replied_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where('needs_reply', '=', 1)
    .where('replied_at', 'is', null)
    .where('occurred_at', '<=', at)
    .execute();
}

/**
 * Per client, contacts in [from, to), the after-hours ones, the minutes from logged durations and
 * the last one: one grouped query answered from a covering index alone. For given clients it seeks
 * interactions_effort_idx per client (SQLite) — the unary + keeps the time range from being the
 * seek; for a time range of the whole workspace (the edges of a window, decision 008) it reads the
 * time-first covering index (interactions_time_cover_idx on SQLite, interactions_effort_idx on
 * PostgreSQL). PostgreSQL has no + on text and needs none.
 */
export type ContactStatsRow = {
  client_id: string;
  contacts: number | string;
  after_hours: number | string | null;
  minutes: number | string | null;
  last_at: string | null;
};

export async function contactStats(
  db: Executor,
  {
    workspaceId,
    from,
    to,
    clientIds,
    byClient,
    dialect,
  }: Scope & {
    from: string;
    to: string;
    clientIds?: readonly string[];
    /** A few clients over a long range: seek each client's contacts rather than read the range. */
    byClient?: boolean;
    dialect: Dialect;
  },
): Promise<ContactStatsRow[]> {
  const time = dialect === 'sqlite' && byClient ? sql<string>`+occurred_at` : sql<string>`occurred_at`;
  let query = db
    .selectFrom('interactions')
    .select((eb) => [
      'client_id',
      eb.fn.countAll<number>().as('contacts'),
      eb.fn.sum<number>('after_hours').as('after_hours'),
      eb.fn.sum<number>(eb.fn.coalesce('duration_minutes', sql.lit(0))).as('minutes'),
      eb.fn.max<string>('occurred_at').as('last_at'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where(time, '>=', from)
    .where(time, '<', to)
    .groupBy('client_id');
  if (clientIds) query = query.where(idIn(dialect, 'client_id', clientIds));
  return query.execute();
}

/** The same figures from the monthly rollup, for the whole months fromMonth ≤ month < toMonth (YYYY-MM). */
export async function monthStats(
  db: Executor,
  {
    workspaceId,
    fromMonth,
    toMonth,
    clientIds,
    dialect,
  }: Scope & { fromMonth: string; toMonth: string; clientIds?: readonly string[]; dialect: Dialect },
): Promise<ContactStatsRow[]> {
  return db
    .selectFrom('interaction_months')
    .select((eb) => [
      'client_id',
      eb.fn.sum<number>('contacts').as('contacts'),
      eb.fn.sum<number>('after_hours').as('after_hours'),
      eb.fn.sum<number>('minutes').as('minutes'),
      eb.fn.max<string>('last_at').as('last_at'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('month', '>=', fromMonth)
    .where('month', '<', toMonth)
    .$if(clientIds !== undefined, (qb) => qb.where(idIn(dialect, 'client_id', clientIds!)))
    .groupBy('client_id')
    .execute();
}

/**
 * Recomputes one client's month of the rollup from its contacts (a handful of rows, one index seek):
 * called in the transaction of every write that adds, moves, changes or removes a contact. The
 * month's bounds are the strings `YYYY-MM` and the next month's, which bracket every ISO instant in it.
 *
 * Two contacts logged at once for the same client and month must not both count without the
 * other (PostgreSQL runs them side by side; the crash drill found it): the row is made to exist,
 * then locked by a no-op update, and only then recounted, by a statement whose snapshot is taken
 * after the other transaction committed. SQLite writes one transaction at a time anyway.
 */
export async function refreshMonth(
  db: Executor,
  { workspaceId, clientId, month }: Scope & { clientId: string; month: string },
): Promise<void> {
  await db
    .insertInto('interaction_months')
    .values({
      workspace_id: workspaceId,
      client_id: clientId,
      month,
      contacts: 0,
      after_hours: 0,
      minutes: 0,
      last_at: month,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'client_id', 'month']).doNothing())
    .execute();
  const row = db
    .updateTable('interaction_months')
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where('month', '=', month);
  await row.set((eb) => ({ contacts: eb.ref('contacts') })).execute();
  const contacts = db
    .selectFrom('interactions')
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where('occurred_at', '>=', month)
    .where('occurred_at', '<', nextMonth(month));
  await row
    .set((eb) => ({
      contacts: contacts.select(eb.fn.countAll<number>().as('n')),
      after_hours: contacts.select(sql<number>`coalesce(sum(after_hours), 0)`.as('n')),
      minutes: contacts.select(sql<number>`coalesce(sum(coalesce(duration_minutes, 0)), 0)`.as('n')),
      // A month left empty is deleted below; until then it keeps a placeholder (the column is required).
      last_at: sql<string>`coalesce((${contacts.select(sql<string>`max(occurred_at)`.as('n'))}), ${month})`,
    }))
    .execute();
  // A month with no contact left keeps no row (as the rollup was built).
  await db
    .deleteFrom('interaction_months')
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where('month', '=', month)
    .where('contacts', '=', 0)
    .execute();
}

/** Rebuilds a workspace's whole rollup (after contacts were written in bulk, past the service). */
export async function rebuildMonths(db: Executor, { workspaceId }: Scope): Promise<void> {
  await db.deleteFrom('interaction_months').where('workspace_id', '=', workspaceId).execute();
  const month = sql<string>`substr(occurred_at, 1, 7)`;
  await db
    .insertInto('interaction_months')
    .columns(['workspace_id', 'client_id', 'month', 'contacts', 'after_hours', 'minutes', 'last_at'])
    .expression(
      db
        .selectFrom('interactions')
        .select((eb) => [
          'workspace_id',
          'client_id',
          month.as('month'),
          eb.fn.countAll<number>().as('contacts'),
          eb.fn.sum<number>('after_hours').as('after_hours'),
          eb.fn.sum<number>(eb.fn.coalesce('duration_minutes', sql.lit(0))).as('minutes'),
          eb.fn.max<string>('occurred_at').as('last_at'),
        ])
        .where('workspace_id', '=', workspaceId)
        .groupBy(['workspace_id', 'client_id', month]),
    )
    .execute();
}

/** The month after a YYYY-MM. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The last contact before `to` of each given client, in one query that seeks
 * interactions_client_idx once per client (a grouped max would read every contact ever logged).
 * The ids travel as one parameter: a JSON array on SQLite, a text[] on PostgreSQL.
 */
export async function lastContacts(
  db: Executor,
  { workspaceId, to, clientIds, dialect }: Scope & { to: string; clientIds: string[]; dialect: Dialect },
): Promise<{ client_id: string; last_at: string | null }[]> {
  const last = (id: RawBuilder<string>) =>
    sql<
      string | null
    >`(select max(occurred_at) from interactions where workspace_id = ${workspaceId} and client_id = ${id} and occurred_at < ${to})`;
  const query =
    dialect === 'postgres'
      ? sql<{
          client_id: string;
          last_at: string | null;
        }>`select c.id as client_id, ${last(sql.ref('c.id'))} as last_at from unnest(cast(${clientIds} as text[])) as c(id)`
      : sql<{
          client_id: string;
          last_at: string | null;
        }>`select j.value as client_id, ${last(sql.ref('j.value'))} as last_at from json_each(${JSON.stringify(clientIds)}) as j`;
  return (await query.execute(db)).rows;
}

/** One client's after-hours contacts in the period, newest first: the evidence behind the count. */
export async function afterHoursIds(
  db: Executor,
  { workspaceId, clientId, from, to, limit }: Scope & { clientId: string; from: string; to: string; limit: number },
): Promise<{ id: string; at: string }[]> {
  const rows = await db
    .selectFrom('interactions')
    .select(['id', 'occurred_at'])
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .where('after_hours', '=', 1)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, at: r.occurred_at }));
}

/** One client's last contact before `to`. */
export async function lastContact(
  db: Executor,
  { workspaceId, clientId, to }: Scope & { clientId: string; to: string },
): Promise<{ id: string; occurred_at: string } | undefined> {
  return db
    .selectFrom('interactions')
    .select(['id', 'occurred_at'])
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where('occurred_at', '<', to)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
