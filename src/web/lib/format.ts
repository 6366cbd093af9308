import type { Weekday } from '../../shared/schemas/common';

/** 2024-01-07 was a Sunday: a fixed anchor to name weekdays without hard-coded strings. */
const SUNDAY_ANCHOR = Date.UTC(2024, 0, 7, 12);
const weekdayOffsets: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export function weekdayName(day: Weekday, intlLocale: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(SUNDAY_ANCHOR + weekdayOffsets[day] * 86_400_000);
  return new Intl.DateTimeFormat(intlLocale, { weekday: style, timeZone: 'UTC' }).format(date);
}

export function monthName(month: number, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, month - 1, 1, 12));
}

/** A calendar day (no time): formatted in UTC so no time zone can shift it. */
export function formatCalendarDate(
  date: { year: number | null; month: number; day: number },
  intlLocale: string,
): string {
  const utc = Date.UTC(date.year ?? 2024, date.month - 1, date.day, 12);
  return new Intl.DateTimeFormat(intlLocale, {
    day: 'numeric',
    month: 'long',
    ...(date.year === null ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(utc);
}

/** An instant, shown in the workspace time zone (not the browser's). */
export function formatDateTime(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function formatRelativeDays(days: number, intlLocale: string): string {
  return new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' }).format(days, 'day');
}

export function formatPercent(basisPoints: number, intlLocale: string): string {
  return new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

export function currencyName(code: string, intlLocale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatList(items: string[], intlLocale: string): string {
  return new Intl.ListFormat(intlLocale, { style: 'long', type: 'conjunction' }).format(items);
}
