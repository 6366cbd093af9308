import { describe, expect, it } from 'vitest';
import { nextOccurrence, todayInZone } from './calendar';

describe('calendar', () => {
  it('takes "today" in the given zone, not the machine zone', () => {
    // 22:30 UTC on 31 Dec is already 1 Jan in Jerusalem (UTC+2).
    expect(todayInZone('Asia/Jerusalem', new Date('2025-12-31T22:30:00Z'))).toEqual({ year: 2026, month: 1, day: 1 });
  });

  it('counts today as the next occurrence', () => {
    expect(nextOccurrence(3, 14, { year: 2026, month: 3, day: 14 })).toEqual({
      year: 2026,
      month: 3,
      day: 14,
      daysAway: 0,
    });
  });

  it('rolls over to next year once the day has passed', () => {
    expect(nextOccurrence(1, 10, { year: 2026, month: 11, day: 23 })).toEqual({
      year: 2027,
      month: 1,
      day: 10,
      daysAway: 48,
    });
  });

  it('celebrates 29 February on the 28th in common years', () => {
    expect(nextOccurrence(2, 29, { year: 2026, month: 1, day: 1 })).toMatchObject({ year: 2026, month: 2, day: 28 });
    expect(nextOccurrence(2, 29, { year: 2028, month: 1, day: 1 })).toMatchObject({ year: 2028, month: 2, day: 29 });
  });
});
