import { z } from 'zod';
import { ZPageLimit, ZPageOffset } from './common.js';
import { hebrewMonths } from '../time/hebrew-dates.js';
import { ZClientStatus, dateCalendars } from './clients.js';
import { ZCommitment } from './commitments.js';
import { ZInteraction } from './interactions.js';
import { ZPaymentItem } from './payments.js';

export const projectNextSteps = ['set_target', 'materials', 'deliverable', 'deliver'] as const;

/**
 * A project that started lately (an accepted quote opens one) and what comes next: set the delivery
 * date, get what the client must supply, the next deliverable, or the delivery itself.
 */
export const ZProjectNextStep = z
  .object({
    projectId: z.string(),
    title: z.string(),
    clientId: z.string(),
    clientName: z.string(),
    startedAt: z.string(),
    step: z.enum(projectNextSteps),
    /** The deliverable or material the step is about. */
    subject: z.string().nullable(),
    /** The day it is due (YYYY-MM-DD), if known. */
    dueDate: z.string().nullable(),
  })
  .meta({ id: 'ProjectNextStep' });
export type ProjectNextStep = z.infer<typeof ZProjectNextStep>;

export const ZToday = z
  .object({
    date: z.string().meta({ description: 'Today in the workspace time zone (YYYY-MM-DD)' }),
    timeZone: z.string(),
    mine: z.object({ overdue: z.array(ZCommitment), today: z.array(ZCommitment) }),
    theirs: z.object({ overdue: z.array(ZCommitment), today: z.array(ZCommitment) }),
    awaitingReply: z.array(ZInteraction),
    quotesWaiting: z
      .array(
        z.object({
          id: z.string(),
          number: z.string(),
          clientId: z.string(),
          clientName: z.string(),
          title: z.string(),
          status: z.enum(['sent', 'viewed']),
          sentAt: z.string().nullable(),
          viewedAt: z.string().nullable(),
          validUntil: z.string(),
          total: z.number().int(),
          currency: z.string(),
        }),
      )
      .meta({ description: 'Quotes sent and not yet answered, oldest first' }),
    greetings: z
      .array(
        z.object({
          clientId: z.string(),
          clientName: z.string(),
          kind: z.string(),
          label: z.string().nullable(),
          date: z.string().meta({ description: 'The Gregorian day it falls on this time' }),
          years: z.number().int().nullable(),
          calendar: z.enum(dateCalendars),
          hebrew: z
            .object({ month: z.enum(hebrewMonths), day: z.number().int() })
            .nullable()
            .meta({ description: 'A Hebrew-calendar date as kept' }),
        }),
      )
      .meta({ description: 'Birthdays and important dates of the clients worth nurturing, in the coming week' }),
    paymentsOverdue: z
      .array(ZPaymentItem)
      .meta({ description: 'Scheduled payments past their day and not fully received' }),
    projectsStarted: z
      .array(ZProjectNextStep)
      .meta({ description: 'Projects started in the last two weeks and not delivered, with their next step' }),
    counts: z.object({
      mineOverdue: z.number().int(),
      mineToday: z.number().int(),
      theirsOverdue: z.number().int(),
      theirsToday: z.number().int(),
      awaitingReply: z.number().int(),
      quotesWaiting: z.number().int(),
      greetings: z.number().int(),
      paymentsOverdue: z.number().int(),
      projectsStarted: z.number().int(),
    }),
  })
  .meta({ id: 'Today' });
export type Today = z.infer<typeof ZToday>;

export const ZCalendarFeed = z
  .object({
    url: z
      .string()
      .meta({ description: 'Shown once: subscribe to it in Google / Apple Calendar. Regenerating replaces it.' }),
  })
  .meta({ id: 'CalendarFeed' });

export const ZCalendarFeedStatus = z.object({ enabled: z.boolean() }).meta({ id: 'CalendarFeedStatus' });

// ── Client health: "is this client worth it" (issue 9; seeds 001, 002, 004) ──

export const healthPeriods = ['30', '90', '365'] as const;
export const ZHealthPeriod = z
  .enum(healthPeriods, { error: 'invalid_choice' })
  .default('90')
  .meta({ description: 'Days back from now' });
export type HealthPeriod = z.infer<typeof ZHealthPeriod>;

/** Seed 001's warning signs, each an explicit signal. */
export const healthSignals = [
  'promises_broken',
  'long_silence',
  'high_effort',
  'asks_extras',
  'not_worth_it',
  'after_hours',
] as const;
export const ZHealthSignalKind = z.enum(healthSignals, { error: 'invalid_choice' });
export type HealthSignalKind = z.infer<typeof ZHealthSignalKind>;

