import { describe, expect, it } from 'vitest';
import { timeZoneName, timeZoneOptions } from './format';

describe('time zone names', () => {
  it('names Israel in the app’s language, not by its id', () => {
    expect(timeZoneName('Asia/Jerusalem', 'he-IL')).toBe('שעון ישראל');
    expect(timeZoneName('Asia/Jerusalem', 'en-IL')).toBe('Israel Time');
  });

  it('tells zones that share a name apart by their city', () => {
    const options = timeZoneOptions(['Asia/Jerusalem', 'Europe/Berlin', 'Europe/Paris'], 'en-IL');
    expect(options[0]).toEqual({ value: 'Asia/Jerusalem', label: 'Israel Time' });
    expect(options.slice(1).map((o) => o.label)).toEqual([
      'Central European Time (Berlin)',
      'Central European Time (Paris)',
    ]);
    expect(options.map((o) => o.label).join()).not.toContain('Asia/');
  });
});
