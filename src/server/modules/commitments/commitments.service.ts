import type {
  Commitment,
  CommitmentDirection,
  CommitmentListQuery,
  CompleteCommitment,
  CreateCommitment,
  DelayCause,
  RenegotiateCommitment,
  UpdateCommitment,
  WordKeeping,
} from '../../../shared/schemas/commitments.js';
import { addDays, dayBounds, localDate, weekdayOf } from '../../../shared/time/zoned.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { toCount, type Period } from '../../lib/period.js';
import { inTransaction } from '../../lib/transaction.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientNames } from '../clients/clients.service.js';
import { emitWebhookEvent } from '../webhooks/webhooks.service.js';
import * as q from './commitments.queries.js';
import { commitmentStatus, deadline, keptOnTime } from './commitments.rules.js';
import type { CommitmentChangeRow, CommitmentRow } from './commitments.table.js';

type Scope = { workspaceId: string };

async function timeZoneOf(deps: Deps, scope: Scope): Promise<string> {
  return (await getBusinessProfile(deps, scope)).timeZone;
}

/** Rows → API objects, with client names and change histories fetched once per list. */
async function present(deps: Deps, scope: Scope, rows: CommitmentRow[]): Promise<Commitment[]> {
  const [names, changes] = await Promise.all([
    clientNames(
      deps,
      scope,
      rows.map((r) => r.client_id),
    ),
    q.changesFor(deps.db.kysely, { workspaceId: scope.workspaceId, commitmentIds: rows.map((r) => r.id) }),
  ]);
  const byCommitment = new Map<string, CommitmentChangeRow[]>();
  for (const change of changes)
    byCommitment.set(change.commitment_id, [...(byCommitment.get(change.commitment_id) ?? []), change]);
  const now = deps.clock.now();
  return rows.map((row) => {
    const status = commitmentStatus(facts(row), now);
    return {
      id: row.id,
      clientId: row.client_id,
      clientName: names.get(row.client_id) ?? '',
      interactionId: row.interaction_id,
      direction: row.direction,
      title: row.title,
      notes: row.notes,
      dueDate: row.due_date,
      dueTime: row.due_time,
      dueAt: row.due_at,
      originalDueAt: row.original_due_at,
      status,
      overdue: status === 'broken',
      completedAt: row.completed_at,
      cancelledAt: row.cancelled_at,
      cancelReason: row.cancel_reason,
      changes: (byCommitment.get(row.id) ?? []).map((c) => ({
        id: c.id,
        fromDueAt: c.from_due_at,
        toDueAt: c.to_due_at,
        changedAt: c.changed_at,
        inTime: c.in_time === 1,
        reason: c.reason,
        messageId: c.message_id,
        cause: c.cause,
      })),
      createdAt: row.created_at,
    };
  });
}

function facts(row: Pick<CommitmentRow, 'due_at' | 'completed_at' | 'cancelled_at' | 'change_count' | 'late_at'>) {
  return {
    dueAt: row.due_at,
    completedAt: row.completed_at,
    cancelledAt: row.cancelled_at,
    changeCount: row.change_count,
    lateAt: row.late_at,
  };
}

export type NewCommitment = CreateCommitment & { quoteId?: string | null; projectId?: string | null };

/**
 * Stores a promise. For other modules' actions (a promise made while logging a contact, on a
 * project, for a quote): they pass ids they have already checked; inside their transaction it
 * joins it. The public entry point, which checks the ids it is given, is `createCommitment`.
 */
