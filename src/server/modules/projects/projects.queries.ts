import { sql, type Expression, type SqlBool } from 'kysely';
import type { ProjectSort, ProjectStatus } from '../../../shared/schemas/projects.js';
import type { Dialect, Executor } from '../../db/database.js';
import { idIn } from '../../db/id-list.js';
import { everyTermIn } from '../../lib/search-match.js';
import type {
  ChangeRequestRow,
  ColleagueRow,
  DeliverableUpdate,
  NewChangeRequestRow,
  NewColleagueRow,
  NewDeliverableRow,
  NewProjectRow,
  NewRescheduleRow,
  ProjectRow,
} from './projects.table.js';

type Scope = { workspaceId: string };

export async function insertProject(db: Executor, row: NewProjectRow) {
  await db.insertInto('projects').values(row).execute();
}

export async function findProject(db: Executor, { workspaceId, projectId }: Scope & { projectId: string }) {
  return db
    .selectFrom('projects')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', projectId)
    .executeTakeFirst();
}

export async function updateProject(
  db: Executor,
  {
    workspaceId,
    projectId,
    changes,
  }: Scope & { projectId: string; changes: Partial<Omit<ProjectRow, 'id' | 'workspace_id'>> },
) {
  await db
    .updateTable('projects')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', projectId)
    .execute();
}

export async function listProjects(
  db: Executor,
  { workspaceId, clientId, limit }: Scope & { clientId?: string; limit: number },
) {
  let query = db.selectFrom('projects').selectAll().where('workspace_id', '=', workspaceId);
  if (clientId) query = query.where('client_id', '=', clientId);
  return query.orderBy('created_at', 'desc').limit(limit).execute();
}

export type ProjectListFilter = Scope & { clientId?: string | undefined; terms: string[] };

