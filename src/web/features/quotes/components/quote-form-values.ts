import { z } from 'zod';
import { computeTotals, type Totals } from '../../../../shared/money';
import { type Quote, type Terms, ZQuoteContent } from '../../../../shared/schemas/quotes';
import {
  agorotToInput,
  basisPointsToInput,
  milliToInput,
  parseAgorot,
  parseBasisPoints,
  parseMilli,
} from '../../../lib/money-input';
import { addDays } from '../../../lib/zoned-dates';

export type LineValues = { key: string; description: string; quantity: string; unit: string; unitPrice: string };
export type ObligationValues = { key: string; what: string; days: string };
export type TermsValues = {
  serviceHours: string;
  deliveryTime: string;
  clientObligations: ObligationValues[];
  deliveryMethod: string;
  revisionRounds: string;
  paymentTerms: string;
  outOfScopePolicy: string;
  cancellation: string;
};
export type DiscountKind = 'none' | 'amount' | 'percent';

export type QuoteFormValues = {
  clientId: string | null;
  clientName: string | null;
  title: string;
  items: LineValues[];
  discountKind: DiscountKind;
  discountValue: string;
  pricesIncludeVat: boolean;
  validUntil: string;
  terms: TermsValues;
  notes: string;
  reason: string;
};

export const termTextFields = [
  'serviceHours',
  'deliveryTime',
  'deliveryMethod',
  'paymentTerms',
  'outOfScopePolicy',
  'cancellation',
] as const;

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `k${counter}`;
}

export function emptyLine(): LineValues {
  return { key: newKey(), description: '', quantity: '1', unit: '', unitPrice: '' };
}

export function termsToValues(terms: Terms | null): TermsValues {
  return {
    serviceHours: terms?.serviceHours ?? '',
    deliveryTime: terms?.deliveryTime ?? '',
    clientObligations: (terms?.clientObligations ?? []).map((o) => ({
      key: newKey(),
      what: o.what,
      days: String(o.dueDaysAfterAcceptance),
    })),
    deliveryMethod: terms?.deliveryMethod ?? '',
    revisionRounds:
      terms?.revisionRounds === null || terms?.revisionRounds === undefined ? '' : String(terms.revisionRounds),
    paymentTerms: terms?.paymentTerms ?? '',
    outOfScopePolicy: terms?.outOfScopePolicy ?? '',
    cancellation: terms?.cancellation ?? '',
  };
}

export function newQuoteValues(input: {
  today: string;
  clientId: string | null;
  clientName: string | null;
  terms: Terms | null;
}): QuoteFormValues {
  return {
    clientId: input.clientId,
    clientName: input.clientName,
    title: '',
    items: [emptyLine()],
    discountKind: 'none',
    discountValue: '',
    pricesIncludeVat: false,
    validUntil: addDays(input.today, 30),
    terms: termsToValues(input.terms),
    notes: '',
    reason: '',
  };
}

export function quoteToValues(quote: Quote): QuoteFormValues {
  const v = quote.current;
  return {
    clientId: quote.clientId,
    clientName: quote.clientName,
    title: v.title,
    items: v.items.map((item) => ({
      key: newKey(),
      description: item.description,
      quantity: milliToInput(Math.round(item.quantity * 1000)),
      unit: item.unit ?? '',
      unitPrice: agorotToInput(item.unitPrice),
    })),
    discountKind: v.discount ? v.discount.kind : 'none',
    discountValue: !v.discount
      ? ''
      : v.discount.kind === 'amount'
        ? agorotToInput(v.discount.value)
        : basisPointsToInput(v.discount.basisPoints),
    pricesIncludeVat: v.pricesIncludeVat,
    validUntil: v.validUntil,
    terms: termsToValues(v.terms),
    notes: v.notes ?? '',
    reason: '',
  };
}

/** A number the schema rejects with "not a number" (NaN) when the text does not parse. */
const orNaN = (value: number | null) => (value === null ? Number.NaN : value);

function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : Number.NaN;
}

export function valuesToTerms(terms: TermsValues) {
  return {
    serviceHours: terms.serviceHours,
    deliveryTime: terms.deliveryTime,
    clientObligations: terms.clientObligations.map((o) => ({
      what: o.what,
      dueDaysAfterAcceptance: wholeNumber(o.days),
    })),
    deliveryMethod: terms.deliveryMethod,
    revisionRounds: terms.revisionRounds.trim() === '' ? null : wholeNumber(terms.revisionRounds),
    paymentTerms: terms.paymentTerms,
    outOfScopePolicy: terms.outOfScopePolicy,
    cancellation: terms.cancellation,
  };
}

/** What the inputs hold → what the API reads (money in agorot, quantities as decimals). */
export function valuesToInput(values: QuoteFormValues) {
  return {
    clientId: values.clientId ?? '',
    title: values.title,
    items: values.items.map((item) => {
      const milli = parseMilli(item.quantity);
      return {
        description: item.description,
        quantity: milli === null ? Number.NaN : milli / 1000,
        unit: item.unit,
        unitPrice: orNaN(parseAgorot(item.unitPrice)),
      };
    }),
    discount:
      values.discountKind === 'none'
        ? null
        : values.discountKind === 'amount'
          ? { kind: 'amount' as const, value: orNaN(parseAgorot(values.discountValue)) }
          : { kind: 'percent' as const, basisPoints: orNaN(parseBasisPoints(values.discountValue)) },
    pricesIncludeVat: values.pricesIncludeVat,
    validUntil: values.validUntil,
    terms: valuesToTerms(values.terms),
    notes: values.notes,
  };
}

export const ZQuoteForm = ZQuoteContent.extend({
  clientId: z.string({ error: 'required' }).min(1, { error: 'required' }),
});
export type QuoteFormOutput = z.output<typeof ZQuoteForm>;

/** Live totals as the server will compute them; lines that do not parse yet count as zero. */
export function liveTotals(values: QuoteFormValues, vatBasisPoints: number): Totals {
  const discountValue =
    values.discountKind === 'amount' ? parseAgorot(values.discountValue) : parseBasisPoints(values.discountValue);
  return computeTotals({
    lines: values.items.map((item) => ({
      quantityMilli: parseMilli(item.quantity) ?? 0,
      unitPrice: parseAgorot(item.unitPrice) ?? 0,
    })),
    discount:
      values.discountKind === 'none' || discountValue === null
        ? null
        : values.discountKind === 'amount'
          ? { kind: 'amount', value: discountValue }
          : { kind: 'percent', basisPoints: Math.min(10_000, discountValue) },
    vatBasisPoints,
    pricesIncludeVat: values.pricesIncludeVat,
  });
}
