import type { z } from 'zod';
import { computeTotals } from '../../../shared/money.js';
import {
  ZQuoteVersion,
  ZTerms,
  type QuoteStatus,
  type QuoteVersion,
  type Terms,
} from '../../../shared/schemas/quotes.js';
import { normalizeForSearch } from '../../../shared/text.js';
import { dayBounds } from '../../../shared/time/zoned.js';
import { newId } from '../../lib/ids.js';
import type { NewQuoteVersion, QuoteVersionRow } from './quotes.table.js';

type Scope = { workspaceId: string };

/** What a version holds (the `content` column); frozen once the version is sent. */
export const ZQuoteContent = ZQuoteVersion.pick({
  title: true,
  items: true,
  discount: true,
  pricesIncludeVat: true,
  currency: true,
  validUntil: true,
  terms: true,
  notes: true,
});
export type QuoteContent = z.infer<typeof ZQuoteContent>;

/** The `content` column of a version, read through its schema. */
export function readContent(row: Pick<QuoteVersionRow, 'content'>): QuoteContent {
  return ZQuoteContent.parse(JSON.parse(row.content));
}

/** The `terms` column of a terms template, read through its schema. */
export function readTerms(row: { terms: string }): Terms {
  return ZTerms.parse(JSON.parse(row.terms));
}

export function totalsOf(content: QuoteContent, vatRateBp: number) {
  return computeTotals({
    lines: content.items.map((i) => ({ quantityMilli: Math.round(i.quantity * 1000), unitPrice: i.unitPrice })),
    discount: content.discount,
    vatBasisPoints: vatRateBp,
    pricesIncludeVat: content.pricesIncludeVat,
  });
}

/** Expired is derived: a sent (or viewed) version whose validity day has ended in the workspace zone. */
function effectiveStatus(row: QuoteVersionRow, content: QuoteContent, timeZone: string, now: Date): QuoteStatus {
  if ((row.status === 'sent' || row.status === 'viewed') && now >= dayBounds(content.validUntil, timeZone).end)
    return 'expired';
  return row.status;
}

export function presentVersion(row: QuoteVersionRow, timeZone: string, now: Date): QuoteVersion {
  const content = readContent(row);
  return {
    version: row.version,
    status: effectiveStatus(row, content, timeZone, now),
    title: content.title,
    items: content.items,
    discount: content.discount,
    pricesIncludeVat: content.pricesIncludeVat,
    currency: content.currency,
    vatRateBasisPoints: row.vat_rate_bp,
    validUntil: content.validUntil,
    terms: content.terms,
    notes: content.notes,
    totals: totalsOf(content, row.vat_rate_bp),
    reason: row.reason,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    viewedAt: row.viewed_at,
    decidedAt: row.decided_at,
    acceptance:
      row.accepted_name && row.decided_at && row.content_hash
        ? {
            name: row.accepted_name,
            at: row.decided_at,
            ip: row.accepted_ip ?? '',
            userAgent: row.accepted_ua,
            contentHash: row.content_hash,
          }
        : null,
    declineReason: row.decline_reason,
  };
}

/** The content's parts the list reads as columns: title, validity day, currency, the folded search text. */
export function listColumns(number: string, content: QuoteContent) {
  return {
    title: content.title,
    valid_until: content.validUntil,
    currency: content.currency,
    search_text: normalizeForSearch(`${number} ${content.title}`),
  };
}

/** A new draft version row. */
export function versionRow(
  scope: Scope,
  quote: { id: string; number: string },
  version: number,
  content: QuoteContent,
  vatRateBp: number,
  reason: string | null,
  now: string,
): NewQuoteVersion {
  return {
    id: newId(),
    workspace_id: scope.workspaceId,
    quote_id: quote.id,
    version,
    status: 'draft',
    content: JSON.stringify(content),
    ...listColumns(quote.number, content),
    vat_rate_bp: vatRateBp,
    total: totalsOf(content, vatRateBp).total,
    reason,
    created_at: now,
    sent_at: null,
    viewed_at: null,
    decided_at: null,
    accepted_name: null,
    accepted_ip: null,
    accepted_ua: null,
    content_hash: null,
    decline_reason: null,
  };
}