export async function addCommitment(deps: Deps, scope: Scope, input: NewCommitment): Promise<CommitmentRow> {
  const timeZone = await timeZoneOf(deps, scope);
  const now = isoNow(deps.clock);
  const dueAt = deadline(input.dueDate, input.dueTime, timeZone);
  const row: CommitmentRow = {
    id: newId(),
    workspace_id: scope.workspaceId,
    client_id: input.clientId,
    interaction_id: input.interactionId,
    quote_id: input.quoteId ?? null,
    project_id: input.projectId ?? null,
    direction: input.direction,
    title: input.title,
    notes: input.notes,
    due_date: input.dueDate,
    due_time: input.dueTime,
    due_at: dueAt,
    original_due_at: dueAt,
    late_change: 0,
    late_at: null,
    change_count: 0,
    completed_at: null,
    cancelled_at: null,
    cancel_reason: null,
    created_at: now,
    updated_at: now,
  };
  await q.insertCommitment(deps.db.kysely, row);
  return row;
}

/** The stored promise as the API shows it (inside a transaction, as that transaction sees it). */
export async function presentCommitment(deps: Deps, scope: Scope, row: CommitmentRow): Promise<Commitment> {
  return (await present(deps, scope, [row]))[0]!;
}

export async function getCommitment(deps: Deps, scope: Scope, commitmentId: string): Promise<Commitment> {
  const row = await q.findCommitment(deps.db.kysely, { workspaceId: scope.workspaceId, commitmentId });
  if (!row) throw notFound();
  return (await present(deps, scope, [row]))[0]!;
}

export async function listCommitments(
  deps: Deps,
  scope: Scope,
  query: CommitmentListQuery,
): Promise<{ items: Commitment[] }> {
  const rows = await q.listCommitments(deps.db.kysely, { ...scope, ...query, now: isoNow(deps.clock) });
  return { items: await present(deps, scope, rows) };
}

export async function updateCommitment(
  deps: Deps,
  scope: Scope,
  commitmentId: string,
  input: UpdateCommitment,
): Promise<Commitment> {
  return mutate(deps, scope, commitmentId, async (deps, row) => {
    await q.updateCommitment(deps.db.kysely, {
      ...scope,
      commitmentId: row.id,
      changes: {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        updated_at: isoNow(deps.clock),
      },
    });
  });
}

/** Reads the row, changes it and returns the result, in one transaction (or the caller's). */
async function mutate(
  deps: Deps,
  scope: Scope,
  commitmentId: string,
  change: (deps: Deps, row: CommitmentRow) => Promise<void>,
): Promise<Commitment> {
  return inTransaction(deps, async (deps) => {
    const row = await q.findCommitment(deps.db.kysely, { workspaceId: scope.workspaceId, commitmentId });
    if (!row) throw notFound();
    await change(deps, row);
    return getCommitment(deps, scope, commitmentId);
  });
}

/** Done. Kept or kept late is decided by the time it was done, not by a choice of the user. */
export async function completeCommitment(
  deps: Deps,
  scope: Scope,
  commitmentId: string,
  input: CompleteCommitment = {},
): Promise<Commitment> {
  const completedAt = input.completedAt ? new Date(input.completedAt).toISOString() : isoNow(deps.clock);
  if (completedAt > isoNow(deps.clock)) throw fieldError('completedAt', 'in_future');
  return mutate(deps, scope, commitmentId, async (deps, row) => {
    if (row.completed_at || row.cancelled_at) return;
    // Two "kept" at once both read it open (PostgreSQL): only the one whose update wins announces it.
    const kept = await q.completeOpen(deps.db.kysely, {
      ...scope,
      commitmentId: row.id,
      completedAt,
      now: isoNow(deps.clock),
    });
    if (kept) await emitWebhookEvent(deps, scope, 'commitment.kept', await getCommitment(deps, scope, row.id));
  });
}

export async function reopenCommitment(deps: Deps, scope: Scope, commitmentId: string): Promise<Commitment> {
  return mutate(deps, scope, commitmentId, async (deps, row) => {
    await q.updateCommitment(deps.db.kysely, {
      ...scope,
      commitmentId: row.id,
      changes: { completed_at: null, cancelled_at: null, cancel_reason: null, updated_at: isoNow(deps.clock) },
    });
  });
}

