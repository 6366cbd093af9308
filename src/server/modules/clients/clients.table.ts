import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  ClientKind,
  ClientStatus,
  DateCalendar,
  ImportantDateKind,
  Personality,
} from '../../../shared/schemas/clients.js';
import type { HebrewMonth } from '../../../shared/time/hebrew-dates.js';
import type { Channel, Locale } from '../../../shared/schemas/common.js';

export type ClientTable = {
  id: string;
  workspace_id: string;
  kind: ClientKind;
  name: string;
  status: ClientStatus;
  personality: Personality | null;
  channel: Channel | null;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
  language: Locale;
  business_number: string | null;
  address: string | null;
  /** JSON WeeklyHours, or null when the business default applies. */
  service_hours: string | null;
  referred_by_client_id: string | null;
  referred_by_text: string | null;
  notes: string | null;
  /** 1: greeted on birthdays, important dates and holidays (the default); 0: not. */
  worth_nurturing: number;
  /** Normalised name, contacts, emails, phones and tags: what search matches against. */
  search_text: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

export type ClientContactTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  position: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  created_at: string;
};

/** Birthdays and anniversaries in their own table so "greetings due this week" is one indexed query. */
export type ClientDateTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  position: number;
  kind: ImportantDateKind;
  label: string | null;
  calendar: DateCalendar;
  /** Gregorian month 1–12; 0 on a Hebrew date (the column predates them and is NOT NULL). */
  month: number;
  hebrew_month: HebrewMonth | null;
  /** Day and year in the date's own calendar. */
  day: number;
  year: number | null;
};

export type ClientTagTable = {
  workspace_id: string;
  client_id: string;
  tag: string;
};

export type ClientTables = {
  clients: ClientTable;
  client_contacts: ClientContactTable;
  client_dates: ClientDateTable;
  client_tags: ClientTagTable;
};

export type ClientRow = Selectable<ClientTable>;
export type NewClientRow = Insertable<ClientTable>;
export type ClientUpdate = Updateable<ClientTable>;
export type ContactRow = Selectable<ClientContactTable>;
export type NewContactRow = Insertable<ClientContactTable>;
export type ClientDateRow = Selectable<ClientDateTable>;
export type NewClientDateRow = Insertable<ClientDateTable>;
