import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatExact, formatLongDay, formatShortDay, formatTime, formatWeekday } from './format';
import { currentIntlLocale } from './i18n';
import { daysBetween, localDayOf, todayIn } from './zoned-dates';

/** "Now", refreshed every minute so "3 hours late" keeps counting on a screen left open. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

export type Due = { dueDate: string; dueTime: string | null; dueAt: string };

export type DueText = {
  /** What a person would say: "today 17:00", "tomorrow", "Thursday 12:00", "2 days late". */
  text: string;
  /** The exact moment, for the tooltip (hover / long-press). */
  exact: string;
  late: boolean;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type RelativeDue =
  { late: true; unit: 'day' | 'hour' | 'minute'; count: number } | { late: false; days: number };

/**
 * Where a deadline stands: late by calendar days (a day-only promise, or more than a day past a
 * time), else by hours or minutes; or, when not due yet, how many calendar days away it is.
 */
export function relativeDue(item: Due, now: Date, timeZone: string): RelativeDue {
  const overBy = now.getTime() - new Date(item.dueAt).getTime();
  const days = daysBetween(todayIn(timeZone, now), item.dueDate);
  if (overBy <= 0) return { late: false, days };
  // "By Thursday" was broken on Friday: count days. A time is counted by the clock for a day.
  if (item.dueTime === null || overBy >= DAY) return { late: true, unit: 'day', count: Math.max(1, -days) };
  if (overBy < HOUR) return { late: true, unit: 'minute', count: Math.max(1, Math.floor(overBy / MINUTE)) };
  return { late: true, unit: 'hour', count: Math.floor(overBy / HOUR) };
}

/**
 * Relative wording for deadlines and past events, in the workspace time zone. Days are counted on
 * the calendar (Thursday is "in 2 days" from Tuesday evening), lateness in whole units.
 */
export function useWhen(timeZone: string) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();

  const due = useCallback(
    (item: Due, now: Date): DueText => {
      const exact = item.dueTime
        ? formatExact(item.dueAt, intlLocale, timeZone)
        : formatLongDay(item.dueDate, intlLocale);
      const r = relativeDue(item, now, timeZone);
      if (r.late) {
        const key = r.unit === 'day' ? 'when.lateDays' : r.unit === 'hour' ? 'when.lateHours' : 'when.lateMinutes';
        return { text: t(key, { count: r.count }), exact, late: true };
      }
      const time = item.dueTime ? formatTime(item.dueAt, intlLocale, timeZone) : null;
      let day: string;
      if (r.days === 0) day = t('when.today');
      else if (r.days === 1) day = t('when.tomorrow');
      else if (r.days < 7) day = formatWeekday(item.dueDate, intlLocale);
      else day = formatShortDay(item.dueDate, intlLocale, r.days > 300);
      return { text: time ? t('when.dayAtTime', { day, time }) : day, exact, late: false };
    },
    [intlLocale, t, timeZone],
  );

  /** A past moment: "5 minutes ago", "yesterday 14:30", "12 Nov". */
  const ago = useCallback(
    (iso: string, now: Date): { text: string; exact: string } => {
      const exact = formatExact(iso, intlLocale, timeZone);
      const elapsed = now.getTime() - new Date(iso).getTime();
      const rtf = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' });
      if (elapsed < MINUTE) return { text: rtf.format(0, 'second'), exact };
      if (elapsed < HOUR) return { text: rtf.format(-Math.floor(elapsed / MINUTE), 'minute'), exact };
      const days = daysBetween(localDayOf(iso, timeZone), todayIn(timeZone, now));
      if (days === 0) return { text: rtf.format(-Math.floor(elapsed / HOUR), 'hour'), exact };
      const time = formatTime(iso, intlLocale, timeZone);
      if (days === 1) return { text: t('when.dayAtTime', { day: t('when.yesterday'), time }), exact };
      if (days < 7)
        return {
          text: t('when.dayAtTime', { day: formatWeekday(localDayOf(iso, timeZone), intlLocale), time }),
          exact,
        };
      return { text: formatShortDay(localDayOf(iso, timeZone), intlLocale, days > 300), exact };
    },
    [intlLocale, t, timeZone],
  );

  return { due, ago };
}
