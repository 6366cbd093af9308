import { formatMoney } from '../../shared/money';
import type { Weekday } from '../../shared/schemas/common';
import { parseDate } from '../../shared/time/zoned';
import { currentLanguage } from './i18n';

/** 2024-01-07 was a Sunday: a fixed anchor to name weekdays without hard-coded strings. */
const SUNDAY_ANCHOR = Date.UTC(2024, 0, 7, 12);
const weekdayOffsets: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export function weekdayName(day: Weekday, intlLocale: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(SUNDAY_ANCHOR + weekdayOffsets[day] * 86_400_000);
  return new Intl.DateTimeFormat(intlLocale, { weekday: style, timeZone: 'UTC' }).format(date);
}

export function monthName(month: number, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, month - 1, 1, 12),
  );
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
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** The day of an instant, in the workspace time zone: "12 May 2026". */
export function formatDate(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
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

/** A time zone as people call it in the app's language ("שעון ישראל", "Israel Time"); the id when Intl has no name. */
export function timeZoneName(zone: string, intlLocale: string): string {
  try {
    const part = new Intl.DateTimeFormat(intlLocale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

/**
 * Time zones for a select, by their names in the app's language; where several share a name
 * ("Central European Time"), the city tells them apart.
 */
export function timeZoneOptions(zones: string[], intlLocale: string): { value: string; label: string }[] {
  const named = zones.map((zone) => ({ value: zone, label: timeZoneName(zone, intlLocale) }));
  const counts = new Map<string, number>();
  for (const option of named) counts.set(option.label, (counts.get(option.label) ?? 0) + 1);
  return named.map((option) =>
    (counts.get(option.label) ?? 0) > 1 || option.label === option.value
      ? {
          ...option,
          label: `${option.label} (${(option.value.split('/').pop() ?? option.value).replaceAll('_', ' ')})`,
        }
      : option,
  );
}

export function formatList(items: string[], intlLocale: string): string {
  return new Intl.ListFormat(intlLocale, { style: 'long', type: 'conjunction' }).format(items);
}

/** A clock time in the workspace zone, always 24-hour ("17:00"), as Israelis write it. */
export function formatTime(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(iso),
  );
}

function dayToUtcNoon(day: string): number {
  const { year, month, day: date } = parseDate(day);
  return Date.UTC(year, month - 1, date, 12);
}

/** "Thursday" for a YYYY-MM-DD day. */
export function formatWeekday(day: string, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, { weekday: 'long', timeZone: 'UTC' }).format(dayToUtcNoon(day));
}

/** "26 Nov" for a YYYY-MM-DD day (the year only when it is not this one). */
export function formatShortDay(day: string, intlLocale: string, withYear = false): string {
  return new Intl.DateTimeFormat(intlLocale, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(dayToUtcNoon(day));
}

/** "Thursday, 26 November 2026" for a YYYY-MM-DD day. */
export function formatLongDay(day: string, intlLocale: string, withYear = true): string {
  return new Intl.DateTimeFormat(intlLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(dayToUtcNoon(day));
}

/** The exact moment, for a tooltip: "Thursday, 26 November 2026, 12:00". */
export function formatExact(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

export function formatNumber(value: number, intlLocale: string): string {
  return new Intl.NumberFormat(intlLocale).format(value);
}

/** A share from 0 to 1 as a whole percent ("92%"). */
export function formatShare(share: number, intlLocale: string): string {
  return new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Agorot as the reader's currency text ("₪1,500.00"), in the interface language. */
export function formatAmount(minor: number, currency: string): string {
  return formatMoney(minor, currency, currentLanguage());
}
