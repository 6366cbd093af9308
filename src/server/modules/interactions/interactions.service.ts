import type { Channel, WeeklyHours } from '../../../shared/schemas/common.js';
import type { Commitment } from '../../../shared/schemas/commitments.js';
import type {
  CreateInteraction,
  Interaction,
  InteractionDirection,
  InteractionListQuery,
  InteractionSource,
  UpdateInteraction,
} from '../../../shared/schemas/interactions.js';
import { isWithinServiceHours } from '../../../shared/time/israel-calendar.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { toCount, type Period } from '../../lib/period.js';
import type { NamesToFill } from '../../lib/names-to-fill.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import { addCommitment, presentCommitment } from '../commitments/commitments.service.js';
import * as q from './interactions.queries.js';
import type { InteractionRow } from './interactions.table.js';

type Scope = { workspaceId: string };

async function present(deps: Deps, scope: Scope, rows: InteractionRow[]): Promise<Interaction[]> {
  const names = await clientNames(
    deps,
    scope,
    rows.map((r) => r.client_id),
  );
  return presentRows(rows, names);
}

function presentRows(rows: InteractionRow[], names: ReadonlyMap<string, string>): Interaction[] {
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    clientName: names.get(row.client_id) ?? '',
    contactId: row.contact_id,
    channel: row.channel,
    direction: row.direction,
    occurredAt: row.occurred_at,
    summary: row.summary,
    agreed: row.agreed,
    nextSteps: row.next_steps,
    afterHours: row.after_hours === 1,
    needsReply: row.needs_reply === 1,
    durationMinutes: row.duration_minutes,
    repliedAt: row.replied_at,
    source: row.source,
    messageId: row.message_id,
    createdAt: row.created_at,
  }));
}

export type LogInput = {
  clientId: string;
  contactId: string | null;
  channel: Channel;
  direction: InteractionDirection;
  occurredAt: string;
  summary: string | null;
  agreed?: string | null;
  nextSteps?: string | null;
  needsReply?: boolean;
  durationMinutes?: number | null;
  source: InteractionSource;
  messageId?: string | null;
};

/**
 * Writes one contact (for other modules' actions too: a sent message, a change request), as one
 * transaction or a step of the caller's. An incoming contact outside the client's service hours
 * (workspace zone, Friday and holiday eves short) is flagged after-hours; an outgoing one answers
 * whatever the client was waiting for.
 */
export async function recordInteraction(deps: Deps, scope: Scope, input: LogInput): Promise<InteractionRow> {
  return inTransaction(deps, async (deps) => {
    const client = await clientForReference(deps, scope, input.clientId, 'clientId');
    if (input.contactId && !client.contacts.some((c) => c.id === input.contactId))
      throw fieldError('contactId', 'unknown_contact');
    const profile = await getBusinessProfile(deps, scope);
    const row = interactionRow(deps, scope, input, client.effectiveServiceHours, profile.timeZone);
    await q.insertInteraction(deps.db.kysely, row);
    await refreshMonths(deps, scope, row);
    if (input.direction === 'out')
      await q.markRepliedUpTo(deps.db.kysely, {
        workspaceId: scope.workspaceId,
        clientId: input.clientId,
        at: input.occurredAt,
      });
    return row;
  });
}

function interactionRow(
  deps: Deps,
  scope: Scope,
  input: LogInput,
  serviceHours: WeeklyHours,
  timeZone: string,
): InteractionRow {
  const incoming = input.direction === 'in';
  return {
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
    after_hours: incoming && !isWithinServiceHours(new Date(input.occurredAt), serviceHours, timeZone) ? 1 : 0,
    needs_reply: (input.needsReply ?? (incoming && input.channel !== 'meeting')) ? 1 : 0,
    duration_minutes: input.durationMinutes ?? null,
    replied_at: null,
    source: input.source,
    message_id: input.messageId ?? null,
    created_at: isoNow(deps.clock),
  };
}

/** A contact with the promises made in it: all of it, or (when any part fails) none of it. */
export async function createInteraction(
  deps: Deps,
  scope: Scope,
  input: CreateInteraction,
): Promise<{ interaction: Interaction; commitments: Commitment[] }> {
  const now = isoNow(deps.clock);
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt > new Date(deps.clock.now().getTime() + 5 * 60_000).toISOString())
    throw fieldError('occurredAt', 'in_future');
  return inTransaction(deps, async (deps) => {
    const row = await recordInteraction(deps, scope, { ...input, occurredAt, source: 'manual' });
    const commitments: Commitment[] = [];
    for (const draft of input.commitments) {
      const created = await addCommitment(deps, scope, { ...draft, clientId: input.clientId, interactionId: row.id });
      commitments.push(await presentCommitment(deps, scope, created));
    }
    return { interaction: (await present(deps, scope, [row]))[0]!, commitments };
  });
}

/** One contact, as the caller's transaction (if any) sees it. */
export async function getInteraction(deps: Deps, scope: Scope, interactionId: string): Promise<Interaction> {
  const row = await q.findInteraction(deps.db.kysely, { workspaceId: scope.workspaceId, interactionId });
  if (!row) throw notFound();
  return (await present(deps, scope, [row]))[0]!;
}

