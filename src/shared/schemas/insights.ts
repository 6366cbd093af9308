import { z } from 'zod';
import { hebrewMonths } from '../time/hebrew-dates.js';
import { dateCalendars } from './clients.js';
import { ZCommitment } from './commitments.js';
import { ZInteraction } from './interactions.js';
import { notificationKinds } from './messages.js';
import { ZPaymentItem } from './payments.js';

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
    counts: z.object({
      mineOverdue: z.number().int(),
      mineToday: z.number().int(),
      theirsOverdue: z.number().int(),
      theirsToday: z.number().int(),
      awaitingReply: z.number().int(),
      quotesWaiting: z.number().int(),
      greetings: z.number().int(),
      paymentsOverdue: z.number().int(),
    }),
  })
  .meta({ id: 'Today' });
export type Today = z.infer<typeof ZToday>;

export const ZNotification = z
  .object({
    id: z.string(),
    kind: z.enum(notificationKinds),
    refId: z.string(),
    clientId: z.string().nullable(),
    title: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof ZNotification>;

export const ZNotificationList = z
  .object({ items: z.array(ZNotification), unread: z.number().int() })
  .meta({ id: 'NotificationList' });

export const ZCalendarFeed = z
  .object({
    url: z
      .string()
      .meta({ description: 'Shown once: subscribe to it in Google / Apple Calendar. Regenerating replaces it.' }),
  })
  .meta({ id: 'CalendarFeed' });

export const ZCalendarFeedStatus = z.object({ enabled: z.boolean() }).meta({ id: 'CalendarFeedStatus' });
