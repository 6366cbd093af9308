import { describe, expect, it } from 'vitest';
import { ZQuoteForm, liveTotals, newQuoteValues, valuesToInput } from './quote-form-values';

describe('quote form values', () => {
  const base = newQuoteValues({ today: '2026-11-23', clientId: 'c1', clientName: 'דנה', terms: null });
  it('defaults validity to 30 days ahead', () => {
    expect(base.validUntil).toBe('2026-12-23');
  });
  it('converts typed shekels and quantities for the API and the totals', () => {
    const values = {
      ...base,
      title: 'מיתוג',
      items: [
        { key: 'a', description: 'לוגו', quantity: '1.5', unit: 'שעה', unitPrice: '1,234.5' },
        { key: 'b', description: 'כרטיס ביקור', quantity: '2', unit: '', unitPrice: '100' },
      ],
      discountKind: 'percent' as const,
      discountValue: '10',
    };
    const input = valuesToInput(values);
    expect(input.items[0]).toMatchObject({ quantity: 1.5, unitPrice: 123450 });
    expect(ZQuoteForm.safeParse(input).success).toBe(true);
    const totals = liveTotals(values, 1800);
    expect(totals.subtotal).toBe(185175 + 20000);
    expect(totals.discount).toBe(20518);
    expect(totals.total).toBe(totals.net + totals.vat);
  });
  it('rejects a price that does not parse', () => {
    const input = valuesToInput({
      ...base,
      title: 'x',
      items: [{ key: 'a', description: 'd', quantity: '1', unit: '', unitPrice: 'abc' }],
    });
    const result = ZQuoteForm.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['items', 0, 'unitPrice']);
  });
});
