import { z } from 'zod';
import { ZId, ZIsoDateTime, ZLocalDate, ZLocalTime, optionalText, requiredText, inDateRange } from './common.js';

/** Who gave their word: I promised the client, or the client promised me ("sends the logo"). */
export const commitmentDirections = ['mine', 'theirs'] as const;
export const ZCommitmentDirection = z.enum(commitmentDirections, { error: 'invalid_choice' });
export type CommitmentDirection = z.infer<typeof ZCommitmentDirection>;

/**
 * Statuses. open / cancelled / kept follow what the user did; kept_late, broken and renegotiated
 * are derived from the due time, the completion time and the history of due-time changes.
 */
export const commitmentStatuses = ['open', 'kept', 'kept_late', 'renegotiated', 'broken', 'cancelled'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** Whose delay a project slip was: only mine counts against my word. */
export const delayCauses = ['mine', 'client', 'external'] as const;
export const ZDelayCause = z.enum(delayCauses, { error: 'invalid_choice' });
export type DelayCause = z.infer<typeof ZDelayCause>;

/** A due moment as a person says it: a day, and a time on it unless it is "during the day". */
export const ZDue = z.object({
  dueDate: ZLocalDate,
  dueTime: ZLocalTime.nullish()
    .transform((v) => v ?? null)
    .meta({ description: 'null: any time that day' }),
});

export const ZCommitmentDraft = z
  .object({
    direction: ZCommitmentDirection.default('mine'),
    title: requiredText(300),
    ...ZDue.shape,
    notes: optionalText(2000),
  })
  .meta({ id: 'CommitmentDraft' });
export type CommitmentDraftInput = z.input<typeof ZCommitmentDraft>;
export type CommitmentDraft = z.output<typeof ZCommitmentDraft>;

export const ZCreateCommitment = z
  .object({
    clientId: ZId,
    interactionId: ZId.nullish().transform((v) => v ?? null),
    ...ZCommitmentDraft.shape,
  })
  .meta({ id: 'CreateCommitment' });
export type CreateCommitmentInput = z.input<typeof ZCreateCommitment>;
export type CreateCommitment = z.output<typeof ZCreateCommitment>;

export const ZUpdateCommitment = z
  .object({ title: requiredText(300), notes: optionalText(2000) })
  .partial()
  .meta({ id: 'UpdateCommitment' });
export type UpdateCommitment = z.output<typeof ZUpdateCommitment>;

export const ZCompleteCommitment = z
  .object({
    completedAt: z
      .string()
      .datetime({ error: 'invalid_date' })
      .refine(inDateRange, { error: 'date_out_of_range' })
      .optional()
      .meta({ description: 'Defaults to now' }),
  })
  .meta({ id: 'CompleteCommitment' });
export type CompleteCommitment = z.output<typeof ZCompleteCommitment>;

export const ZCommitmentChange = z
  .object({
    id: ZId,
    fromDueAt: ZIsoDateTime,
    toDueAt: ZIsoDateTime,
    changedAt: ZIsoDateTime,
    inTime: z.boolean().meta({ description: 'Changed before the old due time passed' }),
    reason: z.string().nullable(),
    messageId: ZId.nullable(),
    cause: z.enum(delayCauses).nullable().meta({ description: 'For project delays: whose delay it was' }),
  })
  .meta({ id: 'CommitmentChange' });

export const ZCommitment = z
  .object({
    id: ZId,
    clientId: ZId,
    clientName: z.string(),
    interactionId: ZId.nullable(),
    direction: ZCommitmentDirection,
    title: z.string(),
    notes: z.string().nullable(),
    dueDate: z.string(),
    dueTime: z.string().nullable(),
    dueAt: ZIsoDateTime.meta({ description: 'The deadline as an instant: the due time, or the end of the due day' }),
    originalDueAt: ZIsoDateTime,
    status: z.enum(commitmentStatuses),
    overdue: z.boolean(),
    completedAt: ZIsoDateTime.nullable(),
    cancelledAt: ZIsoDateTime.nullable(),
    // Optional in the type only so objects built before this field existed still fit; the server always sends it.
    cancelReason: z.string().nullable().optional().meta({ description: 'Why it was closed without being kept' }),
    changes: z.array(ZCommitmentChange),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'Commitment' });
export type Commitment = z.infer<typeof ZCommitment>;

export const ZCommitmentListQuery = z.object({
  clientId: ZId.optional(),
  direction: ZCommitmentDirection.optional(),
  state: z.enum(['open', 'overdue', 'done', 'all'], { error: 'invalid_choice' }).default('open'),
  limit: z.coerce
    .number({ error: 'invalid_number' })
    .int()
    .min(1, { error: 'too_small' })
    .max(500, { error: 'too_big' })
    .default(100),
});
export type CommitmentListQuery = z.output<typeof ZCommitmentListQuery>;

export const ZCommitmentList = z.object({ items: z.array(ZCommitment) }).meta({ id: 'CommitmentList' });

export const ZWordKeeping = z
  .object({
    days: z.number().int(),
    mine: z.object({
      due: z
        .number()
        .int()
        .meta({ description: 'My commitments whose deadline fell in the window and are resolved or past due' }),
      keptOnTime: z.number().int(),
      renegotiatedInTime: z.number().int(),
      keptLate: z.number().int(),
      broken: z.number().int(),
      rate: z
        .number()
        .nullable()
        .meta({ description: 'Kept on time (renegotiated in time counts as kept) ÷ due; null when nothing was due' }),
    }),
    theirs: z.object({ due: z.number().int(), keptOnTime: z.number().int(), rate: z.number().nullable() }),
    weekly: z.array(z.object({ weekStart: z.string(), due: z.number().int(), keptOnTime: z.number().int() })),
  })
  .meta({ id: 'WordKeeping' });
export type WordKeeping = z.infer<typeof ZWordKeeping>;

export const ZRenegotiateCommitment = z
  .object({
    ...ZDue.shape,
    reason: optionalText(500),
  })
  .meta({ id: 'Renegotiate' });
export type RenegotiateCommitment = z.output<typeof ZRenegotiateCommitment>;
