import type { z } from 'zod';
import type { Channel } from '../../../shared/schemas/common.js';
import type { Commitment } from '../../../shared/schemas/commitments.js';
import {
  ZCreateInteraction,
  ZInteractionListQuery,
  ZUpdateInteraction,
  type Interaction,
} from '../../../shared/schemas/interactions.js';
import { isWithinServiceHours } from '../../../shared/time/israel-calendar.js';
import type { Executor } from '../../db/database.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { parseInput } from '../../lib/validate.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import { createCommitmentInTrx, getCommitment } from '../commitments/commitments.service.js';
import * as q from './interactions.queries.js';
import type { InteractionRow } from './interactions.table.js';

type Scope = { workspaceId: string };

async function present(deps: Deps, scope: Scope, rows: InteractionRow[], trx?: Executor): Promise<Interaction[]> {
  const names = await clientNames(
    deps,
    scope,
    rows.map((r) => r.client_id),
    trx,
  );
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    clientName: names.get(row.client_id) ?? '',
    contactId: row.contact_id,
    channel: row.channel as Channel,
    direction: row.direction as Interaction['direction'],
    occurredAt: row.occurred_at,
    summary: row.summary,
    agreed: row.agreed,
    nextSteps: row.next_steps,
    afterHours: row.after_hours === 1,
    needsReply: row.needs_reply === 1,
    repliedAt: row.replied_at,
    source: row.source as Interaction['source'],
    messageId: row.message_id,
    createdAt: row.created_at,
  }));
}

export type LogInput = {
  clientId: string;
  contactId: string | null;
  channel: Channel;
  direction: 'in' | 'out';
  occurredAt: string;
  summary: string | null;
  agreed?: string | null;
  nextSteps?: string | null;
  needsReply?: boolean;
  source: 'manual' | 'message';
  messageId?: string | null;
};

/**
 * Writes one contact inside the caller's transaction. An incoming contact outside the client's
 * service hours (workspace zone, Friday and holiday eves short) is flagged after-hours; an
 * outgoing one answers whatever the client was waiting for.
 */
export async function logInteractionInTrx(
  deps: Deps,
  trx: Executor,
  scope: Scope,
  input: LogInput,
): Promise<InteractionRow> {
  const client = await clientForReference(deps, scope, input.clientId, 'clientId', trx);
  if (input.contactId && !client.contacts.some((c) => c.id === input.contactId))
    throw fieldError('contactId', 'unknown_contact');
  const profile = await getBusinessProfile(deps, scope, trx);
  const incoming = input.direction === 'in';
  const row: InteractionRow = {
    id: newId(),
    workspace_id: scope.workspaceId,
    client_id: input.clientId,
    contact_id: input.contactId,
    channel: input.channel,
    direction: input.direction,
    occurred_at: input.occurredAt,
    summary: input.summary,
    agreed: input.agreed ?? null,
    next_steps: input.nextSteps ?? null,
    after_hours:
      incoming && !isWithinServiceHours(new Date(input.occurredAt), client.effectiveServiceHours, profile.timeZone)
        ? 1
        : 0,
    needs_reply: (input.needsReply ?? (incoming && input.channel !== 'meeting')) ? 1 : 0,
    replied_at: null,
    source: input.source,
    message_id: input.messageId ?? null,
    created_at: isoNow(deps.clock),
  };
  await q.insertInteraction(trx, row);
  if (!incoming)
    await q.markRepliedUpTo(trx, { workspaceId: scope.workspaceId, clientId: input.clientId, at: input.occurredAt });
  return row;
}

export async function createInteraction(
  deps: Deps,
  scope: Scope,
  raw: unknown,
): Promise<{ interaction: Interaction; commitments: Commitment[] }> {
  const input: z.output<typeof ZCreateInteraction> = parseInput(ZCreateInteraction, raw);
  const now = isoNow(deps.clock);
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt > new Date(deps.clock.now().getTime() + 5 * 60_000).toISOString())
    throw fieldError('occurredAt', 'in_future');
  return deps.db.kysely.transaction().execute(async (trx) => {
    const row = await logInteractionInTrx(deps, trx, scope, { ...input, occurredAt, source: 'manual' });
    const commitments: Commitment[] = [];
    for (const draft of input.commitments) {
      const created = await createCommitmentInTrx(deps, trx, scope, {
        ...draft,
        clientId: input.clientId,
        interactionId: row.id,
      });
      commitments.push(await getCommitment(deps, scope, created.id, trx));
    }
    return { interaction: (await present(deps, scope, [row], trx))[0]!, commitments };
  });
}

