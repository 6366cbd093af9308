import { describe, expect, it } from 'vitest';
import { defaultServiceHours } from '../schemas/common.js';
import { hebrewDate, isWithinServiceHours, israeliDayKind } from './israel-calendar.js';

const TZ = 'Asia/Jerusalem';

describe('Israeli calendar', () => {
  it('reads Hebrew dates through Intl', () => {
    expect(hebrewDate('2026-09-12')).toEqual({ day: 1, month: 'Tishri', year: 5787 });
    expect(hebrewDate('2027-04-22')).toMatchObject({ day: 15, month: 'Nisan' });
  });

  it('knows the holidays of 5787 (2026–27) and their eves', () => {
    expect(israeliDayKind('2026-09-11')).toEqual({ kind: 'short', holiday: 'rosh_hashana' }); // 29 Elul, a Friday
    expect(israeliDayKind('2026-09-13')).toEqual({ kind: 'rest', holiday: 'rosh_hashana' });
    expect(israeliDayKind('2026-09-20')).toEqual({ kind: 'short', holiday: 'yom_kippur' });
    expect(israeliDayKind('2026-09-21')).toEqual({ kind: 'rest', holiday: 'yom_kippur' });
    expect(israeliDayKind('2027-04-21')).toEqual({ kind: 'short', holiday: 'pesach' });
    expect(israeliDayKind('2027-04-22')).toEqual({ kind: 'rest', holiday: 'pesach' });
    expect(israeliDayKind('2027-06-11')).toEqual({ kind: 'rest', holiday: 'shavuot' }); // 6 Sivan 5787 is a Friday: still a holiday
    expect(israeliDayKind('2027-06-10')).toEqual({ kind: 'short', holiday: 'shavuot' });
    expect(israeliDayKind('2026-11-23')).toEqual({ kind: 'workday' });
    expect(israeliDayKind('2026-11-28')).toEqual({ kind: 'rest' });
  });

  it('moves Independence Day off Shabbat and Monday', () => {
    expect(israeliDayKind('2026-04-22')).toEqual({ kind: 'rest', holiday: 'yom_haatzmaut' }); // 5 Iyar 5786 on Wednesday
    expect(israeliDayKind('2027-05-12')).toEqual({ kind: 'rest', holiday: 'yom_haatzmaut' }); // 5 Iyar 5787 falls on Wednesday
    expect(israeliDayKind('2025-05-01')).toEqual({ kind: 'rest', holiday: 'yom_haatzmaut' }); // 5 Iyar 5785 was Saturday → Thursday 3 Iyar
    expect(israeliDayKind('2025-05-03')).toEqual({ kind: 'rest' });
  });

  it('checks service hours in the workspace zone, with holidays closed and eves short', () => {
    const at = (iso: string) => isWithinServiceHours(new Date(iso), defaultServiceHours, TZ);
    expect(at('2026-11-23T08:00:00Z')).toBe(true); // Monday 10:00
    expect(at('2026-11-23T16:30:00Z')).toBe(false); // Monday 18:30
    expect(at('2026-11-27T10:30:00Z')).toBe(true); // Friday 12:30
    expect(at('2026-11-27T11:30:00Z')).toBe(false); // Friday 13:30
    expect(at('2026-11-28T08:00:00Z')).toBe(false); // Saturday
    expect(at('2026-09-21T07:00:00Z')).toBe(false); // Yom Kippur, Monday 10:00
    expect(at('2026-09-20T08:00:00Z')).toBe(true); // erev Yom Kippur (Sunday) 11:00: Friday hours
    expect(at('2026-09-20T11:00:00Z')).toBe(false); // erev Yom Kippur 14:00
    expect(at('2026-03-29T06:30:00Z')).toBe(true); // first Sunday of summer time, 09:30 (+3)
    expect(at('2026-03-29T05:30:00Z')).toBe(false); // 08:30
  });
});
