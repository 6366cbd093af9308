/**
 * Money is integer minor units (agorot) with a currency code; rates are basis points (18% = 1800);
 * quantities are thousandths (1.5 hours = 1500). No float ever holds money: each step rounds to
 * the agora, half away from zero, the way a quote printed by hand would.
 */
export type Discount = { kind: 'amount'; value: number } | { kind: 'percent'; basisPoints: number };

export type LineInput = { quantityMilli: number; unitPrice: number };

export type Totals = {
  /** Sum of the lines as entered (before discount). */
  subtotal: number;
  discount: number;
  /** Before VAT. */
  net: number;
  vat: number;
  /** What the client pays. */
  total: number;
  lines: number[];
};

/** a × b / c rounded half away from zero, exact for the integer ranges Mila uses. */
export function mulDivRound(a: number, b: number, c: number): number {
  const product = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  const negative = product < 0n !== divisor < 0n;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const q = abs(product) / abs(divisor);
  const r = abs(product) % abs(divisor);
  const rounded = r * 2n >= abs(divisor) ? q + 1n : q;
  return Number(negative ? -rounded : rounded);
}

export function lineTotal(line: LineInput): number {
  return mulDivRound(line.quantityMilli, line.unitPrice, 1000);
}

/**
 * Totals of a quote. With `pricesIncludeVat` (a quote to a consumer) the lines already hold VAT
 * and it is carved out of the total; otherwise it is added on top. An exempt dealer passes 0.
 */
export function computeTotals(input: {
  lines: LineInput[];
  discount: Discount | null;
  vatBasisPoints: number;
  pricesIncludeVat: boolean;
}): Totals {
  const lines = input.lines.map(lineTotal);
  const subtotal = lines.reduce((sum, x) => sum + x, 0);
  const rawDiscount = !input.discount
    ? 0
    : input.discount.kind === 'amount'
      ? input.discount.value
      : mulDivRound(subtotal, input.discount.basisPoints, 10_000);
  const discount = Math.max(0, Math.min(subtotal, rawDiscount));
  const afterDiscount = subtotal - discount;
  if (input.pricesIncludeVat) {
    const vat =
      input.vatBasisPoints === 0 ? 0 : mulDivRound(afterDiscount, input.vatBasisPoints, 10_000 + input.vatBasisPoints);
    return { subtotal, discount, net: afterDiscount - vat, vat, total: afterDiscount, lines };
  }
  const vat = mulDivRound(afterDiscount, input.vatBasisPoints, 10_000);
  return { subtotal, discount, net: afterDiscount, vat, total: afterDiscount + vat, lines };
}

/** Agorot → a number for Intl.NumberFormat (display only). */
export function toMajor(minor: number): number {
  return minor / 100;
}

export function formatMoney(minor: number, currency: string, locale: 'he' | 'en'): string {
  return new Intl.NumberFormat(locale === 'he' ? 'he-IL' : 'en-IL', { style: 'currency', currency }).format(
    toMajor(minor),
  );
}
