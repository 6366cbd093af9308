import { describe, expect, it } from 'vitest';
import { formatDeadline } from './due-format';

describe('deadline wording', () => {
  it('shows a day-only deadline as the day, and a timed one with its time', () => {
    expect(formatDeadline('2026-11-26T21:59:59.999Z', 'en-IL', 'Asia/Jerusalem')).toBe('Thursday, 26 November 2026');
    expect(formatDeadline('2026-11-26T10:00:00.000Z', 'en-IL', 'Asia/Jerusalem')).toContain('12:00');
  });
});
