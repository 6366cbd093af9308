import { ZLocalDate, ZLocalTime } from '../../shared/schemas/common';
import { addDays, fromLocal, localDate, parseDate, toLocal, weekdayOf } from '../../shared/time/zoned';

/**
 * Days and clock times as the workspace says them (YYYY-MM-DD, HH:mm), never the browser's zone:
 * a freelancer in Tel Aviv travelling abroad still promises "Thursday 12:00" Israel time.
 */
export type LocalDay = string;

export { addDays, weekdayOf };

export function todayIn(timeZone: string, now: Date = new Date()): LocalDay {
  return localDate(now, timeZone);
}

export function localDayOf(iso: string, timeZone: string): LocalDay {
  return localDate(new Date(iso), timeZone);
}

/** The wall-clock time now, rounded down to the minute ("14:07"). */
export function clockNow(timeZone: string, now: Date = new Date()): string {
  const l = toLocal(now, timeZone);
  return `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
}

/** The instant of a local day and time, or null when either is not a real value yet. */
export function instantOf(day: LocalDay, time: string | null, timeZone: string): Date | null {
  // The same rules as the API's ZLocalDate / ZLocalTime, so the form and the server agree.
  if (!ZLocalDate.safeParse(day).success) return null;
  const parsed = parseDate(day);
  if (time === null) {
    // A day without a time is due by the end of it, as the server counts it.
    return new Date(fromLocal({ ...parseDate(addDays(day, 1)) }, timeZone).getTime() - 1);
  }
  if (!ZLocalTime.safeParse(time).success) return null;
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return fromLocal({ ...parsed, hour, minute }, timeZone);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDay, to: LocalDay): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Sunday of the week a day falls in: the Israeli week starts on Sunday. */
export function weekStartOf(day: LocalDay): LocalDay {
  return addDays(day, -weekdayOf(day));
}

/** Sunday–Thursday: the Israeli work week, when the business has not said otherwise. */
const DEFAULT_WORK_DAYS: readonly number[] = [0, 1, 2, 3, 4];
const EXTRA_DAYS = 4;

/**
 * Days to offer as one-tap choices: today, tomorrow, then the next work days of the coming week
 * (on a Thursday: Sunday, Monday… — Friday and Saturday only if the business works then).
 */
export function quickDays(today: LocalDay, workDays: readonly number[] = DEFAULT_WORK_DAYS): LocalDay[] {
  const days = [today, addDays(today, 1)];
  const work = workDays.length > 0 ? workDays : DEFAULT_WORK_DAYS;
  for (let offset = 2; offset < 9 && days.length < 2 + EXTRA_DAYS; offset++) {
    const candidate = addDays(today, offset);
    if (work.includes(weekdayOf(candidate))) days.push(candidate);
  }
  return days;
}
