import type { WeeklyHours } from '../schemas/common.js';
import { weekdays } from '../lists.js';
import { addDays, fromLocal, localDate, parseDate, toLocal, weekdayOf, type DateString } from './zoned.js';

/**
 * Israeli holidays from their fixed Hebrew dates, read with Intl's Hebrew calendar (no GPL
 * calendar library). Holidays are days of rest; their eves are short days, like a Friday.
 */
export const holidays = [
  'rosh_hashana',
  'yom_kippur',
  'sukkot',
  'simchat_torah',
  'pesach',
  'pesach_7',
  'shavuot',
  'yom_haatzmaut',
] as const;
export type Holiday = (typeof holidays)[number];

const FIXED: { month: string; day: number; holiday: Holiday; eve: boolean }[] = [
  { month: 'Elul', day: 29, holiday: 'rosh_hashana', eve: true },
  { month: 'Tishri', day: 1, holiday: 'rosh_hashana', eve: false },
  { month: 'Tishri', day: 2, holiday: 'rosh_hashana', eve: false },
  { month: 'Tishri', day: 9, holiday: 'yom_kippur', eve: true },
  { month: 'Tishri', day: 10, holiday: 'yom_kippur', eve: false },
  { month: 'Tishri', day: 14, holiday: 'sukkot', eve: true },
  { month: 'Tishri', day: 15, holiday: 'sukkot', eve: false },
  { month: 'Tishri', day: 21, holiday: 'simchat_torah', eve: true },
  { month: 'Tishri', day: 22, holiday: 'simchat_torah', eve: false },
  { month: 'Nisan', day: 14, holiday: 'pesach', eve: true },
  { month: 'Nisan', day: 15, holiday: 'pesach', eve: false },
  { month: 'Nisan', day: 20, holiday: 'pesach_7', eve: true },
  { month: 'Nisan', day: 21, holiday: 'pesach_7', eve: false },
  { month: 'Sivan', day: 5, holiday: 'shavuot', eve: true },
  { month: 'Sivan', day: 6, holiday: 'shavuot', eve: false },
];

const hebrewFormat = new Intl.DateTimeFormat('en-u-ca-hebrew', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

export function hebrewDate(date: DateString): { day: number; month: string; year: number } {
  const parts: Record<string, string> = {};
  for (const p of hebrewFormat.formatToParts(new Date(`${date}T12:00:00Z`))) parts[p.type] = p.value;
  return { day: Number(parts.day), month: parts.month ?? '', year: Number(parts.year) };
}

/**
 * Independence Day is 5 Iyar, moved so it never touches Shabbat: Friday or Saturday → the
 * Thursday before; Monday → Tuesday (the rule in force since 2004).
 */
function isYomHaatzmaut(date: DateString): boolean {
  const h = hebrewDate(date);
  if (h.month !== 'Iyar') return false;
  const weekday = weekdayOf(date);
  if (h.day === 5) return weekday === 2 || weekday === 3 || weekday === 4;
  if (h.day === 4) return weekday === 4; // 5 Iyar falls on Friday
  if (h.day === 3) return weekday === 4; // 5 Iyar falls on Saturday
  if (h.day === 6) return weekday === 2; // 5 Iyar falls on Monday
  return false;
}

export type DayKind = { kind: 'workday' } | { kind: 'short'; holiday?: Holiday } | { kind: 'rest'; holiday?: Holiday };

/** What kind of day a date is in Israel: Friday and holiday eves are short, Shabbat and holidays rest. */
export function israeliDayKind(date: DateString): DayKind {
  const h = hebrewDate(date);
  const fixed = FIXED.find((f) => f.month === h.month && f.day === h.day);
  const weekday = weekdayOf(date);
  if (weekday === 6) return { kind: 'rest' };
  if (fixed && !fixed.eve) return { kind: 'rest', holiday: fixed.holiday };
  if (isYomHaatzmaut(date)) return { kind: 'rest', holiday: 'yom_haatzmaut' };
  if (fixed?.eve) return { kind: 'short', holiday: fixed.holiday };
  if (weekday === 5) return { kind: 'short' };
  return { kind: 'workday' };
}

/**
 * Whether an instant falls inside agreed service hours, read in the workspace zone. A holiday
 * is closed; a holiday eve on a weekday keeps Friday's hours.
 */
export function isWithinServiceHours(instant: Date, hours: WeeklyHours, timeZone: string): boolean {
  const date = localDate(instant, timeZone);
  const day = israeliDayKind(date);
  if (day.kind === 'rest' && day.holiday) return false;
  const local = toLocal(instant, timeZone);
  const weekday = day.kind === 'short' && day.holiday && local.weekday !== 5 ? 'fri' : weekdays[local.weekday]!;
  const clock = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return hours[weekday].some((range) => clock >= range.from && clock < range.to);
}

/** Afternoon of a short day (Friday, a holiday eve): from here on nothing goes to clients. */
const QUIET_FROM_HOUR = 14;
/** After a rest day, messages wait for the morning: Mila does not compute when Shabbat ends. */
const RESUME_HOUR = 9;

/**
 * The first moment from `instant` when a message may go to a client: not from Friday (or a holiday
 * eve) afternoon until after Shabbat or the holiday; then 09:00 of the first day that is not a
 * rest day. An instant outside those hours is returned as it is.
 */
export function nextSendingTime(instant: Date, timeZone: string): Date {
  const date = localDate(instant, timeZone);
  const kind = israeliDayKind(date).kind;
  const hour = toLocal(instant, timeZone).hour;
  if (kind === 'workday' || (kind === 'short' && hour < QUIET_FROM_HOUR)) return instant;
  let next = addDays(date, 1);
  while (israeliDayKind(next).kind === 'rest') next = addDays(next, 1);
  return fromLocal({ ...parseDate(next), hour: RESUME_HOUR, minute: 0 }, timeZone);
}

/** A working day in Israel: Sunday to Thursday, not a holiday (a holiday eve still counts). */
export function isIsraeliWorkingDay(date: DateString): boolean {
  return weekdayOf(date) <= 4 && israeliDayKind(date).kind !== 'rest';
}

/** The date `count` Israeli working days after `from` (which itself is not counted). */
export function addIsraeliWorkingDays(from: DateString, count: number): DateString {
  let date = from;
  for (let left = count; left > 0;) {
    date = addDays(date, 1);
    if (isIsraeliWorkingDay(date)) left -= 1;
  }
  return date;
}
