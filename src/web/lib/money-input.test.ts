import { describe, expect, it } from 'vitest';
import { agorotToInput, milliToInput, parseAgorot, parseBasisPoints, parseMilli } from './money-input';

describe('typed amounts to integers without floats', () => {
  it('reads shekels as agorot', () => {
    expect(parseAgorot('1,234.5')).toBe(123450);
    expect(parseAgorot('0.1')).toBe(10);
    expect(parseAgorot('80')).toBe(8000);
    expect(parseAgorot('₪ 1 000')).toBe(100000);
    expect(parseAgorot('.5')).toBe(50);
    expect(parseAgorot('1.234')).toBeNull();
    expect(parseAgorot('abc')).toBeNull();
    expect(parseAgorot('')).toBeNull();
    expect(parseAgorot('1.2.3')).toBeNull();
    expect(parseAgorot('-5')).toBeNull();
  });
  it('reads quantities in thousandths and percents in basis points', () => {
    expect(parseMilli('1.5')).toBe(1500);
    expect(parseMilli('2')).toBe(2000);
    expect(parseBasisPoints('12.5')).toBe(1250);
    expect(parseBasisPoints('10%')).toBe(1000);
  });
  it('writes integers back as input text', () => {
    expect(agorotToInput(123450)).toBe('1234.50');
    expect(agorotToInput(8000)).toBe('80');
    expect(milliToInput(1500)).toBe('1.5');
    expect(milliToInput(2000)).toBe('2');
    expect(milliToInput(1250)).toBe('1.25');
  });
});
