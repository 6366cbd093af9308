import type { Insertable, Selectable } from 'kysely';
import type { Locale } from '../../../shared/schemas/common.js';
import type { QuoteErrorMode, QuoteKind, QuoteStatus } from '../../../shared/schemas/quotes.js';

export type TermsTemplateTable = {
  id: string;
  workspace_id: string;
  name: string;
  locale: Locale;
  /** JSON: Terms (read through ZTerms). */
  terms: string;
  created_at: string;
  updated_at: string;
};

export type QuoteCounterTable = { workspace_id: string; year: number; last: number };

export type QuoteTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  /** Per workspace and year: 2026-014. */
  number: string;
  /** quote · change_order (beyond an accepted quote, linked to its project) */
  kind: QuoteKind;
  /** The client's language when the quote was made; the portal and messages use it. */
  locale: Locale;
  current_version: number;
  project_id: string | null;
  /** A mistake found after sending (seed 000): honoured (absorbed) or re-issued. */
  error_mode: QuoteErrorMode | null;
  error_absorbed: number | null;
  error_reason: string | null;
  error_at: string | null;
  created_at: string;
  updated_at: string;
};

export type QuoteVersionTable = {
  id: string;
  workspace_id: string;
  quote_id: string;
  version: number;
  /** Stored: draft · sent · viewed · accepted · declined · superseded (expired is derived). */
  status: QuoteStatus;
  /** JSON: title, items, discount, pricesIncludeVat, currency, validUntil, terms, notes. Frozen once sent. */
  content: string;
  /** From the content, as columns the list searches, filters (expired) and sorts by (migration 022). */
  title: string | null;
  valid_until: string | null;
  currency: string | null;
  /** The quote's number and this title, folded for search (normalizeForSearch). */
  search_text: string | null;
  vat_rate_bp: number;
  total: number;
  reason: string | null;
  created_at: string;
  sent_at: string | null;
  viewed_at: string | null;
  decided_at: string | null;
  accepted_name: string | null;
  accepted_ip: string | null;
  accepted_ua: string | null;
  /** SHA-256 of exactly what the client accepted (canonical JSON of the version and its totals). */
  content_hash: string | null;
  decline_reason: string | null;
};

export type QuoteLinkTable = {
  id: string;
  workspace_id: string;
  quote_id: string;
  version: number;
  token_hash: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
};

export type QuoteTables = {
  terms_templates: TermsTemplateTable;
  quote_counters: QuoteCounterTable;
  quotes: QuoteTable;
  quote_versions: QuoteVersionTable;
  quote_links: QuoteLinkTable;
};
export type TermsTemplateRow = Selectable<TermsTemplateTable>;
export type NewTermsTemplate = Insertable<TermsTemplateTable>;
export type QuoteRow = Selectable<QuoteTable>;
export type NewQuote = Insertable<QuoteTable>;
export type QuoteVersionRow = Selectable<QuoteVersionTable>;
export type NewQuoteVersion = Insertable<QuoteVersionTable>;
export type QuoteLinkRow = Selectable<QuoteLinkTable>;
export type NewQuoteLink = Insertable<QuoteLinkTable>;
