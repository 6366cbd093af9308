import { describe, expect, it } from 'vitest';
import { formatElapsed, formatMinutes, parseDuration } from './duration';

describe('durations', () => {
  it('formats minutes as h:mm', () => {
    expect(formatMinutes(65)).toBe('1:05');
    expect(formatMinutes(0)).toBe('0:00');
  });
  it('formats elapsed time', () => {
    expect(formatElapsed('2026-01-01T00:00:00.000Z', Date.parse('2026-01-01T01:02:03.000Z'))).toBe('1:02:03');
  });
  it('reads h:mm, minutes and decimal hours', () => {
    expect(parseDuration('1:30')).toBe(90);
    expect(parseDuration('45')).toBe(45);
    expect(parseDuration('1.5')).toBe(90);
    expect(parseDuration('abc')).toBeNull();
  });
});