/** The rule inside a signal that gave points; the web words it through the catalogs with `params`. */
export const healthReasons = [
  'mine_broken',
  'mine_kept_late',
  'theirs_broken',
  'theirs_kept_late',
  'silent_days',
  'never_contacted',
  'effort_vs_median',
  'contacts_per_month',
  'open_conflicts',
  'open_incidents',
  'out_of_scope',
  'rate_vs_median',
  'late_payments',
  'after_hours_contacts',
] as const;
export const ZHealthReasonKind = z.enum(healthReasons);
export type HealthReasonKind = z.infer<typeof ZHealthReasonKind>;

export const severities = ['low', 'medium', 'high'] as const;
export const ZSeverity = z.enum(severities);
export type Severity = z.infer<typeof ZSeverity>;

export const evidenceKinds = [
  'commitment',
  'interaction',
  'change_request',
  'payment_item',
  'incident',
  'conflict',
] as const;
export const ZEvidenceKind = z.enum(evidenceKinds);
export type EvidenceKind = z.infer<typeof ZEvidenceKind>;

export const ZHealthReason = z
  .object({
    signal: ZHealthSignalKind,
    reason: ZHealthReasonKind,
    points: z.number().int().meta({ description: 'Taken off the score of 100' }),
    params: z
      .record(z.string(), z.number().nullable())
      .meta({ description: 'The numbers the rule used (counts, days, thresholds), for the sentence beside it' }),
  })
  .meta({ id: 'HealthReason' });
export type HealthReason = z.infer<typeof ZHealthReason>;

export const ZHealthEvidence = z
  .object({
    kind: ZEvidenceKind,
    id: z.string(),
    reason: ZHealthReasonKind.meta({ description: 'Which rule this row fed' }),
    at: z.string().meta({
      description:
        'When it happened: the contact’s time, the promise’s deadline, the payment’s due day (YYYY-MM-DD), when the extra was asked, when the mistake or conflict was recorded',
    }),
  })
  .meta({ id: 'HealthEvidence' });
export type HealthEvidence = z.infer<typeof ZHealthEvidence>;

export const ZHealthSignal = z
  .object({
    signal: ZHealthSignalKind,
    severity: ZSeverity,
    points: z.number().int(),
    reasons: z.array(ZHealthReason),
    evidence: z.array(ZHealthEvidence).meta({ description: 'The rows that caused it (up to 50 per rule), to link' }),
  })
  .meta({ id: 'HealthSignal' });
export type HealthSignal = z.infer<typeof ZHealthSignal>;

const ZRevenue = z.object({
  received: z.number().int().meta({ description: 'Agorot received in the period' }),
  acceptedUnpaid: z.number().int().meta({
    description: 'Agorot accepted (quotes, schedule lines) and not yet paid, at the period’s end: the open balance',
  }),
});
const ZEffort = z.object({
  timeMinutes: z.number().int().meta({ description: 'Time entries started in the period' }),
  contactMinutes: z.number().int().meta({ description: 'Durations logged on calls and meetings in the period' }),
  totalMinutes: z.number().int(),
  hours: z.number().meta({ description: 'totalMinutes ÷ 60, two decimals' }),
});
const ZRates = z.object({
  received: z.number().int().nullable().meta({ description: 'Agorot per hour: received ÷ hours; null without hours' }),
  withAccepted: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Agorot per hour: (received + accepted unpaid) ÷ hours; null without hours' }),
});

export const ZClientHealth = z
  .object({
    clientId: z.string(),
    clientName: z.string(),
    clientStatus: ZClientStatus,
    period: z.number().int(),
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    revenue: ZRevenue,
    effort: ZEffort,
    rate: ZRates.extend({
      workspaceMedian: z
        .number()
        .int()
        .nullable()
        .meta({ description: 'Median withAccepted rate of active clients with enough hours; null with too few' }),
    }),
    contacts: z.object({
      count: z.number().int(),
      perMonth: z.number().meta({ description: 'count × 30 ÷ period days, one decimal' }),
      afterHours: z.number().int(),
      lastContactAt: z.string().nullable(),
      daysSinceLastContact: z.number().int().nullable(),
    }),
    outOfScopeRequests: z.number().int(),
    promises: z.object({
      mine: z.object({ broken: z.number().int(), keptLate: z.number().int() }),
      theirs: z.object({ broken: z.number().int(), keptLate: z.number().int() }),
    }),
    payments: z.object({ late: z.number().int(), daysLate: z.number().int() }),
    care: z.object({
      openIncidents: z.number().int(),
      openConflicts: z.number().int(),
      compensation: z.number().int().meta({ description: 'Agorot given for mistakes recorded in the period' }),
    }),
    signals: z.array(ZHealthSignal).meta({ description: 'Only the signals that fired, most points first' }),
    score: z.object({
      value: z.number().int().min(0).max(100),
      reasons: z.array(ZHealthReason).meta({ description: 'Every point taken off 100, and why' }),
    }),
  })
  .meta({ id: 'ClientHealth' });
