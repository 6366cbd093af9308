import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.js';
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

export async function findCommitment(
  db: Executor,
  { workspaceId, commitmentId }: Scope & { commitmentId: string },
): Promise<CommitmentRow | undefined> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', commitmentId)
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

export type RateRow = Pick<
  CommitmentRow,
  'id' | 'direction' | 'due_at' | 'completed_at' | 'cancelled_at' | 'change_count' | 'late_at'
>;

/**
 * The population of the word-keeping rate: resolved in the window, or still open past a deadline
 * in it, or still open past the deadline a late move missed (its new one not yet come). Three
 * index-friendly queries instead of one OR, and only the columns the rate needs.
 */
export async function forWordKeeping(
  db: Executor,
  f: Scope & { from: string; now: string; clientId?: string },
): Promise<RateRow[]> {
  const columns = ['id', 'direction', 'due_at', 'completed_at', 'cancelled_at', 'change_count', 'late_at'] as const;
  let done = db
    .selectFrom('commitments')
    .select(columns)
    .where('workspace_id', '=', f.workspaceId)
    .where('completed_at', '>=', f.from)
    .where('completed_at', '<=', f.now)
    .where('cancelled_at', 'is', null);
  let late = db
    .selectFrom('commitments')
    .select(columns)
    .where('workspace_id', '=', f.workspaceId)
    .where('completed_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('due_at', '>=', f.from)
    .where('due_at', '<', f.now);
  let moved = movedLate(db, f).select(columns);
  if (f.clientId) {
    done = done.where('client_id', '=', f.clientId);
    late = late.where('client_id', '=', f.clientId);
    moved = moved.where('client_id', '=', f.clientId);
  }
  const [a, b, c] = await Promise.all([done.execute(), late.execute(), moved.execute()]);
  return [...a, ...b, ...c];
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
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', 'in', projectIds)
    .where('direction', '=', 'theirs')
    .where('completed_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .orderBy('due_at')
    .execute();
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
