/**
 * Numbers typed by people ("1,234.5", "₪ 80", "12.5%") turned into integers of a fixed scale with
 * string arithmetic only: no float ever holds money. Returns null when the text is not a number
 * or has more decimals than the scale allows.
 */
export function parseScaled(text: string, scale: number): number | null {
  const cleaned = text.replace(/[\s,\u00a0\u202f₪%]/g, '');
  if (cleaned === '') return null;
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '') return null;
  if (fraction.length > scale) return null;
  const digits = `${whole}${fraction.padEnd(scale, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return null;
  return Number(digits);
}

/** Shekels as typed → agorot. */
export function parseAgorot(text: string): number | null {
  return parseScaled(text, 2);
}

/** Agorot → the plain text an input holds ("1234.5" stays "1234.50"; whole shekels have no decimals). */
export function agorotToInput(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  return cents === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

/** A quantity in thousandths ("1.5" → 1500). */
export function parseMilli(text: string): number | null {
  return parseScaled(text, 3);
}

/** Thousandths → input text. */
export function milliToInput(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const rest = milli % 1000;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}

/** A percent as typed ("12.5") → basis points (1250). */
export function parseBasisPoints(text: string): number | null {
  return parseScaled(text, 2);
}

export function basisPointsToInput(bp: number): string {
  return agorotToInput(bp);
}
