import type { MessageComposed, MessageSent } from '../../../shared/schemas/messages.js';
import type {
  AddMaterial,
  ComposeDelay,
  CreateProject,
  Project,
  ProjectList,
  ProjectListQuery,
  RescheduleProject,
  SetTarget,
  UpdateDeliverable,
  UpdateProject,
} from '../../../shared/schemas/projects.js';
import { nextOffsetOf } from '../../../shared/schemas/common.js';
import { searchTerms } from '../../../shared/text.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { formatDue } from '../../lib/message-format.js';
import { everyTermIn } from '../../lib/search-match.js';
import type { NamesToFill } from '../../lib/names-to-fill.js';
import { inTransaction } from '../../lib/transaction.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import {
  addCommitment,
  applyRenegotiation,
  getCommitment,
  openMaterialsOf,
  projectCommitments,
} from '../commitments/commitments.service.js';
import { sendMessage } from '../messages/send.service.js';
import { fillTemplate } from '../messages/templates.service.js';
import { emitWebhookEvent } from '../webhooks/webhooks.service.js';
import * as q from './projects.queries.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

/**
 * Opens a project (by hand, or the one an accepted quote starts: its items become the
 * deliverables), with its delivery promise when a target date is given: one transaction.
 */
export async function openProject(
  deps: Deps,
  scope: Scope,
  input: { clientId: string; title: string; deliverables: string[]; targetDate: string | null },
): Promise<string> {
  return inTransaction(deps, async (deps) => {
    const now = isoNow(deps.clock);
    const id = newId();
    await q.insertProject(deps.db.kysely, {
      id,
      workspace_id: scope.workspaceId,
      client_id: input.clientId,
      title: input.title,
      status: 'active',
      target_date: null,
      delivery_commitment_id: null,
      created_at: now,
      updated_at: now,
    });
    await addDeliverables(deps, scope, id, input.deliverables);
    if (input.targetDate) await promiseDelivery(deps, scope, id, input.targetDate);
    return id;
  });
}

/** A change order accepted on top of the project adds its items as further deliverables. */
export async function addDeliverables(
  deps: Deps,
  scope: Scope,
  projectId: string,
  deliverables: string[],
): Promise<void> {
  await inTransaction(deps, async (deps) => {
    if (!(await q.findProject(deps.db.kysely, { ...scope, projectId }))) throw notFound();
    const existing = await q.deliverablesOf(deps.db.kysely, { ...scope, projectId });
    await q.insertDeliverables(
      deps.db.kysely,
      deliverables.map((title, i) => ({
        id: newId(),
        workspace_id: scope.workspaceId,
        project_id: projectId,
        position: existing.length + i,
        title,
        target_date: null,
        status: 'open',
      })),
    );
  });
}

/** For other modules: the project, if it is in this workspace and belongs to this client. */
export async function projectForReference(
  deps: Deps,
  scope: Scope,
  projectId: string,
  clientId: string,
): Promise<{ id: string; title: string }> {
  const row = await q.findProject(deps.db.kysely, { ...scope, projectId });
  if (!row || row.client_id !== clientId) throw fieldError('projectId', 'unknown_project');
  return { id: row.id, title: row.title };
}

export async function getProject(deps: Deps, scope: Scope, projectId: string): Promise<Project> {
  const db = deps.db.kysely;
  const row = await q.findProject(db, { ...scope, projectId });
  if (!row) throw notFound();
  const [deliverables, reschedules] = await Promise.all([
    q.deliverablesOf(db, { ...scope, projectId }),
    q.reschedulesOf(db, { ...scope, projectId }),
  ]);
  const names = await clientNames(deps, scope, [row.client_id]);
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: names.get(row.client_id) ?? '',
    title: row.title,
    status: row.status,
    targetDate: row.target_date,
    delivery: row.delivery_commitment_id ? await getCommitment(deps, scope, row.delivery_commitment_id) : null,
    deliverables: deliverables.map((d) => ({ id: d.id, title: d.title, targetDate: d.target_date, status: d.status })),
    reschedules: reschedules.map((r) => ({
      id: r.id,
      cause: r.cause,
      statusText: r.status_text,
      fromDate: r.from_date,
      toDate: r.to_date,
      messageId: r.message_id,
      createdAt: r.created_at,
    })),
    materials: (await projectCommitments(deps, scope, projectId)).filter((c) => c.direction === 'theirs'),
    createdAt: row.created_at,
  };
}

export async function listProjects(
  deps: Deps,
  scope: Scope,
  options: { clientId?: string },
): Promise<{ items: Project[] }> {
  const rows = await q.listProjects(deps.db.kysely, { ...scope, clientId: options.clientId, limit: 200 });
  return { items: await Promise.all(rows.map((r) => getProject(deps, scope, r.id))) };
}

