import { describe, expect, it } from 'vitest';
import { deliveryDateFromTerms } from './delivery-time.js';
import { addIsraeliWorkingDays, isIsraeliWorkingDay } from './israel-calendar.js';

describe('delivery time in the terms → a delivery date', () => {
  it('counts working days on the Israeli calendar: no Friday, Shabbat or holiday', () => {
    // Sunday 2026-11-22 + 5 working days = Sunday 2026-11-29 (Fri 27, Sat 28 skipped).
    expect(addIsraeliWorkingDays('2026-11-22', 5)).toBe('2026-11-29');
    expect(isIsraeliWorkingDay('2026-11-27')).toBe(false);
    // Rosh Hashana 5787 is Sat–Sun 12–13.9.2026: Thursday 10.9 + 1 working day is Monday 14.9.
    expect(addIsraeliWorkingDays('2026-09-10', 1)).toBe('2026-09-14');
    expect(isIsraeliWorkingDay('2026-09-11')).toBe(false); // Friday, and the holiday's eve
    expect(isIsraeliWorkingDay('2026-09-20')).toBe(true); // Yom Kippur eve, a Sunday: a short working day
  });

  it.each([
    ['העבודה תימסר בתוך 14 ימי עבודה מיום אישור ההצעה וקבלת כל החומרים.', '2026-12-22'],
    ['The work will be delivered within 14 working days of accepting this quote.', '2026-12-22'],
    ['10 business days', '2026-12-16'],
    ['תוך 10 ימים', '2026-12-12'],
    ['within 10 days', '2026-12-12'],
    ['3 שבועות', '2026-12-23'],
    ['in 2 weeks', '2026-12-16'],
    ['שבועיים מקבלת החומרים', '2026-12-16'],
  ])('%s → %s (accepted Wednesday 2.12.2026)', (text, expected) => {
    expect(deliveryDateFromTerms(text, '2026-12-02')).toBe(expected);
  });

  it.each([[''], [null], ['בתיאום'], ['as agreed'], ['0 days'], ['999 ימים']])('%s → no date', (text) => {
    expect(deliveryDateFromTerms(text, '2026-12-02')).toBeNull();
  });
});
