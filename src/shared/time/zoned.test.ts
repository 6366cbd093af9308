import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayBounds, fromLocal, localDate, offsetMinutes, toLocal, weekdayOf } from './zoned.js';

const TZ = 'Asia/Jerusalem';

describe('zoned time (Asia/Jerusalem)', () => {
  it('reads wall-clock time in winter (+2) and summer (+3)', () => {
    expect(toLocal(new Date('2026-01-15T10:00:00Z'), TZ)).toMatchObject({ hour: 12, minute: 0, weekday: 4 });
    expect(toLocal(new Date('2026-07-15T10:00:00Z'), TZ)).toMatchObject({ hour: 13 });
    expect(offsetMinutes(new Date('2026-01-15T10:00:00Z'), TZ)).toBe(120);
    expect(offsetMinutes(new Date('2026-07-15T10:00:00Z'), TZ)).toBe(180);
  });

  it('finds the instant of a local time on both sides of DST', () => {
    expect(fromLocal({ year: 2026, month: 1, day: 15, hour: 12 }, TZ).toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(fromLocal({ year: 2026, month: 7, day: 15, hour: 12 }, TZ).toISOString()).toBe('2026-07-15T09:00:00.000Z');
  });

  it('handles the spring-forward gap and the autumn overlap (2026: March 27 and October 25)', () => {
    // 02:30 does not exist on 2026-03-27 in Israel (02:00 → 03:00): it moves forward.
    const gap = fromLocal({ year: 2026, month: 3, day: 27, hour: 2, minute: 30 }, TZ);
    expect(toLocal(gap, TZ)).toMatchObject({ hour: 3, minute: 30 });
    // 01:30 happens twice on 2026-10-25: the earlier one (summer time, +3) is taken.
    const overlap = fromLocal({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, TZ);
    expect(overlap.toISOString()).toBe('2026-10-24T22:30:00.000Z');
  });

  it('gives 23- and 25-hour days at the DST changes', () => {
    const spring = dayBounds('2026-03-27', TZ);
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const autumn = dayBounds('2026-10-25', TZ);
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
  });

  it('puts 23:30 Israel time on the local day even though UTC is still the day before', () => {
    const lateNight = new Date('2026-11-23T21:30:00Z'); // 23:30 in Israel (+2)
    expect(localDate(lateNight, TZ)).toBe('2026-11-23');
    expect(localDate(new Date('2026-11-23T22:30:00Z'), TZ)).toBe('2026-11-24');
  });

  it('round-trips every wall-clock minute that exists', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        (instant) => {
          const rounded = new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
          const l = toLocal(rounded, TZ);
          const back = fromLocal(l, TZ);
          const again = toLocal(back, TZ);
          expect([again.year, again.month, again.day, again.hour, again.minute]).toEqual([
            l.year,
            l.month,
            l.day,
            l.hour,
            l.minute,
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does calendar arithmetic on date strings', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-11-23')).toBe(1);
  });
});
