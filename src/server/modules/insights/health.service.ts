import type {
  ClientHealth,
  ClientHealthList,
  ClientHealthListQuery,
  ClientHealthQuery,
  ClientHealthRow,
  HealthEvidence,
  HealthPeriod,
  HealthReason,
  HealthReasonKind,
  HealthSignal,
  HealthSignalKind,
  InsightsOverview,
  InsightsOverviewQuery,
  NextStep,
  Severity,
} from '../../../shared/schemas/insights.js';
import { notFound } from '../../lib/app-error.js';
import type { Deps } from '../../lib/http.js';
import type { Period } from '../../lib/period.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { careEvidence, careFigures } from '../care/care.service.js';
import { clientBriefs, type ClientBrief } from '../clients/clients.service.js';
import { promisesBroken, promisesBrokenEvidence, wordKeeping } from '../commitments/commitments.service.js';
import {
  contactEffort,
  contactEvidence,
  lastContacts,
  type ContactEffort,
} from '../interactions/interactions.service.js';
import {
  clientMoney,
  latePaymentItems,
  owedByMonth,
  timeSpent,
  type ClientMoney,
} from '../payments/payments.service.js';
import { outOfScopeCounts, outOfScopeRequestIds } from '../projects/change-requests.service.js';

type Scope = { workspaceId: string };

// ── Thresholds and points (every number the score uses; each says why) ───────

/** "Well under the median" needs peers: with fewer than three clients to compare, no rate is judged. */
const MIN_PEERS = 3;
/** A rate over less than three hours is noise (one call can halve it), so it is neither judged nor a peer. */
const MIN_RATE_MINUTES = 180;
/** Under three quarters of the workspace's median rate is "not worth the money"… */
const RATE_LOW_RATIO = 0.75;
/** …and under half of it is the client paying for half the hours they take. */
const RATE_VERY_LOW_RATIO = 0.5;
/** Twice the typical client's effort is "takes a lot of time and energy"… */
const EFFORT_HIGH_RATIO = 2;
/** …and four times is seed 004's sour client, "the energy of about four calm ones". */
const EFFORT_SOUR_RATIO = 4;
/** Below five hours in the period no client is "a lot", whatever the median. */
const MIN_EFFORT_MINUTES = 300;
/** Three contacts a week is the "constant contact" seed 001 says clear boundaries reduce. */
const CONTACTS_PER_MONTH_HIGH = 12;
/** A month without a word to an active client is "too much time passed" (seed 001)… */
const SILENCE_DAYS = 30;
/** …and two months is the relationship fading. */
const LONG_SILENCE_DAYS = 60;
/** One message at night happens; from the second, the client is testing the boundaries (seed 001). */
const AFTER_HOURS_MIN = 2;
/** Under 60 the client list marks a client "at risk". */
const AT_RISK_SCORE = 60;
/** Under 40, and not worth the money: the suggested step is to let go, gracefully (seed 004). */
const LET_GO_SCORE = 40;
/** For the "costs the most energy" ranking only: a contact without a logged duration still took a few minutes. */
const CONTACT_ENERGY_MINUTES = 5;
const ENERGY_TOP = 10;
const MAIN_SIGNALS = 3;

/** Points taken off 100 per rule, and the most a signal can take (so no single sign decides alone). */
const POINTS = {
  mine_broken: 8, // my word broken weighs most: it is what Mila is for
  mine_kept_late: 4,
  theirs_broken: 4, // the client's broken word costs me time, but it is theirs
  theirs_kept_late: 2,
  silent: 10,
  long_silent: 20,
  effort_high: 10,
  effort_sour: 20,
  contacts_per_month: 5,
  open_conflict: 5,
  open_incident: 3,
  out_of_scope: 5,
  rate_low: 10,
  rate_very_low: 20,
  late_payment: 3,
  after_hours: 3,
} as const;
const CAPS: Record<HealthSignalKind, number> = {
  promises_broken: 30,
  long_silence: 20,
  high_effort: 25,
  asks_extras: 20,
  not_worth_it: 25,
  after_hours: 15,
};

