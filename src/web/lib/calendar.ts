import { hebrewYearOf, nextHebrewOccurrence, type HebrewMonth } from '../../shared/time/hebrew-dates';
import { toLocal } from '../../shared/time/zoned';

/** Calendar arithmetic on plain days, so "today" is the workspace's day, not the browser's. */
export type CalendarDay = { year: number; month: number; day: number };

export function todayInZone(timeZone: string, now: Date = new Date()): CalendarDay {
  const { year, month, day } = toLocal(now, timeZone);
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

/** The next time a yearly date comes round (today counts); 29 Feb falls on 28 Feb in common years. */
export function nextOccurrence(month: number, day: number, today: CalendarDay): CalendarDay & { daysAway: number } {
  const candidate = (year: number): CalendarDay => ({ year, month, day: Math.min(day, daysInMonth(year, month)) });
  let next = candidate(today.year);
  if (toUtc(next) < toUtc(today)) next = candidate(today.year + 1);
  return { ...next, daysAway: Math.round((toUtc(next) - toUtc(today)) / 86_400_000) };
}

function toDateString(day: CalendarDay): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

/**
 * The next time an important date comes round, in either calendar: a Hebrew date falls on a
 * different Gregorian day each year. `years` counts in the date's own calendar.
 */
export function nextDateOccurrence(
  date: {
    calendar: 'gregorian' | 'hebrew';
    month: number | null;
    hebrewMonth: HebrewMonth | null;
    day: number;
    year: number | null;
  },
  today: CalendarDay,
): CalendarDay & { daysAway: number; years: number | null } {
  if (date.calendar === 'hebrew' && date.hebrewMonth) {
    const from = toDateString(today);
    const found = nextHebrewOccurrence(from, { month: date.hebrewMonth, day: date.day });
    const [year, month, day] = (found ?? from).split('-').map(Number) as [number, number, number];
    const next = { year, month, day };
    return {
      ...next,
      daysAway: Math.round((toUtc(next) - toUtc(today)) / 86_400_000),
      years: date.year === null || !found ? null : hebrewYearOf(found) - date.year,
    };
  }
  const next = nextOccurrence(date.month ?? 1, date.day, today);
  return { ...next, years: date.year === null ? null : next.year - date.year };
}
