import { z } from 'zod';
import { ZId, ZIsoDateTime, ZLocale, optionalText, requiredText } from './common.js';
import { ZClientStatus, ZPersonality } from './clients.js';
import { ZCommitment, ZCommitmentDraft, ZDue } from './commitments.js';
import { ZLocalDate } from './common.js';
import { ZMessageDraft, ZMessageSent } from './messages.js';
import { ZPaymentItem } from './payments.js';
import { incidentCauses, incidentStatuses } from '../lists.js';
export { incidentCauses, incidentStatuses };

// ── Playbooks per client type (seeds 002, 004) ─────────────────────────────

/** A short line of a playbook: a hint, a tactic, a thing to avoid. */
const ZPlaybookLine = requiredText(300);

/** The text of a playbook in one language. */
export const ZPlaybookText = z.object({
  hint: ZPlaybookLine.meta({ description: 'One line, shown beside the client on the quote and scope screens' }),
  tactics: z.array(ZPlaybookLine).min(1, { error: 'required' }).max(8, { error: 'too_many' }),
  avoid: z.array(ZPlaybookLine).max(8, { error: 'too_many' }),
});
export type PlaybookText = z.infer<typeof ZPlaybookText>;

export const ZPlaybook = z
  .object({
    type: z.string().meta({ description: 'A built-in personality (lovely, …) or the id of a type the user added' }),
    builtIn: z.boolean(),
    personality: ZPersonality.nullable().meta({ description: 'Set for the built-in types' }),
    name: z.string(),
    locale: ZLocale.meta({ description: 'The language of the text (a user-added type may exist in one only)' }),
    hint: z.string(),
    tactics: z.array(z.string()),
    avoid: z.array(z.string()),
    edited: z.boolean().meta({ description: 'The workspace wrote this text (a built-in one can be reset)' }),
    updatedAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: 'Playbook' });
export type Playbook = z.infer<typeof ZPlaybook>;

export const ZPlaybookList = z.object({ locale: ZLocale, items: z.array(ZPlaybook) }).meta({ id: 'PlaybookList' });
export type PlaybookList = z.infer<typeof ZPlaybookList>;

export const ZPlaybookQuery = z.object({
  locale: ZLocale.optional().meta({ description: 'Defaults to the caller’s language' }),
});
export type PlaybookQuery = z.infer<typeof ZPlaybookQuery>;

/** Replaces the workspace's text of one type in one language. */
export const ZUpdatePlaybook = z.object({ locale: ZLocale, ...ZPlaybookText.shape }).meta({ id: 'UpdatePlaybook' });
export type UpdatePlaybook = z.infer<typeof ZUpdatePlaybook>;
export type UpdatePlaybookInput = z.input<typeof ZUpdatePlaybook>;

export const ZResetPlaybook = z
  .object({
    locale: ZLocale.optional().meta({ description: 'The language to reset; every language when left out' }),
  })
  .meta({ id: 'ResetPlaybook' });
export type ResetPlaybook = z.infer<typeof ZResetPlaybook>;

/** A type the user adds ("the one who always pays late"), written in one language. */
export const ZCreateClientType = z
  .object({ name: requiredText(60), locale: ZLocale, ...ZPlaybookText.shape })
  .meta({ id: 'CreateClientType' });
export type CreateClientType = z.infer<typeof ZCreateClientType>;
export type CreateClientTypeInput = z.input<typeof ZCreateClientType>;

// ── Paging by (created_at, id), newest first ───────────────────────────────

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/;

/** Where the previous page ended: the last item's creation time and id (`nextCursor` of a list). */
export const ZCursor = z
  .string({ error: 'invalid_type' })
  .transform((value, ctx) => {
    const match = CURSOR.exec(value);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'invalid_type' });
      return z.NEVER;
    }
    return { createdAt: match[1]!, id: match[2]! };
  })
  .meta({ type: 'string', description: 'The nextCursor of the previous page' });
export type Cursor = z.infer<typeof ZCursor>;

export function cursorOf(item: { createdAt: string; id: string }): string {
  return `${item.createdAt}_${item.id}`;
}

