import { z } from 'zod';
import { ZOptionalBusinessNumber } from './accounts.js';
import { hebrewMonths, hebrewMonthsWith30 } from '../time/hebrew-dates.js';
import {
  ZChannel,
  ZId,
  ZIsoDateTime,
  ZLocale,
  ZOptionalEmail,
  ZOptionalPhone,
  ZWeeklyHours,
  optionalText,
  requiredText,
  ZPageLimit,
  ZPageOffset,
} from './common.js';
import { clientStatuses, personalities, clientSorts } from '../lists.js';
export { clientStatuses, personalities, clientSorts };

export const clientKinds = ['person', 'organization'] as const;
export const ZClientKind = z.enum(clientKinds, { error: 'invalid_choice' });
export type ClientKind = z.infer<typeof ZClientKind>;

export const ZClientStatus = z.enum(clientStatuses, { error: 'invalid_choice' });
export type ClientStatus = z.infer<typeof ZClientStatus>;

/** The client's personality type (seed 002/004): each will get a playbook of tactics. */
export const ZPersonality = z.enum(personalities, { error: 'invalid_choice' });
export type Personality = z.infer<typeof ZPersonality>;

export const importantDateKinds = ['birthday', 'anniversary', 'business_founded', 'other'] as const;
export type ImportantDateKind = (typeof importantDateKinds)[number];

export const dateCalendars = ['gregorian', 'hebrew'] as const;
export type DateCalendar = (typeof dateCalendars)[number];

/**
 * A date kept every year: Gregorian (month 1–12, day, year) or Hebrew (hebrewMonth, day 1–30, the
 * Hebrew year, e.g. 5750). `day` and `year` are read in the date's own calendar. A Hebrew date's
 * Adar and missing 30th follow the rules in `src/shared/time/hebrew-dates.ts`.
 */
