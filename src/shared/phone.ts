import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Phones are stored in E.164 (+972501234567) and shown in national format (050-123-4567). */
export function toE164(raw: string, defaultCountry: 'IL' = 'IL'): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'IL' ? parsed.formatNational() : parsed.formatInternational();
}

/** wa.me wants the number as digits only, without the plus. */
export function whatsappLink(e164: string, text?: string): string {
  const digits = e164.replace(/\D/g, '');
  return text ? `https://wa.me/${digits}?text=${encodeURIComponent(text)}` : `https://wa.me/${digits}`;
}
