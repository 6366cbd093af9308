import { z } from 'zod';
import {
  ZCurrency,
  ZId,
  ZIsoDateTime,
  ZLocale,
  optionalText,
  requiredText,
  ZPageLimit,
  ZPageOffset,
} from './common.js';
import { ZLocalDate } from './common.js';
import { ZMessageDraft, ZMessageSent, type MessageKind } from './messages.js';
import { quoteStatuses, quoteSorts } from '../lists.js';
export { quoteStatuses, quoteSorts };

/** What the client must supply, and how many days after acceptance (seed 001: set it when closing). */
export const ZClientObligation = z.object({
  what: requiredText(300),
  dueDaysAfterAcceptance: z
    .number({ error: 'invalid_number' })
    .int({ error: 'invalid_number' })
    .min(0, { error: 'too_small' })
    .max(365, { error: 'too_big' }),
});

/** The terms of work: copied into each quote and adjustable there. */
export const ZTerms = z
  .object({
    serviceHours: optionalText(1000),
    deliveryTime: optionalText(1000),
    clientObligations: z.array(ZClientObligation).max(20, { error: 'too_many' }),
    deliveryMethod: optionalText(1000),
    revisionRounds: z
      .number({ error: 'invalid_number' })
      .int({ error: 'invalid_number' })
      .min(0, { error: 'too_small' })
      .max(20, { error: 'too_big' })
      .nullable(),
    paymentTerms: optionalText(1000),
    outOfScopePolicy: optionalText(2000),
    cancellation: optionalText(2000),
  })
  .meta({ id: 'Terms' });
export type Terms = z.output<typeof ZTerms>;

export const ZSaveTermsTemplate = z
  .object({ name: requiredText(120), locale: ZLocale, terms: ZTerms })
  .meta({ id: 'TermsTemplateInput' });
export type SaveTermsTemplate = z.infer<typeof ZSaveTermsTemplate>;
export type SaveTermsTemplateInput = z.input<typeof ZSaveTermsTemplate>;

export const ZTermsTemplate = z
  .object({
    id: ZId,
    name: z.string(),
    locale: ZLocale,
    terms: ZTerms,
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: 'TermsTemplate' });
export type TermsTemplate = z.infer<typeof ZTermsTemplate>;
export const ZTermsTemplateList = z.object({ items: z.array(ZTermsTemplate) }).meta({ id: 'TermsTemplateList' });
export type TermsTemplateList = z.infer<typeof ZTermsTemplateList>;

/** Quantity as a decimal with up to three places (1.5 hours); prices in agorot. */
export const ZQuoteLine = z
  .object({
    description: requiredText(500),
    quantity: z
      .number({ error: 'invalid_number' })
      .min(0, { error: 'too_small' })
      .max(1_000_000, { error: 'too_big' })
      .refine((v) => Number.isInteger(Math.round(v * 1000)) && Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, {
        error: 'invalid_number',
      }),
    unit: optionalText(30),
    unitPrice: z
      .number({ error: 'invalid_number' })
      .int({ error: 'invalid_number' })
      .min(0, { error: 'too_small' })
      .max(10_000_000_000, { error: 'too_big' })
      .meta({ description: 'Agorot (minor units)' }),
  })
  .meta({ id: 'QuoteLine' });

export const ZDiscount = z
  .discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('amount'),
        value: z
          .number({ error: 'invalid_number' })
          .int()
          .min(0, { error: 'too_small' })
          .meta({ description: 'Agorot' }),
      }),
      z.object({
        kind: z.literal('percent'),
        basisPoints: z
          .number({ error: 'invalid_number' })
          .int()
          .min(0, { error: 'too_small' })
          .max(10_000, { error: 'too_big' }),
      }),
    ],
    { error: 'invalid_choice' },
  )
  .nullable()
  .meta({ id: 'Discount' });

export const ZQuoteContent = z.object({
  title: requiredText(200),
  items: z.array(ZQuoteLine).min(1, { error: 'choose_one' }).max(100, { error: 'too_many' }),
  discount: ZDiscount.default(null),
  pricesIncludeVat: z.boolean({ error: 'invalid_type' }).default(false),
  currency: ZCurrency.optional(),
  validUntil: ZLocalDate,
  terms: ZTerms,
  notes: optionalText(5000),
});

