import {
  cursorOf,
  type ApologySent,
  type ComposeApology,
  type CreateIncident,
  type Incident,
  type IncidentList,
  type IncidentListQuery,
  type IncidentStatus,
  type SendApology,
  type UpdateIncident,
} from '../../../shared/schemas/care.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { MessageComposed } from '../../../shared/schemas/messages.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { formatDue, renderTemplate } from '../../lib/message-format.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import { addCommitment, dueInstant, presentCommitment } from '../commitments/commitments.service.js';
import { sendMessage } from '../messages/send.service.js';
import { fillTemplate } from '../messages/templates.service.js';
import { projectForReference } from '../projects/projects.service.js';
import * as q from './care.queries.js';
import type { IncidentRow, IncidentUpdate } from './care.table.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

// Seed 003: own the mistake. The record is what to write before the call (outline, why, prevention)
// and what came of it (fix, compensation, the client's reaction). From it Mila composes the short
// apology (`composeApology`, through the messages composer) and `sendApology` sends it and makes
// "fix by" my promise.

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
    apologyMessageId: row.apology_message_id,
    fixCommitmentId: row.fix_commitment_id,
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
      apology_message_id: null,
      fix_commitment_id: null,
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
    const row = await q.findIncident(deps.db.kysely, { ...scope, incidentId });
    if (!row) throw notFound();
    await q.deleteIncident(deps.db.kysely, { ...scope, incidentId });
    await recordAudit(deps, scope, { action: 'mistake_deleted', clientId: row.client_id, target: row.title });
  });
}

/** A line of the apology, or nothing when the record has no value for it. */
function line(locale: Locale, key: string, values: Record<string, string | null>): string {
  return Object.values(values).every((v) => v)
    ? renderTemplate(rawMessage(locale, `templates.apologyLines.${key}`), values, locale)
    : '';
}

/**
 * The short apology of seed 003, in the client's language: name the mistake, say how I fix it (and
 * by when), offer the compensation. Nothing is stored; the user edits it and sends it.
 */
export async function composeApology(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  incidentId: string,
  input: ComposeApology = {},
): Promise<MessageComposed> {
  const incident = await getIncident(deps, scope, incidentId);
  const client = await clientForReference(deps, scope, incident.clientId);
  const { timeZone } = await getBusinessProfile(deps, scope);
  const locale = client.language;
  const fixBy = input.fixBy ?? (incident.fixBy ? { dueDate: incident.fixBy, dueTime: null } : null);
  return fillTemplate(deps, scope, actor, {
    kind: 'apology',
    clientId: incident.clientId,
    values: {
      mistake: incident.title.replace(/[.!。]+$/u, ''),
      fixLine: line(locale, 'fix', { fix: incident.fix }),
      fixByLine: fixBy
        ? line(locale, 'fixBy', {
            fixBy: formatDue(
              dueInstant(fixBy.dueDate, fixBy.dueTime, timeZone),
              fixBy.dueTime !== null,
              locale,
              timeZone,
            ),
          })
        : '',
      compensationLine: line(locale, 'compensation', { compensation: incident.compensation }),
    },
  });
}

/**
 * Sends (or opens) the apology and logs it as a contact; "fix by" becomes my promise, made in that
 * contact and linked to the mistake; the mistake keeps the message and the promise — one transaction.
 */
export async function sendApology(
  deps: Deps,
  scope: Scope,
  incidentId: string,
  input: SendApology,
): Promise<ApologySent> {
  return inTransaction(deps, async (deps) => {
    const row = await q.findIncident(deps.db.kysely, { ...scope, incidentId });
    if (!row) throw notFound();
    if (input.fixBy && row.fix_commitment_id) throw fieldError('fixBy', 'fix_promised');
    const messageId = newId();
    const sent = await sendMessage(deps, scope, {
      kind: 'apology',
      clientId: row.client_id,
      ...input.message,
      messageId,
    });
    let promise = null;
    if (input.fixBy) {
      const profile = await getBusinessProfile(deps, scope);
      promise = await addCommitment(deps, scope, {
        clientId: row.client_id,
        interactionId: sent.interactionId,
        projectId: row.project_id,
        direction: 'mine',
        title: renderTemplate(rawMessage(profile.locale, 'care.fixPromise'), { title: row.title }, profile.locale),
        ...input.fixBy,
        notes: row.fix,
      });
    }
    await q.updateIncident(deps.db.kysely, {
      ...scope,
      incidentId,
      changes: {
        apology_message_id: messageId,
        ...(promise ? { fix_commitment_id: promise.id, fix_by: promise.due_date } : {}),
        updated_at: isoNow(deps.clock),
      },
    });
    return {
      incident: await getIncident(deps, scope, incidentId),
      sent,
      fixPromise: promise ? await presentCommitment(deps, scope, promise) : null,
    };
  });
}
