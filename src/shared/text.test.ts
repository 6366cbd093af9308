import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isolate, normalizeForSearch, searchTerms } from './text.js';

describe('normalizeForSearch', () => {
  it('strips niqqud and cantillation but keeps the letters', () => {
    expect(normalizeForSearch('שָׁלוֹם')).toBe('שלום');
    expect(normalizeForSearch('בְּרֵאשִׁ֖ית')).toBe('בראשית');
  });
  it('unifies gershayim and geresh with ASCII quotes', () => {
    expect(normalizeForSearch('מנכ״ל')).toBe('מנכ"ל');
    expect(normalizeForSearch('צ׳ק')).toBe("צ'ק");
  });
  it('folds case, composes to NFC and squeezes spaces', () => {
    expect(normalizeForSearch('  ACME   Studio ')).toBe('acme studio');
    expect(normalizeForSearch('Cafe\u0301')).toBe('café');
  });
  it('is idempotent and never longer than its input for Hebrew text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'אבגדהוזחטיכלמנסעפצקרשת ְֱֲֳִֵֶַָֹֻּׁׂ״׳'.split('')) }), (s) => {
        const once = normalizeForSearch(s);
        expect(normalizeForSearch(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(s.length);
        expect(once).not.toMatch(/[\u0591-\u05C7]/);
      }),
    );
  });
});

describe('searchTerms', () => {
  it('splits on spaces, trims surrounding quotes and caps the number of terms', () => {
    expect(searchTerms(' "דנה"  לוי ')).toEqual(['דנה', 'לוי']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('isolate', () => {
  it('wraps user data in first-strong isolates for plain-text messages', () => {
    expect(isolate('ACME')).toBe('\u2068ACME\u2069');
  });
});
