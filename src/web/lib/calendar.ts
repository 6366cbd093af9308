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