export const ZCreateQuote = z
  .object({
    clientId: ZId,
    /** Start from a terms template (copied), or give the terms directly. */
    termsTemplateId: ZId.optional(),
    /** Start from a logged meeting: its agreed text becomes the notes. */
    interactionId: ZId.optional(),
    /** A change-order quote: beyond the accepted quote of this project, and linked to it. */
    projectId: ZId.optional(),
    ...ZQuoteContent.shape,
    terms: ZTerms.optional(),
  })
  .meta({ id: 'CreateQuote' });
export type CreateQuote = z.infer<typeof ZCreateQuote>;
export type CreateQuoteInput = z.input<typeof ZCreateQuote>;

export const ZUpdateQuote = ZQuoteContent.partial()
  .extend({ reason: optionalText(500) })
  .meta({ id: 'UpdateQuote' });
export type UpdateQuote = z.infer<typeof ZUpdateQuote>;
export type UpdateQuoteInput = z.input<typeof ZUpdateQuote>;

/** A new draft from an existing quote, for the same client or another one. */
export const ZDuplicateQuote = z
  .object({ clientId: ZId.optional(), validUntil: ZLocalDate.optional() })
  .meta({ id: 'DuplicateQuote' });
export type DuplicateQuote = z.infer<typeof ZDuplicateQuote>;

export type QuoteStatus = (typeof quoteStatuses)[number];

/** A quote, or a change order beyond an accepted quote (linked to its project). */
export const quoteKinds = ['quote', 'change_order'] as const;
export type QuoteKind = (typeof quoteKinds)[number];

/** How a mistake found after sending was handled (seed 000). */
export const quoteErrorModes = ['honour', 'reissue'] as const;
export type QuoteErrorMode = (typeof quoteErrorModes)[number];

/** The message kinds that carry a quote to the client: the one place they are listed. */
export const quoteMessageKinds = [
  'quote',
  'change_order',
  'quote_error_honour',
  'quote_error_reissue',
] as const satisfies readonly MessageKind[];
export type QuoteMessageKind = (typeof quoteMessageKinds)[number];

/** Fill the message for a quote ({{link}} stays in it until the quote is sent). */
export const ZComposeQuoteMessage = z
  .object({
    kind: z.enum(quoteMessageKinds, { error: 'invalid_choice' }).default('quote'),
    reason: z.string().max(500).optional(),
    goodwill: z.string().max(500).optional(),
  })
  .meta({ id: 'ComposeQuoteMessage' });
export type ComposeQuoteMessage = z.infer<typeof ZComposeQuoteMessage>;
export type ComposeQuoteMessageInput = z.input<typeof ZComposeQuoteMessage>;

/** Fill the "general terms" message for a client (from one template, or their language's own). */
export const ZComposeTermsMessage = z.object({ termsTemplateId: ZId.optional() });
export type ComposeTermsMessage = z.infer<typeof ZComposeTermsMessage>;

export const ZTotals = z.object({
  subtotal: z.number().int(),
  discount: z.number().int(),
  net: z.number().int(),
  vat: z.number().int(),
  total: z.number().int(),
  lines: z.array(z.number().int()),
});

export const ZQuoteVersion = z
  .object({
    version: z.number().int(),
    status: z.enum(quoteStatuses),
    title: z.string(),
    items: z.array(
      z.object({
        description: z.string(),
        quantity: z.number(),
        unit: z.string().nullable(),
        unitPrice: z.number().int(),
      }),
    ),
    discount: ZDiscount,
    pricesIncludeVat: z.boolean(),
    currency: z.string(),
    vatRateBasisPoints: z.number().int().meta({ description: 'Stored on the document when issued' }),
    validUntil: z.string(),
    terms: ZTerms,
    notes: z.string().nullable(),
    totals: ZTotals,
    reason: z.string().nullable().meta({ description: 'Why this version replaced the previous one' }),
    createdAt: ZIsoDateTime,
    sentAt: ZIsoDateTime.nullable(),
    viewedAt: ZIsoDateTime.nullable(),
    decidedAt: ZIsoDateTime.nullable(),
    acceptance: z
      .object({
        name: z.string(),
        at: ZIsoDateTime,
        ip: z.string(),
        userAgent: z.string().nullable(),
        contentHash: z.string(),
      })
      .nullable(),
    declineReason: z.string().nullable(),
  })
  .meta({ id: 'QuoteVersion' });
