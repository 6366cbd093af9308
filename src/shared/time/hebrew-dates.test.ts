import { describe, expect, it } from 'vitest';
import { hebrewDate, nextSendingTime } from './israel-calendar.js';
import {
  formatHebrewDay,
  hebrewMonthName,
  hebrewNumeral,
  isHebrewLeapYear,
  nextHebrewOccurrence,
  nextHoliday,
} from './hebrew-dates.js';
import { addDays } from './zoned.js';

const TZ = 'Asia/Jerusalem';

describe('Hebrew-calendar dates', () => {
  it('finds a Hebrew birthday (5 Heshvan) on a different Gregorian day each year', () => {
    expect(nextHebrewOccurrence('2026-01-01', { month: 'heshvan', day: 5 })).toBe('2026-10-16');
    expect(nextHebrewOccurrence('2027-01-01', { month: 'heshvan', day: 5 })).toBe('2027-11-05');
    // The day itself counts; the day after looks to the next year.
    expect(nextHebrewOccurrence('2026-10-16', { month: 'heshvan', day: 5 })).toBe('2026-10-16');
    expect(nextHebrewOccurrence('2026-10-17', { month: 'heshvan', day: 5 })).toBe('2027-11-05');
  });

  it('returns null when the date is not within the window', () => {
    expect(nextHebrewOccurrence('2026-10-10', { month: 'heshvan', day: 5 }, 7)).toBe('2026-10-16');
    expect(nextHebrewOccurrence('2026-10-01', { month: 'heshvan', day: 5 }, 7)).toBeNull();
  });

  it('keeps Adar in Adar II in a leap year, and Adar I / II in Adar in a common year', () => {
    expect(isHebrewLeapYear(5786)).toBe(false);
    expect(isHebrewLeapYear(5787)).toBe(true);
    // 5786 is common: 12 Adar is 1 March 2026; Adar I and Adar II are both kept in Adar.
    expect(nextHebrewOccurrence('2026-01-01', { month: 'adar', day: 12 })).toBe('2026-03-01');
    expect(nextHebrewOccurrence('2026-01-01', { month: 'adar_i', day: 12 })).toBe('2026-03-01');
    expect(nextHebrewOccurrence('2026-01-01', { month: 'adar_ii', day: 12 })).toBe('2026-03-01');
    // 5787 is a leap year: Adar → Adar II (21 March 2027); Adar I is a month earlier.
    expect(nextHebrewOccurrence('2027-01-01', { month: 'adar', day: 12 })).toBe('2027-03-21');
    expect(hebrewDate('2027-03-21')).toMatchObject({ month: 'Adar II', day: 12 });
    expect(nextHebrewOccurrence('2027-01-01', { month: 'adar_i', day: 12 })).toBe('2027-02-19');
    expect(nextHebrewOccurrence('2027-01-01', { month: 'adar_ii', day: 12 })).toBe('2027-03-21');
  });

  it('keeps a 30th that a year lacks on the day after the 29th', () => {
    // Find a year whose Heshvan has 29 days, and check the rule there.
    let day = '2026-01-01';
    for (let year = 0; year < 6; year++) {
      const kept = nextHebrewOccurrence(day, { month: 'heshvan', day: 30 })!;
      const h = hebrewDate(kept);
      if (h.month === 'Heshvan') expect(h.day).toBe(30);
      else {
        expect(h).toMatchObject({ month: 'Kislev', day: 1 });
        expect(hebrewDate(addDays(kept, -1))).toMatchObject({ month: 'Heshvan', day: 29 });
      }
      day = addDays(kept, 1);
    }
    // 30 Adar I in a common year (5786): Adar has 29 days, so 1 Nisan.
    expect(nextHebrewOccurrence('2025-06-01', { month: 'adar_i', day: 30 })).toBe('2026-03-19');
    expect(hebrewDate('2026-03-19')).toMatchObject({ month: 'Nisan', day: 1 });
  });

  it('dates Rosh Hashana (1 Tishrei) and Pesach (15 Nisan)', () => {
    expect(nextHoliday('rosh_hashana', '2026-01-01')).toBe('2026-09-12');
    expect(nextHoliday('rosh_hashana', '2026-09-13')).toBe('2027-10-02');
    expect(nextHoliday('pesach', '2026-01-01')).toBe('2026-04-02');
    expect(nextHoliday('pesach', '2026-04-03')).toBe('2027-04-22');
  });

  it('names months and days the way they are written', () => {
    expect(hebrewMonthName('adar_i', 'he')).toBe('אדר א׳');
    expect(hebrewMonthName('adar_ii', 'en')).toBe('Adar II');
    expect([1, 10, 12, 15, 16, 29, 30].map(hebrewNumeral)).toEqual(['א׳', 'י׳', 'י״ב', 'ט״ו', 'ט״ז', 'כ״ט', 'ל׳']);
    expect(formatHebrewDay({ month: 'adar', day: 12 }, 'he')).toBe('י״ב באדר');
    expect(formatHebrewDay({ month: 'heshvan', day: 5 }, 'en')).toBe('5 Heshvan');
  });
});

describe('When a message may go to a client', () => {
  const at = (iso: string) => new Date(iso);
  it('leaves a weekday and a Friday morning alone', () => {
    expect(nextSendingTime(at('2026-03-03T08:00:00Z'), TZ).toISOString()).toBe('2026-03-03T08:00:00.000Z');
    expect(nextSendingTime(at('2026-03-06T08:00:00Z'), TZ).toISOString()).toBe('2026-03-06T08:00:00.000Z'); // Fri 10:00
  });

  it('moves Friday afternoon and Shabbat to Sunday 09:00', () => {
    expect(nextSendingTime(at('2026-03-06T13:00:00Z'), TZ).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(nextSendingTime(at('2026-03-07T18:00:00Z'), TZ).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('moves a holiday and its eve afternoon past the whole holiday (and a Shabbat after it)', () => {
    // Rosh Hashana 5787: eve Friday 11 Sep 2026, holiday Sat–Sun 12–13 Sep, back on Monday.
    expect(nextSendingTime(at('2026-09-11T12:30:00Z'), TZ).toISOString()).toBe('2026-09-14T06:00:00.000Z');
    expect(nextSendingTime(at('2026-09-13T09:00:00Z'), TZ).toISOString()).toBe('2026-09-14T06:00:00.000Z');
    // Pesach 5787: 22 Apr 2027 (Thursday); eve Wednesday afternoon → Friday 23 Apr 09:00 (a short day, morning is fine).
    expect(nextSendingTime(at('2027-04-21T12:00:00Z'), TZ).toISOString()).toBe('2027-04-23T06:00:00.000Z');
  });
});