/** Closed without being kept, optionally with why (parting with a client): it leaves the word-keeping rate. */
export async function cancelCommitment(
  deps: Deps,
  scope: Scope,
  commitmentId: string,
  reason: string | null = null,
): Promise<Commitment> {
  return mutate(deps, scope, commitmentId, async (deps, row) => {
    if (row.completed_at || row.cancelled_at) return;
    await q.updateCommitment(deps.db.kysely, {
      ...scope,
      commitmentId: row.id,
      changes: { cancelled_at: isoNow(deps.clock), cancel_reason: reason, updated_at: isoNow(deps.clock) },
    });
  });
}

export type Renegotiation = RenegotiateCommitment;
export type { DelayCause };

/**
 * A new deadline, with the old one kept in the history. Moved before the old deadline passed it
 * counts as renegotiated in time; moved after, the word was already broken: the promise stays late
 * (broken while open, kept late once done) from the deadline it missed, whatever the new date.
 * Two writes (the change, the promise): one transaction, or a step of the caller's.
 */
export async function applyRenegotiation(
  deps: Deps,
  scope: Scope,
  commitmentId: string,
  input: Renegotiation,
  messageId: string | null,
  /** For project delays. Mine counts against my word even when announced in time; the client's or an outside cause does not count at all. */
  cause: DelayCause | null = null,
): Promise<void> {
  await inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const row = await q.findCommitment(db, { workspaceId: scope.workspaceId, commitmentId });
    if (!row) throw notFound();
    if (row.completed_at || row.cancelled_at) throw fieldError('dueDate', 'commitment_closed');
    const timeZone = await timeZoneOf(deps, scope);
    const now = isoNow(deps.clock);
    const toDueAt = deadline(input.dueDate, input.dueTime, timeZone);
    if (toDueAt <= now) throw fieldError(input.dueTime ? 'dueTime' : 'dueDate', 'in_past');
    const inTime = now <= row.due_at;
    await q.insertChange(db, {
      id: newId(),
      workspace_id: scope.workspaceId,
      commitment_id: row.id,
      from_due_at: row.due_at,
      to_due_at: toDueAt,
      changed_at: now,
      in_time: inTime ? 1 : 0,
      reason: input.reason,
      message_id: messageId,
      cause,
    });
    const excused = cause === 'client' || cause === 'external';
    const countsAgainstMe = !excused && (!inTime || cause === 'mine');
    await q.updateCommitment(db, {
      ...scope,
      commitmentId: row.id,
      changes: {
        due_date: input.dueDate,
        due_time: input.dueTime,
        due_at: toDueAt,
        // An excused move leaves the promise as if this had been its deadline all along.
        change_count: excused ? row.change_count : row.change_count + 1,
        late_change: countsAgainstMe ? 1 : row.late_change,
        // The first deadline my word missed stays the one it is judged by.
        late_at: countsAgainstMe ? (row.late_at ?? row.due_at) : row.late_at,
        updated_at: now,
      },
    });
  });
}

/** A new deadline without a message (the route with the notice is the messages module's). */
export async function renegotiateCommitment(
  deps: Deps,
  scope: Scope,
  commitmentId: string,
  input: Renegotiation,
): Promise<Commitment> {
  return inTransaction(deps, async (deps) => {
    await applyRenegotiation(deps, scope, commitmentId, input, null);
    return getCommitment(deps, scope, commitmentId);
  });
}

/**
 * Sending a quote keeps my open promises about it: those made for this quote, and those to this
 * client whose words say "quote" (הצעה / הצעת מחיר / quote) — "quote by Thursday" keeps itself.
 */
export async function keepQuoteCommitments(
  deps: Deps,
  scope: Scope,
  { clientId, quoteId }: { clientId: string; quoteId: string },
): Promise<string[]> {
  return inTransaction(deps, async (deps) => {
    const rows = await q.openQuotePromises(deps.db.kysely, {
      workspaceId: scope.workspaceId,
      clientId,
      quoteId,
      patterns: ['%הצע%', '%quote%'],
    });
    const now = isoNow(deps.clock);
    const kept: string[] = [];
    for (const row of rows) {
      // Marked kept by hand meanwhile: that request announced it.
      if (!(await q.completeOpen(deps.db.kysely, { ...scope, commitmentId: row.id, completedAt: now, now }))) continue;
      await emitWebhookEvent(deps, scope, 'commitment.kept', await getCommitment(deps, scope, row.id));
      kept.push(row.id);
    }
    return kept;
  });
}

