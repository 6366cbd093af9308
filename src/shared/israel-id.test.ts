import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIsraeliId, normalizeIsraeliId } from './israel-id.js';

/** The check digit that makes eight digits a valid number. */
function withCheckDigit(eight: string): string {
  for (let d = 0; d <= 9; d++) if (isValidIsraeliId(`${eight}${d}`)) return `${eight}${d}`;
  throw new Error('no check digit');
}

describe('Israeli ID / business numbers', () => {
  it('accepts known-valid numbers and rejects a wrong check digit', () => {
    expect(isValidIsraeliId('516123452')).toBe(true);
    expect(isValidIsraeliId('000000018')).toBe(true);
    expect(isValidIsraeliId('51-6123452')).toBe(true);
    expect(isValidIsraeliId('516123453')).toBe(false);
    expect(isValidIsraeliId('12345678a')).toBe(false);
    expect(isValidIsraeliId('000000000')).toBe(false);
    expect(isValidIsraeliId('1234567890')).toBe(false);
  });

  it('has exactly one check digit for every eight-digit body, and one changed digit breaks it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{8}$/),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (body, pos, delta) => {
          const valid = withCheckDigit(body);
          const valids = Array.from({ length: 10 }, (_, d) => isValidIsraeliId(`${body}${d}`)).filter(Boolean);
          expect(valids).toHaveLength(1);
          const digit = (Number(valid[pos]) + delta) % 10;
          const changed = `${valid.slice(0, pos)}${digit}${valid.slice(pos + 1)}`;
          if (changed !== '000000000') expect(isValidIsraeliId(changed)).toBe(false);
        },
      ),
    );
  });

  it('pads short numbers to nine digits', () => {
    expect(normalizeIsraeliId('18')).toBe('000000018');
  });
});
