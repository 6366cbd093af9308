import { z } from 'zod';
import { ZChannel, ZId, ZIsoDateTime, inDateRange, optionalText } from './common.js';
import { ZCommitment, ZCommitmentDraft } from './commitments.js';

export const directions = ['in', 'out'] as const;
export const ZDirection = z.enum(directions, { error: 'invalid_choice' });
export type InteractionDirection = z.infer<typeof ZDirection>;

export const ZInstant = z
  .string({ error: 'invalid_date' })
  .refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), { error: 'invalid_date' })
  .refine(inDateRange, { error: 'date_out_of_range' })
  .transform((v) => new Date(v).toISOString())
  .meta({ type: 'string', format: 'date-time' });

/** How long a call or a meeting took (effort for client health); accepted on any channel, offered for phone and meeting. */
export const ZDurationMinutes = z
  .number({ error: 'invalid_number' })
  .int({ error: 'invalid_number' })
  .min(1, { error: 'too_small' })
  .max(1440, { error: 'too_big' })
  .meta({ description: 'Minutes the call or meeting took (1–1440)', example: 45 });

export const ZCreateInteraction = z
  .object({
    clientId: ZId,
    contactId: ZId.nullish().transform((v) => v ?? null),
    channel: ZChannel,
    direction: ZDirection,
    occurredAt: ZInstant.optional().meta({ description: 'Defaults to now' }),
    summary: optionalText(5000),
    /** Meeting summary: what was agreed and what happens next. */
    agreed: optionalText(5000),
    nextSteps: optionalText(5000),
    needsReply: z
      .boolean({ error: 'invalid_type' })
      .optional()
      .meta({ description: 'Defaults to true for an incoming contact' }),
    durationMinutes: ZDurationMinutes.nullish().transform((v) => v ?? null),
    /** "Promised: call back today 17:00" — created with the interaction, in one step. */
    commitments: z.array(ZCommitmentDraft).max(10, { error: 'too_many' }).default([]),
  })
  .meta({ id: 'CreateInteraction' });
export type CreateInteractionInput = z.input<typeof ZCreateInteraction>;
export type CreateInteraction = z.output<typeof ZCreateInteraction>;

export const ZUpdateInteraction = z
  .object({
    contactId: ZId.nullable(),
    channel: ZChannel,
    direction: ZDirection,
    occurredAt: ZInstant,
    summary: optionalText(5000),
    agreed: optionalText(5000),
    nextSteps: optionalText(5000),
    needsReply: z.boolean({ error: 'invalid_type' }),
    durationMinutes: ZDurationMinutes.nullable(),
  })
  .partial()
  .meta({ id: 'UpdateInteraction' });
export type UpdateInteraction = z.output<typeof ZUpdateInteraction>;

export const interactionSources = ['manual', 'message', 'import'] as const;
export type InteractionSource = (typeof interactionSources)[number];

export const ZInteraction = z
  .object({
    id: ZId,
    clientId: ZId,
    clientName: z.string(),
    contactId: ZId.nullable(),
    channel: ZChannel,
    direction: ZDirection,
    occurredAt: ZIsoDateTime,
    summary: z.string().nullable(),
    agreed: z.string().nullable(),
    nextSteps: z.string().nullable(),
    afterHours: z.boolean().meta({ description: 'An incoming contact outside the client’s agreed service hours' }),
    needsReply: z.boolean(),
    // Optional in the type (the server always sends it, null when not logged) so callers built before it stay valid.
    durationMinutes: z
      .number()
      .int()
      .nullable()
      .optional()
      .meta({ description: 'Minutes the call or meeting took; null when not logged' }),
    repliedAt: ZIsoDateTime.nullable(),
    source: z.enum(interactionSources),
    messageId: ZId.nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'Interaction' });
export type Interaction = z.infer<typeof ZInteraction>;

export const ZInteractionListQuery = z.object({
  clientId: ZId.optional(),
  awaitingReply: z.enum(['true', 'false'], { error: 'invalid_choice' }).optional(),
  limit: z.coerce
    .number({ error: 'invalid_number' })
    .int()
    .min(1, { error: 'too_small' })
    .max(200, { error: 'too_big' })
    .default(50),
  before: ZInstant.optional().meta({ description: 'Paging: only contacts before this time…' }),
  beforeId: ZId.optional().meta({ description: '…or at that time with a smaller id (from nextBeforeId)' }),
});
export type InteractionListQuery = z.output<typeof ZInteractionListQuery>;

/** Paging is by (time, id): pass nextBefore and nextBeforeId back to get the following page. */
export const ZInteractionList = z
  .object({ items: z.array(ZInteraction), nextBefore: ZIsoDateTime.nullable(), nextBeforeId: ZId.nullable() })
  .meta({ id: 'InteractionList' });

/** A logged contact with the promises made in it. */
export const ZInteractionCreated = z
  .object({ interaction: ZInteraction, commitments: z.array(ZCommitment) })
  .meta({ id: 'InteractionCreated' });
export type InteractionCreated = z.infer<typeof ZInteractionCreated>;