export async function listInteractions(
  deps: Deps,
  scope: Scope,
  query: InteractionListQuery,
): Promise<{ items: Interaction[]; nextBefore: string | null; nextBeforeId: string | null }> {
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
  input: UpdateInteraction,
): Promise<Interaction> {
  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const row = await q.findInteraction(db, { workspaceId: scope.workspaceId, interactionId });
    if (!row) throw notFound();
    const merged = {
      channel: input.channel ?? row.channel,
      direction: input.direction ?? row.direction,
      occurred_at: input.occurredAt ?? row.occurred_at,
    };
    const client = await clientForReference(deps, scope, row.client_id, 'clientId');
    if (input.contactId && !client.contacts.some((c) => c.id === input.contactId))
      throw fieldError('contactId', 'unknown_contact');
    const profile = await getBusinessProfile(deps, scope);
    await q.updateInteraction(db, {
      workspaceId: scope.workspaceId,
      interactionId,
      changes: {
        ...merged,
        ...(input.contactId !== undefined ? { contact_id: input.contactId } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.agreed !== undefined ? { agreed: input.agreed } : {}),
        ...(input.nextSteps !== undefined ? { next_steps: input.nextSteps } : {}),
        ...(input.needsReply !== undefined ? { needs_reply: input.needsReply ? 1 : 0 } : {}),
        ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
        after_hours:
          merged.direction === 'in' &&
          !isWithinServiceHours(new Date(merged.occurred_at), client.effectiveServiceHours, profile.timeZone)
            ? 1
            : 0,
      },
    });
    await refreshMonths(deps, scope, row, { ...row, occurred_at: merged.occurred_at });
    return getInteraction(deps, scope, interactionId);
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
  await inTransaction(deps, async (deps) => {
    const row = await q.findInteraction(deps.db.kysely, { workspaceId: scope.workspaceId, interactionId });
    if (!row) throw notFound();
    await q.deleteInteraction(deps.db.kysely, { workspaceId: scope.workspaceId, interactionId });
    await refreshMonths(deps, scope, row);
    await recordAudit(deps, scope, {
      action: 'contact_deleted',
      clientId: row.client_id,
      target: row.summary,
      detail: { channel: row.channel, direction: row.direction, occurredAt: row.occurred_at },
    });
  });
}

/**
 * Keeps the monthly rollup client health reads (decision 008) equal to the contacts: the months a
 * write touched are recomputed from their rows, in the write's transaction.
 */
async function refreshMonths(
  deps: Deps,
  scope: Scope,
  ...rows: Pick<InteractionRow, 'client_id' | 'occurred_at'>[]
): Promise<void> {
  const months = new Map(rows.map((r) => [`${r.client_id} ${r.occurred_at.slice(0, 7)}`, r]));
  for (const r of months.values())
    await q.refreshMonth(deps.db.kysely, {
      workspaceId: scope.workspaceId,
      clientId: r.client_id,
      month: r.occurred_at.slice(0, 7),
    });
}

/** Rebuilds the rollup of a workspace whose contacts were written in bulk past this service (benchmarks, imports). */
export async function rebuildContactMonths(deps: Deps, scope: Scope): Promise<void> {
  await inTransaction(deps, (deps) => q.rebuildMonths(deps.db.kysely, scope));
}

/** The newest contacts waiting for my reply and how many wait in all, in one statement; the names are the caller's to fill in (Today). */
export async function awaitingReply(
  deps: Deps,
  scope: Scope,
  limit: number,
): Promise<NamesToFill<{ items: Interaction[]; total: number }>> {
  const rows = await q.awaitingWithTotal(deps.db.kysely, { workspaceId: scope.workspaceId, limit });
  const total = toCount(rows[0]?.total);
  const items = rows.map(({ total: _total, ...row }) => row);
  return { clientIds: rows.map((r) => r.client_id), fill: (names) => ({ items: presentRows(items, names), total }) };
}

// ── Client health ──────────────────────────────────────────────────────────

export type ContactEffort = {
  contacts: number;
  afterHours: number;
  /** From the durations logged on calls and meetings. */
  minutes: number;
  /** The last contact in the period. */
  lastAt: string | null;
};

/** Up to this many clients (the client page), the contact figures are read from the clients' own contacts. */
const DIRECT_CLIENTS = 50;

/**
 * Contacts, after-hours contacts, the minutes logged on calls and meetings, and the last contact in
 * the period, per client. For a few given clients, from their contacts (an index seek each). For the
 * whole workspace or many clients (every active one: decision 016), from the monthly rollup
 * (decision 008): the months the period touches, corrected at the edges by the few contacts of
 * those months that fall outside it — at the start whichever side of `from` is shorter (added from
 * the contacts, or the whole month taken and the part before `from` removed), at the end those
 * after `to` (almost always none: `to` is now). The edges are read for the whole workspace and the
 * given clients kept in code: a time range of a few days holds a few thousand contacts at most, read
 * in order from the time-first covering index, where a seek per given client (1,273 of them on the
 * heavy dataset) cost SQLite 5–10× as much, most of all for the end, which is empty.
 */
