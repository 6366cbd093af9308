import { z } from 'zod';
import { ZChannel, ZId, ZIsoDateTime, ZOptionalEmail, ZOptionalPhone, optionalText, requiredText } from './common.js';
import { ZCommitment, ZDue, ZLocalDate } from './commitments.js';
import { ZMessageDraft, ZMessageSent } from './messages.js';

export const projectStatuses = ['planned', 'active', 'waiting_for_client', 'delivered', 'closed'] as const;
export const delayCauses = ['mine', 'client', 'external'] as const;
export const ZDelayCause = z.enum(delayCauses, { error: 'invalid_choice' });

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
    status: z.enum(projectStatuses),
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

export const ZCreateProject = z
  .object({
    clientId: ZId,
    title: requiredText(200),
    targetDate: ZLocalDate.optional(),
    deliverables: z.array(requiredText(300)).max(100, { error: 'too_many' }).default([]),
  })
  .meta({ id: 'CreateProject' });

export const ZUpdateProject = z
  .object({ title: requiredText(200), status: z.enum(projectStatuses, { error: 'invalid_choice' }) })
  .partial()
  .meta({ id: 'UpdateProject' });

export const deliverableStatuses = ['open', 'done'] as const;
export const ZUpdateDeliverable = z
  .object({ status: z.enum(deliverableStatuses, { error: 'invalid_choice' }), targetDate: ZLocalDate.nullable() })
  .partial()
  .meta({ id: 'UpdateDeliverable' });

export const ZAddMaterial = z.object({ what: requiredText(300), dueDate: ZLocalDate }).meta({ id: 'AddMaterial' });
export type Project = z.infer<typeof ZProject>;

export const ZSetTarget = z.object({ targetDate: ZLocalDate }).meta({ id: 'SetProjectTarget' });

/** A deadline slips: the cause, where things stand, and the new date are all required (seed 000). */
export const ZRescheduleProject = z
  .object({
    cause: ZDelayCause,
    statusText: requiredText(1000),
    newTargetDate: ZLocalDate,
    message: ZMessageDraft.optional(),
  })
  .meta({ id: 'RescheduleProjectInput' });
export type RescheduleProjectInput = z.input<typeof ZRescheduleProject>;

export const ZComposeDelay = ZRescheduleProject.omit({ message: true }).meta({ id: 'ComposeDelayNotice' });

export const ZSaveColleague = z
  .object({
    name: requiredText(120),
    does: requiredText(300),
    phone: ZOptionalPhone,
    email: ZOptionalEmail,
    notes: optionalText(2000),
  })
  .meta({ id: 'ColleagueInput' });
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

export const scopeDecisions = ['goodwill', 'change_order', 'deterrent', 'subcontract', 'refer', 'decline'] as const;
export const ZScopeDecision = z.enum(scopeDecisions, { error: 'invalid_choice' });
export type ScopeDecision = z.infer<typeof ZScopeDecision>;

export const ZCreateChangeRequest = z
  .object({
    what: requiredText(1000),
    channel: ZChannel,
    requestedAt: z.string().datetime({ error: 'invalid_date' }).optional(),
  })
  .meta({ id: 'CreateChangeRequest' });

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

export const ZComposeScope = z
  .object({
    decision: ZScopeDecision,
    value: z.number().int().min(0).optional(),
    colleagueId: ZId.optional(),
    formalQuoteBy: ZDue.optional(),
  })
  .meta({ id: 'ComposeScopeAnswer' });

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

export const ZRescheduled = z.object({ project: ZProject, sent: ZMessageSent.nullable() }).meta({ id: 'Rescheduled' });
export const ZChangeRequestDecided = z
  .object({ changeRequest: ZChangeRequest, sent: ZMessageSent.nullable() })
  .meta({ id: 'ChangeRequestDecided' });