function listBase(db: Executor, f: ProjectListFilter) {
  let query = db
    .selectFrom('projects as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .where('p.workspace_id', '=', f.workspaceId);
  if (f.clientId) query = query.where('p.client_id', '=', f.clientId);
  if (f.terms.length) query = query.where(everyTermIn(['p.title', 'c.search_text'], f.terms));
  return query;
}

export async function listProjectSummaries(
  db: Executor,
  f: ProjectListFilter & { status?: ProjectStatus | undefined; sort: ProjectSort; limit: number; offset: number },
) {
  let query = listBase(db, f);
  if (f.status) query = query.where('p.status', '=', f.status);
  const total = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  let page = query.select([
    'p.id',
    'p.client_id',
    'c.name as client_name',
    'p.title',
    'p.status',
    'p.target_date',
    'p.created_at',
  ]);
  page =
    f.sort === 'target'
      ? // No target date last, on both databases (NULLS LAST is not SQLite's default).
        page.orderBy(sql`case when p.target_date is null then 1 else 0 end`).orderBy('p.target_date')
      : f.sort === 'title'
        ? page.orderBy(sql`lower(p.title)`)
        : f.sort === 'client'
          ? page.orderBy(sql`lower(c.name)`).orderBy('p.created_at', 'desc')
          : page.orderBy('p.created_at', 'desc');
  const rows = await page.orderBy('p.id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

export async function projectStatusCounts(db: Executor, f: ProjectListFilter) {
  const rows = await listBase(db, f)
    .select(['p.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('p.status')
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}

export async function insertDeliverables(db: Executor, rows: NewDeliverableRow[]) {
  if (rows.length) await db.insertInto('project_deliverables').values(rows).execute();
}

export async function deliverablesOf(db: Executor, { workspaceId, projectId }: Scope & { projectId: string }) {
  return db
    .selectFrom('project_deliverables')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();
}

export async function insertReschedule(db: Executor, row: NewRescheduleRow) {
  await db.insertInto('project_reschedules').values(row).execute();
}

export async function reschedulesOf(db: Executor, { workspaceId, projectId }: Scope & { projectId: string }) {
  return db
    .selectFrom('project_reschedules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .execute();
}

export async function listColleagues(db: Executor, { workspaceId }: Scope) {
  return db.selectFrom('colleagues').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

export async function findColleague(db: Executor, { workspaceId, colleagueId }: Scope & { colleagueId: string }) {
  return db
    .selectFrom('colleagues')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', colleagueId)
    .executeTakeFirst();
}

export async function insertColleague(db: Executor, row: NewColleagueRow) {
  await db.insertInto('colleagues').values(row).execute();
}

export async function updateColleague(
  db: Executor,
  {
    workspaceId,
    colleagueId,
    changes,
  }: Scope & { colleagueId: string; changes: Partial<Omit<ColleagueRow, 'id' | 'workspace_id'>> },
) {
  await db
    .updateTable('colleagues')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', colleagueId)
    .execute();
}

export async function deleteColleague(db: Executor, { workspaceId, colleagueId }: Scope & { colleagueId: string }) {
  await db.deleteFrom('colleagues').where('workspace_id', '=', workspaceId).where('id', '=', colleagueId).execute();
}

export async function insertChangeRequest(db: Executor, row: NewChangeRequestRow) {
  await db.insertInto('change_requests').values(row).execute();
}

export async function findChangeRequest(db: Executor, { workspaceId, id }: Scope & { id: string }) {
  return db
    .selectFrom('change_requests')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateChangeRequest(
  db: Executor,
  { workspaceId, id, changes }: Scope & { id: string; changes: Partial<Omit<ChangeRequestRow, 'id' | 'workspace_id'>> },
) {
  await db
    .updateTable('change_requests')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function changeRequestsOf(db: Executor, { workspaceId, projectId }: Scope & { projectId: string }) {
  return db
    .selectFrom('change_requests')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('requested_at', 'desc')
    .execute();
}

export async function updateDeliverable(
  db: Executor,
  {
    workspaceId,
    projectId,
    deliverableId,
    changes,
  }: Scope & { projectId: string; deliverableId: string; changes: DeliverableUpdate },
) {
  const result = await db
    .updateTable('project_deliverables')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('id', '=', deliverableId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Not marked in scope: out of scope, or not judged yet (each one is the client asking for extras). */
const OUT_OF_SCOPE = sql<SqlBool>`(in_scope is null or in_scope = 0)`;

/**
 * Requests beyond the agreed scope per client (every one not marked in scope, decided or not),
 * all of them or those asked in [from, to) (change_requests_client_idx).
 */
export async function outOfScopeCounts(
  db: Executor,
  {
    workspaceId,
    period,
    dialect,
  }: Scope & { period?: { from: string; to: string; clientIds?: string[] }; dialect: Dialect },
) {
  let query = db
    .selectFrom('change_requests')
    .select((eb) => ['client_id', eb.fn.countAll<number>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .where(OUT_OF_SCOPE)
    .groupBy('client_id');
  if (period) query = query.where('requested_at', '>=', period.from).where('requested_at', '<', period.to);
  if (period?.clientIds) query = query.where(idIn(dialect, 'client_id', period.clientIds));
  const rows = await query.execute();
  // PostgreSQL returns counts as strings (bigint).
  return new Map(rows.map((r) => [r.client_id, Number(r.count)]));
}

/** One client's out-of-scope requests asked in [from, to), oldest first. */
export async function outOfScopeIds(
  db: Executor,
  { workspaceId, clientId, from, to, limit }: Scope & { clientId: string; from: string; to: string; limit: number },
): Promise<{ id: string; at: string }[]> {
  const rows = await db
    .selectFrom('change_requests')
    .select(['id', 'requested_at'])
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .where(OUT_OF_SCOPE)
    .where('requested_at', '>=', from)
    .where('requested_at', '<', to)
    .orderBy('requested_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, at: r.requested_at }));
}

/** Projects whose title holds every term: global search candidates. */
export async function searchProjects(
  db: Executor,
  { workspaceId, terms, limit }: { workspaceId: string; terms: Expression<SqlBool>; limit: number },
) {
  return db
    .selectFrom('projects')
    .select(['id', 'title', 'status', 'client_id'])
    .where('workspace_id', '=', workspaceId)
    .where(terms)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Change requests whose "what" holds every term: global search candidates. */
export async function searchChangeRequests(
  db: Executor,
  { workspaceId, terms, limit }: { workspaceId: string; terms: Expression<SqlBool>; limit: number },
) {
  return db
    .selectFrom('change_requests')
    .select(['id', 'what', 'project_id', 'client_id', 'decision', 'in_scope'])
    .where('workspace_id', '=', workspaceId)
    .where(terms)
    .orderBy('requested_at', 'desc')
    .limit(limit)
    .execute();
}

/** Projects created since a moment and not yet delivered or closed, newest first (Today's "started"). */
/**
 * The newest projects created since `since` and not yet delivered or closed, each with its open
 * deliverables (a row per deliverable, or one with none), in position order: one statement.
 */
export async function startedSince(
  db: Executor,
  { workspaceId, since, limit }: Scope & { since: string; limit: number },
) {
  const started = db
    .selectFrom('projects')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '>=', since)
    .where('status', 'not in', ['delivered', 'closed'])
    .orderBy('created_at', 'desc')
    .limit(limit);
  return db
    .selectFrom(started.as('p'))
    .leftJoin('project_deliverables as d', (join) =>
      join.onRef('d.project_id', '=', 'p.id').on('d.workspace_id', '=', workspaceId).on('d.status', '=', 'open'),
    )
    .selectAll('p')
    .select(['d.id as deliverable_id', 'd.title as deliverable_title', 'd.target_date as deliverable_target_date'])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .orderBy('d.position')
    .execute();
}
