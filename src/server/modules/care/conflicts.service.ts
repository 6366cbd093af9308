import { z } from 'zod';
import {
  ZConflictOption,
  cursorOf,
  type Conflict,
  type ConflictList,
  type ConflictListQuery,
  type ConflictOption,
  type CreateConflict,
  type UpdateConflict,
} from '../../../shared/schemas/care.js';
import { localDate } from '../../../shared/time/zoned.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import * as q from './care.queries.js';
import type { ConflictRow, ConflictUpdate } from './care.table.js';

type Scope = { workspaceId: string };

// Seed 002: from positions to interests. A case is the worksheet: the position in the client's
// words, the question that finds the interest, who else is involved (the source of pressure), the
// reflection, several options smallest problem first, the one chosen and what came of it. Turning
// the chosen option into promises and a message comes later, from `getConflict`.

const ZOptions = z.array(ZConflictOption);

function optionsOf(row: ConflictRow): ConflictOption[] {
  return ZOptions.parse(JSON.parse(row.options));
}

async function present(deps: Deps, scope: Scope, rows: ConflictRow[]): Promise<Conflict[]> {
  const [names, stakeholders] = await Promise.all([
    clientNames(
      deps,
      scope,
      rows.map((r) => r.client_id),
    ),
    q.stakeholdersOf(deps.db.kysely, { ...scope, conflictIds: rows.map((r) => r.id) }),
  ]);
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    clientName: names.get(row.client_id) ?? '',
    topic: row.topic,
    position: row.position,
    question: row.question,
    interest: row.interest,
    stakeholderIds: stakeholders.get(row.id) ?? [],
    reflection: row.reflection,
    options: optionsOf(row),
    chosenOption: row.chosen_option,
    outcome: row.outcome,
    occurredOn: row.occurred_on,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** Stakeholders are the client's own contacts (of this workspace): anyone else is a field error. */
async function checkedStakeholders(deps: Deps, scope: Scope, clientId: string, ids: string[]): Promise<string[]> {
  const client = await clientForReference(deps, scope, clientId);
  const contacts = new Set(client.contacts.map((c) => c.id));
  ids.forEach((id, i) => {
    if (!contacts.has(id)) throw fieldError(`stakeholderIds.${i}`, 'unknown_contact');
  });
  return [...new Set(ids)];
}

function checkChosen(chosen: number | null, options: ConflictOption[]): void {
  if (chosen !== null && chosen >= options.length) throw fieldError('chosenOption', 'option_missing');
}

async function replaceStakeholders(deps: Deps, scope: Scope, conflictId: string, contactIds: string[]) {
  await q.deleteStakeholders(deps.db.kysely, { ...scope, conflictId });
  await q.insertStakeholders(
    deps.db.kysely,
    contactIds.map((contactId, position) => ({
      workspace_id: scope.workspaceId,
      conflict_id: conflictId,
      contact_id: contactId,
      position,
    })),
  );
}

/** The case and its stakeholders: one transaction, every id checked in the caller's workspace first. */
export async function createConflict(deps: Deps, scope: Scope, input: CreateConflict): Promise<Conflict> {
  return inTransaction(deps, async (deps) => {
    const stakeholderIds = await checkedStakeholders(deps, scope, input.clientId, input.stakeholderIds);
    checkChosen(input.chosenOption, input.options);
    const now = isoNow(deps.clock);
    const occurredOn =
      input.occurredOn ?? localDate(deps.clock.now(), (await getBusinessProfile(deps, scope)).timeZone);
    const row: ConflictRow = {
      id: newId(),
      workspace_id: scope.workspaceId,
      client_id: input.clientId,
      topic: input.topic,
      position: input.position,
      question: input.question,
      interest: input.interest,
      reflection: input.reflection,
      options: JSON.stringify(input.options),
      chosen_option: input.chosenOption,
      outcome: input.outcome,
      occurred_on: occurredOn,
      status: input.status,
      created_at: now,
      updated_at: now,
    };
    await q.insertConflict(deps.db.kysely, row);
    await replaceStakeholders(deps, scope, row.id, stakeholderIds);
    return getConflict(deps, scope, row.id);
  });
}

export async function getConflict(deps: Deps, scope: Scope, conflictId: string): Promise<Conflict> {
  const row = await q.findConflict(deps.db.kysely, { ...scope, conflictId });
  if (!row) throw notFound();
  return (await present(deps, scope, [row]))[0]!;
}

export async function listConflicts(deps: Deps, scope: Scope, query: ConflictListQuery): Promise<ConflictList> {
  const rows = await q.listConflicts(deps.db.kysely, {
    ...scope,
    clientId: query.clientId,
    status: query.status,
    topic: query.topic,
    after: query.cursor,
    limit: query.limit + 1,
  });
  const items = await present(deps, scope, rows.slice(0, query.limit));
  return { items, nextCursor: rows.length > query.limit ? cursorOf(items.at(-1)!) : null };
}

/** Any subset of the worksheet; the stakeholder list, when sent, replaces the stored one. One transaction. */
export async function updateConflict(
  deps: Deps,
  scope: Scope,
  conflictId: string,
  input: UpdateConflict,
): Promise<Conflict> {
  return inTransaction(deps, async (deps) => {
    const row = await q.findConflict(deps.db.kysely, { ...scope, conflictId });
    if (!row) throw notFound();
    const stakeholderIds =
      input.stakeholderIds !== undefined
        ? await checkedStakeholders(deps, scope, row.client_id, input.stakeholderIds)
        : undefined;
    const options = input.options ?? optionsOf(row);
    // A stored choice survives a new option list while its index still exists; a sent choice is checked.
    const chosen =
      input.chosenOption !== undefined
        ? input.chosenOption
        : row.chosen_option !== null && row.chosen_option < options.length
          ? row.chosen_option
          : null;
    checkChosen(chosen, options);
    const changes: ConflictUpdate = { updated_at: isoNow(deps.clock), chosen_option: chosen };
    if (input.topic !== undefined) changes.topic = input.topic;
    if (input.position !== undefined) changes.position = input.position;
    if (input.question !== undefined) changes.question = input.question;
    if (input.interest !== undefined) changes.interest = input.interest;
    if (input.reflection !== undefined) changes.reflection = input.reflection;
    if (input.options !== undefined) changes.options = JSON.stringify(input.options);
    if (input.outcome !== undefined) changes.outcome = input.outcome;
    if (input.occurredOn) changes.occurred_on = input.occurredOn;
    if (input.status !== undefined) changes.status = input.status;
    await q.updateConflict(deps.db.kysely, { ...scope, conflictId, changes });
    if (stakeholderIds) await replaceStakeholders(deps, scope, conflictId, stakeholderIds);
    return getConflict(deps, scope, conflictId);
  });
}

export async function deleteConflict(deps: Deps, scope: Scope, conflictId: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    if (!(await q.findConflict(deps.db.kysely, { ...scope, conflictId }))) throw notFound();
    await q.deleteStakeholders(deps.db.kysely, { ...scope, conflictId });
    await q.deleteConflict(deps.db.kysely, { ...scope, conflictId });
  });
}