export async function contactEffort(deps: Deps, scope: Scope, period: Period): Promise<Map<string, ContactEffort>> {
  const db = deps.db.kysely;
  const base = { workspaceId: scope.workspaceId, dialect: deps.db.dialect, clientIds: period.clientIds };
  const fromMonth = period.from.slice(0, 7);
  const toMonth = period.to.slice(0, 7);
  const result = new Map<string, ContactEffort>();
  const add = (rows: q.ContactStatsRow[], sign: 1 | -1) => {
    for (const r of rows) {
      let entry = result.get(r.client_id);
      if (!entry) result.set(r.client_id, (entry = { contacts: 0, afterHours: 0, minutes: 0, lastAt: null }));
      entry.contacts += sign * toCount(r.contacts);
      entry.afterHours += sign * toCount(r.after_hours);
      entry.minutes += sign * toCount(r.minutes);
      if (sign === 1 && r.last_at && (!entry.lastAt || r.last_at > entry.lastAt)) entry.lastAt = r.last_at;
    }
  };
  const few = period.clientIds !== undefined && period.clientIds.length <= DIRECT_CLIENTS;
  if (few || fromMonth === toMonth) {
    add(await q.contactStats(db, { ...base, from: period.from, to: period.to, byClient: few }), 1);
    return result;
  }
  const monthStart = new Date(`${fromMonth}-01T00:00:00.000Z`).getTime();
  const monthEnd = new Date(`${q.nextMonth(fromMonth)}-01T00:00:00.000Z`).getTime();
  const from = new Date(period.from).getTime();
  const trimStart = from - monthStart < monthEnd - from;
  const edge = { ...base, clientIds: undefined };
  const [months, startEdge, future] = await Promise.all([
    q.monthStats(db, {
      ...base,
      fromMonth: trimStart ? fromMonth : q.nextMonth(fromMonth),
      toMonth: q.nextMonth(toMonth),
    }),
    trimStart
      ? q.contactStats(db, { ...edge, from: fromMonth, to: period.from })
      : q.contactStats(db, { ...edge, from: period.from, to: q.nextMonth(fromMonth) }),
    q.contactStats(db, { ...edge, from: period.to, to: q.nextMonth(toMonth) }),
  ]);
  const given = period.clientIds ? new Set(period.clientIds) : undefined;
  const ofGiven = (rows: q.ContactStatsRow[]) => (given ? rows.filter((r) => given.has(r.client_id)) : rows);
  add(months, 1);
  add(ofGiven(startEdge), trimStart ? -1 : 1);
  add(ofGiven(future), -1);
  // A month's last contact is the period's when it lies inside it. Before `from`: none of these
  // months' contacts is in the period. At or after `to` (a contact logged a moment ahead): look back.
  const ahead: string[] = [];
  for (const [clientId, entry] of result) {
    if (entry.lastAt && entry.lastAt < period.from) entry.lastAt = null;
    if (entry.lastAt && entry.lastAt >= period.to) ahead.push(clientId);
    if (entry.contacts === 0 && !ahead.includes(clientId)) result.delete(clientId);
  }
  if (ahead.length)
    for (const r of await q.lastContacts(db, { ...base, to: period.to, clientIds: ahead })) {
      const entry = result.get(r.client_id)!;
      entry.lastAt = r.last_at && r.last_at >= period.from ? r.last_at : null;
      if (entry.contacts === 0) result.delete(r.client_id);
    }
  return result;
}

/** Each given client's last contact before `to` (any time before), for "too much time passed"; one query. */
export async function lastContacts(
  deps: Deps,
  scope: Scope,
  { to, clientIds }: { to: string; clientIds: string[] },
): Promise<Map<string, string>> {
  if (!clientIds.length) return new Map();
  const rows = await q.lastContacts(deps.db.kysely, {
    workspaceId: scope.workspaceId,
    to,
    clientIds,
    dialect: deps.db.dialect,
  });
  return new Map(rows.flatMap((r) => (r.last_at ? [[r.client_id, r.last_at] as const] : [])));
}

/** The rows behind one client's contact figures: its after-hours contacts in the period and its last contact. */
export async function contactEvidence(
  deps: Deps,
  scope: Scope,
  { clientId, from, to }: { clientId: string; from: string; to: string },
): Promise<{ afterHours: { id: string; at: string }[]; last: { id: string; at: string } | null }> {
  const [afterHours, last] = await Promise.all([
    q.afterHoursIds(deps.db.kysely, { workspaceId: scope.workspaceId, clientId, from, to, limit: EVIDENCE_LIMIT }),
    q.lastContact(deps.db.kysely, { workspaceId: scope.workspaceId, clientId, to }),
  ]);
  return { afterHours, last: last ? { id: last.id, at: last.occurred_at } : null };
}

/** Evidence lists are for linking, not for counting (the counts are exact): a screenful is enough. */
const EVIDENCE_LIMIT = 50;
