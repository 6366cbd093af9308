import { formatMoney, mulDivRound } from '../../../shared/money.js';
import type { MessageComposed } from '../../../shared/schemas/messages.js';
import type {
  ClientBalance,
  CreatePaymentItem,
  CreateTimeEntry,
  Payment,
  PaymentItem,
  RecordPayment,
  ScheduleFromQuote,
  StartTimer,
  TimeEntry,
  UpdateTimeEntry,
} from '../../../shared/schemas/payments.js';
import type { MoneyOverview } from '../../../shared/schemas/money.js';
import { addDays, dayBounds, fromLocal, localDate, parseDate, weekdayOf } from '../../../shared/time/zoned.js';
import { AppError, fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Auth, Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { toCount, type Period } from '../../lib/period.js';
import type { NamesToFill } from '../../lib/names-to-fill.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import { projectForReference } from '../projects/projects.service.js';
import { fillTemplate } from '../messages/templates.service.js';
import { formatDue } from '../../lib/message-format.js';
import { acceptedByMonth, acceptedTotals, getQuote, listQuotes } from '../quotes/quotes.service.js';
import { emitWebhookEvent } from '../webhooks/webhooks.service.js';
import * as q from './payments.queries.js';
import type { PaymentItemRow, PaymentRow, TimeEntryRow } from './payments.table.js';

type Scope = { workspaceId: string };

// ── Payment schedule ───────────────────────────────────────────────────────

async function presentItems(
  deps: Deps,
  scope: Scope,
  rows: (PaymentItemRow & { received: number })[],
): Promise<PaymentItem[]> {
  const names = await clientNames(
    deps,
    scope,
    rows.map((r) => r.client_id),
  );
  const today = localDate(deps.clock.now(), (await getBusinessProfile(deps, scope)).timeZone);
  return presentItemRows(rows, names, today);
}

/** `today`: the workspace's local day (a line due before it and not fully paid is overdue). */
function presentItemRows(
  rows: (PaymentItemRow & { received: number })[],
  names: ReadonlyMap<string, string>,
  today: string,
): PaymentItem[] {
  return rows.map((row) => {
    const received = Number(row.received);
    const outstanding = Math.max(0, row.amount - received);
    const status: PaymentItem['status'] = row.cancelled_at
      ? 'cancelled'
      : outstanding === 0
        ? 'paid'
        : row.due_date < today
          ? 'overdue'
          : received > 0
            ? 'partial'
            : 'open';
    return {
      id: row.id,
      clientId: row.client_id,
      clientName: names.get(row.client_id) ?? '',
      projectId: row.project_id,
      quoteId: row.quote_id,
      label: row.label,
      amount: row.amount,
      currency: row.currency,
      dueDate: row.due_date,
      received,
      outstanding: row.cancelled_at ? 0 : outstanding,
      status,
      createdAt: row.created_at,
    };
  });
}

export async function createPaymentItem(deps: Deps, scope: Scope, input: CreatePaymentItem): Promise<PaymentItem> {
  await clientForReference(deps, scope, input.clientId);
  if (input.projectId) await projectForReference(deps, scope, input.projectId, input.clientId);
  if (input.quoteId) {
    const quote = await getQuote(deps, scope, input.quoteId).catch(() => null);
    if (!quote || quote.clientId !== input.clientId) throw fieldError('quoteId', 'unknown_quote');
  }
  const profile = await getBusinessProfile(deps, scope);
  const row: PaymentItemRow = {
    id: newId(),
    workspace_id: scope.workspaceId,
    client_id: input.clientId,
    project_id: input.projectId ?? null,
    quote_id: input.quoteId ?? null,
    label: input.label,
    amount: input.amount,
    currency: input.currency ?? profile.currency,
    due_date: input.dueDate,
    cancelled_at: null,
    created_at: isoNow(deps.clock),
  };
  await q.insertItems(deps.db.kysely, [row]);
  return (await presentItems(deps, scope, [{ ...row, received: 0 }]))[0]!;
}

/**
 * Splits an accepted quote's total into parts (e.g. 50% / 50%); the last part takes the rounding.
 * The quote is read in the same transaction that writes the parts: all of them, or none.
 */
export async function scheduleFromQuote(
  deps: Deps,
  scope: Scope,
  input: ScheduleFromQuote,
): Promise<{ items: PaymentItem[] }> {
  return inTransaction(deps, async (deps) => {
    const rows = await splitQuote(deps, scope, input);
    await q.insertItems(deps.db.kysely, rows);
    return {
      items: await presentItems(
        deps,
        scope,
        rows.map((r) => ({ ...r, received: 0 })),
      ),
    };
  });
}

async function splitQuote(deps: Deps, scope: Scope, input: ScheduleFromQuote): Promise<PaymentItemRow[]> {
  const quote = await getQuote(deps, scope, input.quoteId).catch(() => {
    throw fieldError('quoteId', 'unknown_quote');
  });
  if (quote.status !== 'accepted') throw fieldError('quoteId', 'quote_not_accepted');
  const total = quote.current.totals.total;
  const now = isoNow(deps.clock);
  let assigned = 0;
  return input.parts.map((part, i) => {
    const amount = i === input.parts.length - 1 ? total - assigned : mulDivRound(total, part.percent, 100);
    assigned += amount;
    return {
      id: newId(),
      workspace_id: scope.workspaceId,
      client_id: quote.clientId,
      project_id: quote.projectId,
      quote_id: quote.id,
      label: part.label,
      amount,
      currency: quote.current.currency,
      due_date: part.dueDate,
      cancelled_at: null,
      created_at: now,
    };
  });
}

export async function listPaymentItems(
  deps: Deps,
  scope: Scope,
  options: { clientId?: string; state?: 'all' | 'overdue' },
): Promise<{ items: PaymentItem[] }> {
  const today = localDate(deps.clock.now(), (await getBusinessProfile(deps, scope)).timeZone);
  const rows = await q.itemsWithReceived(deps.db.kysely, {
    ...scope,
    clientId: options.clientId,
    dueBefore: options.state === 'overdue' ? today : undefined,
    limit: 500,
  });
  const items = await presentItems(deps, scope, rows);
  return { items: options.state === 'overdue' ? items.filter((i) => i.status === 'overdue') : items };
}

/**
 * The overdue schedule lines (due before `today`, the workspace's local day, and not fully paid),
 * oldest first, of the first 500 lines due before today: one statement, the client names the
 * caller's to fill in (Today). The same lines as listPaymentItems' `overdue`.
 */
export async function overduePaymentItems(
  deps: Deps,
  scope: Scope,
  { today }: { today: string },
): Promise<NamesToFill<PaymentItem[]>> {
  const rows = await q.itemsWithReceived(deps.db.kysely, { ...scope, dueBefore: today, limit: 500 });
  return {
    clientIds: rows.map((r) => r.client_id),
    fill: (names) => presentItemRows(rows, names, today).filter((i) => i.status === 'overdue'),
  };
}

export async function cancelPaymentItem(deps: Deps, scope: Scope, id: string): Promise<void> {
  if (!(await q.findItem(deps.db.kysely, { ...scope, id }))) throw notFound();
  await q.cancelItem(deps.db.kysely, { ...scope, id, at: isoNow(deps.clock) });
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    clientId: row.client_id,
    paymentItemId: row.payment_item_id,
    amount: row.amount,
    currency: row.currency,
    receivedOn: row.received_on,
    method: row.method,
    note: row.note,
    createdAt: row.created_at,
  };
}