/** The projects list and board (GET /projects): one page, searched, filtered and sorted in SQL. */
export async function listProjectSummaries(deps: Deps, scope: Scope, query: ProjectListQuery): Promise<ProjectList> {
  const filter = { ...scope, clientId: query.clientId, terms: searchTerms(query.q ?? '') };
  const [page, counts] = await Promise.all([
    q.listProjectSummaries(deps.db.kysely, {
      ...filter,
      status: query.status,
      sort: query.sort,
      limit: query.limit,
      offset: query.offset,
    }),
    q.projectStatusCounts(deps.db.kysely, filter),
  ]);
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      clientName: r.client_name,
      title: r.title,
      status: r.status,
      targetDate: r.target_date,
      createdAt: r.created_at,
    })),
    total: page.total,
    nextOffset: nextOffsetOf(query.offset, page.rows.length, page.total),
    counts,
  };
}

/** The target date becomes my promise to deliver: the promise and the project, one transaction. */
async function promiseDelivery(deps: Deps, scope: Scope, projectId: string, targetDate: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    const row = await q.findProject(deps.db.kysely, { ...scope, projectId });
    if (!row) throw notFound();
    const profile = await getBusinessProfile(deps, scope);
    const title = rawMessage(profile.locale, 'projects.deliveryPromise').replace('{{title}}', row.title);
    const commitment = await addCommitment(deps, scope, {
      clientId: row.client_id,
      interactionId: null,
      projectId,
      direction: 'mine',
      title,
      dueDate: targetDate,
      dueTime: null,
      notes: null,
    });
    await q.updateProject(deps.db.kysely, {
      ...scope,
      projectId,
      changes: { target_date: targetDate, delivery_commitment_id: commitment.id, updated_at: isoNow(deps.clock) },
    });
  });
}

/** The first target date: it becomes my promise to deliver (a slip later is a reschedule, with a cause). */
export async function setTarget(deps: Deps, scope: Scope, projectId: string, input: SetTarget): Promise<Project> {
  return inTransaction(deps, async (deps) => {
    const row = await q.findProject(deps.db.kysely, { ...scope, projectId });
    if (!row) throw notFound();
    if (row.delivery_commitment_id) throw fieldError('targetDate', 'use_reschedule');
    await promiseDelivery(deps, scope, projectId, input.targetDate);
    return getProject(deps, scope, projectId);
  });
}

/** The delay notice in the client's language: where things stand, why, and the new date. */
export async function composeDelayNotice(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  projectId: string,
  input: ComposeDelay,
): Promise<MessageComposed> {
  const project = await getProject(deps, scope, projectId);
  const client = await clientForReference(deps, scope, project.clientId);
  const profile = await getBusinessProfile(deps, scope);
  return fillTemplate(deps, scope, actor, {
    kind: 'delay_notice',
    clientId: project.clientId,
    values: {
      projectTitle: project.title,
      statusText: input.statusText,
      causeLine: rawMessage(client.language, `templates.causeLines.${input.cause}`),
      newDate: formatDue(`${input.newTargetDate}T12:00:00.000Z`, false, client.language, profile.timeZone),
    },
  });
}

/**
 * A deadline slips (seed 000): cause, status and the new date are required. The delivery promise
 * moves (my delay counts against my word; the client's or an outside one does not), the notice is
 * sent or opened and logged, and the reschedule joins the history — one transaction.
 */
export async function reschedule(
  deps: Deps,
  scope: Scope,
  projectId: string,
  input: RescheduleProject,
): Promise<{ project: Project; sent: MessageSent | null }> {
  return inTransaction(deps, async (deps) => {
    const row = await q.findProject(deps.db.kysely, { ...scope, projectId });
    if (!row) throw notFound();
    if (row.target_date === input.newTargetDate) throw fieldError('newTargetDate', 'same_date');
    const messageId = input.message ? newId() : null;
    if (row.delivery_commitment_id) {
      await applyRenegotiation(
        deps,
        scope,
        row.delivery_commitment_id,
        { dueDate: input.newTargetDate, dueTime: null, reason: input.statusText },
        messageId,
        input.cause,
      );
      await q.updateProject(deps.db.kysely, {
        ...scope,
        projectId,
        changes: {
          target_date: input.newTargetDate,
          status: input.cause === 'client' ? 'waiting_for_client' : row.status,
          updated_at: isoNow(deps.clock),
        },
      });
    } else {
      await promiseDelivery(deps, scope, projectId, input.newTargetDate);
    }
    await q.insertReschedule(deps.db.kysely, {
      id: newId(),
      workspace_id: scope.workspaceId,
      project_id: projectId,
      cause: input.cause,
      status_text: input.statusText,
      from_date: row.target_date,
      to_date: input.newTargetDate,
      message_id: messageId,
      created_at: isoNow(deps.clock),
    });
    const sent =
      input.message && messageId
        ? await sendMessage(deps, scope, { kind: 'delay_notice', clientId: row.client_id, ...input.message, messageId })
        : null;
    const project = await getProject(deps, scope, projectId);
    await emitWebhookEvent(deps, scope, 'project.rescheduled', {
      project,
      reschedule: {
        cause: input.cause,
        statusText: input.statusText,
        fromDate: row.target_date,
        toDate: input.newTargetDate,
      },
    });
    return { project, sent };
  });
}

