import type {
  Client,
  CreateClientInput,
  Personality,
  ClientStatus,
  DateCalendar,
  importantDateKinds,
} from '../../../../shared/schemas/clients';
import { formatPhone } from '../../../../shared/phone';
import type { Channel, Locale, WeeklyHours } from '../../../../shared/schemas/common';
import type { HebrewMonth } from '../../../../shared/time/hebrew-dates';

type ImportantDateKind = (typeof importantDateKinds)[number];
type ClientKind = Client['kind'];

/** `key` only keeps React rows stable while editing; it never reaches the API. */
export type ContactValues = {
  key: string;
  id?: string;
  name: string;
  role: string;
  phone: string;
  email: string;
  notes: string;
};

export type ImportantDateValues = {
  key: string;
  kind: ImportantDateKind;
  label: string;
  calendar: DateCalendar;
  day: number | string;
  month: number | null;
  hebrewMonth: HebrewMonth | null;
  year: number | string;
};

export type ClientFormValues = {
  kind: ClientKind;
  name: string;
  status: ClientStatus;
  personality: Personality | null;
  channel: Channel | null;
  phone: string;
  whatsapp: string;
  email: string;
  language: Locale;
  businessNumber: string;
  address: string;
  serviceHours: WeeklyHours | null;
  referredByClientId: string | null;
  /** Shown in the picker for the referring client; not sent. */
  referredByName: string | null;
  referredByText: string;
  importantDates: ImportantDateValues[];
  worthNurturing: boolean;
  tags: string[];
  notes: string;
  contacts: ContactValues[];
};

export function newKey(): string {
  return crypto.randomUUID();
}

export function emptyContact(): ContactValues {
  return { key: newKey(), name: '', role: '', phone: '', email: '', notes: '' };
}

export function emptyImportantDate(): ImportantDateValues {
  return {
    key: newKey(),
    kind: 'birthday',
    label: '',
    calendar: 'gregorian',
    day: '',
    month: null,
    hebrewMonth: null,
    year: '',
  };
}

export function newClientValues(language: Locale, name = ''): ClientFormValues {
  return {
    kind: 'person',
    name,
    status: 'lead',
    personality: null,
    channel: null,
    phone: '',
    whatsapp: '',
    email: '',
    language,
    businessNumber: '',
    address: '',
    serviceHours: null,
    referredByClientId: null,
    referredByName: null,
    referredByText: '',
    importantDates: [],
    worthNurturing: true,
    tags: [],
    notes: '',
    contacts: [],
  };
}

export function fromClient(client: Client): ClientFormValues {
  return {
    kind: client.kind,
    name: client.name,
    status: client.status,
    personality: client.personality,
    channel: client.channel,
    phone: phoneForEditing(client.phone),
    whatsapp: phoneForEditing(client.whatsapp),
    email: client.email ?? '',
    language: client.language,
    businessNumber: client.businessNumber ?? '',
    address: client.address ?? '',
    serviceHours: client.serviceHours,
    referredByClientId: client.referredByClientId,
    referredByName: client.referredByName,
    referredByText: client.referredByText ?? '',
    importantDates: client.importantDates.map((d) => ({
      key: newKey(),
      kind: d.kind,
      label: d.label ?? '',
      calendar: d.calendar,
      day: d.day,
      month: d.month,
      hebrewMonth: d.hebrewMonth,
      year: d.year ?? '',
    })),
    worthNurturing: client.worthNurturing,
    tags: client.tags,
    notes: client.notes ?? '',
    contacts: client.contacts.map((c) => ({
      key: newKey(),
      id: c.id,
      name: c.name,
      role: c.role ?? '',
      phone: phoneForEditing(c.phone),
      email: c.email ?? '',
      notes: c.notes ?? '',
    })),
  };
}

/** Stored as E.164; edited the way people write them here (050-123-4567). */
function phoneForEditing(e164: string | null): string {
  return e164 ? formatPhone(e164) : '';
}

/** Empty number inputs hold ''; NaN lets the schema report them as not-a-number. */
function toNumber(value: number | string | null): number {
  if (value === null) return Number.NaN;
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

/** A pasted "a, b," can leave separators behind; duplicates would only clutter the chips. */
function cleanTags(tags: string[]): string[] {
  const cleaned = tags.map((tag) => tag.replace(/^[,\s]+|[,\s]+$/g, '')).filter(Boolean);
  return [...new Set(cleaned)];
}

export function toClientInput(values: ClientFormValues): CreateClientInput {
  const { referredByName: _shownOnly, importantDates, contacts, ...rest } = values;
  return {
    ...rest,
    importantDates: importantDates.map((d) => ({
      kind: d.kind,
      label: d.label,
      calendar: d.calendar,
      day: toNumber(d.day),
      // Only the month of the date's own calendar is sent; an empty one is reported by the schema.
      ...(d.calendar === 'hebrew' ? { hebrewMonth: d.hebrewMonth } : { month: toNumber(d.month) }),
      year: typeof d.year === 'string' && d.year.trim() === '' ? null : toNumber(d.year),
    })),
    contacts: contacts.map(({ key: _key, ...contact }) => contact),
    tags: cleanTags(rest.tags),
  };
}