const ZLimit = z.coerce
  .number({ error: 'invalid_number' })
  .int({ error: 'invalid_number' })
  .min(1, { error: 'too_small' })
  .max(200, { error: 'too_big' })
  .default(50);

// ── Mistakes (incidents, seed 003) ─────────────────────────────────────────

export const ZIncidentCause = z.enum(incidentCauses, { error: 'invalid_choice' });
export type IncidentCause = z.infer<typeof ZIncidentCause>;

export const ZIncidentStatus = z.enum(incidentStatuses, { error: 'invalid_choice' });
export type IncidentStatus = z.infer<typeof ZIncidentStatus>;

/**
 * Money in agorot (minor units): a whole number, never negative. At most ₪10 million, which keeps
 * it inside a 32-bit `integer` column on PostgreSQL (a larger number would fail there as a 500).
 */
export const ZAmount = z
  .number({ error: 'invalid_number' })
  .int({ error: 'invalid_number' })
  .min(0, { error: 'too_small' })
  .max(1_000_000_000, { error: 'too_big' });

const incidentFields = {
  projectId: ZId.nullable(),
  title: requiredText(200).meta({ description: 'The mistake in a line: what it was, named plainly' }),
  outline: optionalText(4000).meta({ description: 'The short outline of the events that led to it' }),
  cause: ZIncidentCause,
  causeDetails: optionalText(2000).meta({ description: 'Why it went wrong, in my words' }),
  prevention: optionalText(2000).meta({ description: 'What I will do so it does not happen again' }),
  fix: optionalText(2000).meta({ description: 'How I fix it now' }),
  compensation: optionalText(1000).meta({ description: 'The compensation offered, in words' }),
  compensationAmount: ZAmount.meta({ description: 'Its value in agorot (a cost of this client)' }),
  status: ZIncidentStatus,
  clientReaction: optionalText(2000),
  fixBy: ZLocalDate.nullable().meta({ description: 'The day I said it will be fixed by' }),
};

export const ZCreateIncident = z
  .object({
    clientId: ZId,
    ...incidentFields,
    projectId: incidentFields.projectId.default(null),
    cause: incidentFields.cause.default('other'),
    compensationAmount: incidentFields.compensationAmount.default(0),
    status: incidentFields.status.default('open'),
    fixBy: incidentFields.fixBy.default(null),
  })
  .meta({ id: 'CreateIncident' });
export type CreateIncident = z.infer<typeof ZCreateIncident>;
export type CreateIncidentInput = z.input<typeof ZCreateIncident>;

/** PATCH: any subset (the client stays; a project must be that client's). */
export const ZUpdateIncident = z.object(incidentFields).partial().meta({ id: 'UpdateIncident' });
export type UpdateIncident = z.infer<typeof ZUpdateIncident>;
export type UpdateIncidentInput = z.input<typeof ZUpdateIncident>;

