import { describe, expect, it } from 'vitest';
import { relativeDue } from './use-when';

const TZ = 'Asia/Jerusalem';
// Monday 23 Nov 2026, 15:00 in Jerusalem (UTC+2).
const now = new Date('2026-11-23T13:00:00Z');

describe('relative due', () => {
  it('says how many calendar days away a deadline is', () => {
    expect(
      relativeDue({ dueDate: '2026-11-23', dueTime: '17:00', dueAt: '2026-11-23T15:00:00.000Z' }, now, TZ),
    ).toEqual({ late: false, days: 0 });
    expect(relativeDue({ dueDate: '2026-11-26', dueTime: null, dueAt: '2026-11-26T21:59:59.999Z' }, now, TZ)).toEqual({
      late: false,
      days: 3,
    });
  });

  it('counts minutes, then hours, on the day a timed promise slips', () => {
    expect(
      relativeDue({ dueDate: '2026-11-23', dueTime: '14:50', dueAt: '2026-11-23T12:50:00.000Z' }, now, TZ),
    ).toEqual({ late: true, unit: 'minute', count: 10 });
    expect(
      relativeDue({ dueDate: '2026-11-23', dueTime: '12:00', dueAt: '2026-11-23T10:00:00.000Z' }, now, TZ),
    ).toEqual({ late: true, unit: 'hour', count: 3 });
  });

  it('counts a day-only promise in days from the day after', () => {
    expect(relativeDue({ dueDate: '2026-11-22', dueTime: null, dueAt: '2026-11-22T21:59:59.999Z' }, now, TZ)).toEqual({
      late: true,
      unit: 'day',
      count: 1,
    });
    expect(
      relativeDue({ dueDate: '2026-11-21', dueTime: '12:00', dueAt: '2026-11-21T10:00:00.000Z' }, now, TZ),
    ).toEqual({ late: true, unit: 'day', count: 2 });
  });

  it('counts a timed promise from last night in hours, not as a day', () => {
    const justAfterMidnight = new Date('2026-11-22T22:30:00Z'); // 00:30 on the 23rd
    expect(
      relativeDue(
        { dueDate: '2026-11-22', dueTime: '23:00', dueAt: '2026-11-22T21:00:00.000Z' },
        justAfterMidnight,
        TZ,
      ),
    ).toEqual({ late: true, unit: 'hour', count: 1 });
  });
});