export const ZImportantDate = z
  .object({
    kind: z.enum(importantDateKinds, { error: 'invalid_choice' }),
    label: optionalText(80),
    calendar: z.enum(dateCalendars, { error: 'invalid_choice' }).default('gregorian'),
    month: z
      .number({ error: 'invalid_date' })
      .int()
      .min(1, { error: 'invalid_date' })
      .max(12, { error: 'invalid_date' })
      .nullish()
      .transform((v) => v ?? null),
    hebrewMonth: z
      .enum(hebrewMonths, { error: 'invalid_choice' })
      .nullish()
      .transform((v) => v ?? null),
    day: z.number({ error: 'invalid_date' }).int().min(1, { error: 'invalid_date' }).max(31, { error: 'invalid_date' }),
    year: z
      .number({ error: 'invalid_date' })
      .int()
      .min(1900, { error: 'invalid_date' })
      .max(6000, { error: 'invalid_date' })
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((d, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (d.calendar === 'gregorian') {
      if (d.month === null) return issue('month', 'invalid_date');
      if (d.year !== null && d.year > 2100) issue('year', 'invalid_date');
      if (d.day > daysInMonth(d.month, d.year ?? 2024)) issue('day', 'invalid_date');
      return;
    }
    if (d.hebrewMonth === null) return issue('hebrewMonth', 'required');
    if (d.year !== null && (d.year < 5600 || d.year > 5900)) issue('year', 'invalid_date');
    if (d.day > (hebrewMonthsWith30.includes(d.hebrewMonth) ? 30 : 29)) issue('day', 'invalid_date');
  })
  .transform((d) => (d.calendar === 'gregorian' ? { ...d, hebrewMonth: null } : { ...d, month: null }))
  .meta({ id: 'ImportantDate' });
export type ImportantDate = z.output<typeof ZImportantDate>;

function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const ZContactDraft = z
  .object({
    id: ZId.optional().meta({ description: 'Keep an existing contact by sending its id back' }),
    name: requiredText(120),
    role: optionalText(120),
    phone: ZOptionalPhone,
    email: ZOptionalEmail,
    notes: optionalText(1000),
  })
  .meta({ id: 'ContactInput' });

export const ZContact = z
  .object({
    id: ZId,
    name: z.string(),
    role: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof ZContact>;

export const ZTag = z.string().trim().min(1, { error: 'required' }).max(40, { error: 'too_long' });

const clientFields = {
  kind: ZClientKind,
  name: requiredText(200),
  status: ZClientStatus,
  personality: ZPersonality.nullable(),
  channel: ZChannel.nullable().meta({ description: 'The communication channel agreed with the client' }),
  phone: ZOptionalPhone,
  whatsapp: ZOptionalPhone,
  email: ZOptionalEmail,
  language: ZLocale,
  businessNumber: ZOptionalBusinessNumber,
  address: optionalText(300),
  serviceHours: ZWeeklyHours.nullable().meta({ description: 'null: the business default applies' }),
  referredByClientId: ZId.nullable(),
  referredByText: optionalText(200),
  importantDates: z.array(ZImportantDate).max(20, { error: 'too_many' }),
  worthNurturing: z
    .boolean({ error: 'invalid_choice' })
    .meta({ description: 'Greeted on birthdays, important dates and holidays' }),
  tags: z.array(ZTag).max(20, { error: 'too_many' }),
  notes: optionalText(10_000),
  contacts: z.array(ZContactDraft).max(50, { error: 'too_many' }),
};

export const ZCreateClient = z
  .object({
    ...clientFields,
    kind: clientFields.kind.default('person'),
    status: clientFields.status.default('lead'),
    personality: clientFields.personality.default(null),
    channel: clientFields.channel.default(null),
    language: clientFields.language.optional(),
    serviceHours: clientFields.serviceHours.default(null),
    referredByClientId: clientFields.referredByClientId.default(null),
    importantDates: clientFields.importantDates.default([]),
    worthNurturing: clientFields.worthNurturing.default(true),
    tags: clientFields.tags.default([]),
    contacts: clientFields.contacts.default([]),
  })
  .meta({ id: 'CreateClient' });
export type CreateClientInput = z.input<typeof ZCreateClient>;
export type CreateClient = z.output<typeof ZCreateClient>;

/** PATCH: any subset; arrays (contacts, dates, tags) replace the stored list as a whole. */
export const ZUpdateClient = z.object(clientFields).partial().meta({ id: 'UpdateClient' });
export type UpdateClientInput = z.input<typeof ZUpdateClient>;
export type UpdateClient = z.output<typeof ZUpdateClient>;

export const ZClient = z
  .object({
    id: ZId,
    kind: ZClientKind,
    name: z.string(),
    status: ZClientStatus,
    personality: ZPersonality.nullable(),
    channel: ZChannel.nullable(),
    phone: z.string().nullable(),
    whatsapp: z.string().nullable(),
    email: z.string().nullable(),
    language: ZLocale,
    businessNumber: z.string().nullable(),
    address: z.string().nullable(),
    serviceHours: ZWeeklyHours.nullable(),
    effectiveServiceHours: ZWeeklyHours.meta({ description: 'The client agreement, or the business default' }),
    referredByClientId: ZId.nullable(),
    referredByName: z.string().nullable().meta({ description: 'Name of the referring client, when one is linked' }),
    referredByText: z.string().nullable(),
    importantDates: z.array(
      z.object({
        kind: z.enum(importantDateKinds),
        label: z.string().nullable(),
        calendar: z.enum(dateCalendars),
        month: z.number().int().nullable().meta({ description: 'Gregorian dates only' }),
        hebrewMonth: z.enum(hebrewMonths).nullable().meta({ description: 'Hebrew dates only' }),
        day: z.number().int(),
        year: z.number().int().nullable().meta({ description: 'In the date’s own calendar' }),
      }),
    ),
    worthNurturing: z.boolean(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    contacts: z.array(ZContact),
    archivedAt: ZIsoDateTime.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: 'Client' });
export type Client = z.infer<typeof ZClient>;

/** The row of the client list: enough for a card, cheap to fetch by the thousand. */
export const ZClientSummary = ZClient.pick({
  id: true,
  kind: true,
  name: true,
  status: true,
  personality: true,
  channel: true,
  phone: true,
  whatsapp: true,
  email: true,
  tags: true,
  archivedAt: true,
  updatedAt: true,
}).meta({ id: 'ClientSummary' });
export type ClientSummary = z.infer<typeof ZClientSummary>;

export const ZClientSort = z.enum(clientSorts, { error: 'invalid_choice' });
export type ClientSort = z.infer<typeof ZClientSort>;

/** Query-string filters; repeated keys (status=lead&status=active) select several values. */
export const ZClientListQuery = z.object({
  q: z.string().max(200, { error: 'too_long' }).optional(),
  status: z.union([ZClientStatus, z.array(ZClientStatus)]).optional(),
  personality: z.union([ZPersonality, z.array(ZPersonality)]).optional(),
  tag: z.union([ZTag, z.array(ZTag)]).optional(),
  archived: z.enum(['exclude', 'only', 'include'], { error: 'invalid_choice' }).default('exclude'),
  sort: ZClientSort.default('name'),
  limit: ZPageLimit,
  offset: ZPageOffset,
});
export type ClientListQuery = z.output<typeof ZClientListQuery>;

export const ZClientList = z
  .object({
    items: z.array(ZClientSummary),
    total: z.number().int(),
    nextOffset: z.number().int().nullable(),
  })
  .meta({ id: 'ClientList' });
export type ClientList = z.infer<typeof ZClientList>;

export const ZTagCount = z.object({ tag: z.string(), count: z.number().int() }).meta({ id: 'TagCount' });
export const ZTagList = z.object({ items: z.array(ZTagCount) }).meta({ id: 'TagList' });