export const ZIncident = z
  .object({
    id: ZId,
    clientId: ZId,
    clientName: z.string(),
    projectId: ZId.nullable(),
    title: z.string(),
    outline: z.string().nullable(),
    cause: ZIncidentCause,
    causeDetails: z.string().nullable(),
    prevention: z.string().nullable(),
    fix: z.string().nullable(),
    compensation: z.string().nullable(),
    compensationAmount: z.number().int(),
    currency: z.string(),
    status: ZIncidentStatus,
    clientReaction: z.string().nullable(),
    fixBy: z.string().nullable(),
    fixedAt: ZIsoDateTime.nullable(),
    closedAt: ZIsoDateTime.nullable(),
    apologyMessageId: ZId.nullable().meta({ description: 'The apology last sent or opened' }),
    fixCommitmentId: ZId.nullable().meta({ description: '"Fixed by …": my promise' }),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof ZIncident>;

export const ZIncidentListQuery = z.object({
  clientId: ZId.optional(),
  cause: ZIncidentCause.optional(),
  status: ZIncidentStatus.optional(),
  limit: ZLimit,
  cursor: ZCursor.optional(),
});
export type IncidentListQuery = z.infer<typeof ZIncidentListQuery>;

export const ZIncidentList = z
  .object({ items: z.array(ZIncident), nextCursor: z.string().nullable() })
  .meta({ id: 'IncidentList' });
export type IncidentList = z.infer<typeof ZIncidentList>;

// ── Conflict cases (seed 002) ──────────────────────────────────────────────

export const conflictTopics = [
  'costs',
  'budget',
  'quality',
  'changes',
  'not_in_contract',
  'oral_promises',
  'schedule',
  'other',
] as const;
export const ZConflictTopic = z.enum(conflictTopics, { error: 'invalid_choice' });
export type ConflictTopic = z.infer<typeof ZConflictTopic>;

export const conflictStatuses = ['open', 'resolved', 'dropped'] as const;
export const ZConflictStatus = z.enum(conflictStatuses, { error: 'invalid_choice' });
export type ConflictStatus = z.infer<typeof ZConflictStatus>;

/** One way out; the list is ordered smallest problem first. */
export const ZConflictOption = z.object({ text: requiredText(500) }).meta({ id: 'ConflictOption' });
export type ConflictOption = z.infer<typeof ZConflictOption>;

const conflictFields = {
  topic: ZConflictTopic,
  position: requiredText(2000).meta({ description: 'The client’s position, in their words ("I need it tomorrow")' }),
  question: optionalText(1000).meta({ description: 'The question asked to find the interest ("why tomorrow?")' }),
  interest: optionalText(2000).meta({ description: 'The interest behind it ("the exhibition is in two days")' }),
  stakeholderIds: z
    .array(ZId)
    .max(20, { error: 'too_many' })
    .meta({ description: 'The client’s contacts involved: the source of pressure' }),
  reflection: optionalText(2000).meta({ description: '"If I understood you, …"' }),
  options: z.array(ZConflictOption).max(10, { error: 'too_many' }).meta({ description: 'Smallest problem first' }),
  chosenOption: z
    .number({ error: 'invalid_number' })
    .int({ error: 'invalid_number' })
    .min(0, { error: 'too_small' })
    .nullable()
    .meta({ description: 'Index into options' }),
  outcome: optionalText(2000),
  occurredOn: ZLocalDate.nullable().meta({ description: 'The day of the conversation; today when left out' }),
  status: ZConflictStatus,
};

export const ZCreateConflict = z
  .object({
    clientId: ZId,
    ...conflictFields,
    stakeholderIds: conflictFields.stakeholderIds.default([]),
    options: conflictFields.options.default([]),
    chosenOption: conflictFields.chosenOption.default(null),
    occurredOn: conflictFields.occurredOn.default(null),
    status: conflictFields.status.default('open'),
  })
  .meta({ id: 'CreateConflict' });
export type CreateConflict = z.infer<typeof ZCreateConflict>;
export type CreateConflictInput = z.input<typeof ZCreateConflict>;

/** PATCH: any subset; stakeholderIds and options replace the stored lists as a whole. */
export const ZUpdateConflict = z.object(conflictFields).partial().meta({ id: 'UpdateConflict' });
export type UpdateConflict = z.infer<typeof ZUpdateConflict>;
export type UpdateConflictInput = z.input<typeof ZUpdateConflict>;

export const ZConflict = z
  .object({
    id: ZId,
    clientId: ZId,
    clientName: z.string(),
    topic: ZConflictTopic,
    position: z.string(),
    question: z.string().nullable(),
    interest: z.string().nullable(),
    stakeholderIds: z.array(ZId),
    reflection: z.string().nullable(),
    options: z.array(z.object({ text: z.string() })),
    chosenOption: z.number().int().nullable(),
    outcome: z.string().nullable(),
    occurredOn: z.string(),
    status: ZConflictStatus,
    commitmentIds: z.array(ZId).meta({ description: 'The promises the chosen option became' }),
    followupMessageId: ZId.nullable(),
    resolvedAt: ZIsoDateTime.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: 'Conflict' });
export type Conflict = z.infer<typeof ZConflict>;

export const ZConflictListQuery = z.object({
  clientId: ZId.optional(),
  status: ZConflictStatus.optional(),
  topic: ZConflictTopic.optional(),
  limit: ZLimit,
  cursor: ZCursor.optional(),
});
export type ConflictListQuery = z.infer<typeof ZConflictListQuery>;

export const ZConflictList = z
  .object({ items: z.array(ZConflict), nextCursor: z.string().nullable() })
  .meta({ id: 'ConflictList' });
export type ConflictList = z.infer<typeof ZConflictList>;

// ── The five most stubborn clients (seed 002's exercise) ───────────────────

export const ZStubbornClient = z
  .object({
    clientId: ZId,
    clientName: z.string(),
    openConflicts: z.number().int(),
    openIncidents: z.number().int(),
    changeRequests: z.number().int().meta({ description: 'Requests beyond the agreed scope (not marked in scope)' }),
    score: z.number().int().meta({ description: 'The sum of the three' }),
  })
  .meta({ id: 'StubbornClient' });
export type StubbornClient = z.infer<typeof ZStubbornClient>;

export const ZStubbornClientList = z.object({ items: z.array(ZStubbornClient) }).meta({ id: 'StubbornClientList' });
export type StubbornClientList = z.infer<typeof ZStubbornClientList>;

// ── The apology for a mistake (seed 003) ───────────────────────────────────

/** The (edited) apology, and optionally the day (and time) I say it will be fixed by: my promise. */
export const ZSendApology = z
  .object({
    message: ZMessageDraft,
    fixBy: ZDue.optional().meta({ description: 'Becomes my promise "fix by", linked to the mistake' }),
  })
  .meta({ id: 'SendApology' });
export type SendApology = z.infer<typeof ZSendApology>;
export type SendApologyInput = z.input<typeof ZSendApology>;

export const ZApologySent = z
  .object({ incident: ZIncident, sent: ZMessageSent, fixPromise: ZCommitment.nullable() })
  .meta({ id: 'ApologySent' });
export type ApologySent = z.infer<typeof ZApologySent>;

// ── A conflict's chosen option becomes promises and a message (seed 002) ───

const ZPromiseDrafts = z.array(ZCommitmentDraft).max(10, { error: 'too_many' });

/** For the follow-up's text: the option and the promises as they stand in the form (stored ones otherwise). */
export const ZComposeConflictFollowup = z
  .object({
    chosenOption: conflictFields.chosenOption.optional(),
    promises: ZPromiseDrafts.optional(),
  })
  .meta({ id: 'ComposeConflictFollowup' });
export type ComposeConflictFollowup = z.infer<typeof ZComposeConflictFollowup>;

export const ZResolveConflict = z
  .object({
    chosenOption: conflictFields.chosenOption.unwrap(),
    promises: ZPromiseDrafts.default([]).meta({ description: 'Mine or theirs, each with its due day' }),
    message: ZMessageDraft.optional(),
    outcome: optionalText(2000),
  })
  .meta({ id: 'ResolveConflict' });
export type ResolveConflict = z.infer<typeof ZResolveConflict>;
export type ResolveConflictInput = z.input<typeof ZResolveConflict>;

export const ZConflictResolved = z
  .object({ conflict: ZConflict, promises: z.array(ZCommitment), sent: ZMessageSent.nullable() })
  .meta({ id: 'ConflictResolved' });
export type ConflictResolved = z.infer<typeof ZConflictResolved>;

// ── Referrals and the ambassador value (seeds 000, 004) ────────────────────

export const ZAmbassador = z
  .object({
    clientId: ZId,
    currency: z.string(),
    referredClients: z.array(
      z.object({
        clientId: ZId,
        name: z.string(),
        status: ZClientStatus,
        accepted: z.number().int().meta({ description: 'Accepted quotes, in agorot' }),
        received: z.number().int().meta({ description: 'Payments received, in agorot' }),
      }),
    ),
    revenue: z.number().int().meta({ description: 'Accepted quotes of the referred clients, in agorot' }),
    received: z.number().int().meta({ description: 'Payments received from them, in agorot' }),
  })
  .meta({ id: 'Ambassador' });
export type Ambassador = z.infer<typeof ZAmbassador>;

// ── Parting well (seeds 000, 004) ──────────────────────────────────────────

export const endOutcomes = ['ended', 'let_go'] as const;
export const ZEndOutcome = z.enum(endOutcomes, { error: 'invalid_choice' });
export type EndOutcome = z.infer<typeof ZEndOutcome>;

export const offboardingItemKinds = ['commitment', 'project', 'payment_item', 'quote'] as const;
export const ZOffboardingItemKind = z.enum(offboardingItemKinds, { error: 'invalid_choice' });
export type OffboardingItemKind = z.infer<typeof ZOffboardingItemKind>;

export const offboardingDecisions = ['finish', 'hand_over', 'cancel'] as const;
export const ZOffboardingDecisionKind = z.enum(offboardingDecisions, { error: 'invalid_choice' });

export const ZOffboardingDecision = z
  .object({
    itemKind: ZOffboardingItemKind,
    itemId: ZId,
    decision: ZOffboardingDecisionKind.meta({
      description: 'finish: stays open and is done; hand_over / cancel: closed now, with the reason',
    }),
    reason: optionalText(500),
  })
  .meta({ id: 'OffboardingDecision' });
export type OffboardingDecision = z.infer<typeof ZOffboardingDecision>;

export const checklistSteps = ['deliver_or_hand_over', 'settle_payments', 'return_materials', 'final_message'] as const;

export const ZOffboarding = z
  .object({
    clientId: ZId,
    clientName: z.string(),
    status: ZClientStatus,
    checklist: z.array(
      z.object({
        step: z.enum(checklistSteps),
        done: z.boolean(),
        open: z.number().int().meta({ description: 'Open items behind the step (0 for the steps Mila cannot see)' }),
      }),
    ),
    commitments: z.array(ZCommitment).meta({ description: 'Open promises, mine and theirs' }),
    projects: z.array(
      z.object({
        id: ZId,
        title: z.string(),
        status: z.string(),
        targetDate: z.string().nullable(),
        openDeliverables: z.array(z.string()),
      }),
    ),
    paymentItems: z.array(ZPaymentItem).meta({ description: 'Not paid in full, not cancelled' }),
    quotes: z.array(
      z.object({ id: ZId, number: z.string(), title: z.string(), status: z.string(), total: z.number().int() }),
    ),
    endings: z.array(
      z.object({
        id: ZId,
        outcome: ZEndOutcome,
        reason: z.string().nullable(),
        decisions: z.array(ZOffboardingDecision),
        materialsReturned: z.boolean(),
        farewellMessageId: ZId.nullable(),
        colleagueId: ZId.nullable(),
        endedAt: ZIsoDateTime,
        broughtBackAt: ZIsoDateTime.nullable(),
      }),
    ),
  })
  .meta({ id: 'Offboarding' });
export type Offboarding = z.infer<typeof ZOffboarding>;

export const ZComposeFarewell = z
  .object({ referToColleagueId: ZId.optional().meta({ description: 'A colleague from the directory' }) })
  .meta({ id: 'ComposeFarewell' });
export type ComposeFarewell = z.infer<typeof ZComposeFarewell>;

export const ZEndEngagement = z
  .object({
    outcome: ZEndOutcome,
    reason: optionalText(500).meta({ description: 'Why, in a line; closes the open promises left undecided' }),
    decisions: z.array(ZOffboardingDecision).max(500, { error: 'too_many' }).default([]),
    materialsReturned: z.boolean({ error: 'invalid_type' }).default(false),
    farewell: ZMessageDraft.optional(),
    referToColleagueId: ZId.optional(),
  })
  .meta({ id: 'EndEngagement' });
export type EndEngagement = z.infer<typeof ZEndEngagement>;
export type EndEngagementInput = z.input<typeof ZEndEngagement>;

export const ZEngagementEnded = z
  .object({ offboarding: ZOffboarding, sent: ZMessageSent.nullable() })
  .meta({ id: 'EngagementEnded' });
export type EngagementEnded = z.infer<typeof ZEngagementEnded>;

/** Composing the apology: the "fix by" to write in it, when it differs from the one on the record. */
export const ZComposeApology = z
  .object({ fixBy: ZDue.optional().meta({ description: 'Defaults to the mistake’s own fixBy day' }) })
  .meta({ id: 'ComposeApology' });
export type ComposeApology = z.infer<typeof ZComposeApology>;
