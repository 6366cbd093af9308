/**
 * Wall-clock time in a named time zone, with Intl only (no tz database of our own). "Today",
 * service hours and due dates are all computed in the workspace zone (default Asia/Jerusalem).
 */
export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock reading of an instant in a zone; weekday 0 = Sunday. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime & { second: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday!] ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at that instant (Israel: +120 in winter, +180 in summer). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time happens in a zone. In the spring gap (a time that does not exist)
 * it moves forward by the gap; in the autumn overlap it takes the earlier of the two.
 */
export function fromLocal(
  local: { year: number; month: number; day: number; hour?: number; minute?: number },
  timeZone: string,
): Date {
  const hour = local.hour ?? 0;
  const minute = local.minute ?? 0;
  const naive = Date.UTC(local.year, local.month - 1, local.day, hour, minute);
  // The offsets a day before and after cover both sides of any transition near this time.
  const before = offsetMinutes(new Date(naive - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(naive + 86_400_000), timeZone);
  const candidates = [...new Set([before, after])].map((off) => naive - off * 60_000).sort((a, b) => a - b);
  for (const candidate of candidates) {
    const l = toLocal(new Date(candidate), timeZone);
    if (l.day === local.day && l.hour === hour && l.minute === minute) return new Date(candidate);
  }
  return new Date(naive - before * 60_000);
}

/** A calendar date as YYYY-MM-DD. */
export type DateString = string;

export function localDate(instant: Date, timeZone: string): DateString {
  const l = toLocal(instant, timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

export function parseDate(date: DateString): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Adds whole calendar days to a date string (no time zone involved). */
export function addDays(date: DateString, days: number): DateString {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  // Not toISOString: past year 9999 it writes "+010000-…" (and throws past its range).
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function weekdayOf(date: DateString): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The instants where a local day starts and ends (a DST day is 23 or 25 hours long). */
export function dayBounds(date: DateString, timeZone: string): { start: Date; end: Date } {
  const start = fromLocal({ ...parseDate(date), hour: 0, minute: 0 }, timeZone);
  const end = fromLocal({ ...parseDate(addDays(date, 1)), hour: 0, minute: 0 }, timeZone);
  return { start, end };
}
