import { z } from 'zod';
import { ZId, ZIsoDateTime, requiredText } from './common.js';
import { ZCommitment, ZLocalDate } from './commitments.js';
import { ZMessageDraft } from './messages.js';

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
    title: z.string(),
    status: z.enum(projectStatuses),
    targetDate: z.string().nullable(),
    delivery: ZCommitment.nullable().meta({ description: 'My promise to deliver by the target date' }),
    deliverables: z.array(z.object({ id: ZId, title: z.string(), targetDate: z.string().nullable(), status: z.string() })),
    reschedules: z.array(ZReschedule).meta({ description: 'Every slip, oldest first' }),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof ZProject>;

export const ZSetTarget = z.object({ targetDate: ZLocalDate }).meta({ id: 'SetProjectTarget' });

/** A deadline slips: the cause, where things stand, and the new date are all required (seed 000). */
export const ZRescheduleInput = z
  .object({
    cause: ZDelayCause,
    statusText: requiredText(1000),
    newTargetDate: ZLocalDate,
    message: ZMessageDraft.optional(),
  })
  .meta({ id: 'RescheduleInput' });
export type RescheduleInput = z.input<typeof ZRescheduleInput>;

export const ZComposeDelay = ZRescheduleInput.omit({ message: true }).meta({ id: 'ComposeDelayNotice' });
