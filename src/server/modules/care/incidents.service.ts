import {
  cursorOf,
  type CreateIncident,
  type Incident,
  type IncidentList,
  type IncidentListQuery,
  type IncidentStatus,
  type UpdateIncident,
} from '../../../shared/schemas/care.js';
import { notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import { projectForReference } from '../projects/projects.service.js';
import * as q from './care.queries.js';
import type { IncidentRow, IncidentUpdate } from './care.table.js';

type Scope = { workspaceId: string };

// Seed 003: own the mistake. The record is what to write before the call (outline, why, prevention)
// and what came of it (fix, compensation, the client's reaction). Composing the short apology
// (`composeApology(deps, scope, actor, incidentId)`, through the messages composer) and turning
// "fix by" into my promise come later: both read the record through `getIncident`.

async function present(deps: Deps, scope: Scope, rows: IncidentRow[]): Promise<Incident[]> {
  const names = await clientNames(
    deps,
    scope,
    rows.map((r) => r.client_id),
  );
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    clientName: names.get(row.client_id) ?? '',
    projectId: row.project_id,
    title: row.title,
    outline: row.outline,
    cause: row.cause,
    causeDetails: row.cause_details,
    prevention: row.prevention,
    fix: row.fix,
    compensation: row.compensation,
    compensationAmount: row.compensation_amount,
    currency: row.currency,
    status: row.status,
    clientReaction: row.client_reaction,
    fixBy: row.fix_by,
    fixedAt: row.fixed_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** When it was fixed and closed follow the status: reopened clears both; closing keeps the fix time. */
function statusTimes(
  status: IncidentStatus,
  before: Pick<IncidentRow, 'fixed_at' | 'closed_at'>,
  now: string,
): Pick<IncidentRow, 'fixed_at' | 'closed_at'> {
  if (status === 'open') return { fixed_at: null, closed_at: null };
  if (status === 'fixed') return { fixed_at: before.fixed_at ?? now, closed_at: null };
  return { fixed_at: before.fixed_at, closed_at: before.closed_at ?? now };
}

/** The client and the project are looked up in the caller's workspace (422 otherwise) before anything is stored. */
export async function createIncident(deps: Deps, scope: Scope, input: CreateIncident): Promise<Incident> {
  return inTransaction(deps, async (deps) => {
    const client = await clientForReference(deps, scope, input.clientId);
    if (input.projectId) await projectForReference(deps, scope, input.projectId, client.id);
    const profile = await getBusinessProfile(deps, scope);
    const now = isoNow(deps.clock);
    const row: IncidentRow = {
      id: newId(),
      workspace_id: scope.workspaceId,
      client_id: client.id,
      project_id: input.projectId,
      title: input.title,
      outline: input.outline,
      cause: input.cause,
      cause_details: input.causeDetails,
      prevention: input.prevention,
      fix: input.fix,
      compensation: input.compensation,
      compensation_amount: input.compensationAmount,
      currency: profile.currency,
      status: input.status,
      client_reaction: input.clientReaction,
      fix_by: input.fixBy,
      ...statusTimes(input.status, { fixed_at: null, closed_at: null }, now),
      created_at: now,
      updated_at: now,
    };
    await q.insertIncident(deps.db.kysely, row);
    return (await present(deps, scope, [row]))[0]!;
  });
}

export async function getIncident(deps: Deps, scope: Scope, incidentId: string): Promise<Incident> {
  const row = await q.findIncident(deps.db.kysely, { ...scope, incidentId });
  if (!row) throw notFound();
  return (await present(deps, scope, [row]))[0]!;
}

/** All mistakes with their prevention steps, to learn from: newest first, filtered, a page at a time. */
export async function listIncidents(deps: Deps, scope: Scope, query: IncidentListQuery): Promise<IncidentList> {
  const rows = await q.listIncidents(deps.db.kysely, {
    ...scope,
    clientId: query.clientId,
    cause: query.cause,
    status: query.status,
    after: query.cursor,
    limit: query.limit + 1,
  });
  const items = await present(deps, scope, rows.slice(0, query.limit));
  return { items, nextCursor: rows.length > query.limit ? cursorOf(items.at(-1)!) : null };
}

export async function updateIncident(
  deps: Deps,
  scope: Scope,
  incidentId: string,
  input: UpdateIncident,
): Promise<Incident> {
  return inTransaction(deps, async (deps) => {
    const row = await q.findIncident(deps.db.kysely, { ...scope, incidentId });
    if (!row) throw notFound();
    if (input.projectId) await projectForReference(deps, scope, input.projectId, row.client_id);
    const now = isoNow(deps.clock);
    const changes: IncidentUpdate = { updated_at: now };
    if (input.projectId !== undefined) changes.project_id = input.projectId;
    if (input.title !== undefined) changes.title = input.title;
    if (input.outline !== undefined) changes.outline = input.outline;
    if (input.cause !== undefined) changes.cause = input.cause;
    if (input.causeDetails !== undefined) changes.cause_details = input.causeDetails;
    if (input.prevention !== undefined) changes.prevention = input.prevention;
    if (input.fix !== undefined) changes.fix = input.fix;
    if (input.compensation !== undefined) changes.compensation = input.compensation;
    if (input.compensationAmount !== undefined) changes.compensation_amount = input.compensationAmount;
    if (input.clientReaction !== undefined) changes.client_reaction = input.clientReaction;
    if (input.fixBy !== undefined) changes.fix_by = input.fixBy;
    if (input.status !== undefined && input.status !== row.status)
      Object.assign(changes, { status: input.status, ...statusTimes(input.status, row, now) });
    await q.updateIncident(deps.db.kysely, { ...scope, incidentId, changes });
    return getIncident(deps, scope, incidentId);
  });
}

export async function deleteIncident(deps: Deps, scope: Scope, incidentId: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    if (!(await q.findIncident(deps.db.kysely, { ...scope, incidentId }))) throw notFound();
    await q.deleteIncident(deps.db.kysely, { ...scope, incidentId });
  });
}
