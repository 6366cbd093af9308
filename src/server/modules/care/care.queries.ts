import { sql, type ExpressionBuilder } from 'kysely';
import type {
  Cursor,
  ConflictStatus,
  ConflictTopic,
  IncidentCause,
  IncidentStatus,
} from '../../../shared/schemas/care.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Database, Dialect, Executor } from '../../db/database.js';
import { idIn } from '../../db/id-list.js';
import type {
  ClientTypeRow,
  ConflictRow,
  ConflictUpdate,
  IncidentRow,
  IncidentUpdate,
  NewClientTypeRow,
  NewConflictRow,
  NewConflictStakeholderRow,
  NewIncidentRow,
  NewConflictCommitmentRow,
  NewPlaybookRow,
  OffboardingRow,
  OffboardingUpdate,
  PlaybookRow,
} from './care.table.js';

type Scope = { workspaceId: string };

// ── Client types and playbooks ──────────────────────────────────────────────

export async function listClientTypes(db: Executor, { workspaceId }: Scope): Promise<ClientTypeRow[]> {
  return db
    .selectFrom('client_types')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findClientType(
  db: Executor,
  { workspaceId, typeId }: Scope & { typeId: string },
): Promise<ClientTypeRow | undefined> {
  return db
    .selectFrom('client_types')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', typeId)
    .executeTakeFirst();
}

export async function insertClientType(db: Executor, row: NewClientTypeRow): Promise<void> {
  await db.insertInto('client_types').values(row).execute();
}

export async function deleteClientType(db: Executor, { workspaceId, typeId }: Scope & { typeId: string }) {
  await db.deleteFrom('client_types').where('workspace_id', '=', workspaceId).where('id', '=', typeId).execute();
}

export async function listPlaybooks(
  db: Executor,
  { workspaceId, typeKeys }: Scope & { typeKeys?: string[] },
): Promise<PlaybookRow[]> {
  let query = db.selectFrom('playbooks').selectAll().where('workspace_id', '=', workspaceId);
  if (typeKeys) {
    if (!typeKeys.length) return [];
    query = query.where('type_key', 'in', typeKeys);
  }
  return query.execute();
}

/** One row per (type, language): a second edit replaces the first. */
export async function upsertPlaybook(db: Executor, row: NewPlaybookRow): Promise<void> {
  await db
    .insertInto('playbooks')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'type_key', 'locale']).doUpdateSet({
        hint: row.hint,
        tactics: row.tactics,
        avoid: row.avoid,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deletePlaybooks(
  db: Executor,
  { workspaceId, typeKey, locale }: Scope & { typeKey: string; locale?: Locale },
): Promise<void> {
  let query = db.deleteFrom('playbooks').where('workspace_id', '=', workspaceId).where('type_key', '=', typeKey);
  if (locale) query = query.where('locale', '=', locale);
  await query.execute();
}

/** The keyset page after a cursor: rows strictly older than (created_at, id), for newest-first lists. */
function olderThan(after: Cursor) {
  return (eb: ExpressionBuilder<Database, 'incidents' | 'conflicts'>) =>
    eb.or([
      eb('created_at', '<', after.createdAt),
      eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
    ]);
}

// ── Incidents ───────────────────────────────────────────────────────────────

export async function insertIncident(db: Executor, row: NewIncidentRow): Promise<void> {
  await db.insertInto('incidents').values(row).execute();
}

export async function findIncident(
  db: Executor,
  { workspaceId, incidentId }: Scope & { incidentId: string },
): Promise<IncidentRow | undefined> {
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', incidentId)
    .executeTakeFirst();
}

export async function updateIncident(
  db: Executor,
  {
    workspaceId,
    incidentId,
    changes,
  }: Scope & { incidentId: string; changes: Omit<IncidentUpdate, 'id' | 'workspace_id'> },
): Promise<void> {
  await db
    .updateTable('incidents')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', incidentId)
    .execute();
}

export async function deleteIncident(db: Executor, { workspaceId, incidentId }: Scope & { incidentId: string }) {
  await db.deleteFrom('incidents').where('workspace_id', '=', workspaceId).where('id', '=', incidentId).execute();
}

export type IncidentFilter = Scope & {
  clientId?: string;
  cause?: IncidentCause;
  status?: IncidentStatus;
  after?: Cursor;
  limit: number;
};

/** Newest first; the page after a cursor is everything strictly older than (created_at, id). */
export async function listIncidents(db: Executor, f: IncidentFilter): Promise<IncidentRow[]> {
  let query = db.selectFrom('incidents').selectAll().where('workspace_id', '=', f.workspaceId);
  if (f.clientId) query = query.where('client_id', '=', f.clientId);
  if (f.cause) query = query.where('cause', '=', f.cause);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.after) query = query.where(olderThan(f.after));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

// ── Conflicts ───────────────────────────────────────────────────────────────

export async function insertConflict(db: Executor, row: NewConflictRow): Promise<void> {
  await db.insertInto('conflicts').values(row).execute();
}

export async function findConflict(
  db: Executor,
  { workspaceId, conflictId }: Scope & { conflictId: string },
): Promise<ConflictRow | undefined> {
  return db
    .selectFrom('conflicts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', conflictId)
    .executeTakeFirst();
}

export async function updateConflict(
  db: Executor,
  {
    workspaceId,
    conflictId,
    changes,
  }: Scope & { conflictId: string; changes: Omit<ConflictUpdate, 'id' | 'workspace_id'> },
): Promise<void> {
  await db
    .updateTable('conflicts')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', conflictId)
    .execute();
}

export async function deleteConflict(db: Executor, { workspaceId, conflictId }: Scope & { conflictId: string }) {
  await db.deleteFrom('conflicts').where('workspace_id', '=', workspaceId).where('id', '=', conflictId).execute();
}

export type ConflictFilter = Scope & {
  clientId?: string;
  status?: ConflictStatus;
  topic?: ConflictTopic;
  after?: Cursor;
  limit: number;
};

export async function listConflicts(db: Executor, f: ConflictFilter): Promise<ConflictRow[]> {
  let query = db.selectFrom('conflicts').selectAll().where('workspace_id', '=', f.workspaceId);
  if (f.clientId) query = query.where('client_id', '=', f.clientId);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.topic) query = query.where('topic', '=', f.topic);
  if (f.after) query = query.where(olderThan(f.after));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function insertStakeholders(db: Executor, rows: NewConflictStakeholderRow[]): Promise<void> {
  for (const row of rows) await db.insertInto('conflict_stakeholders').values(row).execute();
}

export async function deleteStakeholders(db: Executor, { workspaceId, conflictId }: Scope & { conflictId: string }) {
  await db
    .deleteFrom('conflict_stakeholders')
    .where('workspace_id', '=', workspaceId)
    .where('conflict_id', '=', conflictId)
    .execute();
}

/** Contact ids per conflict, in the order they were given. */
export async function stakeholdersOf(
  db: Executor,
  { workspaceId, conflictIds }: Scope & { conflictIds: string[] },
): Promise<Map<string, string[]>> {
  const byConflict = new Map<string, string[]>();
  if (!conflictIds.length) return byConflict;
  const rows = await db
    .selectFrom('conflict_stakeholders')
    .select(['conflict_id', 'contact_id'])
    .where('workspace_id', '=', workspaceId)
    .where('conflict_id', 'in', conflictIds)
    .orderBy('conflict_id')
    .orderBy('position')
    .execute();
  for (const row of rows) byConflict.set(row.conflict_id, [...(byConflict.get(row.conflict_id) ?? []), row.contact_id]);
  return byConflict;
}

// ── The most stubborn clients ───────────────────────────────────────────────

/** Open conflict cases and open mistakes per client: the friction this module knows of. */
export async function openFrictionCounts(db: Executor, { workspaceId }: Scope) {
  const conflicts = db
    .selectFrom('conflicts')
    .select(['client_id', sql<number>`1`.as('c'), sql<number>`0`.as('i')])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'open');
  const incidents = db
    .selectFrom('incidents')
    .select(['client_id', sql<number>`0`.as('c'), sql<number>`1`.as('i')])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'open');
  const rows = await db
    .selectFrom(conflicts.unionAll(incidents).as('friction'))
    .select((eb) => [
      'friction.client_id',
      eb.fn.sum<number>('friction.c').as('open_conflicts'),
      eb.fn.sum<number>('friction.i').as('open_incidents'),
    ])
    .groupBy('friction.client_id')
    .execute();
  // PostgreSQL returns sums as strings (bigint / numeric).
  return rows.map((r) => ({
    client_id: r.client_id,
    open_conflicts: Number(r.open_conflicts),
    open_incidents: Number(r.open_incidents),
  }));
}

