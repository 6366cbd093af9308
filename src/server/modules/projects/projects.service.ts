import type { Project } from '../../../shared/schemas/projects.js';
import type { Executor } from '../../db/database.js';
import { notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';

type Scope = { workspaceId: string };

/** Opens the project an accepted quote starts: its items become the deliverables. */
export async function createProjectInTrx(
  deps: Deps,
  trx: Executor,
  scope: Scope,
  input: { clientId: string; title: string; deliverables: string[]; targetDate: string | null },
): Promise<string> {
  const now = isoNow(deps.clock);
  const id = newId();
  await trx
    .insertInto('projects')
    .values({ id, workspace_id: scope.workspaceId, client_id: input.clientId, title: input.title, status: 'active', target_date: input.targetDate, created_at: now, updated_at: now })
    .execute();
  if (input.deliverables.length) {
    await trx
      .insertInto('project_deliverables')
      .values(input.deliverables.map((title, position) => ({ id: newId(), workspace_id: scope.workspaceId, project_id: id, position, title, target_date: input.targetDate, status: 'open' })))
      .execute();
  }
  return id;
}

export async function getProject(deps: Deps, scope: Scope, projectId: string): Promise<Project> {
  const db = deps.db.kysely;
  const row = await db.selectFrom('projects').selectAll().where('workspace_id', '=', scope.workspaceId).where('id', '=', projectId).executeTakeFirst();
  if (!row) throw notFound();
  const deliverables = await db
    .selectFrom('project_deliverables')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    status: row.status as Project['status'],
    targetDate: row.target_date,
    deliverables: deliverables.map((d) => ({ id: d.id, title: d.title, targetDate: d.target_date, status: d.status })),
    createdAt: row.created_at,
  };
}
