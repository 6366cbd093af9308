import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Dialect, Executor } from '../../db/database.js';
import { idIn } from '../../db/id-list.js';
import type { CommitmentDirection } from '../../../shared/schemas/commitments.js';
import type {
  CommitmentChangeRow,
  CommitmentRow,
  NewCommitmentChangeRow,
  NewCommitmentRow,
} from './commitments.table.js';

type Scope = { workspaceId: string };

export async function insertCommitment(db: Executor, row: NewCommitmentRow): Promise<void> {
  await db.insertInto('commitments').values(row).execute();
}

/** `forUpdate` (PostgreSQL only; SQLite writes one transaction at a time): the row is locked until the transaction ends. */
export async function findCommitment(
  db: Executor,
  { workspaceId, commitmentId, forUpdate }: Scope & { commitmentId: string; forUpdate?: boolean },
): Promise<CommitmentRow | undefined> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', commitmentId)
    .$if(forUpdate === true, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function updateCommitment(
  db: Executor,
  {
    workspaceId,
    commitmentId,
    changes,
  }: Scope & { commitmentId: string; changes: Partial<Omit<CommitmentRow, 'id' | 'workspace_id'>> },
): Promise<void> {
  await db
    .updateTable('commitments')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', commitmentId)
    .execute();
}

/**
 * Marks an open commitment done, as a compare-and-set: false when it was kept or cancelled already,
 * by a request that got there first (a double tap answered by two processes).
 */
export async function completeOpen(
  db: Executor,
  { workspaceId, commitmentId, completedAt, now }: Scope & { commitmentId: string; completedAt: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('commitments')
    .set({ completed_at: completedAt, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', commitmentId)
    .where('completed_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertChange(db: Executor, row: NewCommitmentChangeRow): Promise<void> {
  await db.insertInto('commitment_changes').values(row).execute();
}

export async function changesFor(
  db: Executor,
  { workspaceId, commitmentIds }: Scope & { commitmentIds: string[] },
): Promise<CommitmentChangeRow[]> {
  if (!commitmentIds.length) return [];
  return db
    .selectFrom('commitment_changes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('commitment_id', 'in', commitmentIds)
    .orderBy('changed_at')
    .execute();
}

export type CommitmentFilter = Scope & {
  clientId?: string;
  direction?: CommitmentDirection;
  state: 'open' | 'overdue' | 'done' | 'all';
  now: string;
  dueBefore?: string;
  dueFrom?: string;
  /** true: only the open ones late now (past the deadline, or past the one a late move missed); false: none of them. */
  late?: boolean;
  /** Open ones only: the page after this row in (due_at, id) order, for walking a long list. */
  after?: { dueAt: string; id: string };
  limit: number;
};

function openOf(db: Executor, workspaceId: string) {
  return db
    .selectFrom('commitments')
    .where('workspace_id', '=', workspaceId)
    .where('completed_at', 'is', null)
    .where('cancelled_at', 'is', null);
}

/** Late now: past the deadline, or past the deadline a move that counts against me missed (`late_at`). */
function lateNow(now: string, late: boolean) {
  return (eb: ExpressionBuilder<Database, 'commitments'>) =>
    late
      ? eb.or([eb('due_at', '<', now), eb('late_at', '<', now)])
      : eb.and([eb('due_at', '>=', now), eb.or([eb('late_at', 'is', null), eb('late_at', '>=', now)])]);
}

/** Open ones come soonest-due first; done ones most recently done first. */
export async function listCommitments(db: Executor, f: CommitmentFilter): Promise<CommitmentRow[]> {
  let query = db.selectFrom('commitments').selectAll().where('workspace_id', '=', f.workspaceId);
  if (f.clientId) query = query.where('client_id', '=', f.clientId);
  if (f.direction) query = query.where('direction', '=', f.direction);
  if (f.state === 'open' || f.state === 'overdue') {
    query = query.where('completed_at', 'is', null).where('cancelled_at', 'is', null);
    if (f.state === 'overdue') query = query.where(lateNow(f.now, true));
    if (f.dueBefore) query = query.where('due_at', '<', f.dueBefore);
    if (f.dueFrom) query = query.where('due_at', '>=', f.dueFrom);
    if (f.late !== undefined) query = query.where(lateNow(f.now, f.late));
    const after = f.after;
    if (after) {
      query = query.where((eb) =>
        eb.or([eb('due_at', '>', after.dueAt), eb.and([eb('due_at', '=', after.dueAt), eb('id', '>', after.id)])]),
      );
    }
    query = query.orderBy('due_at').orderBy('id');
  } else if (f.state === 'done') {
    query = query
      .where((eb) => eb.or([eb('completed_at', 'is not', null), eb('cancelled_at', 'is not', null)]))
      .orderBy('updated_at', 'desc');
  } else {
    query = query.orderBy('due_at', 'desc');
  }
  return query.limit(f.limit).execute();
}

export async function countOpen(
  db: Executor,
  f: Scope & { direction: CommitmentDirection; dueBefore?: string; dueFrom?: string; late?: boolean; now: string },
): Promise<number> {
  let query = openOf(db, f.workspaceId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('direction', '=', f.direction);
  if (f.dueBefore) query = query.where('due_at', '<', f.dueBefore);
  if (f.dueFrom) query = query.where('due_at', '>=', f.dueFrom);
  if (f.late !== undefined) query = query.where(lateNow(f.now, f.late));
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export type TodayList = 'mine_late' | 'mine_today' | 'theirs_late' | 'theirs_today';

/**
 * Today's four lists of open promises in one statement: for each direction, those late now and
 * those due from now to the end of the day (not late), each its `limit` soonest (as
 * listCommitments orders them), with the list's full count beside every row (subqueries the
 * databases evaluate once). "Late now" is read as two index ranges — past the deadline, or moved
 * once already late with the new deadline still to come — instead of one OR, which PostgreSQL
 * answered by reading every promise of the workspace, four times.
 */
export async function todayLists(
  db: Executor,
  f: Scope & { now: string; endOfToday: string; limit: number },
): Promise<(CommitmentRow & { list: TodayList; total: number | string | null })[]> {
  const soonest = (rows: ReturnType<typeof openOf>) =>
    db.selectFrom(rows.selectAll().orderBy('due_at').orderBy('id').limit(f.limit).as('s')).selectAll('s');
  const count = (rows: ReturnType<typeof openOf>) =>
    sql<number | string>`(${rows.select((eb) => eb.fn.countAll<number | string>().as('n'))})`;
  const part = (direction: CommitmentDirection, late: boolean) => {
    const open = openOf(db, f.workspaceId).where('direction', '=', direction);
    const list: TodayList = `${direction}_${late ? 'late' : 'today'}`;
    if (late) {
      const missed = open.where('due_at', '<', f.now);
      const movedLate = open.where('due_at', '>=', f.now).where('late_at', '<', f.now);
      const rows = soonest(missed).unionAll(soonest(movedLate)).orderBy('due_at').orderBy('id').limit(f.limit);
      return db
        .selectFrom(rows.as('p'))
        .selectAll('p')
        .select([sql.lit(list).as('list'), sql<number | string>`${count(missed)} + ${count(movedLate)}`.as('total')]);
    }
    const dueToday = open.where(lateNow(f.now, false)).where('due_at', '>=', f.now).where('due_at', '<', f.endOfToday);
    return db
      .selectFrom(soonest(dueToday).as('p'))
      .selectAll('p')
      .select([sql.lit(list).as('list'), count(dueToday).as('total')]);
  };
  const rows = await part('mine', true)
    .unionAll(part('mine', false))
    .unionAll(part('theirs', true))
    .unionAll(part('theirs', false))
    .execute();
  return rows as (CommitmentRow & { list: TodayList; total: number | string | null })[];
}

export type RateRow = Pick<
  CommitmentRow,
  'id' | 'direction' | 'due_at' | 'completed_at' | 'cancelled_at' | 'change_count' | 'late_at'
>;

/**
 * The population of the word-keeping rate: resolved in the window, or still open past a deadline
 * in it, or still open past the deadline a late move missed (its new one not yet come). Three
 * index-friendly queries instead of one OR, and only the columns the rate needs.
 */
/**
 * The word-keeping rate's population, in three parts: kept (completed) in [from, now]; open and past
 * a deadline in [from, now); open and moved after it was late in [from, now). Optionally one client.
 */
function wordKeepingParts(db: Executor, f: Scope & { from: string; now: string; clientId?: string }) {
  const done = db
    .selectFrom('commitments')
    .where('workspace_id', '=', f.workspaceId)
    .where('completed_at', '>=', f.from)
    .where('completed_at', '<=', f.now)
    .where('cancelled_at', 'is', null);
  const late = openOf(db, f.workspaceId).where('due_at', '>=', f.from).where('due_at', '<', f.now);
  const parts = { done, late, moved: movedLate(db, f) };
  if (!f.clientId) return parts;
  const clientId = f.clientId;
  return {
    done: parts.done.where('client_id', '=', clientId),
    late: parts.late.where('client_id', '=', clientId),
    moved: parts.moved.where('client_id', '=', clientId),
  };
}

export async function forWordKeeping(
  db: Executor,
  f: Scope & { from: string; now: string; clientId?: string },
): Promise<RateRow[]> {
  const columns = ['id', 'direction', 'due_at', 'completed_at', 'cancelled_at', 'change_count', 'late_at'] as const;
  const { done, late, moved } = wordKeepingParts(db, f);
  const rows = await Promise.all([done, late, moved].map((part) => part.select(columns).execute()));
  return rows.flat();
}

export type WordCountRow = {
  direction: CommitmentDirection;
  status: 'kept' | 'renegotiated' | 'kept_late' | 'broken';
  /** Index into `weekStarts` of the week it came due in, or -1 when before the first. */
  week: number;
  n: number;
};

/** `case when at >= w11 then 11 … when at >= w0 then 0 else -1 end`, over instants in ISO text. */
function weekOf(at: ReturnType<typeof sql>, weekStarts: readonly string[]) {
  const whens = weekStarts.map((start, i) => sql`when ${at} >= ${start} then ${sql.lit(i)}`).reverse();
  return sql<number>`case ${sql.join(whens, sql` `)} else -1 end`;
}

/**
 * The word-keeping rate's population counted in SQL — by direction, outcome and the week it came
 * due in — instead of every row read into the process. Same parts as forWordKeeping; the outcome
 * as commitmentStatus decides it, and the moment is when it was kept, else the first deadline missed.
 */
export async function wordKeepingCounts(
  db: Executor,
  f: Scope & {
    from: string;
    now: string;
    clientId?: string;
    weekStarts: readonly string[];
    /** Only the open parts (late, moved after late): the kept part comes from commitment_days (decision 016). */
    openOnly?: boolean;
  },
): Promise<WordCountRow[]> {
  const kept = sql<WordCountRow['status']>`case
    when completed_at > due_at or (late_at is not null and completed_at > late_at) then ${sql.lit('kept_late')}
    when change_count > 0 then ${sql.lit('renegotiated')} else ${sql.lit('kept')} end`;
  const missedAt = sql`case when late_at is not null and late_at < due_at then late_at else due_at end`;
  const broken = sql<WordCountRow['status']>`${sql.lit('broken')}`;
  const count = (query: ReturnType<typeof openOf>, status: typeof kept, at: ReturnType<typeof sql>) =>
    query
      .select([
        'direction',
        status.as('status'),
        weekOf(at, f.weekStarts).as('week'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy([sql.raw('1'), sql.raw('2'), sql.raw('3')])
      .execute();
  const { done, late, moved } = wordKeepingParts(db, f);
  const parts = await Promise.all([
    f.openOnly ? [] : count(done, kept, sql`completed_at`),
    count(late, broken, missedAt),
    count(moved, broken, missedAt),
  ]);
  return parts.flat().map((r) => ({ ...r, week: Number(r.week), n: Number(r.n) }));
}

/** Open, moved after the word was broken in [from, now), the new deadline not yet passed (so not in the "late" part). */
function movedLate(db: Executor, f: Scope & { from: string; now: string }) {
  return openOf(db, f.workspaceId)
    .where('late_at', '>=', f.from)
    .where('late_at', '<', f.now)
    .where('due_at', '>=', f.now);
}

export async function openQuotePromises(
  db: Executor,
  { workspaceId, clientId, quoteId, patterns }: Scope & { clientId: string; quoteId: string; patterns: string[] },
): Promise<CommitmentRow[]> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where('direction', '=', 'mine')
    .where('completed_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('quote_id', '=', quoteId),
        eb.and([eb('quote_id', 'is', null), eb.or(patterns.map((p) => eb(sql`lower(title)`, 'like', p)))]),
      ]),
    )
    .execute();
}

/** Open commitments whose deadline is before `until` (reminders and the calendar feed). */
export async function openDueBefore(
  db: Executor,
  { workspaceId, until, limit }: Scope & { until: string; limit: number },
): Promise<CommitmentRow[]> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('completed_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('due_at', '<', until)
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/** The client's open promises (materials) on each of these projects, soonest first. */
export async function openTheirsByProjects(
  db: Executor,
  { workspaceId, projectIds }: Scope & { projectIds: string[] },
): Promise<CommitmentRow[]> {
  if (projectIds.length === 0) return [];
  return (
    db
      .selectFrom('commitments')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('project_id', 'in', projectIds)
      .where('direction', '=', 'theirs')
      .where('completed_at', 'is', null)
      .where('cancelled_at', 'is', null)
      // Duties due the same day come in the order the quote's terms list them (ids count up).
      .orderBy('due_at')
      .orderBy('id')
      .execute()
  );
}

export async function byProject(
  db: Executor,
  { workspaceId, projectId }: Scope & { projectId: string },
): Promise<CommitmentRow[]> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

/**
 * Per client and direction, the promises of the word-keeping population (`forWordKeeping`: resolved
 * in [from, now], or open past a deadline in [from, now), or open past the deadline a late move missed)
 * that were broken or kept late. The CASEs are `commitmentStatus` (commitments.rules.ts) in SQL: open
 * past the deadline (or past `late_at`) is broken; done after the deadline or after `late_at` is kept
 * late. Three index-friendly parts, grouped once.
 */
export async function brokenAndLateByClient(
  db: Executor,
  f: Scope & { from: string; now: string; clientIds?: string[] },
) {
  const ids = f.clientIds?.length ? f.clientIds : [''];
  const done = db
    .selectFrom('commitments')
    .select([
      'client_id',
      'direction',
      sql<number>`0`.as('broken'),
      sql<number>`case when completed_at > due_at or completed_at > late_at then 1 else 0 end`.as('kept_late'),
    ])
    .where('workspace_id', '=', f.workspaceId)
    .where('completed_at', '>=', f.from)
    .where('completed_at', '<=', f.now)
    .where('cancelled_at', 'is', null)
    .$if(f.clientIds !== undefined, (qb) => qb.where('client_id', 'in', ids));
  const late = db
    .selectFrom('commitments')
    .select(['client_id', 'direction', sql<number>`1`.as('broken'), sql<number>`0`.as('kept_late')])
    .where('workspace_id', '=', f.workspaceId)
    .where('completed_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('due_at', '>=', f.from)
    .where('due_at', '<', f.now)
    .$if(f.clientIds !== undefined, (qb) => qb.where('client_id', 'in', ids));
  const moved = movedLate(db, f)
    .select(['client_id', 'direction', sql<number>`1`.as('broken'), sql<number>`0`.as('kept_late')])
    .$if(f.clientIds !== undefined, (qb) => qb.where('client_id', 'in', ids));
  return db
    .selectFrom(done.unionAll(late).unionAll(moved).as('p'))
    .select((eb) => [
      'p.client_id',
      'p.direction',
      eb.fn.sum<number>('p.broken').as('broken'),
      eb.fn.sum<number>('p.kept_late').as('kept_late'),
    ])
    .groupBy(['p.client_id', 'p.direction'])
    .execute();
}

// ── The kept promises' rollups (decision 016) ──────────────────────────────

/** Kept late, as commitmentStatus decides it: done after the deadline, or after the one a late move missed. */
const KEPT_LATE = sql<SqlBool>`(completed_at > due_at or (late_at is not null and completed_at > late_at))`;

/** The day after a YYYY-MM-DD, and the month after a YYYY-MM: bounds that bracket every ISO instant of the day or month. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The kept promises (done, not cancelled) of one direction whose completion falls in [from, to). */
function keptIn(db: Executor, f: Scope & { direction: CommitmentDirection; from: string; to: string }) {
  return db
    .selectFrom('commitments')
    .where('workspace_id', '=', f.workspaceId)
    .where('direction', '=', f.direction)
    .where('completed_at', '>=', f.from)
    .where('completed_at', '<', f.to)
    .where('cancelled_at', 'is', null);
}

/**
 * Recounts one day of commitment_days from the promises kept that day (one range of
 * commitments_done_idx): in the transaction of every write that keeps or reopens a promise.
 *
 * As for interaction_months (decision 008): two promises kept at once on one day must not both be
 * counted without the other (PostgreSQL runs them side by side), so the row is made to exist, locked
 * by a no-op update, and only then recounted, by a statement whose snapshot is taken after the other
 * transaction committed. SQLite writes one transaction at a time anyway.
 */
export async function refreshDay(
  db: Executor,
  { workspaceId, day, direction }: Scope & { day: string; direction: CommitmentDirection },
): Promise<void> {
  await db
    .insertInto('commitment_days')
    .values({ workspace_id: workspaceId, day, direction, kept: 0, renegotiated: 0, kept_late: 0 })
    .onConflict((oc) => oc.columns(['workspace_id', 'day', 'direction']).doNothing())
    .execute();
  const row = db
    .updateTable('commitment_days')
    .where('workspace_id', '=', workspaceId)
    .where('day', '=', day)
    .where('direction', '=', direction);
  await row.set((eb) => ({ kept: eb.ref('kept') })).execute();
  const kept = keptIn(db, { workspaceId, direction, from: day, to: nextDay(day) });
  const count = (when: ReturnType<typeof sql<SqlBool>>) =>
    kept.select(sql<number>`coalesce(sum(case when ${when} then 1 else 0 end), 0)`.as('n'));
  await row
    .set({
      kept: count(sql<SqlBool>`not ${KEPT_LATE} and change_count = 0`),
      renegotiated: count(sql<SqlBool>`not ${KEPT_LATE} and change_count > 0`),
      kept_late: count(KEPT_LATE),
    })
    .execute();
  await db
    .deleteFrom('commitment_days')
    .where('workspace_id', '=', workspaceId)
    .where('day', '=', day)
    .where('direction', '=', direction)
    .where('kept', '=', 0)
    .where('renegotiated', '=', 0)
    .where('kept_late', '=', 0)
    .execute();
}

/** Recounts one client's month of commitment_late_months (the client's promises: one range of commitments_client_idx); same locking as refreshDay. */
export async function refreshLateMonth(
  db: Executor,
  {
    workspaceId,
    clientId,
    month,
    direction,
  }: Scope & { clientId: string; month: string; direction: CommitmentDirection },
): Promise<void> {
  await db
    .insertInto('commitment_late_months')
    .values({ workspace_id: workspaceId, client_id: clientId, month, direction, kept_late: 0 })
    .onConflict((oc) => oc.columns(['workspace_id', 'client_id', 'month', 'direction']).doNothing())
    .execute();
  const row = db
    .updateTable('commitment_late_months')
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where('month', '=', month)
    .where('direction', '=', direction);
  await row.set((eb) => ({ kept_late: eb.ref('kept_late') })).execute();
  await row
    .set((eb) => ({
      kept_late: keptIn(db, { workspaceId, direction, from: month, to: nextMonth(month) })
        .where('client_id', '=', clientId)
        .where(KEPT_LATE)
        .select(eb.fn.countAll<number>().as('n')),
    }))
    .execute();
  await db
    .deleteFrom('commitment_late_months')
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where('month', '=', month)
    .where('direction', '=', direction)
    .where('kept_late', '=', 0)
    .execute();
}

/** Rebuilds a workspace's two rollups from its promises (after promises were written in bulk, past the service). */
export async function rebuildWordRollups(db: Executor, { workspaceId }: Scope): Promise<void> {
  await db.deleteFrom('commitment_days').where('workspace_id', '=', workspaceId).execute();
  await db.deleteFrom('commitment_late_months').where('workspace_id', '=', workspaceId).execute();
  const kept = db
    .selectFrom('commitments')
    .where('workspace_id', '=', workspaceId)
    .where('completed_at', 'is not', null)
    .where('cancelled_at', 'is', null);
  const day = sql<string>`substr(completed_at, 1, 10)`;
  const month = sql<string>`substr(completed_at, 1, 7)`;
  const sum = (when: ReturnType<typeof sql<SqlBool>>) => sql<number>`sum(case when ${when} then 1 else 0 end)`;
  await db
    .insertInto('commitment_days')
    .columns(['workspace_id', 'day', 'direction', 'kept', 'renegotiated', 'kept_late'])
    .expression(
      kept
        .select([
          'workspace_id',
          day.as('day'),
          'direction',
          sum(sql<SqlBool>`not ${KEPT_LATE} and change_count = 0`).as('kept'),
          sum(sql<SqlBool>`not ${KEPT_LATE} and change_count > 0`).as('renegotiated'),
          sum(KEPT_LATE).as('kept_late'),
        ])
        .groupBy(['workspace_id', day, 'direction']),
    )
    .execute();
  await db
    .insertInto('commitment_late_months')
    .columns(['workspace_id', 'client_id', 'month', 'direction', 'kept_late'])
    .expression(
      kept
        .where(KEPT_LATE)
        .select((eb) => ['workspace_id', 'client_id', month.as('month'), 'direction', eb.fn.countAll<number>().as('n')])
        .groupBy(['workspace_id', 'client_id', month, 'direction']),
    )
    .execute();
}

/** The workspace's days fromDay ≤ day ≤ toDay of commitment_days. */
export async function keptDays(
  db: Executor,
  { workspaceId, fromDay, toDay }: Scope & { fromDay: string; toDay: string },
) {
  return db
    .selectFrom('commitment_days')
    .select(['day', 'direction', 'kept', 'renegotiated', 'kept_late'])
    .where('workspace_id', '=', workspaceId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .execute();
}

/** An instant range of completion: from `from` (inclusive, or exclusive with `after`) to `to` (exclusive). */
export type KeptRange = { from: string; after?: boolean; to: string };

function inRanges(ranges: readonly KeptRange[]) {
  return (eb: ExpressionBuilder<Database, 'commitments'>) =>
    eb.or(ranges.map((r) => eb.and([eb('completed_at', r.after ? '>' : '>=', r.from), eb('completed_at', '<', r.to)])));
}

/** The workspace's kept promises completed in any of `ranges` (the edges of a window, a few hours to half a month). */
export async function keptRows(db: Executor, { workspaceId, ranges }: Scope & { ranges: readonly KeptRange[] }) {
  if (!ranges.length) return [];
  return db
    .selectFrom('commitments')
    .select(['id', 'direction', 'completed_at', 'cancelled_at', 'due_at', 'late_at', 'change_count'])
    .where('workspace_id', '=', workspaceId)
    .where('cancelled_at', 'is', null)
    .where(inRanges(ranges))
    .$narrowType<{ completed_at: string }>()
    .execute();
}

type ClientIds = { clientIds?: readonly string[]; dialect: Dialect };

/** Per client and direction, the promises kept late in whole months fromMonth ≤ month < toMonth (commitment_late_months). */
export async function lateMonthsByClient(db: Executor, f: Scope & ClientIds & { fromMonth: string; toMonth: string }) {
  return db
    .selectFrom('commitment_late_months')
    .select((eb) => ['client_id', 'direction', eb.fn.sum<number>('kept_late').as('n')])
    .where('workspace_id', '=', f.workspaceId)
    .where('month', '>=', f.fromMonth)
    .where('month', '<', f.toMonth)
    .$if(f.clientIds !== undefined, (qb) => qb.where(idIn(f.dialect, 'client_id', f.clientIds!)))
    .groupBy(['client_id', 'direction'])
    .execute();
}

/** Per client and direction, the promises kept late and completed in `range` (an edge of a window). */
export async function keptLateByClient(db: Executor, f: Scope & ClientIds & { range: KeptRange }) {
  return db
    .selectFrom('commitments')
    .select((eb) => ['client_id', 'direction', eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', f.workspaceId)
    .where('cancelled_at', 'is', null)
    .where(inRanges([f.range]))
    .where(KEPT_LATE)
    .$if(f.clientIds !== undefined, (qb) => qb.where(idIn(f.dialect, 'client_id', f.clientIds!)))
    .groupBy(['client_id', 'direction'])
    .execute();
}

/**
 * Per client and direction, the open promises broken in [from, now): past a deadline in it, or moved
 * after it was late in it and the new deadline not yet come (the open parts of brokenAndLateByClient).
 */
export async function openBrokenByClient(db: Executor, f: Scope & ClientIds & { from: string; now: string }) {
  const ids = (qb: ReturnType<typeof openOf>) =>
    f.clientIds === undefined ? qb : qb.where(idIn(f.dialect, 'client_id', f.clientIds));
  const late = ids(openOf(db, f.workspaceId).where('due_at', '>=', f.from).where('due_at', '<', f.now));
  const moved = ids(movedLate(db, f));
  return db
    .selectFrom(
      late
        .select(['client_id', 'direction'])
        .unionAll(moved.select(['client_id', 'direction']))
        .as('p'),
    )
    .select((eb) => ['p.client_id', 'p.direction', eb.fn.countAll<number>().as('n')])
    .groupBy(['p.client_id', 'p.direction'])
    .execute();
}