/** A payment received, partial or whole, against a schedule line or on account. */
export async function recordPayment(deps: Deps, scope: Scope, input: RecordPayment): Promise<Payment> {
  await clientForReference(deps, scope, input.clientId);
  const profile = await getBusinessProfile(deps, scope);
  let currency = input.currency ?? profile.currency;
  if (input.paymentItemId) {
    const item = await q.findItem(deps.db.kysely, { ...scope, id: input.paymentItemId });
    if (!item || item.client_id !== input.clientId) throw fieldError('paymentItemId', 'unknown_payment_item');
    if (input.currency && input.currency !== item.currency) throw fieldError('currency', 'different_currency');
    currency = item.currency;
  }
  if (input.receivedOn > localDate(deps.clock.now(), profile.timeZone)) throw fieldError('receivedOn', 'in_future');
  const row: PaymentRow = {
    id: newId(),
    workspace_id: scope.workspaceId,
    client_id: input.clientId,
    payment_item_id: input.paymentItemId ?? null,
    amount: input.amount,
    currency,
    received_on: input.receivedOn,
    method: input.method,
    note: input.note,
    created_at: isoNow(deps.clock),
  };
  const payment = toPayment(row);
  // The payment and its webhook delivery commit together.
  await inTransaction(deps, async (deps) => {
    await q.insertPayment(deps.db.kysely, row);
    await emitWebhookEvent(deps, scope, 'payment.received', payment);
  });
  return payment;
}