const WINDOWS = [30, 90, 365] as const;

/**
 * The word-keeping rate: of my commitments that came due in the window (resolved, or still open
 * past their deadline — or past the deadline a late move missed), the share kept on time.
 * Renegotiating in time counts as keeping; moving a promise once it was already late does not.
 */
export async function wordKeeping(
  deps: Deps,
  scope: Scope,
  options: { days: number; clientId?: string },
): Promise<WordKeeping> {
  const days = WINDOWS.includes(options.days as (typeof WINDOWS)[number]) ? options.days : 90;
  const now = deps.clock.now();
  const from = new Date(now.getTime() - days * 86_400_000).toISOString();
  const timeZone = await timeZoneOf(deps, scope);
  // Twelve local weeks (Sunday first), as instants, so the database buckets each promise by comparing strings.
  const thisWeek = weekStart(localDate(now, timeZone));
  const weeks = Array.from({ length: 12 }, (_, i) => {
    const start = addDays(thisWeek, -7 * (11 - i));
    return { weekStart: start, from: dayBounds(start, timeZone).start.toISOString(), due: 0, keptOnTime: 0 };
  });
  const counts = await q.wordKeepingCounts(deps.db.kysely, {
    ...scope,
    from,
    now: now.toISOString(),
    clientId: options.clientId,
    weekStarts: weeks.map((w) => w.from),
  });
  const mine = { due: 0, keptOnTime: 0, renegotiatedInTime: 0, keptLate: 0, broken: 0 };
  const theirs = { due: 0, keptOnTime: 0 };
  for (const { direction, status, week, n } of counts) {
    const onTime = keptOnTime(status);
    if (direction === 'theirs') {
      theirs.due += n;
      if (onTime) theirs.keptOnTime += n;
      continue;
    }
    mine.due += n;
    if (status === 'kept') mine.keptOnTime += n;
    if (status === 'renegotiated') mine.renegotiatedInTime += n;
    if (status === 'kept_late') mine.keptLate += n;
    if (status === 'broken') mine.broken += n;
    const bucket = weeks[week];
    if (bucket) {
      bucket.due += n;
      if (onTime) bucket.keptOnTime += n;
    }
  }
  const rate = (kept: number, due: number) => (due === 0 ? null : Math.round((kept / due) * 1000) / 1000);
  return {
    days,
    mine: { ...mine, rate: rate(mine.keptOnTime + mine.renegotiatedInTime, mine.due) },
    theirs: { ...theirs, rate: rate(theirs.keptOnTime, theirs.due) },
    weekly: weeks.map(({ weekStart: start, due, keptOnTime: kept }) => ({ weekStart: start, due, keptOnTime: kept })),
  };
}

/** Weeks start on Sunday in Israel. */
function weekStart(date: string): string {
  return addDays(date, -weekdayOf(date));
}

/** The deadline instant for a day (and time) said in the workspace zone. */
export function dueInstant(dueDate: string, dueTime: string | null, timeZone: string): string {
  return deadline(dueDate, dueTime, timeZone);
}

/**
 * Open commitments due before an instant, soonest first (Today, reminders, the calendar feed).
 * `late: true` keeps only the ones late now — past their deadline, or moved once already late and
 * not yet kept (late whatever the new date); `late: false` leaves those out.
 */
