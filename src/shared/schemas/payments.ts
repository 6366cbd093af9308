import { z } from 'zod';
import { ZCurrency, ZId, ZIsoDateTime, optionalText, requiredText } from './common.js';
import { ZLocalDate } from './common.js';

const ZAgorot = z
  .number({ error: 'invalid_number' })
  .int({ error: 'invalid_number' })
  .min(1, { error: 'too_small' })
  .max(100_000_000_000, { error: 'too_big' })
  .meta({ description: 'Agorot (minor units)' });

export const ZCreatePaymentItem = z
  .object({
    clientId: ZId,
    projectId: ZId.optional(),
    quoteId: ZId.optional(),
    label: requiredText(200),
    amount: ZAgorot,
    currency: ZCurrency.optional(),
    dueDate: ZLocalDate,
  })
  .meta({ id: 'CreatePaymentItem' });
export type CreatePaymentItem = z.output<typeof ZCreatePaymentItem>;

/** A schedule from an accepted quote's total: e.g. 50% on acceptance, 50% on delivery. */
export const ZScheduleFromQuote = z
  .object({
    quoteId: ZId,
    parts: z
      .array(
        z.object({
          label: requiredText(200),
          percent: z
            .number({ error: 'invalid_number' })
            .int()
            .min(1, { error: 'too_small' })
            .max(100, { error: 'too_big' }),
          dueDate: ZLocalDate,
        }),
      )
      .min(1, { error: 'choose_one' })
      .max(12, { error: 'too_many' }),
  })
  .refine((s) => s.parts.reduce((sum, p) => sum + p.percent, 0) === 100, { error: 'parts_sum', path: ['parts'] })
  .meta({ id: 'ScheduleFromQuote' });
export type ScheduleFromQuote = z.output<typeof ZScheduleFromQuote>;

export const paymentItemStatuses = ['open', 'partial', 'paid', 'overdue', 'cancelled'] as const;

export const ZPaymentItem = z
  .object({
    id: ZId,
    clientId: ZId,
    clientName: z.string(),
    projectId: ZId.nullable(),
    quoteId: ZId.nullable(),
    label: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    dueDate: z.string(),
    received: z.number().int(),
    outstanding: z.number().int(),
    status: z.enum(paymentItemStatuses),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'PaymentItem' });
export type PaymentItem = z.infer<typeof ZPaymentItem>;

export const ZPaymentItemList = z.object({ items: z.array(ZPaymentItem) }).meta({ id: 'PaymentItemList' });

export const ZRecordPayment = z
  .object({
    clientId: ZId,
    paymentItemId: ZId.optional(),
    amount: ZAgorot,
    currency: ZCurrency.optional(),
    receivedOn: ZLocalDate,
    method: optionalText(60),
    note: optionalText(500),
  })
  .meta({ id: 'RecordPayment' });
export type RecordPayment = z.output<typeof ZRecordPayment>;

export const ZPayment = z
  .object({
    id: ZId,
    clientId: ZId,
    paymentItemId: ZId.nullable(),
    amount: z.number().int(),
    currency: z.string(),
    receivedOn: z.string(),
    method: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof ZPayment>;
export const ZPaymentList = z.object({ items: z.array(ZPayment) }).meta({ id: 'PaymentList' });
export type PaymentList = z.infer<typeof ZPaymentList>;

export const ZClientBalance = z
  .object({
    clientId: ZId,
    currency: z.string(),
    quoted: z.number().int().meta({ description: 'Sent quotes (current versions, not declined or superseded)' }),
    accepted: z.number().int(),
    scheduled: z.number().int(),
    received: z.number().int(),
    outstanding: z.number().int().meta({ description: 'Scheduled and not yet received' }),
    overdue: z.number().int(),
  })
  .meta({ id: 'ClientBalance' });
export type ClientBalance = z.infer<typeof ZClientBalance>;

export const ZStartTimer = z
  .object({ clientId: ZId, projectId: ZId.optional(), note: optionalText(500) })
  .meta({ id: 'StartTimer' });
export type StartTimer = z.output<typeof ZStartTimer>;
export const ZCreateTimeEntry = z
  .object({
    clientId: ZId,
    projectId: ZId.optional(),
    date: ZLocalDate,
    minutes: z
      .number({ error: 'invalid_number' })
      .int({ error: 'invalid_number' })
      .min(1, { error: 'too_small' })
      .max(24 * 60, { error: 'too_big' }),
    note: optionalText(500),
  })
  .meta({ id: 'CreateTimeEntry' });
export type CreateTimeEntry = z.output<typeof ZCreateTimeEntry>;
export const ZUpdateTimeEntry = z
  .object({ minutes: ZCreateTimeEntry.shape.minutes, note: optionalText(500), projectId: ZId.nullable() })
  .partial()
  .refine((e) => e.minutes !== undefined || e.note !== undefined || e.projectId !== undefined, {
    error: 'choose_one',
    path: ['minutes'],
  })
  .meta({ id: 'UpdateTimeEntry' });
export type UpdateTimeEntry = z.output<typeof ZUpdateTimeEntry>;

export const ZTimeEntry = z
  .object({
    id: ZId,
    clientId: ZId,
    clientName: z.string(),
    projectId: ZId.nullable(),
    startedAt: ZIsoDateTime,
    endedAt: ZIsoDateTime.nullable(),
    minutes: z.number().int().nullable(),
    running: z.boolean(),
    note: z.string().nullable(),
  })
  .meta({ id: 'TimeEntry' });
export type TimeEntry = z.infer<typeof ZTimeEntry>;

/** Time entries with the sum of their minutes (a running entry counts none until it stops). */
export const ZTimeEntryList = z
  .object({ items: z.array(ZTimeEntry), totalMinutes: z.number().int() })
  .meta({ id: 'TimeEntryList' });
export type TimeEntryList = z.infer<typeof ZTimeEntryList>;

/** The timer: the entry running now, or null. */
export const ZRunningTimer = z.object({ running: ZTimeEntry.nullable() }).meta({ id: 'RunningTimer' });
export type RunningTimer = z.infer<typeof ZRunningTimer>;
