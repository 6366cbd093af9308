import { z } from 'zod';
import {
  ZChannel,
  ZId,
  ZIsoDateTime,
  ZOptionalEmail,
  ZOptionalPhone,
  optionalText,
  requiredText,
  inDateRange,
  ZPageLimit,
  ZPageOffset,
} from './common.js';
import { ZCommitment, ZDelayCause, ZDue, delayCauses, type DelayCause } from './commitments.js';
import { ZLocalDate } from './common.js';
import { ZMessageDraft, ZMessageSent } from './messages.js';
import { projectStatuses, projectSorts } from '../lists.js';
export { projectStatuses, projectSorts };

// Delay causes are defined with the promises they excuse; projects name them too.
export { ZDelayCause, delayCauses, type DelayCause };

export const ZProjectStatus = z.enum(projectStatuses, { error: 'invalid_choice' });
export type ProjectStatus = z.infer<typeof ZProjectStatus>;

export const ZReschedule = z
  .object({
    id: ZId,
    cause: ZDelayCause,
    statusText: z.string(),
    fromDate: z.string().nullable(),
    toDate: z.string(),
    messageId: ZId.nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'Reschedule' });

export const ZProject = z
  .object({
    id: ZId,
    clientId: ZId,
    clientName: z.string(),
    title: z.string(),
    status: ZProjectStatus,
    targetDate: z.string().nullable(),
    delivery: ZCommitment.nullable().meta({ description: 'My promise to deliver by the target date' }),
    deliverables: z.array(
      z.object({ id: ZId, title: z.string(), targetDate: z.string().nullable(), status: z.string() }),
    ),
    reschedules: z.array(ZReschedule).meta({ description: 'Every slip, oldest first' }),
    materials: z
      .array(ZCommitment)
      .meta({ description: 'What the client must supply and by when (promises the client owes)' }),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'Project' });

export const deliverableStatuses = ['open', 'done'] as const;
export const ZDeliverableStatus = z.enum(deliverableStatuses, { error: 'invalid_choice' });
export type DeliverableStatus = z.infer<typeof ZDeliverableStatus>;

export const ZCreateProject = z
  .object({
    clientId: ZId,
    title: requiredText(200),
    targetDate: ZLocalDate.optional(),
    deliverables: z.array(requiredText(300)).max(100, { error: 'too_many' }).default([]),
  })
  .meta({ id: 'CreateProject' });
export type CreateProject = z.output<typeof ZCreateProject>;

export const ZUpdateProject = z
  .object({ title: requiredText(200), status: ZProjectStatus })
  .partial()
  .meta({ id: 'UpdateProject' });
export type UpdateProject = z.output<typeof ZUpdateProject>;

export const ZUpdateDeliverable = z
  .object({ status: ZDeliverableStatus, targetDate: ZLocalDate.nullable() })
  .partial()
  .refine((d) => d.status !== undefined || d.targetDate !== undefined, { error: 'choose_one', path: ['status'] })
  .meta({ id: 'UpdateDeliverable' });
export type UpdateDeliverable = z.output<typeof ZUpdateDeliverable>;

export const ZAddMaterial = z.object({ what: requiredText(300), dueDate: ZLocalDate }).meta({ id: 'AddMaterial' });
export type AddMaterial = z.output<typeof ZAddMaterial>;
export type Project = z.infer<typeof ZProject>;
/** One row of the projects list and board. */
export const ZProjectSummary = z
  .object({
    id: ZId,
    clientId: ZId,
    clientName: z.string(),
    title: z.string(),
    status: ZProjectStatus,
    targetDate: z.string().nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'ProjectSummary' });
export type ProjectSummary = z.infer<typeof ZProjectSummary>;

export type ProjectSort = (typeof projectSorts)[number];

export const ZProjectListQuery = z.object({
  clientId: ZId.optional(),
  q: z.string().max(200, { error: 'too_long' }).optional().meta({ description: 'Title or client name' }),
  status: ZProjectStatus.optional(),
  sort: z
    .enum(projectSorts, { error: 'invalid_choice' })
    .default('newest')
    .meta({ description: 'target: soonest target date first, projects without one last' }),
  limit: ZPageLimit,
  offset: ZPageOffset,
});
export type ProjectListQuery = z.output<typeof ZProjectListQuery>;
export type ProjectListQueryInput = z.input<typeof ZProjectListQuery>;

export const ZProjectList = z
  .object({
    items: z.array(ZProjectSummary),
    total: z.number().int(),
    nextOffset: z.number().int().nullable(),
    counts: z
      .array(z.object({ status: ZProjectStatus, count: z.number().int() }))
      .meta({ description: 'Per status, matching q (whatever the status filter)' }),
  })
  .meta({ id: 'ProjectList' });
export type ProjectList = z.infer<typeof ZProjectList>;

