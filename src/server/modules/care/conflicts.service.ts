import { z } from 'zod';
import {
  ZConflictOption,
  cursorOf,
  type ComposeConflictFollowup,
  type Conflict,
  type ConflictList,
  type ConflictListQuery,
  type ConflictOption,
  type ConflictResolved,
  type CreateConflict,
  type ResolveConflict,
  type UpdateConflict,
} from '../../../shared/schemas/care.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { CommitmentDraft } from '../../../shared/schemas/commitments.js';
import type { MessageComposed } from '../../../shared/schemas/messages.js';
import { localDate } from '../../../shared/time/zoned.js';
import { AppError, fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { formatDue, renderTemplate } from '../../lib/message-format.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import { addCommitment, dueInstant, getCommitment, presentCommitment } from '../commitments/commitments.service.js';
import { sendMessage } from '../messages/send.service.js';
import { fillTemplate } from '../messages/templates.service.js';
import * as q from './care.queries.js';
import type { ConflictRow, ConflictUpdate } from './care.table.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

// Seed 002: from positions to interests. A case is the worksheet: the position in the client's
// words, the question that finds the interest, who else is involved (the source of pressure), the
// reflection, several options smallest problem first, the one chosen and what came of it. The
// chosen option becomes promises (mine and theirs) and a follow-up message: `resolveConflict`.

const ZOptions = z.array(ZConflictOption);

function optionsOf(row: ConflictRow): ConflictOption[] {
  return ZOptions.parse(JSON.parse(row.options));
}

async function present(deps: Deps, scope: Scope, rows: ConflictRow[]): Promise<Conflict[]> {
  const [names, stakeholders, promises] = await Promise.all([
    clientNames(
      deps,
      scope,
      rows.map((r) => r.client_id),
    ),
    q.stakeholdersOf(deps.db.kysely, { ...scope, conflictIds: rows.map((r) => r.id) }),
    q.commitmentsOfConflicts(deps.db.kysely, { ...scope, conflictIds: rows.map((r) => r.id) }),
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
    commitmentIds: promises.get(row.id) ?? [],
    followupMessageId: row.followup_message_id,
    resolvedAt: row.resolved_at,
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
      followup_message_id: null,
      resolved_at: null,
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
    const row = await q.findConflict(deps.db.kysely, { ...scope, conflictId });
    if (!row) throw notFound();
    await q.deleteStakeholders(deps.db.kysely, { ...scope, conflictId });
    await q.deleteConflict(deps.db.kysely, { ...scope, conflictId });
    await recordAudit(deps, scope, {
      action: 'conflict_deleted',
      clientId: row.client_id,
      detail: { topic: row.topic },
    });
  });
}

/** "If I understood you, …" is the template's own opening: a reflection written with it is not said twice. */
const REFLECTION_OPENING = /^\s*(אם הבנתי (אותך )?(נכון|טוב)|if i understood( you)?( correctly| right)?)[\s,:;.…-]*/iu;

type PromiseLine = Pick<CommitmentDraft, 'direction' | 'title' | 'dueDate' | 'dueTime'>;

async function followupValues(
  deps: Deps,
  scope: Scope,
  locale: Locale,
  row: ConflictRow,
  chosen: number,
  promises: PromiseLine[],
): Promise<Record<string, string>> {
  const { timeZone } = await getBusinessProfile(deps, scope);
  const reflection = row.reflection?.replace(REFLECTION_OPENING, '').trim();
  const items = promises.map((p) =>
    renderTemplate(
      rawMessage(locale, `templates.conflictLines.${p.direction}`),
      {
        what: p.title,
        due: formatDue(dueInstant(p.dueDate, p.dueTime, timeZone), p.dueTime !== null, locale, timeZone),
      },
      locale,
    ),
  );
  return {
    agreed: optionsOf(row)[chosen]!.text,
    reflectionLine: reflection
      ? renderTemplate(rawMessage(locale, 'templates.conflictLines.reflection'), { reflection }, locale)
      : '',
    // The list is built here, so it goes in as one value (its lines are already isolated).
    promisesLine: items.length
      ? rawMessage(locale, 'templates.conflictLines.promises').replace('{{items}}', items.join('\n'))
      : '',
  };
}

/**
 * The follow-up of seed 002 ("if I understood you, …; we agreed …; next steps"), in the client's
 * language: from the case, with the option and promises the form holds (the stored ones otherwise).
 */
export async function composeConflictFollowup(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  conflictId: string,
  input: ComposeConflictFollowup = {},
): Promise<MessageComposed> {
  const row = await q.findConflict(deps.db.kysely, { ...scope, conflictId });
  if (!row) throw notFound();
  const chosen = input.chosenOption ?? row.chosen_option;
  if (chosen === null) throw fieldError('chosenOption', 'no_option_chosen');
  checkChosen(chosen, optionsOf(row));
  const stored = input.promises
    ? null
    : await Promise.all(
        ((await q.commitmentsOfConflicts(deps.db.kysely, { ...scope, conflictIds: [row.id] })).get(row.id) ?? []).map(
          (id) => getCommitment(deps, scope, id),
        ),
      );
  const client = await clientForReference(deps, scope, row.client_id);
  return fillTemplate(deps, scope, actor, {
    kind: 'conflict_followup',
    clientId: row.client_id,
    values: await followupValues(deps, scope, client.language, row, chosen, input.promises ?? stored ?? []),
  });
}

/**
 * The chosen option becomes what was agreed: the case is resolved (option, outcome, time), each
 * promise is made (mine or theirs, on the client, in the follow-up's contact when there is one) and
 * the follow-up is sent or opened and logged — one transaction.
 */
export async function resolveConflict(
  deps: Deps,
  scope: Scope,
  conflictId: string,
  input: ResolveConflict,
): Promise<ConflictResolved> {
  return inTransaction(deps, async (deps) => {
    const row = await q.findConflict(deps.db.kysely, { ...scope, conflictId });
    if (!row) throw notFound();
    if (row.resolved_at) throw new AppError('conflict');
    checkChosen(input.chosenOption, optionsOf(row));
    const messageId = input.message ? newId() : null;
    const sent =
      input.message && messageId
        ? await sendMessage(deps, scope, {
            kind: 'conflict_followup',
            clientId: row.client_id,
            ...input.message,
            messageId,
          })
        : null;
    const promises = [];
    for (const draft of input.promises)
      promises.push(
        await addCommitment(deps, scope, {
          clientId: row.client_id,
          interactionId: sent?.interactionId ?? null,
          projectId: null,
          ...draft,
        }),
      );
    await q.insertConflictCommitments(
      deps.db.kysely,
      promises.map((p, position) => ({
        workspace_id: scope.workspaceId,
        conflict_id: conflictId,
        commitment_id: p.id,
        position,
      })),
    );
    const now = isoNow(deps.clock);
    await q.updateConflict(deps.db.kysely, {
      ...scope,
      conflictId,
      changes: {
        chosen_option: input.chosenOption,
        ...(input.outcome !== null ? { outcome: input.outcome } : {}),
        status: 'resolved',
        followup_message_id: messageId,
        resolved_at: now,
        updated_at: now,
      },
    });
    return {
      conflict: await getConflict(deps, scope, conflictId),
      promises: await Promise.all(promises.map((p) => presentCommitment(deps, scope, p))),
      sent,
    };
  });
}