// ── The promises of a resolved conflict ─────────────────────────────────────

export async function insertConflictCommitments(db: Executor, rows: NewConflictCommitmentRow[]): Promise<void> {
  for (const row of rows) await db.insertInto('conflict_commitments').values(row).execute();
}

/** Commitment ids per conflict, in the order they were made. */
export async function commitmentsOfConflicts(
  db: Executor,
  { workspaceId, conflictIds }: Scope & { conflictIds: string[] },
): Promise<Map<string, string[]>> {
  const byConflict = new Map<string, string[]>();
  if (!conflictIds.length) return byConflict;
  const rows = await db
    .selectFrom('conflict_commitments')
    .select(['conflict_id', 'commitment_id'])
    .where('workspace_id', '=', workspaceId)
    .where('conflict_id', 'in', conflictIds)
    .orderBy('conflict_id')
    .orderBy('position')
    .execute();
  for (const row of rows)
    byConflict.set(row.conflict_id, [...(byConflict.get(row.conflict_id) ?? []), row.commitment_id]);
  return byConflict;
}

// ── Endings of an engagement ────────────────────────────────────────────────

export async function insertOffboarding(db: Executor, row: OffboardingRow): Promise<void> {
  await db.insertInto('offboardings').values(row).execute();
}

/** Every ending of one client, newest first. */
export async function offboardingsOf(
  db: Executor,
  { workspaceId, clientId }: Scope & { clientId: string },
): Promise<OffboardingRow[]> {
  return db
    .selectFrom('offboardings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .orderBy('ended_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function updateOffboarding(
  db: Executor,
  { workspaceId, id, changes }: Scope & { id: string; changes: Omit<OffboardingUpdate, 'id' | 'workspace_id'> },
): Promise<void> {
  await db
    .updateTable('offboardings')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

// ── Client health ──────────────────────────────────────────────────────────

type HealthFilter = Scope & { from: string; to: string; currency: string; clientIds?: string[]; dialect: Dialect };

/**
 * Per client: open mistakes and open conflicts (as they stand now), and the compensation given for
 * mistakes recorded in [from, to) in one currency. One grouped query over both tables.
 */
export async function healthCounts(db: Executor, f: HealthFilter) {
  const ids = idIn(f.dialect, 'client_id', f.clientIds ?? []);
  const compensated = sql<number>`case when created_at >= ${f.from} and created_at < ${f.to} and currency = ${f.currency} then compensation_amount else 0 end`;
  const incidents = db
    .selectFrom('incidents')
    .select([
      'client_id',
      sql<number>`case when status = 'open' then 1 else 0 end`.as('open_incidents'),
      sql<number>`0`.as('open_conflicts'),
      compensated.as('compensation'),
    ])
    .where('workspace_id', '=', f.workspaceId)
    .where((eb) =>
      eb.or([eb('status', '=', 'open'), eb.and([eb('created_at', '>=', f.from), eb('created_at', '<', f.to)])]),
    )
    .$if(f.clientIds !== undefined, (qb) => qb.where(ids));
  const conflicts = db
    .selectFrom('conflicts')
    .select([
      'client_id',
      sql<number>`0`.as('open_incidents'),
      sql<number>`1`.as('open_conflicts'),
      sql<number>`0`.as('compensation'),
    ])
    .where('workspace_id', '=', f.workspaceId)
    .where('status', '=', 'open')
    .$if(f.clientIds !== undefined, (qb) => qb.where(ids));
  const rows = await db
    .selectFrom(incidents.unionAll(conflicts).as('care'))
    .select((eb) => [
      'care.client_id',
      eb.fn.sum<number>('care.open_incidents').as('open_incidents'),
      eb.fn.sum<number>('care.open_conflicts').as('open_conflicts'),
      eb.fn.sum<number>('care.compensation').as('compensation'),
    ])
    .groupBy('care.client_id')
    .execute();
  // PostgreSQL returns sums as strings (bigint / numeric).
  return rows.map((r) => ({
    client_id: r.client_id,
    open_incidents: Number(r.open_incidents),
    open_conflicts: Number(r.open_conflicts),
    compensation: Number(r.compensation),
  }));
}

/** One client's rows behind those counts: open mistakes, open conflicts, mistakes compensated in the period. */
export async function healthEvidence(
  db: Executor,
  f: Omit<HealthFilter, 'clientIds' | 'dialect'> & { clientId: string },
) {
  const [incidents, conflicts] = await Promise.all([
    db
      .selectFrom('incidents')
      .select(['id', 'status', 'created_at', 'compensation_amount', 'currency'])
      .where('workspace_id', '=', f.workspaceId)
      .where('client_id', '=', f.clientId)
      .where((eb) =>
        eb.or([eb('status', '=', 'open'), eb.and([eb('created_at', '>=', f.from), eb('created_at', '<', f.to)])]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('conflicts')
      .select(['id', 'created_at'])
      .where('workspace_id', '=', f.workspaceId)
      .where('client_id', '=', f.clientId)
      .where('status', '=', 'open')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return {
    openIncidentIds: incidents.filter((i) => i.status === 'open').map((i) => i.id),
    compensatedIncidentIds: incidents
      .filter(
        (i) => i.compensation_amount > 0 && i.currency === f.currency && i.created_at >= f.from && i.created_at < f.to,
      )
      .map((i) => i.id),
    openConflictIds: conflicts.map((c) => c.id),
    /** When each was recorded, by id (the evidence rows show it). */
    recordedAt: new Map([...incidents, ...conflicts].map((r) => [r.id, r.created_at])),
  };
}
