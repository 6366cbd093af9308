import { hebrewDate } from './israel-calendar.js';
import { addDays, type DateString } from './zoned.js';

/**
 * Dates kept in the Hebrew calendar (a Hebrew birthday, a yahrzeit-like anniversary), turned into
 * Gregorian days with Intl's Hebrew calendar through `hebrewDate` (no GPL calendar library).
 *
 * The months a date can be given in. `adar` is the Adar of a common year; a leap year has
 * `adar_i` and `adar_ii`. Rules (documented in docs/decisions/007-hebrew-dates-and-greetings.md):
 * - `adar` in a leap year is kept in Adar II (where Purim is, and the usual custom for birthdays);
 * - `adar_i` and `adar_ii` in a common year are kept in Adar;
 * - day 30 of a month that has only 29 days that year (Heshvan, Kislev, Adar I read as Adar) is kept
 *   on the day after its 29th, the 1st of the next month.
 */
export const hebrewMonths = [
  'tishri',
  'heshvan',
  'kislev',
  'tevet',
  'shevat',
  'adar',
  'adar_i',
  'adar_ii',
  'nisan',
  'iyar',
  'sivan',
  'tamuz',
  'av',
  'elul',
] as const;
export type HebrewMonth = (typeof hebrewMonths)[number];

/** Months that have a 30th day in at least some years; the others always end on the 29th. */
export const hebrewMonthsWith30: readonly HebrewMonth[] = [
  'tishri',
  'heshvan',
  'kislev',
  'shevat',
  'adar_i',
  'nisan',
  'sivan',
  'av',
];

/** Intl's English month names (stable across ICU versions) for each of ours. */
const INTL_NAME: Record<HebrewMonth, string> = {
  tishri: 'Tishri',
  heshvan: 'Heshvan',
  kislev: 'Kislev',
  tevet: 'Tevet',
  shevat: 'Shevat',
  adar: 'Adar',
  adar_i: 'Adar I',
  adar_ii: 'Adar II',
  nisan: 'Nisan',
  iyar: 'Iyar',
  sivan: 'Sivan',
  tamuz: 'Tamuz',
  av: 'Av',
  elul: 'Elul',
};

/** The 19-year cycle: years 3, 6, 8, 11, 14, 17 and 19 of it have two Adars. */
export function isHebrewLeapYear(year: number): boolean {
  return (7 * year + 1) % 19 < 7;
}

const cache = new Map<DateString, { day: number; month: string; year: number }>();

/** `hebrewDate` remembered: a search reads the same few hundred days for every client. */
function hebrewOf(date: DateString): { day: number; month: string; year: number } {
  let found = cache.get(date);
  if (!found) {
    if (cache.size > 5000) cache.clear();
    found = hebrewDate(date);
    cache.set(date, found);
  }
  return found;
}

/** The Intl month name this date is kept in during a given Hebrew year. */
function monthIn(month: HebrewMonth, year: number): string {
  const leap = isHebrewLeapYear(year);
  if (month === 'adar' && leap) return INTL_NAME.adar_ii;
  if ((month === 'adar_i' || month === 'adar_ii') && !leap) return INTL_NAME.adar;
  return INTL_NAME[month];
}

export type HebrewDay = { month: HebrewMonth; day: number };

/** Whether a Gregorian day is when a Hebrew date is kept that year (with the Adar and day-30 rules). */
export function isHebrewDateOn(date: DateString, target: HebrewDay): boolean {
  const h = hebrewOf(date);
  if (h.month === monthIn(target.month, h.year) && h.day === target.day) return true;
  if (target.day !== 30 || h.day !== 1) return false;
  // The month had no 30th this year: its 29th was yesterday, so today keeps the date.
  const before = hebrewOf(addDays(date, -1));
  return before.day === 29 && before.month === monthIn(target.month, before.year);
}

/**
 * The next Gregorian day (from `from`, inclusive) on which a Hebrew date is kept: a forward search
 * of at most `within` days (a Hebrew year has at most 385), null when it does not fall in them.
 */
export function nextHebrewOccurrence(from: DateString, target: HebrewDay, within = 386): DateString | null {
  for (let i = 0; i < within; i++) {
    const date = addDays(from, i);
    if (isHebrewDateOn(date, target)) return date;
  }
  return null;
}

/** The Hebrew year a Gregorian day falls in (for "how many years" of a Hebrew birthday). */
export function hebrewYearOf(date: DateString): number {
  return hebrewOf(date).year;
}

/** The holidays Mila greets for, by their fixed Hebrew day (first day of each). */
export const greetingHolidays = ['rosh_hashana', 'pesach'] as const;
export type GreetingHoliday = (typeof greetingHolidays)[number];
const HOLIDAY_DAY: Record<GreetingHoliday, HebrewDay> = {
  rosh_hashana: { month: 'tishri', day: 1 },
  pesach: { month: 'nisan', day: 15 },
};

/** The next first day of the holiday from `from` (inclusive): 1 Tishrei, 15 Nisan. */
export function nextHoliday(holiday: GreetingHoliday, from: DateString): DateString {
  return nextHebrewOccurrence(from, HOLIDAY_DAY[holiday])!;
}

/** A sample day in each month, for its name: 5784 is a leap year, 5785 a common one. */
const SAMPLE: Record<HebrewMonth, DateString> = {
  tishri: '2024-10-10',
  heshvan: '2024-11-10',
  kislev: '2024-12-10',
  tevet: '2025-01-10',
  shevat: '2025-02-05',
  adar: '2025-03-10',
  adar_i: '2024-02-20',
  adar_ii: '2024-03-20',
  nisan: '2025-04-10',
  iyar: '2025-05-10',
  sivan: '2025-06-10',
  tamuz: '2025-07-10',
  av: '2025-08-10',
  elul: '2025-09-10',
};

/** A month's name in the UI language, from Intl (אדר א׳ / Adar I). */
export function hebrewMonthName(month: HebrewMonth, locale: string): string {
  const format = new Intl.DateTimeFormat(`${locale}-u-ca-hebrew`, { timeZone: 'UTC', month: 'long' });
  return format.format(new Date(`${SAMPLE[month]}T12:00:00Z`));
}

/** Days 1–30 in Hebrew numerals, as dates are written: א׳, י״ב, ט״ו, ט״ז, כ״ט. */
export function hebrewNumeral(n: number): string {
  const ones = ['', 'א', 'ב', 'ג', 'ד', 'ה', 'ו', 'ז', 'ח', 'ט'];
  const tens = ['', 'י', 'כ', 'ל'];
  let letters = n === 15 ? 'טו' : n === 16 ? 'טז' : `${tens[Math.floor(n / 10)] ?? ''}${ones[n % 10] ?? ''}`;
  if (letters.length === 1) return `${letters}׳`;
  letters = `${letters.slice(0, -1)}״${letters.slice(-1)}`;
  return letters;
}

/** "י״ב באדר" in Hebrew, "12 Adar" in English. */
export function formatHebrewDay(target: HebrewDay, locale: string): string {
  const name = hebrewMonthName(target.month, locale);
  return locale === 'he' ? `${hebrewNumeral(target.day)} ב${name}` : `${target.day} ${name}`;
}
