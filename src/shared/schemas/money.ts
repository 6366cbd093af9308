import { z } from 'zod';
import { ZId } from './common.js';

/**
 * The Money section in one answer: what clients owe (per client, the oldest debt first), the late
 * lines with their days late, what came in this month and the time logged this week. Amounts are
 * agorot in the business currency (lines in another currency are left out of every figure).
 */
const ZAgorotTotal = z.number().int().meta({ description: 'Agorot (minor units)' });
const ZDay = z.string().meta({ format: 'date', example: '2026-11-23' });

export const ZClientOwed = z
  .object({
    clientId: ZId,
    clientName: z.string(),
    outstanding: ZAgorotTotal.meta({ description: 'Scheduled and not yet received' }),
    overdue: ZAgorotTotal.meta({ description: 'The part of it whose day has passed' }),
    oldestDueDate: ZDay.meta({ description: 'The day of the oldest line still owed' }),
    lines: z.number().int(),
  })
  .meta({ id: 'ClientOwed' });
export type ClientOwed = z.infer<typeof ZClientOwed>;

export const ZLatePayment = z
  .object({
    paymentItemId: ZId,
    clientId: ZId,
    clientName: z.string(),
    label: z.string(),
    dueDate: ZDay,
    outstanding: ZAgorotTotal,
    daysLate: z.number().int().min(1),
  })
  .meta({ id: 'LatePayment' });
export type LatePayment = z.infer<typeof ZLatePayment>;

export const ZMoneyOverview = z
  .object({
    currency: z.string(),
    today: ZDay,
    owed: z.object({ total: ZAgorotTotal, clients: z.array(ZClientOwed) }),
    late: z.object({ total: ZAgorotTotal, items: z.array(ZLatePayment) }),
    receivedThisMonth: z.object({ from: ZDay, total: ZAgorotTotal, payments: z.number().int() }),
    timeThisWeek: z.object({
      from: ZDay,
      minutes: z.number().int().meta({ description: 'Finished entries started this week (Sunday on)' }),
      entries: z.number().int(),
    }),
  })
  .meta({ id: 'MoneyOverview' });
export type MoneyOverview = z.infer<typeof ZMoneyOverview>;