export async function listPayments(
  deps: Deps,
  scope: Scope,
  options: { clientId?: string },
): Promise<{ items: Payment[] }> {
  return {
    items: (await q.listPayments(deps.db.kysely, { ...scope, clientId: options.clientId, limit: 500 })).map(toPayment),
  };
}

export async function deletePayment(deps: Deps, scope: Scope, id: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    const row = await q.deletePayment(deps.db.kysely, { ...scope, id });
    if (!row) throw notFound();
    await recordAudit(deps, scope, {
      action: 'payment_deleted',
      clientId: row.client_id,
      detail: { amount: row.amount, currency: row.currency, receivedOn: row.received_on },
    });
  });
}

/** Quoted, accepted, scheduled, received, outstanding and overdue for one client (the business currency). */
export async function clientBalance(deps: Deps, scope: Scope, clientId: string): Promise<ClientBalance> {
  // The client is in the path here, not in a form: an unknown (or another workspace's) one is a 404.
  await clientForReference(deps, scope, clientId).catch(() => {
    throw notFound();
  });
  const profile = await getBusinessProfile(deps, scope);
  const [quotes, items, received] = await Promise.all([
    listQuotes(deps, scope, { clientId, limit: 1000 }),
    listPaymentItems(deps, scope, { clientId }),
    q.receivedTotal(deps.db.kysely, { ...scope, clientId }),
  ]);
  const inCurrency = quotes.items.filter((quote) => quote.current.currency === profile.currency);
  const live = items.items.filter((i) => i.status !== 'cancelled');
  return {
    clientId,
    currency: profile.currency,
    quoted: inCurrency
      .filter((quote) => ['sent', 'viewed', 'accepted', 'expired'].includes(quote.status))
      .reduce((sum, quote) => sum + quote.current.totals.total, 0),
    accepted: inCurrency
      .filter((quote) => quote.status === 'accepted')
      .reduce((sum, quote) => sum + quote.current.totals.total, 0),
    scheduled: live.reduce((sum, i) => sum + i.amount, 0),
    received,
    outstanding: live.reduce((sum, i) => sum + i.outstanding, 0),
    overdue: live.filter((i) => i.status === 'overdue').reduce((sum, i) => sum + i.outstanding, 0),
  };
}

// ── Time ───────────────────────────────────────────────────────────────────

async function presentEntries(deps: Deps, scope: Scope, rows: TimeEntryRow[]): Promise<TimeEntry[]> {
  const names = await clientNames(
    deps,
    scope,
    rows.map((r) => r.client_id),
  );
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    clientName: names.get(r.client_id) ?? '',
    projectId: r.project_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    minutes: r.minutes,
    running: r.ended_at === null,
    note: r.note,
  }));
}

function minutesBetween(from: string, to: string): number {
  return Math.max(1, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000));
}

/** Starts the timer (a running one is stopped first); it lives in the database, so a reload keeps it. */
export async function startTimer(deps: Deps, auth: Auth, input: StartTimer): Promise<TimeEntry> {
  await clientForReference(deps, auth, input.clientId);
  if (input.projectId) await projectForReference(deps, auth, input.projectId, input.clientId);
  const now = isoNow(deps.clock);
  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const running = await q.runningEntry(db, { workspaceId: auth.workspaceId, userId: auth.userId });
    if (running)
      await q.updateTimeEntry(db, {
        workspaceId: auth.workspaceId,
        id: running.id,
        changes: { ended_at: now, minutes: minutesBetween(running.started_at, now) },
      });
    const row: TimeEntryRow = {
      id: newId(),
      workspace_id: auth.workspaceId,
      user_id: auth.userId,
      client_id: input.clientId,
      project_id: input.projectId ?? null,
      started_at: now,
      ended_at: null,
      minutes: null,
      note: input.note,
      created_at: now,
    };
    await q.insertTimeEntry(db, row);
    return (await presentEntries(deps, auth, [row]))[0]!;
  });
}