export const ZSetTarget = z.object({ targetDate: ZLocalDate }).meta({ id: 'SetProjectTarget' });
export type SetTarget = z.output<typeof ZSetTarget>;

/** A deadline slips: the cause, where things stand, and the new date are all required (seed 000). */
export const ZRescheduleProject = z
  .object({
    cause: ZDelayCause,
    statusText: requiredText(1000),
    newTargetDate: ZLocalDate,
    message: ZMessageDraft.optional(),
  })
  .meta({ id: 'RescheduleProject' });
export type RescheduleProjectInput = z.input<typeof ZRescheduleProject>;
export type RescheduleProject = z.output<typeof ZRescheduleProject>;

export const ZComposeDelay = ZRescheduleProject.omit({ message: true }).meta({ id: 'ComposeDelayNotice' });
export type ComposeDelay = z.output<typeof ZComposeDelay>;

export const ZSaveColleague = z
  .object({
    name: requiredText(120),
    does: requiredText(300),
    phone: ZOptionalPhone,
    email: ZOptionalEmail,
    notes: optionalText(2000),
  })
  .meta({ id: 'SaveColleague' });
export type SaveColleague = z.output<typeof ZSaveColleague>;
export const ZColleague = z
  .object({
    id: ZId,
    name: z.string(),
    does: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'Colleague' });
export type Colleague = z.infer<typeof ZColleague>;
export const ZColleagueList = z.object({ items: z.array(ZColleague) }).meta({ id: 'ColleagueList' });
export type ColleagueList = z.infer<typeof ZColleagueList>;

export const scopeDecisions = ['goodwill', 'change_order', 'deterrent', 'subcontract', 'refer', 'decline'] as const;
export const ZScopeDecision = z.enum(scopeDecisions, { error: 'invalid_choice' });
export type ScopeDecision = z.infer<typeof ZScopeDecision>;

export const ZCreateChangeRequest = z
  .object({
    what: requiredText(1000),
    channel: ZChannel,
    requestedAt: z
      .string()
      .datetime({ error: 'invalid_date' })
      .refine(inDateRange, { error: 'date_out_of_range' })
      .optional(),
  })
  .meta({ id: 'CreateChangeRequest' });
export type CreateChangeRequest = z.output<typeof ZCreateChangeRequest>;

/** The answer: in scope, or out of scope with a decision (seed 001), and the message that says so. */
export const ZDecideChangeRequest = z
  .object({
    inScope: z.boolean({ error: 'invalid_type' }),
    decision: ZScopeDecision.optional(),
    /** Agorot: the value given away (goodwill) or the price asked (deterrent, change order). */
    value: z
      .number({ error: 'invalid_number' })
      .int({ error: 'invalid_number' })
      .min(0, { error: 'too_small' })
      .optional(),
    colleagueId: ZId.optional(),
    /** "I'll send you a formal quote by…": becomes my promise, due then. */
    formalQuoteBy: ZDue.optional(),
    message: ZMessageDraft.optional(),
  })
  .refine((d) => d.inScope || d.decision, { error: 'needs_decision', path: ['decision'] })
  .refine((d) => !(d.decision === 'subcontract' || d.decision === 'refer') || d.colleagueId, {
    error: 'required',
    path: ['colleagueId'],
  })
  .meta({ id: 'DecideChangeRequest' });
export type DecideChangeRequest = z.output<typeof ZDecideChangeRequest>;

export const ZComposeScope = z
  .object({
    decision: ZScopeDecision,
    value: z.number().int().min(0).optional(),
    colleagueId: ZId.optional(),
    formalQuoteBy: ZDue.optional(),
  })
  .meta({ id: 'ComposeScopeAnswer' });
export type ComposeScope = z.output<typeof ZComposeScope>;

export const ZChangeRequest = z
  .object({
    id: ZId,
    projectId: ZId,
    clientId: ZId,
    what: z.string(),
    requestedAt: ZIsoDateTime,
    channel: ZChannel,
    inScope: z.boolean().nullable(),
    decision: ZScopeDecision.nullable(),
    value: z.number().int().nullable(),
    colleagueId: ZId.nullable(),
    quoteId: ZId.nullable(),
    commitmentId: ZId.nullable(),
    messageId: ZId.nullable(),
    decidedAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: 'ChangeRequest' });
export type ChangeRequest = z.infer<typeof ZChangeRequest>;
export const ZChangeRequestList = z.object({ items: z.array(ZChangeRequest) }).meta({ id: 'ChangeRequestList' });
export type ChangeRequestList = z.infer<typeof ZChangeRequestList>;

export const ZRescheduled = z.object({ project: ZProject, sent: ZMessageSent.nullable() }).meta({ id: 'Rescheduled' });
export const ZChangeRequestDecided = z
  .object({ changeRequest: ZChangeRequest, sent: ZMessageSent.nullable() })
  .meta({ id: 'ChangeRequestDecided' });
