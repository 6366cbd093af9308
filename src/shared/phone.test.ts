import { describe, expect, it } from 'vitest';
import { formatPhone, toE164, whatsappLink } from './phone.js';

describe('phones', () => {
  it('stores Israeli numbers in E.164 whatever way they were typed', () => {
    expect(toE164('050-123-4567')).toBe('+972501234567');
    expect(toE164('+972 50 123 4567')).toBe('+972501234567');
    expect(toE164('03-5551234')).toBe('+97235551234');
    expect(toE164('+1 212 555 0100')).toBe('+12125550100');
    expect(toE164('123')).toBeNull();
    expect(toE164('not a phone')).toBeNull();
  });
  it('shows Israeli numbers in national format and others internationally', () => {
    expect(formatPhone('+972501234567')).toBe('050-123-4567');
    expect(formatPhone('+12125550100')).toBe('+1 212 555 0100');
  });
  it('builds wa.me links with digits only and the text encoded', () => {
    expect(whatsappLink('+972501234567', 'שלום, לא שכחתי')).toBe(
      `https://wa.me/972501234567?text=${encodeURIComponent('שלום, לא שכחתי')}`,
    );
  });
});
