import type { Executor } from '../../db/database.js';
import type { AuditAction } from '../../../shared/schemas/audit.js';
import type { NewAuditEventRow } from './audit.table.js';

export async function insertEvent(db: Executor, row: NewAuditEventRow): Promise<void> {
  await db.insertInto('audit_events').values(row).execute();
}

type ListFilter = { workspaceId: string; actions: readonly AuditAction[] | null };

function filtered(db: Executor, { workspaceId, actions }: ListFilter) {
  let query = db.selectFrom('audit_events as a').where('a.workspace_id', '=', workspaceId);
  if (actions) query = query.where('a.action', 'in', actions);
  return query;
}

/** Newest first, with the actor's and the client's names as they are now (either may be gone). */
export async function listEvents(db: Executor, filter: ListFilter, page: { limit: number; offset: number }) {
  return filtered(db, filter)
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'a.user_id').onRef('u.workspace_id', '=', 'a.workspace_id'))
    .leftJoin('clients as c', (j) => j.onRef('c.id', '=', 'a.client_id').onRef('c.workspace_id', '=', 'a.workspace_id'))
    .select([
      'a.id',
      'a.action',
      'a.user_id',
      'a.token_id',
      'a.target',
      'a.detail',
      'a.ip',
      'a.user_agent',
      'a.created_at',
      'u.name as user_name',
      'a.client_id',
      'c.name as client_name',
    ])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countEvents(db: Executor, filter: ListFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteEventsBefore(db: Executor, { before }: { before: string }): Promise<void> {
  await db.deleteFrom('audit_events').where('created_at', '<', before).execute();
}
