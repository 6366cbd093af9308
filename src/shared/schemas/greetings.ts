import { z } from 'zod';
import { greetingHolidays } from '../time/hebrew-dates.js';
import { ZTag } from './clients.js';
import { ZId, ZIsoDateTime, ZLocale, optionalText, requiredText } from './common.js';
import { ZMessage, ZSendChannel } from './messages.js';

export const ZGreetingHoliday = z.enum(greetingHolidays, { error: 'invalid_choice' });

/** Who gets a holiday greeting: the clients worth nurturing, all of them or those with one tag. */
export const ZHolidayGreetingsQuery = z.object({
  holiday: ZGreetingHoliday,
  tag: ZTag.optional(),
});
export type HolidayGreetingsQuery = z.output<typeof ZHolidayGreetingsQuery>;

export const ZHolidayGreetings = z
  .object({
    holiday: ZGreetingHoliday,
    date: z.string().meta({ description: 'The first day of the coming holiday (YYYY-MM-DD): 1 Tishrei or 15 Nisan' }),
    daysAway: z.number().int(),
    hebrewYear: z.number().int(),
    sendsAt: ZIsoDateTime.nullable().meta({
      description: 'null: e-mail goes now; otherwise it is Shabbat or a holiday and e-mail waits until then',
    }),
    items: z.array(
      z.object({
        clientId: ZId,
        clientName: z.string(),
        locale: ZLocale,
        channel: ZSendChannel.meta({ description: 'Preselected from the client’s agreed channel' }),
        subject: z.string(),
        body: z.string(),
        canEmail: z.boolean(),
        canPhone: z.boolean().meta({ description: 'Has a WhatsApp or phone number' }),
      }),
    ),
    truncated: z.boolean().meta({ description: 'More clients than one batch (200) matched' }),
  })
  .meta({ id: 'HolidayGreetings' });
export type HolidayGreetings = z.infer<typeof ZHolidayGreetings>;

export const ZSendHolidayGreetings = z
  .object({
    holiday: ZGreetingHoliday,
    items: z
      .array(
        z.object({
          clientId: ZId,
          channel: ZSendChannel,
          subject: optionalText(300),
          body: requiredText(10_000),
        }),
      )
      .min(1, { error: 'required' })
      .max(200, { error: 'too_many' })
      .refine((items) => new Set(items.map((i) => i.clientId)).size === items.length, { error: 'duplicate_client' }),
  })
  .meta({ id: 'SendHolidayGreetings' });
export type SendHolidayGreetings = z.output<typeof ZSendHolidayGreetings>;
export type SendHolidayGreetingsInput = z.input<typeof ZSendHolidayGreetings>;

export const ZHolidayGreetingsSent = z
  .object({
    scheduledFor: ZIsoDateTime.nullable().meta({ description: 'When queued e-mail goes out; null: now' }),
    items: z.array(z.object({ clientId: ZId, message: ZMessage, link: z.string().nullable() })),
  })
  .meta({ id: 'HolidayGreetingsSent' });
export type HolidayGreetingsSent = z.infer<typeof ZHolidayGreetingsSent>;