export type ClientHealth = z.infer<typeof ZClientHealth>;

export const ZClientHealthQuery = z.object({ period: ZHealthPeriod });
export type ClientHealthQuery = z.infer<typeof ZClientHealthQuery>;

export const healthSorts = ['score', 'revenue', 'hours', 'rate', 'name'] as const;
export const healthFilters = ['all', 'with_signals', 'at_risk', ...healthSignals] as const;

export const ZClientHealthListQuery = z.object({
  period: ZHealthPeriod,
  sort: z
    .enum(healthSorts, { error: 'invalid_choice' })
    .default('score')
    .meta({ description: 'score: worst first · revenue, hours: most first · rate: lowest first · name' }),
  dir: z.enum(['asc', 'desc'], { error: 'invalid_choice' }).optional().meta({ description: 'Reverses the default' }),
  filter: z
    .enum(healthFilters, { error: 'invalid_choice' })
    .default('all')
    .meta({ description: 'with_signals: any signal · at_risk: score under 60 · a signal: clients showing it' }),
  limit: ZPageLimit,
  offset: ZPageOffset,
});
export type ClientHealthListQuery = z.infer<typeof ZClientHealthListQuery>;

export const ZClientHealthRow = z
  .object({
    clientId: z.string(),
    clientName: z.string(),
    score: z.number().int(),
    signals: z
      .array(z.object({ signal: ZHealthSignalKind, severity: ZSeverity, points: z.number().int() }))
      .meta({ description: 'The main signals (up to three, most points first)' }),
    revenue: ZRevenue,
    hours: z.number(),
    rate: ZRates,
  })
  .meta({ id: 'ClientHealthRow' });
export type ClientHealthRow = z.infer<typeof ZClientHealthRow>;

export const ZClientHealthList = z
  .object({
    period: z.number().int(),
    currency: z.string(),
    medianRate: z.number().int().nullable(),
    total: z.number().int().meta({ description: 'Active clients matching the filter' }),
    items: z.array(ZClientHealthRow),
  })
  .meta({ id: 'ClientHealthList' });
export type ClientHealthList = z.infer<typeof ZClientHealthList>;

export const ZInsightsOverviewQuery = z.object({ period: ZHealthPeriod });
export type InsightsOverviewQuery = z.infer<typeof ZInsightsOverviewQuery>;

export const nextSteps = ['talk_terms', 'reprice', 'conflict_worksheet', 'let_go'] as const;
export const ZNextStep = z.enum(nextSteps);
export type NextStep = z.infer<typeof ZNextStep>;

export const ZInsightsOverview = z
  .object({
    period: z.number().int(),
    currency: z.string(),
    medianRate: z.number().int().nullable(),
    revenueVsEffort: z
      .array(
        z.object({
          clientId: z.string(),
          clientName: z.string(),
          received: z.number().int(),
          acceptedUnpaid: z.number().int(),
          hours: z.number(),
          rate: z.number().int().nullable(),
          score: z.number().int(),
        }),
      )
      .meta({ description: 'Every active client with revenue or effort in the period (the chart and its table)' }),
    wordKeeping: z.object({
      rate: z.number().nullable(),
      weekly: z.array(z.object({ weekStart: z.string(), due: z.number().int(), keptOnTime: z.number().int() })),
    }),
    moneyOwed: z
      .array(
        z.object({
          month: z.string(),
          accepted: z.number().int(),
          received: z.number().int(),
          owed: z.number().int().meta({ description: 'Still owed at the month’s end' }),
        }),
      )
      .meta({ description: 'The last twelve months, oldest first' }),
    costsMostEnergy: z
      .array(
        z.object({
          clientId: z.string(),
          clientName: z.string(),
          energyMinutes: z.number().int().meta({ description: 'Effort minutes + 5 per contact (ranking only)' }),
          hours: z.number(),
          contacts: z.number().int(),
          score: z.number().int(),
          rate: z.number().int().nullable(),
          nextStep: ZNextStep,
          because: z.array(ZHealthSignalKind).meta({ description: 'The signals that chose the next step' }),
        }),
      )
      .meta({ description: 'Top ten by energy, with a suggested next step each' }),
  })
  .meta({ id: 'InsightsOverview' });
export type InsightsOverview = z.infer<typeof ZInsightsOverview>;