export async function openCommitments(
  deps: Deps,
  scope: Scope,
  options: { direction?: CommitmentDirection; dueBefore?: string; dueFrom?: string; late?: boolean; limit: number },
): Promise<{ items: Commitment[]; total: number }> {
  const db = deps.db.kysely;
  const now = isoNow(deps.clock);
  const range = { dueBefore: options.dueBefore, dueFrom: options.dueFrom, late: options.late, now };
  const rows = await q.listCommitments(db, {
    ...scope,
    direction: options.direction,
    state: 'open',
    ...range,
    limit: options.limit,
  });
  const total =
    rows.length < options.limit
      ? rows.length
      : options.direction
        ? await q.countOpen(db, { ...scope, direction: options.direction, ...range })
        : (await q.countOpen(db, { ...scope, direction: 'mine', ...range })) +
          (await q.countOpen(db, { ...scope, direction: 'theirs', ...range }));
  return { items: await present(deps, scope, rows), total };
}

/** Every promise tied to a project (delivery, client materials, formal quotes), soonest first. */
/** What each project still waits for from the client (open "theirs" promises), in a few statements for many projects. */
export async function openMaterialsOf(
  deps: Deps,
  scope: Scope,
  projectIds: string[],
): Promise<Map<string, Commitment[]>> {
  const rows = await q.openTheirsByProjects(deps.db.kysely, { ...scope, projectIds });
  const presented = await present(deps, scope, rows);
  const byProject = new Map<string, Commitment[]>();
  rows.forEach((row, i) => byProject.set(row.project_id!, [...(byProject.get(row.project_id!) ?? []), presented[i]!]));
  return byProject;
}

export async function projectCommitments(deps: Deps, scope: Scope, projectId: string): Promise<Commitment[]> {
  const rows = await q.byProject(deps.db.kysely, { ...scope, projectId });
  return present(deps, scope, rows);
}

// ── Client health ──────────────────────────────────────────────────────────

export type WordBroken = { broken: number; keptLate: number };
export type PromisesBroken = { mine: WordBroken; theirs: WordBroken };

/**
 * Per client, the promises (mine and theirs) that came due in the period — the word-keeping
 * population — and were broken (still not done past the deadline) or kept late. Renegotiating in
 * time is keeping; a move excused as the client's or an outside cause does not count (the rules).
 * One grouped query; `period.to` is "now" of the rules.
 */
export async function promisesBroken(deps: Deps, scope: Scope, period: Period): Promise<Map<string, PromisesBroken>> {
  const rows = await q.brokenAndLateByClient(deps.db.kysely, {
    ...scope,
    from: period.from,
    now: period.to,
    clientIds: period.clientIds,
  });
  const result = new Map<string, PromisesBroken>();
  for (const row of rows) {
    let entry = result.get(row.client_id);
    if (!entry)
      result.set(row.client_id, (entry = { mine: { broken: 0, keptLate: 0 }, theirs: { broken: 0, keptLate: 0 } }));
    entry[row.direction] = { broken: toCount(row.broken), keptLate: toCount(row.kept_late) };
  }
  return result;
}

type Dated = { id: string; at: string };
export type PromiseEvidence = {
  mine: { broken: Dated[]; keptLate: Dated[] };
  theirs: { broken: Dated[]; keptLate: Dated[] };
};

/** The promises behind one client's counts with their deadlines, classified by `commitmentStatus` itself (oldest deadline first). */
export async function promisesBrokenEvidence(
  deps: Deps,
  scope: Scope,
  { clientId, from, to }: { clientId: string; from: string; to: string },
): Promise<PromiseEvidence> {
  const rows = await q.forWordKeeping(deps.db.kysely, { ...scope, from, now: to, clientId });
  const now = new Date(to);
  const evidence: PromiseEvidence = { mine: { broken: [], keptLate: [] }, theirs: { broken: [], keptLate: [] } };
  for (const row of [...rows].sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : 0))) {
    const status = commitmentStatus(facts(row), now);
    if (status === 'broken') evidence[row.direction].broken.push({ id: row.id, at: row.due_at });
    if (status === 'kept_late') evidence[row.direction].keptLate.push({ id: row.id, at: row.due_at });
  }
  return evidence;
}