// ── Gathering: one grouped query per module and figure, never one per client ─

type Figures = {
  client: ClientBrief;
  received: number;
  acceptedUnpaid: number;
  timeMinutes: number;
  contactMinutes: number;
  totalMinutes: number;
  contacts: number;
  afterHours: number;
  lastContactAt: string | null;
  outOfScope: number;
  promises: { mine: { broken: number; keptLate: number }; theirs: { broken: number; keptLate: number } };
  latePayments: number;
  daysLate: number;
  openIncidents: number;
  openConflicts: number;
  compensation: number;
  rateReceived: number | null;
  rateWithAccepted: number | null;
};

type Window = Period & { days: number };

function windowOf(deps: Deps, period: HealthPeriod): Window {
  const days = Number(period);
  const to = deps.clock.now();
  return { days, from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
}

function perHour(amount: number, minutes: number): number | null {
  return minutes > 0 ? Math.round((amount * 60) / minutes) : null;
}

/**
 * The figures of every given client, each module asked once (for the whole workspace, or for the
 * given clients only with `only`: one client, or every active one). The last contact comes with the
 * period's contacts; only the clients with none in the period need a look further back (one seek each).
 */
async function gather(
  deps: Deps,
  scope: Scope,
  window: Window,
  clients: ClientBrief[],
  only?: string[],
): Promise<Figures[]> {
  const period: Period = { from: window.from, to: window.to, ...(only ? { clientIds: only } : {}) };
  const [money, time, contacts, extras, promises, care] = await Promise.all([
    clientMoney(deps, scope, period),
    timeSpent(deps, scope, period),
    contactEffort(deps, scope, period),
    outOfScopeCounts(deps, scope, period),
    promisesBroken(deps, scope, period),
    careFigures(deps, scope, period),
  ]);
  const quiet = clients.filter((c) => !contacts.get(c.id)?.lastAt).map((c) => c.id);
  const before = await lastContacts(deps, scope, { to: window.from, clientIds: quiet });
  return clients.map((client) => {
    const m = money.get(client.id);
    const c = contacts.get(client.id);
    const k = care.get(client.id);
    const effort = effortOf(money, time, contacts, client.id);
    return {
      client,
      ...effort,
      contacts: c?.contacts ?? 0,
      afterHours: c?.afterHours ?? 0,
      lastContactAt: c?.lastAt ?? before.get(client.id) ?? null,
      outOfScope: extras.get(client.id) ?? 0,
      promises: promises.get(client.id) ?? { mine: { broken: 0, keptLate: 0 }, theirs: { broken: 0, keptLate: 0 } },
      latePayments: m?.latePayments ?? 0,
      daysLate: m?.daysLate ?? 0,
      openIncidents: k?.openIncidents ?? 0,
      openConflicts: k?.openConflicts ?? 0,
      compensation: k?.compensation ?? 0,
    };
  });
}

type Effort = Pick<
  Figures,
  | 'received'
  | 'acceptedUnpaid'
  | 'timeMinutes'
  | 'contactMinutes'
  | 'totalMinutes'
  | 'rateReceived'
  | 'rateWithAccepted'
>;

function effortOf(
  money: Map<string, ClientMoney>,
  time: Map<string, number>,
  contacts: Map<string, ContactEffort>,
  clientId: string,
): Effort {
  const timeMinutes = time.get(clientId) ?? 0;
  const contactMinutes = contacts.get(clientId)?.minutes ?? 0;
  const totalMinutes = timeMinutes + contactMinutes;
  const received = money.get(clientId)?.received ?? 0;
  const acceptedUnpaid = money.get(clientId)?.acceptedUnpaid ?? 0;
  return {
    received,
    acceptedUnpaid,
    timeMinutes,
    contactMinutes,
    totalMinutes,
    rateReceived: perHour(received, totalMinutes),
    rateWithAccepted: perHour(received + acceptedUnpaid, totalMinutes),
  };
}

/** The workspace's typical client from the active clients' money and effort alone (what the medians read). */
async function workspaceBenchmarks(deps: Deps, scope: Scope, window: Window): Promise<Benchmarks> {
  const active = await clientBriefs(deps, scope, { statuses: ['active'] });
  const period: Period = { from: window.from, to: window.to, clientIds: active.map((c) => c.id) };
  const [money, time, contacts] = await Promise.all([
    clientMoney(deps, scope, period),
    timeSpent(deps, scope, period),
    contactEffort(deps, scope, period),
  ]);
  return benchmarks(active.map((c) => effortOf(money, time, contacts, c.id)));
}

function median(values: number[]): number | null {
  if (values.length < MIN_PEERS) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

type Benchmarks = { medianRate: number | null; medianEffort: number | null };

/** The workspace's typical client, among active ones: the rate of those with enough hours, the effort of those with any. */
function benchmarks(active: Effort[]): Benchmarks {
  return {
    medianRate: median(active.filter((f) => f.totalMinutes >= MIN_RATE_MINUTES).map((f) => f.rateWithAccepted!)),
    medianEffort: median(active.filter((f) => f.totalMinutes > 0).map((f) => f.totalMinutes)),
  };
}

// ── Signals and the score ───────────────────────────────────────────────────

type Rule = { reason: HealthReasonKind; points: number; params: Record<string, number | null> };

function daysSince(at: string | null, now: string): number | null {
  return at === null ? null : Math.floor((Date.parse(now) - Date.parse(at)) / 86_400_000);
}

function perMonth(count: number, days: number): number {
  return Math.round(((count * 30) / days) * 10) / 10;
}

/** Seed 001's six warning signs, each as rules with the numbers they used. */
function rulesOf(f: Figures, b: Benchmarks, window: Window): Record<HealthSignalKind, Rule[]> {
  const { mine, theirs } = f.promises;
  const promises: Rule[] = [
    { reason: 'mine_broken' as const, count: mine.broken, each: POINTS.mine_broken },
    { reason: 'mine_kept_late' as const, count: mine.keptLate, each: POINTS.mine_kept_late },
    { reason: 'theirs_broken' as const, count: theirs.broken, each: POINTS.theirs_broken },
    { reason: 'theirs_kept_late' as const, count: theirs.keptLate, each: POINTS.theirs_kept_late },
  ]
    .filter((r) => r.count > 0)
    .map((r) => ({ reason: r.reason, points: r.count * r.each, params: { count: r.count, each: r.each } }));

  // Only an active client is expected to hear from me; never contacted counts from when they were added.
  const silence: Rule[] = [];
  if (f.client.status === 'active') {
    const since = daysSince(f.lastContactAt, window.to);
    const days = since ?? daysSince(f.client.createdAt, window.to)!;
    if (days >= SILENCE_DAYS)
      silence.push({
        reason: since === null ? 'never_contacted' : 'silent_days',
        points: days >= LONG_SILENCE_DAYS ? POINTS.long_silent : POINTS.silent,
        params: { days, threshold: days >= LONG_SILENCE_DAYS ? LONG_SILENCE_DAYS : SILENCE_DAYS },
      });
  }

  const effort: Rule[] = [];
  if (b.medianEffort !== null && f.totalMinutes >= MIN_EFFORT_MINUTES) {
    const ratio = f.totalMinutes / b.medianEffort;
    if (ratio >= EFFORT_HIGH_RATIO)
      effort.push({
        reason: 'effort_vs_median',
        points: ratio >= EFFORT_SOUR_RATIO ? POINTS.effort_sour : POINTS.effort_high,
        params: {
          minutes: f.totalMinutes,
          medianMinutes: b.medianEffort,
          ratio: Math.round(ratio * 100) / 100,
          threshold: ratio >= EFFORT_SOUR_RATIO ? EFFORT_SOUR_RATIO : EFFORT_HIGH_RATIO,
        },
      });
  }
  const monthly = perMonth(f.contacts, window.days);
  if (monthly >= CONTACTS_PER_MONTH_HIGH)
    effort.push({
      reason: 'contacts_per_month',
      points: POINTS.contacts_per_month,
      params: { perMonth: monthly, threshold: CONTACTS_PER_MONTH_HIGH },
    });
  if (f.openConflicts > 0)
    effort.push({
      reason: 'open_conflicts',
      points: f.openConflicts * POINTS.open_conflict,
      params: { count: f.openConflicts, each: POINTS.open_conflict },
    });
  if (f.openIncidents > 0)
    effort.push({
      reason: 'open_incidents',
      points: f.openIncidents * POINTS.open_incident,
      params: { count: f.openIncidents, each: POINTS.open_incident },
    });

  const extras: Rule[] =
    f.outOfScope > 0
      ? [
          {
            reason: 'out_of_scope',
            points: f.outOfScope * POINTS.out_of_scope,
            params: { count: f.outOfScope, each: POINTS.out_of_scope },
          },
        ]
      : [];

  // The rate counts accepted-but-unpaid money too: work not yet due to be paid should not look unpaid.
  const worth: Rule[] = [];
  if (b.medianRate !== null && b.medianRate > 0 && f.totalMinutes >= MIN_RATE_MINUTES) {
    const rate = f.rateWithAccepted!;
    const ratio = rate / b.medianRate;
    if (ratio < RATE_LOW_RATIO)
      worth.push({
        reason: 'rate_vs_median',
        points: ratio < RATE_VERY_LOW_RATIO ? POINTS.rate_very_low : POINTS.rate_low,
        params: {
          rate,
          medianRate: b.medianRate,
          ratio: Math.round(ratio * 100) / 100,
          threshold: ratio < RATE_VERY_LOW_RATIO ? RATE_VERY_LOW_RATIO : RATE_LOW_RATIO,
        },
      });
  }
  if (f.latePayments > 0)
    worth.push({
      reason: 'late_payments',
      points: f.latePayments * POINTS.late_payment,
      params: { count: f.latePayments, daysLate: f.daysLate, each: POINTS.late_payment },
    });

  const afterHours: Rule[] =
    f.afterHours >= AFTER_HOURS_MIN
      ? [
          {
            reason: 'after_hours_contacts',
            points: f.afterHours * POINTS.after_hours,
            params: { count: f.afterHours, each: POINTS.after_hours, threshold: AFTER_HOURS_MIN },
          },
        ]
      : [];

  return {
    promises_broken: promises,
    long_silence: silence,
    high_effort: effort,
    asks_extras: extras,
    not_worth_it: worth,
    after_hours: afterHours,
  };
}

/** A third of its cap or less is low, two thirds or more is high. */
function severityOf(points: number, cap: number): Severity {
  if (points * 3 >= cap * 2) return 'high';
  if (points * 3 >= cap) return 'medium';
  return 'low';
}

type Scored = { signals: Omit<HealthSignal, 'evidence'>[]; score: number; reasons: HealthReason[] };

/**
 * The score: 100 less the points of every signal that fired, each signal capped (the rules past the
 * cap keep their line, with the points actually taken), never below 0. Signals most points first.
 */
function score(f: Figures, b: Benchmarks, window: Window): Scored {
  const rules = rulesOf(f, b, window);
  const signals: Omit<HealthSignal, 'evidence'>[] = [];
  for (const signal of Object.keys(rules) as HealthSignalKind[]) {
    if (!rules[signal].length) continue;
    let left = CAPS[signal];
    const reasons = rules[signal].map((rule) => {
      const points = Math.min(rule.points, left);
      left -= points;
      return { signal, reason: rule.reason, points, params: rule.params };
    });
    const points = CAPS[signal] - left;
    signals.push({ signal, severity: severityOf(points, CAPS[signal]), points, reasons });
  }
  signals.sort((a, b) => b.points - a.points || a.signal.localeCompare(b.signal));
  const reasons = signals.flatMap((s) => s.reasons);
  const taken = reasons.reduce((sum, r) => sum + r.points, 0);
  return { signals, score: Math.max(0, 100 - taken), reasons };
}

// ── The client's health (page header) ───────────────────────────────────────

/** The rows behind each rule, so the web can link them. */
async function evidenceFor(
  deps: Deps,
  scope: Scope,
  clientId: string,
  window: Window,
): Promise<Map<HealthReasonKind, HealthEvidence[]>> {
  const range = { clientId, from: window.from, to: window.to };
  const [promises, contacts, extras, late, care] = await Promise.all([
    promisesBrokenEvidence(deps, scope, range),
    contactEvidence(deps, scope, range),
    outOfScopeRequestIds(deps, scope, range),
    latePaymentItems(deps, scope, range),
    careEvidence(deps, scope, range),
  ]);
  const rows = (kind: HealthEvidence['kind'], reason: HealthReasonKind, items: { id: string; at: string }[]) =>
    [reason, items.map(({ id, at }) => ({ kind, id, reason, at }))] as const;
  const recorded = (ids: string[]) => ids.map((id) => ({ id, at: care.recordedAt.get(id)! }));
  return new Map([
    rows('commitment', 'mine_broken', promises.mine.broken),
    rows('commitment', 'mine_kept_late', promises.mine.keptLate),
    rows('commitment', 'theirs_broken', promises.theirs.broken),
    rows('commitment', 'theirs_kept_late', promises.theirs.keptLate),
    rows('interaction', 'silent_days', contacts.last ? [contacts.last] : []),
    rows('interaction', 'after_hours_contacts', contacts.afterHours),
    rows('change_request', 'out_of_scope', extras),
    rows(
      'payment_item',
      'late_payments',
      late.map((l) => ({ id: l.id, at: l.dueDate })),
    ),
    rows('conflict', 'open_conflicts', recorded(care.openConflictIds)),
    rows('incident', 'open_incidents', recorded(care.openIncidentIds)),
  ]);
}

export async function clientHealth(
  deps: Deps,
  scope: Scope,
  clientId: string,
  query: ClientHealthQuery,
): Promise<ClientHealth> {
  const [target] = await clientBriefs(deps, scope, { clientIds: [clientId] });
  if (!target) throw notFound();
  const window = windowOf(deps, query.period);
  // The client's own figures come from its rows alone; the workspace is read only for the medians.
  const [[f], b, profile, evidence] = await Promise.all([
    gather(deps, scope, window, [target], [clientId]),
    workspaceBenchmarks(deps, scope, window),
    getBusinessProfile(deps, scope),
    evidenceFor(deps, scope, clientId, window),
  ]);
  if (!f) throw notFound();
  const scored = score(f, b, window);
  return {
    clientId,
    clientName: target.name,
    clientStatus: target.status,
    period: window.days,
    from: window.from,
    to: window.to,
    currency: profile.currency,
    revenue: { received: f.received, acceptedUnpaid: f.acceptedUnpaid },
    effort: {
      timeMinutes: f.timeMinutes,
      contactMinutes: f.contactMinutes,
      totalMinutes: f.totalMinutes,
      hours: hours(f.totalMinutes),
    },
    rate: { received: f.rateReceived, withAccepted: f.rateWithAccepted, workspaceMedian: b.medianRate },
    contacts: {
      count: f.contacts,
      perMonth: perMonth(f.contacts, window.days),
      afterHours: f.afterHours,
      lastContactAt: f.lastContactAt,
      daysSinceLastContact: daysSince(f.lastContactAt, window.to),
    },
    outOfScopeRequests: f.outOfScope,
    promises: f.promises,
    payments: { late: f.latePayments, daysLate: f.daysLate },
    care: { openIncidents: f.openIncidents, openConflicts: f.openConflicts, compensation: f.compensation },
    signals: scored.signals.map((s) => ({
      ...s,
      evidence: s.reasons.flatMap((r) => evidence.get(r.reason) ?? []),
    })),
    score: { value: scored.score, reasons: scored.reasons },
  };
}

function hours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

// ── The client list ─────────────────────────────────────────────────────────

type Assessed = Figures & Scored;

async function assessActive(
  deps: Deps,
  scope: Scope,
  window: Window,
): Promise<{ rows: Assessed[]; benchmarks: Benchmarks }> {
  const active = await clientBriefs(deps, scope, { statuses: ['active'] });
  // Only the active clients' figures are read: the paused, former and archived ones, which pile up
  // over the years, cost nothing (decision 016).
  const figures = await gather(
    deps,
    scope,
    window,
    active,
    active.map((c) => c.id),
  );
  const b = benchmarks(figures);
  // Each client's figures take its score in place: copying thousands of them was most of the time in code.
  return { rows: figures.map((f) => Object.assign(f, score(f, b, window))), benchmarks: b };
}

function toRow(a: Assessed): ClientHealthRow {
  return {
    clientId: a.client.id,
    clientName: a.client.name,
    score: a.score,
    signals: a.signals.slice(0, MAIN_SIGNALS).map(({ signal, severity, points }) => ({ signal, severity, points })),
    revenue: { received: a.received, acceptedUnpaid: a.acceptedUnpaid },
    hours: hours(a.totalMinutes),
    rate: { received: a.rateReceived, withAccepted: a.rateWithAccepted },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** One collator for the name sort (`localeCompare(…, 'he')` builds one per call). */
const hebrew = new Intl.Collator('he');
const byName = (a: Assessed, b: Assessed) =>
  hebrew.compare(a.client.name, b.client.name) || cmp(a.client.id, b.client.id);
/**
 * Ties of the other sorts (most clients share a score) go by name in code-point order, which is the
 * alphabet for Hebrew letters, and cheap: collating every tie was most of a 3,000-row sort.
 */
const byNameQuick = (a: Assessed, b: Assessed) => cmp(a.client.name, b.client.name) || cmp(a.client.id, b.client.id);

/** Each sort's natural direction; `dir` reverses it. A client without hours has no rate and stays last either way. */
const SORTS: Record<ClientHealthListQuery['sort'], { compare: (a: Assessed, b: Assessed) => number; asc: boolean }> = {
  score: { compare: (a, b) => a.score - b.score, asc: true },
  revenue: { compare: (a, b) => a.received - b.received || a.acceptedUnpaid - b.acceptedUnpaid, asc: false },
  hours: { compare: (a, b) => a.totalMinutes - b.totalMinutes, asc: false },
  rate: { compare: (a, b) => (a.rateWithAccepted ?? 0) - (b.rateWithAccepted ?? 0), asc: true },
  name: { compare: byName, asc: true },
};

/** One row per active client: score, main signals, revenue, hours, rate; filtered, sorted, paged. */
export async function clientHealthList(
  deps: Deps,
  scope: Scope,
  query: ClientHealthListQuery,
): Promise<ClientHealthList> {
  const window = windowOf(deps, query.period);
  const [{ rows, benchmarks: b }, profile] = await Promise.all([
    assessActive(deps, scope, window),
    getBusinessProfile(deps, scope),
  ]);
  const matching = rows.filter((r) => {
    if (query.filter === 'all') return true;
    if (query.filter === 'with_signals') return r.signals.length > 0;
    if (query.filter === 'at_risk') return r.score < AT_RISK_SCORE;
    return r.signals.some((s) => s.signal === query.filter);
  });
  const sort = SORTS[query.sort];
  const flip = (query.dir ?? (sort.asc ? 'asc' : 'desc')) === 'desc' ? -1 : 1;
  matching.sort((a, b) => {
    if (query.sort === 'rate' && (a.rateWithAccepted === null) !== (b.rateWithAccepted === null))
      return a.rateWithAccepted === null ? 1 : -1;
    return flip * sort.compare(a, b) || byNameQuick(a, b);
  });
  return {
    period: window.days,
    currency: profile.currency,
    medianRate: b.medianRate,
    total: matching.length,
    items: matching.slice(query.offset, query.offset + query.limit).map(toRow),
  };
}

// ── The Insights page ───────────────────────────────────────────────────────

/**
 * The suggested next step for a client who costs energy, first rule that applies:
 * 1. let go — score under 40 and not worth the money (rate under the median's 3/4): the relationship
 *    costs more than it brings; part well (seed 004: "learn to fire clients");
 * 2. open a conflict worksheet — an open conflict, or the client broke their word: find the interest
 *    behind the position (seed 002);
 * 3. re-price — not worth the money on its own: price the work (and extras well above market) so
 *    doing it is worth it (seed 001);
 * 4. talk about terms — otherwise (extras, after-hours contacts, a lot of time): set the boundaries
 *    and send the terms, even late, with an apology for not sending them at closing (seed 001).
 */
function nextStep(a: Assessed): { step: NextStep; because: HealthSignalKind[] } {
  const fired = new Set(a.signals.map((s) => s.signal));
  const reasons = new Set(a.reasons.map((r) => r.reason));
  const underpriced = reasons.has('rate_vs_median');
  if (underpriced && a.score < LET_GO_SCORE) return { step: 'let_go', because: a.signals.map((s) => s.signal) };
  if (reasons.has('open_conflicts') || reasons.has('theirs_broken'))
    return {
      step: 'conflict_worksheet',
      because: (['high_effort', 'promises_broken'] as const).filter((s) => fired.has(s)),
    };
  if (underpriced) return { step: 'reprice', because: ['not_worth_it'] };
  return {
    step: 'talk_terms',
    because: (['asks_extras', 'after_hours', 'high_effort', 'long_silence', 'promises_broken'] as const).filter((s) =>
      fired.has(s),
    ),
  };
}

export async function insightsOverview(
  deps: Deps,
  scope: Scope,
  query: InsightsOverviewQuery,
): Promise<InsightsOverview> {
  const window = windowOf(deps, query.period);
  const [{ rows, benchmarks: b }, profile, words, owed] = await Promise.all([
    assessActive(deps, scope, window),
    getBusinessProfile(deps, scope),
    wordKeeping(deps, scope, { days: window.days }),
    owedByMonth(deps, scope, { to: window.to, months: 12 }),
  ]);
  const energyOf = new Map(rows.map((r) => [r, r.totalMinutes + CONTACT_ENERGY_MINUTES * r.contacts]));
  const energy = (a: Assessed) => energyOf.get(a)!;
  return {
    period: window.days,
    currency: profile.currency,
    medianRate: b.medianRate,
    revenueVsEffort: rows
      .filter((r) => r.received + r.acceptedUnpaid > 0 || r.totalMinutes > 0)
      .sort(byNameQuick)
      .map((r) => ({
        clientId: r.client.id,
        clientName: r.client.name,
        received: r.received,
        acceptedUnpaid: r.acceptedUnpaid,
        hours: hours(r.totalMinutes),
        rate: r.rateWithAccepted,
        score: r.score,
      })),
    wordKeeping: { rate: words.mine.rate, weekly: words.weekly },
    moneyOwed: owed,
    costsMostEnergy: rows
      .filter((r) => energy(r) > 0)
      .sort((a, b) => energy(b) - energy(a) || a.score - b.score || cmp(a.client.id, b.client.id))
      .slice(0, ENERGY_TOP)
      .map((r) => {
        const { step, because } = nextStep(r);
        return {
          clientId: r.client.id,
          clientName: r.client.name,
          energyMinutes: energy(r),
          hours: hours(r.totalMinutes),
          contacts: r.contacts,
          score: r.score,
          rate: r.rateWithAccepted,
          nextStep: step,
          because,
        };
      }),
  };
}