/** A project started by hand (not from a quote). */
export async function createProject(deps: Deps, scope: Scope, input: CreateProject): Promise<Project> {
  return inTransaction(deps, async (deps) => {
    await clientForReference(deps, scope, input.clientId);
    const id = await openProject(deps, scope, {
      clientId: input.clientId,
      title: input.title,
      deliverables: input.deliverables,
      targetDate: input.targetDate ?? null,
    });
    return getProject(deps, scope, id);
  });
}

export async function updateProject(
  deps: Deps,
  scope: Scope,
  projectId: string,
  input: UpdateProject,
): Promise<Project> {
  if (!(await q.findProject(deps.db.kysely, { ...scope, projectId }))) throw notFound();
  await q.updateProject(deps.db.kysely, { ...scope, projectId, changes: { ...input, updated_at: isoNow(deps.clock) } });
  return getProject(deps, scope, projectId);
}

/** Something the client must supply, and by when: a promise they owe, shown on Today once late. */
export async function addMaterial(deps: Deps, scope: Scope, projectId: string, input: AddMaterial): Promise<Project> {
  return inTransaction(deps, async (deps) => {
    const row = await q.findProject(deps.db.kysely, { ...scope, projectId });
    if (!row) throw notFound();
    await addCommitment(deps, scope, {
      clientId: row.client_id,
      interactionId: null,
      projectId,
      direction: 'theirs',
      title: input.what,
      dueDate: input.dueDate,
      dueTime: null,
      notes: null,
    });
    return getProject(deps, scope, projectId);
  });
}

/** Each deliverable has its own status and (optional) target date; the schema demands at least one. */
export async function updateDeliverable(
  deps: Deps,
  scope: Scope,
  projectId: string,
  deliverableId: string,
  input: UpdateDeliverable,
): Promise<Project> {
  const changes = {
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.targetDate !== undefined ? { target_date: input.targetDate } : {}),
  };
  if (!Object.keys(changes).length) throw fieldError('status', 'choose_one');
  if (!(await q.updateDeliverable(deps.db.kysely, { ...scope, projectId, deliverableId, changes }))) throw notFound();
  return getProject(deps, scope, projectId);
}

/** Projects with every (normalised) term in their title: global search candidates. */
export async function searchProjectCandidates(deps: Deps, scope: Scope, terms: string[], limit: number) {
  if (!terms.length) return [];
  const rows = await q.searchProjects(deps.db.kysely, {
    workspaceId: scope.workspaceId,
    terms: everyTermIn(['title'], terms),
    limit,
  });
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, clientId: r.client_id }));
}

/** Change requests with every (normalised) term in what was asked: global search candidates. */
export async function searchChangeRequestCandidates(deps: Deps, scope: Scope, terms: string[], limit: number) {
  if (!terms.length) return [];
  const rows = await q.searchChangeRequests(deps.db.kysely, {
    workspaceId: scope.workspaceId,
    terms: everyTermIn(['what'], terms),
    limit,
  });
  return rows.map((r) => ({
    id: r.id,
    what: r.what,
    projectId: r.project_id,
    clientId: r.client_id,
    status: r.in_scope === null ? 'pending' : r.in_scope === 1 ? 'in_scope' : (r.decision ?? 'out_of_scope'),
  }));
}

/** A project just started, with what its next step depends on (Today's "set it going"). */
export type StartedProject = Pick<Project, 'id' | 'title' | 'clientId' | 'clientName' | 'targetDate' | 'createdAt'> & {
  /** Open deliverables in their order. */
  deliverables: { title: string; targetDate: string | null }[];
  /** What the client still owes, soonest first. */
  materials: { title: string; dueDate: string }[];
};

/**
 * Recently started projects, newest first: two statements for all of them, whatever their number
 * (the projects with their open deliverables, then what the client owes on them); the client names
 * are the caller's to fill in (Today).
 */
export async function startedProjects(
  deps: Deps,
  scope: Scope,
  options: { since: string; limit: number },
): Promise<NamesToFill<StartedProject[]>> {
  const rows = await q.startedSince(deps.db.kysely, { ...scope, ...options });
  const projects = new Map<string, (typeof rows)[number] & { deliverables: StartedProject['deliverables'] }>();
  for (const row of rows) {
    let project = projects.get(row.id);
    if (!project) projects.set(row.id, (project = { ...row, deliverables: [] }));
    if (row.deliverable_id !== null)
      project.deliverables.push({ title: row.deliverable_title!, targetDate: row.deliverable_target_date });
  }
  const materials = await openMaterialsOf(deps, scope, [...projects.keys()]);
  return {
    clientIds: [...projects.values()].map((p) => p.client_id),
    fill: (names) =>
      [...projects.values()].map((row) => ({
        id: row.id,
        title: row.title,
        clientId: row.client_id,
        clientName: names.get(row.client_id) ?? '',
        targetDate: row.target_date,
        createdAt: row.created_at,
        deliverables: row.deliverables,
        materials: materials.get(row.id) ?? [],
      })),
  };
}
