/**
 * Israeli ID / business numbers (ת.ז, ע.מ, ח.פ): nine digits, the last a Luhn-style check digit
 * (weights 1,2,1,2…, two-digit products summed digit by digit, total divisible by 10).
 * Shorter inputs are left-padded with zeros, as the Population Authority does.
 */
export function isValidIsraeliId(raw: string): boolean {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{5,9}$/.test(digits)) return false;
  const padded = digits.padStart(9, '0');
  if (padded === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let n = Number(padded[i]) * ((i % 2) + 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

export function normalizeIsraeliId(raw: string): string {
  return raw.replace(/[\s-]/g, '').padStart(9, '0');
}