export type QuoteVersion = z.infer<typeof ZQuoteVersion>;

export const ZQuote = z
  .object({
    id: ZId,
    number: z.string().meta({ example: '2026-014' }),
    kind: z.enum(quoteKinds),
    clientId: ZId,
    clientName: z.string(),
    locale: ZLocale,
    status: z.enum(quoteStatuses),
    current: ZQuoteVersion,
    versions: z.array(ZQuoteVersion).meta({ description: 'Every version, oldest first; earlier ones are read-only' }),
    projectId: ZId.nullable(),
    errorHandling: z
      .object({
        mode: z.enum(quoteErrorModes),
        absorbedAmount: z.number().int().nullable(),
        reason: z.string().nullable(),
        at: ZIsoDateTime,
      })
      .nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: 'Quote' });
export type Quote = z.infer<typeof ZQuote>;
/** One row of the quotes list: what the list shows, without the terms and items of every version. */
export const ZQuoteSummary = z
  .object({
    id: ZId,
    number: z.string(),
    kind: z.enum(quoteKinds),
    clientId: ZId,
    clientName: z.string(),
    status: z.enum(quoteStatuses),
    title: z.string(),
    total: z.number().int(),
    currency: z.string(),
    validUntil: z.string(),
    projectId: ZId.nullable(),
    createdAt: ZIsoDateTime,
    sentAt: ZIsoDateTime.nullable(),
    decidedAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: 'QuoteSummary' });
export type QuoteSummary = z.infer<typeof ZQuoteSummary>;

export type QuoteSort = (typeof quoteSorts)[number];

export const ZQuoteList = z
  .object({
    items: z.array(ZQuoteSummary),
    total: z.number().int().meta({ description: 'Quotes matching q and status' }),
    nextOffset: z.number().int().nullable(),
    counts: z
      .array(z.object({ status: z.enum(quoteStatuses), count: z.number().int() }))
      .meta({ description: 'Per status, for the filter chips: matching q, whatever the status filter' }),
  })
  .meta({ id: 'QuoteList' });
export type QuoteList = z.infer<typeof ZQuoteList>;

export const ZQuoteListQuery = z.object({
  clientId: ZId.optional(),
  q: z.string().max(200, { error: 'too_long' }).optional().meta({ description: 'Number, title or client name' }),
  status: z.enum(quoteStatuses, { error: 'invalid_choice' }).optional(),
  sort: z.enum(quoteSorts, { error: 'invalid_choice' }).default('newest'),
  limit: ZPageLimit,
  offset: ZPageOffset,
});
export type QuoteListQuery = z.output<typeof ZQuoteListQuery>;
export type QuoteListQueryInput = z.input<typeof ZQuoteListQuery>;

/** The answer to sending (or re-issuing) a quote: the client's link is in `url`, shown this once. */
export const ZQuoteSent = z
  .object({
    quote: ZQuote,
    sent: ZMessageSent.nullable(),
    url: z.string().nullable().meta({ description: 'The client’s link (shown once; never listed later)' }),
  })
  .meta({ id: 'QuoteSent' });
export type QuoteSent = z.infer<typeof ZQuoteSent>;

/** "I made a mistake" on a sent quote (seed 000): honour the price, or re-issue it with an apology. */
export const ZReportMistake = z
  .discriminatedUnion(
    'mode',
    [
      z.object({
        mode: z.literal('honour'),
        reason: requiredText(500),
        absorbedAmount: z.number({ error: 'invalid_number' }).int().min(0, { error: 'too_small' }),
        message: ZMessageDraft.optional(),
      }),
      z.object({
        mode: z.literal('reissue'),
        reason: requiredText(500),
        changes: ZUpdateQuote,
        goodwill: optionalText(500),
        message: ZMessageDraft.optional(),
      }),
    ],
    { error: 'invalid_choice' },
  )
  .meta({ id: 'Mistake' });
export type ReportMistake = z.infer<typeof ZReportMistake>;
export type ReportMistakeInput = z.input<typeof ZReportMistake>;
