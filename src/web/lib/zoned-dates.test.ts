import { describe, expect, it } from 'vitest';
import { addDays, clockNow, daysBetween, instantOf, quickDays, todayIn, weekStartOf } from './zoned-dates';

const TZ = 'Asia/Jerusalem';

describe('zoned dates', () => {
  it('reads "today" and the clock in the workspace zone, not the machine zone', () => {
    // 22:30 UTC on 31 Dec is 00:30 on 1 Jan in Jerusalem (UTC+2).
    const instant = new Date('2025-12-31T22:30:00Z');
    expect(todayIn(TZ, instant)).toBe('2026-01-01');
    expect(clockNow(TZ, instant)).toBe('00:30');
  });

  it('turns a local day and time into the right instant on both sides of a DST change', () => {
    expect(instantOf('2026-01-15', '12:00', TZ)?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(instantOf('2026-07-15', '12:00', TZ)?.toISOString()).toBe('2026-07-15T09:00:00.000Z');
  });

  it('makes a day without a time due at the last moment of that day, as the server does', () => {
    expect(instantOf('2026-07-15', null, TZ)?.toISOString()).toBe('2026-07-15T20:59:59.999Z');
  });

  it('refuses what is not a day or a time yet', () => {
    expect(instantOf('', '12:00', TZ)).toBeNull();
    expect(instantOf('2026-07-15', '25:00', TZ)).toBeNull();
  });

  it('counts calendar days, and weeks start on Sunday', () => {
    expect(daysBetween('2026-11-23', '2026-11-26')).toBe(3);
    expect(daysBetween('2026-11-26', '2026-11-23')).toBe(-3);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(weekStartOf('2026-11-26')).toBe('2026-11-22');
  });

  it('offers today, tomorrow and the next work days, skipping Friday and Saturday', () => {
    // Thursday 26 Nov 2026: tomorrow is Friday; then Sunday to Wednesday.
    expect(quickDays('2026-11-26')).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    // Monday: Wednesday and Thursday, then the next Sunday and Monday.
    expect(quickDays('2026-11-23')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-29',
      '2026-11-30',
    ]);
  });

  it('follows the business week when it has one', () => {
    // Works Monday to Friday.
    expect(quickDays('2026-11-26', [1, 2, 3, 4, 5])).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
  });
  it('adds days across months and years', () => {
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