export async function stopTimer(deps: Deps, auth: Auth): Promise<TimeEntry> {
  const running = await q.runningEntry(deps.db.kysely, { workspaceId: auth.workspaceId, userId: auth.userId });
  if (!running) throw new AppError('conflict');
  const now = isoNow(deps.clock);
  await q.updateTimeEntry(deps.db.kysely, {
    workspaceId: auth.workspaceId,
    id: running.id,
    changes: { ended_at: now, minutes: minutesBetween(running.started_at, now) },
  });
  return (
    await presentEntries(deps, auth, [{ ...running, ended_at: now, minutes: minutesBetween(running.started_at, now) }])
  )[0]!;
}

export async function runningTimer(deps: Deps, auth: Auth): Promise<TimeEntry | null> {
  const running = await q.runningEntry(deps.db.kysely, { workspaceId: auth.workspaceId, userId: auth.userId });
  return running ? (await presentEntries(deps, auth, [running]))[0]! : null;
}

/** Time logged by hand: a day and a number of minutes (noon of that day in the workspace zone). */
export async function createTimeEntry(deps: Deps, auth: Auth, input: CreateTimeEntry): Promise<TimeEntry> {
  await clientForReference(deps, auth, input.clientId);
  if (input.projectId) await projectForReference(deps, auth, input.projectId, input.clientId);
  const profile = await getBusinessProfile(deps, auth);
  const start = fromLocal({ ...parseDate(input.date), hour: 12, minute: 0 }, profile.timeZone);
  const row: TimeEntryRow = {
    id: newId(),
    workspace_id: auth.workspaceId,
    user_id: auth.userId,
    client_id: input.clientId,
    project_id: input.projectId ?? null,
    started_at: start.toISOString(),
    ended_at: new Date(start.getTime() + input.minutes * 60_000).toISOString(),
    minutes: input.minutes,
    note: input.note,
    created_at: isoNow(deps.clock),
  };
  await q.insertTimeEntry(deps.db.kysely, row);
  return (await presentEntries(deps, auth, [row]))[0]!;
}

/** The schema demands at least one field; minutes of a running timer are left to the timer. */
export async function updateTimeEntry(
  deps: Deps,
  scope: Scope,
  id: string,
  input: UpdateTimeEntry,
): Promise<TimeEntry> {
  const row = await q.findTimeEntry(deps.db.kysely, { ...scope, id });
  if (!row) throw notFound();
  if (input.projectId) await projectForReference(deps, scope, input.projectId, row.client_id);
  const changes = {
    ...(input.minutes !== undefined && row.ended_at
      ? {
          minutes: input.minutes,
          ended_at: new Date(new Date(row.started_at).getTime() + input.minutes * 60_000).toISOString(),
        }
      : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(input.projectId !== undefined ? { project_id: input.projectId } : {}),
  };
  if (Object.keys(changes).length) await q.updateTimeEntry(deps.db.kysely, { ...scope, id, changes });
  return (await presentEntries(deps, scope, [(await q.findTimeEntry(deps.db.kysely, { ...scope, id }))!]))[0]!;
}

export async function deleteTimeEntry(deps: Deps, scope: Scope, id: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    const row = await q.findTimeEntry(deps.db.kysely, { ...scope, id });
    if (!row) throw notFound();
    await q.deleteTimeEntry(deps.db.kysely, { ...scope, id });
    await recordAudit(deps, scope, {
      action: 'time_entry_deleted',
      clientId: row.client_id,
      target: row.note,
      detail: { minutes: row.minutes ?? 0, startedAt: row.started_at },
    });
  });
}

export async function listTimeEntries(
  deps: Deps,
  scope: Scope,
  options: { clientId?: string; projectId?: string },
): Promise<{ items: TimeEntry[]; totalMinutes: number }> {
  const rows = await q.listTimeEntries(deps.db.kysely, { ...scope, ...options, limit: 500 });
  return {
    items: await presentEntries(deps, scope, rows),
    totalMinutes: rows.reduce((sum, r) => sum + (r.minutes ?? 0), 0),
  };
}

/** A polite reminder for a scheduled payment, in the client's language; nothing is sent. */
export async function composePaymentReminder(
  deps: Deps,
  scope: Scope,
  actor: { userId: string },
  itemId: string,
): Promise<MessageComposed> {
  const row = (await q.itemsWithReceived(deps.db.kysely, { ...scope, limit: 1000 })).find((r) => r.id === itemId);
  if (!row) throw notFound();
  const [item] = await presentItems(deps, scope, [row]);
  const client = await clientForReference(deps, scope, row.client_id);
  const profile = await getBusinessProfile(deps, scope);
  return fillTemplate(deps, scope, actor, {
    kind: 'payment_reminder',
    clientId: row.client_id,
    values: {
      label: row.label,
      amount: formatMoney(item!.outstanding || row.amount, row.currency, client.language),
      due: formatDue(`${row.due_date}T12:00:00.000Z`, false, client.language, profile.timeZone),
    },
  });
}

