import { formatExact, formatLongDay } from '../../../lib/format';
import { localDayOf } from '../../../lib/zoned-dates';

/**
 * A deadline instant from the API, as a person reads it. A promise "by Thursday" (no time) is due
 * at the last millisecond of that day (23:59:59.999); one with a time falls on a whole minute, so
 * the seconds tell the two apart.
 */
export function formatDeadline(iso: string, intlLocale: string, timeZone: string): string {
  const instant = new Date(iso);
  const wholeDay = instant.getUTCSeconds() === 59 && instant.getUTCMilliseconds() === 999;
  return wholeDay ? formatLongDay(localDayOf(iso, timeZone), intlLocale) : formatExact(iso, intlLocale, timeZone);
}