export async function getInteraction(deps: Deps, scope: Scope, interactionId: string): Promise<Interaction> {
  const row = await q.findInteraction(deps.db.kysely, { workspaceId: scope.workspaceId, interactionId });
  if (!row) throw notFound();
  return (await present(deps, scope, [row]))[0]!;
}

export async function listInteractions(
  deps: Deps,
  scope: Scope,
  raw: unknown,
): Promise<{ items: Interaction[]; nextBefore: string | null; nextBeforeId: string | null }> {
  const query = parseInput(ZInteractionListQuery, raw);
  const rows = await q.listInteractions(deps.db.kysely, {
    workspaceId: scope.workspaceId,
    clientId: query.clientId,
    awaitingReply: query.awaitingReply === undefined ? undefined : query.awaitingReply === 'true',
    before: query.before,
    beforeId: query.beforeId,
    limit: query.limit,
  });
  const last = rows.length === query.limit ? rows.at(-1)! : null;
  return {
    items: await present(deps, scope, rows),
    nextBefore: last?.occurred_at ?? null,
    nextBeforeId: last?.id ?? null,
  };
}

export async function updateInteraction(
  deps: Deps,
  scope: Scope,
  interactionId: string,
  raw: unknown,
): Promise<Interaction> {
  const input = parseInput(ZUpdateInteraction, raw);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const row = await q.findInteraction(trx, { workspaceId: scope.workspaceId, interactionId });
    if (!row) throw notFound();
    const merged = {
      channel: input.channel ?? row.channel,
      direction: input.direction ?? row.direction,
      occurred_at: input.occurredAt ?? row.occurred_at,
    };
    const client = await clientForReference(deps, scope, row.client_id, 'clientId', trx);
    if (input.contactId && !client.contacts.some((c) => c.id === input.contactId))
      throw fieldError('contactId', 'unknown_contact');
    const profile = await getBusinessProfile(deps, scope, trx);
    await q.updateInteraction(trx, {
      workspaceId: scope.workspaceId,
      interactionId,
      changes: {
        ...merged,
        ...(input.contactId !== undefined ? { contact_id: input.contactId } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.agreed !== undefined ? { agreed: input.agreed } : {}),
        ...(input.nextSteps !== undefined ? { next_steps: input.nextSteps } : {}),
        ...(input.needsReply !== undefined ? { needs_reply: input.needsReply ? 1 : 0 } : {}),
        after_hours:
          merged.direction === 'in' &&
          !isWithinServiceHours(new Date(merged.occurred_at), client.effectiveServiceHours, profile.timeZone)
            ? 1
            : 0,
      },
    });
    const updated = await q.findInteraction(trx, { workspaceId: scope.workspaceId, interactionId });
    return (await present(deps, scope, [updated!], trx))[0]!;
  });
}

/** "Handled": the contact no longer waits for a reply (answered elsewhere, or needs none). */
export async function markReplied(deps: Deps, scope: Scope, interactionId: string): Promise<Interaction> {
  const row = await q.findInteraction(deps.db.kysely, { workspaceId: scope.workspaceId, interactionId });
  if (!row) throw notFound();
  if (!row.replied_at)
    await q.updateInteraction(deps.db.kysely, {
      workspaceId: scope.workspaceId,
      interactionId,
      changes: { replied_at: isoNow(deps.clock) },
    });
  return getInteraction(deps, scope, interactionId);
}

export async function deleteInteraction(deps: Deps, scope: Scope, interactionId: string): Promise<void> {
  const row = await q.findInteraction(deps.db.kysely, { workspaceId: scope.workspaceId, interactionId });
  if (!row) throw notFound();
  await q.deleteInteraction(deps.db.kysely, { workspaceId: scope.workspaceId, interactionId });
}

export async function awaitingReply(
  deps: Deps,
  scope: Scope,
  limit: number,
): Promise<{ items: Interaction[]; total: number }> {
  const [rows, total] = await Promise.all([
    q.listInteractions(deps.db.kysely, { workspaceId: scope.workspaceId, awaitingReply: true, limit }),
    q.countAwaitingReply(deps.db.kysely, scope),
  ]);
  return { items: await present(deps, scope, rows), total };
}

export async function getInteractionInTrx(
  deps: Deps,
  trx: Executor,
  scope: Scope,
  interactionId: string,
): Promise<Interaction> {
  const row = await q.findInteraction(trx, { workspaceId: scope.workspaceId, interactionId });
  if (!row) throw notFound();
  return (await present(deps, scope, [row], trx))[0]!;
}