// ── Client health ──────────────────────────────────────────────────────────

/** Minutes of time entries started in the period, per client (one grouped query). */
export async function timeSpent(deps: Deps, scope: Scope, period: Period): Promise<Map<string, number>> {
  const rows = await q.minutesByClient(deps.db.kysely, { ...scope, ...period, dialect: deps.db.dialect });
  return new Map(rows.map((r) => [r.client_id, toCount(r.minutes)]));
}

export type ClientMoney = {
  /** Payments received on the period's local days. */
  received: number;
  /**
   * The open balance at the period's end, named apart from what was received: accepted quotes and
   * quote-less schedule lines, less everything paid, never below zero. Not bound to the period —
   * it is what the client owes for work they accepted, whenever they accepted it.
   */
  acceptedUnpaid: number;
  /** Schedule lines due in the period and paid after their day, or still unpaid past it. */
  latePayments: number;
  /** Their days late summed (to the completing payment, or to the period's last day). */
  daysLate: number;
};

async function periodDays(deps: Deps, scope: Scope, period: Period) {
  const profile = await getBusinessProfile(deps, scope);
  const fromDate = localDate(new Date(period.from), profile.timeZone);
  // `to` is exclusive: the last local day of the period is the day of the instant just before it.
  const toDate = localDate(new Date(new Date(period.to).getTime() - 1), profile.timeZone);
  return { fromDate, toDate, currency: profile.currency };
}

/**
 * Received, accepted-but-unpaid, late payments and days late per client, in the business currency.
 * Each figure is one grouped query (accepted quotes come from the quotes service).
 */
export async function clientMoney(deps: Deps, scope: Scope, period: Period): Promise<Map<string, ClientMoney>> {
  const { fromDate, toDate, currency } = await periodDays(deps, scope, period);
  const db = deps.db.kysely;
  const filter = { ...scope, clientIds: period.clientIds, dialect: deps.db.dialect };
  const [payments, accepted, charged, late] = await Promise.all([
    q.paymentsByClient(db, { ...filter, fromDate, toDate, currency }),
    acceptedTotals(deps, scope, { to: period.to, currency, clientIds: period.clientIds }),
    q.chargedByClient(db, { ...filter, to: period.to, currency }),
    // A line due on the period's last day (today) is not late yet, as in the schedule's "overdue".
    q.lateByClient(db, { ...filter, fromDate, toDate }),
  ]);
  const result = new Map<string, ClientMoney>();
  const entry = (clientId: string) => {
    let money = result.get(clientId);
    if (!money) result.set(clientId, (money = { received: 0, acceptedUnpaid: 0, latePayments: 0, daysLate: 0 }));
    return money;
  };
  for (const r of payments) if (toCount(r.received) > 0) entry(r.client_id).received = toCount(r.received);
  const owed = new Map<string, number>(accepted);
  for (const r of charged) owed.set(r.client_id, (owed.get(r.client_id) ?? 0) + toCount(r.charged));
  for (const r of payments) owed.set(r.client_id, (owed.get(r.client_id) ?? 0) - toCount(r.paid));
  for (const [clientId, balance] of owed) if (balance > 0) entry(clientId).acceptedUnpaid = balance;
  for (const r of late) {
    entry(r.client_id).latePayments = toCount(r.count);
    entry(r.client_id).daysLate = toCount(r.days_late);
  }
  return result;
}

/** One client's late schedule lines in the period, with their days late: the evidence behind the count. */
export async function latePaymentItems(
  deps: Deps,
  scope: Scope,
  { clientId, ...period }: Period & { clientId: string },
): Promise<{ id: string; dueDate: string; daysLate: number }[]> {
  const { fromDate, toDate } = await periodDays(deps, scope, period);
  const rows = await q
    .lateItems(deps.db.kysely, {
      ...scope,
      clientIds: [clientId],
      fromDate,
      toDate,
      dialect: deps.db.dialect,
    })
    .execute();
  return rows
    .map((r) => ({ id: r.id, dueDate: r.due_date, daysLate: toCount(r.days_late) }))
    .sort((a, b) => b.daysLate - a.daysLate || (a.id < b.id ? -1 : 1));
}

