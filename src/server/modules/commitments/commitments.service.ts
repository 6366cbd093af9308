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
import type { NamesToFill } from '../../lib/names-to-fill.js';
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
  return presentRows(deps, rows, changes, names);
}

function presentRows(
  deps: Deps,
  rows: CommitmentRow[],
  changes: CommitmentChangeRow[],
  names: ReadonlyMap<string, string>,
): Commitment[] {
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

/**
 * Reads the row, changes it and returns the result, in one transaction (or the caller's), with the
 * rollups of kept promises recounted. On PostgreSQL the row is locked as it is read, so the state
 * the rollups are recounted from is the one this change replaced (two people keeping the same
 * promise at once are one after the other).
 */
async function mutate(
  deps: Deps,
  scope: Scope,
  commitmentId: string,
  change: (deps: Deps, row: CommitmentRow) => Promise<void>,
): Promise<Commitment> {
  return inTransaction(deps, async (deps) => {
    const row = await q.findCommitment(deps.db.kysely, {
      workspaceId: scope.workspaceId,
      commitmentId,
      forUpdate: deps.db.dialect === 'postgres',
    });
    if (!row) throw notFound();
    await change(deps, row);
    await keepRollups(deps, scope, [row]);
    return getCommitment(deps, scope, commitmentId);
  });
}

type RollupFacts = Pick<
  CommitmentRow,
  'id' | 'client_id' | 'direction' | 'due_at' | 'completed_at' | 'cancelled_at' | 'change_count' | 'late_at'
>;

/**
 * Keeps the rollups of kept promises (decision 016) equal to the promises: the days (and, for one
 * kept late, the client's months) that the rows held before this write and hold after it are
 * recounted from the promises, in the write's transaction. Rollup rows are locked last, in one
 * order, so two writes never wait for each other's.
 */
async function keepRollups(deps: Deps, scope: Scope, before: RollupFacts[]): Promise<void> {
  const db = deps.db.kysely;
  const days = new Map<string, { day: string; direction: CommitmentRow['direction'] }>();
  const months = new Map<string, { clientId: string; month: string; direction: CommitmentRow['direction'] }>();
  const note = (r: RollupFacts) => {
    if (!r.completed_at || r.cancelled_at) return;
    const day = r.completed_at.slice(0, 10);
    days.set(`${day} ${r.direction}`, { day, direction: r.direction });
    if (commitmentStatus(facts(r), new Date(r.completed_at)) !== 'kept_late') return;
    const month = r.completed_at.slice(0, 7);
    months.set(`${r.client_id} ${month} ${r.direction}`, { clientId: r.client_id, month, direction: r.direction });
  };
  for (const row of before) {
    const after = await q.findCommitment(db, { workspaceId: scope.workspaceId, commitmentId: row.id });
    if (after && sameFacts(row, after)) continue;
    note(row);
    if (after) note(after);
  }
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
  for (const key of sorted(days)) await q.refreshDay(db, { workspaceId: scope.workspaceId, ...key });
  for (const key of sorted(months)) await q.refreshLateMonth(db, { workspaceId: scope.workspaceId, ...key });
}

function sameFacts(a: RollupFacts, b: RollupFacts): boolean {
  return (
    a.client_id === b.client_id &&
    a.direction === b.direction &&
    a.due_at === b.due_at &&
    a.completed_at === b.completed_at &&
    a.cancelled_at === b.cancelled_at &&
    a.change_count === b.change_count &&
    a.late_at === b.late_at
  );
}

/** Rebuilds the rollups of a workspace whose promises were written in bulk past this service (benchmarks, a restore). */
export async function rebuildWordRollups(deps: Deps, scope: Scope): Promise<void> {
  await inTransaction(deps, (deps) => q.rebuildWordRollups(deps.db.kysely, scope));
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
    await keepRollups(deps, scope, rows);
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
  const range = { ...scope, from, now: now.toISOString(), weekStarts: weeks.map((w) => w.from) };
  // One client's promises are few: counted from them. The workspace's kept ones come from commitment_days.
  const counts = options.clientId
    ? await q.wordKeepingCounts(deps.db.kysely, { ...range, clientId: options.clientId })
    : (
        await Promise.all([keptCounts(deps, range), q.wordKeepingCounts(deps.db.kysely, { ...range, openOnly: true })])
      ).flat();
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

/** The index of the last week start at or before `at` (ISO text compares as time), or -1: weekOf in SQL. */
function weekIndex(at: string, weekStarts: readonly string[]): number {
  for (let i = weekStarts.length - 1; i >= 0; i--) if (at >= weekStarts[i]!) return i;
  return -1;
}

/**
 * The kept part of the workspace's word-keeping population (kept in [from, now]) counted by
 * direction, outcome and week, as wordKeepingCounts does from the promises, but from commitment_days
 * (decision 016): each day of the window is read as a row and placed in the week its first instant
 * falls in. The promises that this places wrongly are read as rows and put right: those of the
 * window's first day before `from`, those of today after `now`, and those between a week start
 * that is not a UTC midnight (a local one: 21:00 or 22:00 UTC in Israel) and the UTC midnight after
 * it, which belong to the week that starts there.
 */
async function keptCounts(
  deps: Deps,
  { workspaceId, from, now, weekStarts }: Scope & { from: string; now: string; weekStarts: readonly string[] },
): Promise<q.WordCountRow[]> {
  const fromDay = from.slice(0, 10);
  const toDay = now.slice(0, 10);
  const midnight = (day: string) => `${day}T00:00:00.000Z`;
  const ranges: q.KeptRange[] = [
    { from: fromDay, to: from },
    { from: now, after: true, to: q.nextDay(toDay) },
    ...weekStarts
      .filter((w) => w !== midnight(w.slice(0, 10)))
      .map((w) => ({ from: w, to: q.nextDay(w.slice(0, 10)) })),
  ];
  const [days, edges] = await Promise.all([
    q.keptDays(deps.db.kysely, { workspaceId, fromDay, toDay }),
    q.keptRows(deps.db.kysely, { workspaceId, ranges }),
  ]);
  const counts = new Map<string, q.WordCountRow>();
  const add = (direction: CommitmentDirection, status: q.WordCountRow['status'], week: number, n: number) => {
    const key = `${direction} ${status} ${week}`;
    const row = counts.get(key);
    if (row) row.n += n;
    else counts.set(key, { direction, status, week, n });
  };
  for (const d of days) {
    const week = weekIndex(midnight(d.day), weekStarts);
    add(d.direction, 'kept', week, toCount(d.kept));
    add(d.direction, 'renegotiated', week, toCount(d.renegotiated));
    add(d.direction, 'kept_late', week, toCount(d.kept_late));
  }
  for (const r of edges) {
    const day = r.completed_at.slice(0, 10);
    if (day < fromDay || day > toDay) continue; // not in a day read above
    const status = commitmentStatus(facts(r), new Date(r.completed_at)) as q.WordCountRow['status'];
    const placed = weekIndex(midnight(day), weekStarts);
    if (r.completed_at < from || r.completed_at > now) add(r.direction, status, placed, -1);
    else {
      const week = weekIndex(r.completed_at, weekStarts);
      if (week !== placed) {
        add(r.direction, status, placed, -1);
        add(r.direction, status, week, 1);
      }
    }
  }
  return [...counts.values()].filter((r) => r.n !== 0);
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
  options: {
    direction?: CommitmentDirection;
    dueBefore?: string;
    dueFrom?: string;
    late?: boolean;
    after?: { dueAt: string; id: string };
    limit: number;
  },
): Promise<{ items: Commitment[]; total: number }> {
  const db = deps.db.kysely;
  const now = isoNow(deps.clock);
  const range = { dueBefore: options.dueBefore, dueFrom: options.dueFrom, late: options.late, now };
  const rows = await q.listCommitments(db, {
    ...scope,
    direction: options.direction,
    state: 'open',
    ...range,
    after: options.after,
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

export type TodayPromises = {
  mine: { overdue: Commitment[]; today: Commitment[] };
  theirs: { overdue: Commitment[]; today: Commitment[] };
  counts: { mineOverdue: number; mineToday: number; theirsOverdue: number; theirsToday: number };
};

/**
 * Today's open promises, each direction's late ones (past the deadline, or moved once already late)
 * and those due from now to `endOfToday` (not late), at most `limit` of each, soonest first, with
 * their exact counts: one statement for the four lists and one for their change histories; the
 * client names are the caller's to fill in with the other lists' (NamesToFill).
 */
export async function todayPromises(
  deps: Deps,
  scope: Scope,
  { endOfToday, limit }: { endOfToday: string; limit: number },
): Promise<NamesToFill<TodayPromises>> {
  const rows = await q.todayLists(deps.db.kysely, { ...scope, now: isoNow(deps.clock), endOfToday, limit });
  const sorted = [...rows].sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id < b.id ? -1 : 1));
  const changes = await q.changesFor(deps.db.kysely, { ...scope, commitmentIds: sorted.map((r) => r.id) });
  const of = (list: q.TodayList) => sorted.filter((r) => r.list === list);
  const total = (list: q.TodayList) => toCount(of(list)[0]?.total);
  return {
    clientIds: rows.map((r) => r.client_id),
    fill: (names) => {
      const items = (list: q.TodayList) => presentRows(deps, of(list), changes, names);
      return {
        mine: { overdue: items('mine_late'), today: items('mine_today') },
        theirs: { overdue: items('theirs_late'), today: items('theirs_today') },
        counts: {
          mineOverdue: total('mine_late'),
          mineToday: total('mine_today'),
          theirsOverdue: total('theirs_late'),
          theirsToday: total('theirs_today'),
        },
      };
    },
  };
}

/** What each project still waits for from the client (its open "theirs" promises, soonest first): one statement for many projects. */
export async function openMaterialsOf(
  deps: Deps,
  scope: Scope,
  projectIds: string[],
): Promise<Map<string, { title: string; dueDate: string }[]>> {
  const rows = await q.openTheirsByProjects(deps.db.kysely, { ...scope, projectIds });
  const byProject = new Map<string, { title: string; dueDate: string }[]>();
  for (const row of rows)
    byProject.set(row.project_id!, [
      ...(byProject.get(row.project_id!) ?? []),
      { title: row.title, dueDate: row.due_date },
    ]);
  return byProject;
}

/** Every promise tied to a project (delivery, client materials, formal quotes), soonest first. */

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
  const result = new Map<string, PromisesBroken>();
  const entry = (clientId: string, direction: CommitmentDirection) => {
    let e = result.get(clientId);
    if (!e) result.set(clientId, (e = { mine: { broken: 0, keptLate: 0 }, theirs: { broken: 0, keptLate: 0 } }));
    return e[direction];
  };
  if (period.clientIds && period.clientIds.length <= DIRECT_CLIENTS) {
    const rows = await q.brokenAndLateByClient(deps.db.kysely, {
      ...scope,
      from: period.from,
      now: period.to,
      clientIds: period.clientIds,
    });
    for (const row of rows)
      Object.assign(entry(row.client_id, row.direction), {
        broken: toCount(row.broken),
        keptLate: toCount(row.kept_late),
      });
    return result;
  }
  const [kept, open] = await Promise.all([
    keptLateByClient(deps, scope, period),
    q.openBrokenByClient(deps.db.kysely, {
      ...scope,
      dialect: deps.db.dialect,
      clientIds: period.clientIds,
      from: period.from,
      now: period.to,
    }),
  ]);
  for (const [key, n] of kept) {
    const [clientId, direction] = key.split(' ') as [string, CommitmentDirection];
    if (n !== 0) entry(clientId, direction).keptLate = n;
  }
  for (const row of open) entry(row.client_id, row.direction).broken = toCount(row.n);
  return result;
}

/** Up to this many clients, the promise figures are read from the clients' own promises; more (a list), from the rollups. */
const DIRECT_CLIENTS = 50;

/**
 * Promises kept late in [from, to] per "client direction", from commitment_late_months (decision
 * 016): the whole months the window touches, corrected at its edges from the promises — at the
 * start whichever side of `from` is shorter (added, or the whole month taken and the part before
 * `from` removed), at the end those kept after `to` (almost always none: `to` is now).
 */
async function keptLateByClient(deps: Deps, scope: Scope, period: Period): Promise<Map<string, number>> {
  const db = deps.db.kysely;
  const base = { ...scope, dialect: deps.db.dialect, clientIds: period.clientIds };
  const fromMonth = period.from.slice(0, 7);
  const toMonth = period.to.slice(0, 7);
  const monthStart = Date.parse(`${fromMonth}-01T00:00:00.000Z`);
  const monthEnd = Date.parse(`${q.nextMonth(fromMonth)}-01T00:00:00.000Z`);
  const from = Date.parse(period.from);
  const trimStart = fromMonth !== toMonth && from - monthStart < monthEnd - from;
  const firstMonth = trimStart ? fromMonth : q.nextMonth(fromMonth);
  const lastMonth = q.nextMonth(toMonth);
  const [months, startEdge, future] = await Promise.all([
    firstMonth < lastMonth ? q.lateMonthsByClient(db, { ...base, fromMonth: firstMonth, toMonth: lastMonth }) : [],
    q.keptLateByClient(db, {
      ...base,
      range: trimStart ? { from: fromMonth, to: period.from } : { from: period.from, to: q.nextMonth(fromMonth) },
    }),
    q.keptLateByClient(db, { ...base, range: { from: period.to, after: true, to: lastMonth } }),
  ]);
  const result = new Map<string, number>();
  const add = (rows: { client_id: string; direction: CommitmentDirection; n: unknown }[], sign: 1 | -1) => {
    for (const r of rows) {
      const key = `${r.client_id} ${r.direction}`;
      result.set(key, (result.get(key) ?? 0) + sign * toCount(r.n));
    }
  };
  add(months, 1);
  add(startEdge, trimStart ? -1 : 1);
  add(future, -1);
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
