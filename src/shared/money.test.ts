import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTotals, formatMoney, lineTotal, mulDivRound } from './money.js';

const line = fc.record({
  quantityMilli: fc.integer({ min: 0, max: 10_000_000 }),
  unitPrice: fc.integer({ min: 0, max: 100_000_000 }),
});
const discount = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 0, max: 2_000_000_000 }) }),
    fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }) }),
  ),
  { nil: null },
);

describe('money', () => {
  it('rounds half away from zero to the agora', () => {
    expect(mulDivRound(5, 1, 10)).toBe(1);
    expect(mulDivRound(4, 1, 10)).toBe(0);
    expect(mulDivRound(-5, 1, 10)).toBe(-1);
    expect(lineTotal({ quantityMilli: 1500, unitPrice: 33_333 })).toBe(50_000); // 1.5 × 333.33 = 499.995 → 500.00
  });

  it('adds 18% VAT on top for a business quote and carves it out of a consumer quote', () => {
    const business = computeTotals({
      lines: [{ quantityMilli: 1000, unitPrice: 100_000 }],
      discount: null,
      vatBasisPoints: 1800,
      pricesIncludeVat: false,
    });
    expect(business).toMatchObject({ subtotal: 100_000, net: 100_000, vat: 18_000, total: 118_000 });
    const consumer = computeTotals({
      lines: [{ quantityMilli: 1000, unitPrice: 118_000 }],
      discount: null,
      vatBasisPoints: 1800,
      pricesIncludeVat: true,
    });
    expect(consumer).toMatchObject({ total: 118_000, vat: 18_000, net: 100_000 });
    const exempt = computeTotals({
      lines: [{ quantityMilli: 2000, unitPrice: 50_000 }],
      discount: { kind: 'percent', basisPoints: 1000 },
      vatBasisPoints: 0,
      pricesIncludeVat: false,
    });
    expect(exempt).toMatchObject({ subtotal: 100_000, discount: 10_000, vat: 0, total: 90_000 });
  });

  it('never goes negative, and the lines always sum to the total before discount', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        discount,
        fc.constantFrom(0, 1700, 1800),
        fc.boolean(),
        (lines, d, vat, inclusive) => {
          const t = computeTotals({ lines, discount: d, vatBasisPoints: vat, pricesIncludeVat: inclusive });
          expect(t.lines.reduce((a, b) => a + b, 0)).toBe(t.subtotal);
          for (const value of [t.subtotal, t.discount, t.net, t.vat, t.total]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(Number.isSafeInteger(value)).toBe(true);
          }
          expect(t.discount).toBeLessThanOrEqual(t.subtotal);
          expect(t.net + t.vat).toBe(t.total);
          expect(t.total).toBe(inclusive ? t.subtotal - t.discount : t.subtotal - t.discount + t.vat);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('formats shekels with Intl (the number, not the literal, is what matters)', () => {
    const he = formatMoney(118_000, 'ILS', 'he');
    expect(he.replace(/[^\d.,]/g, '')).toBe('1,180.00');
    expect(he).toContain('₪');
  });
});