export type MonthOwed = { month: string; accepted: number; received: number; owed: number };

/**
 * Money owed over time, the whole workspace: per month (YYYY-MM) up to the one holding `to`, what
 * was accepted (quotes, and quote-less schedule lines), what was received, and what was still owed
 * at the month's end (everything accepted so far less everything received so far, never below zero).
 * Quotes and lines are placed by their UTC month, payments by their local day.
 */
export async function owedByMonth(
  deps: Deps,
  scope: Scope,
  { to, months }: { to: string; months: number },
): Promise<MonthOwed[]> {
  const profile = await getBusinessProfile(deps, scope);
  const currency = profile.currency;
  const toDate = localDate(new Date(new Date(to).getTime() - 1), profile.timeZone);
  const [accepted, charged, received] = await Promise.all([
    acceptedByMonth(deps, scope, { to, currency }),
    q.chargedByMonth(deps.db.kysely, { ...scope, to, currency }),
    q.receivedByMonth(deps.db.kysely, { ...scope, toDate, currency }),
  ]);
  const acceptedIn = new Map(accepted);
  for (const r of charged) acceptedIn.set(r.month, (acceptedIn.get(r.month) ?? 0) + toCount(r.total));
  const receivedIn = new Map(received.map((r) => [r.month, toCount(r.total)]));
  const series = monthsUpTo(toDate.slice(0, 7), months);
  // Everything before the first month shown still counts toward what is owed.
  let balance = 0;
  for (const [month, total] of acceptedIn) if (month < series[0]!) balance += total;
  for (const [month, total] of receivedIn) if (month < series[0]!) balance -= total;
  return series.map((month) => {
    const inMonth = { accepted: acceptedIn.get(month) ?? 0, received: receivedIn.get(month) ?? 0 };
    balance += inMonth.accepted - inMonth.received;
    return { month, ...inMonth, owed: Math.max(0, balance) };
  });
}

/** The `count` months ending with `last` (YYYY-MM), oldest first. */
function monthsUpTo(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

// ── Money overview ─────────────────────────────────────────────────────────

/**
 * The Money section: what each client owes on the schedule (the oldest debt first), the late lines
 * and their days late, what was received this month and the time logged this week (Sunday on), in
 * the workspace's days and the business currency. Each figure is one query.
 */
export async function moneyOverview(deps: Deps, scope: Scope): Promise<MoneyOverview> {
  const profile = await getBusinessProfile(deps, scope);
  const { currency, timeZone } = profile;
  const today = localDate(deps.clock.now(), timeZone);
  const monthStart = `${today.slice(0, 8)}01`;
  const weekStart = addDays(today, -weekdayOf(today));
  const db = deps.db.kysely;
  const [owed, late, received, time] = await Promise.all([
    q.owedByClient(db, { ...scope, currency, today, limit: 200 }),
    q.latePayments(db, { ...scope, currency, today, dialect: deps.db.dialect, limit: 100 }),
    q.receivedBetween(db, { ...scope, fromDate: monthStart, toDate: today, currency }),
    q.minutesLogged(db, {
      ...scope,
      from: dayBounds(weekStart, timeZone).start.toISOString(),
      to: dayBounds(addDays(weekStart, 6), timeZone).end.toISOString(),
    }),
  ]);
  const names = await clientNames(deps, scope, [...owed.map((r) => r.client_id), ...late.map((r) => r.client_id)]);
  const clients = owed.map((r) => ({
    clientId: r.client_id,
    clientName: names.get(r.client_id) ?? '',
    outstanding: toCount(r.outstanding),
    overdue: toCount(r.overdue),
    oldestDueDate: r.oldest_due_date,
    lines: toCount(r.lines),
  }));
  const items = late.map((r) => ({
    paymentItemId: r.id,
    clientId: r.client_id,
    clientName: names.get(r.client_id) ?? '',
    label: r.label,
    dueDate: r.due_date,
    outstanding: toCount(r.outstanding),
    daysLate: toCount(r.days_late),
  }));
  return {
    currency,
    today,
    owed: { total: clients.reduce((sum, c) => sum + c.outstanding, 0), clients },
    late: { total: clients.reduce((sum, c) => sum + c.overdue, 0), items },
    receivedThisMonth: { from: monthStart, total: toCount(received.total), payments: toCount(received.count) },
    timeThisWeek: { from: weekStart, minutes: toCount(time.minutes), entries: toCount(time.count) },
  };
}
