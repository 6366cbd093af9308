import type { z } from 'zod';
import { type MessageComposed, type ZMessageDraft, ZMessageComposed } from '../../../../shared/schemas/messages';
import { ZProject, type Project } from '../../../../shared/schemas/projects';
import {
  type ComposeQuoteMessageInput,
  type Quote,
  type QuoteList,
  type QuoteListQueryInput,
  type QuoteSent,
  type TermsTemplate,
  type ZCreateQuote,
  type ZReportMistake,
  type ZSaveTermsTemplate,
  type ZUpdateQuote,
  ZQuote,
  ZQuoteList,
  ZQuoteSent,
  ZTermsTemplate,
  ZTermsTemplateList,
} from '../../../../shared/schemas/quotes';
import { apiDownload, apiRequest, apiRequestNoContent, toQuery } from '../../../lib/api-client';

export type CreateQuoteInput = z.input<typeof ZCreateQuote>;
export type UpdateQuoteInput = z.input<typeof ZUpdateQuote>;
export type SaveTermsTemplateInput = z.input<typeof ZSaveTermsTemplate>;
export type MessageDraftInput = z.input<typeof ZMessageDraft>;
export type ReportMistakeInput = z.input<typeof ZReportMistake>;

const path = (id: string) => `/quotes/${encodeURIComponent(id)}`;

/** One page of the quotes list. */
export function fetchQuoteList(query: QuoteListQueryInput, signal?: AbortSignal): Promise<QuoteList> {
  const params = toQuery(query);
  return apiRequest('/quotes', ZQuoteList, { query: params, ...(signal ? { signal } : {}) });
}

export function fetchQuote(id: string): Promise<Quote> {
  return apiRequest(path(id), ZQuote);
}

export function createQuote(input: CreateQuoteInput): Promise<Quote> {
  return apiRequest('/quotes', ZQuote, { method: 'POST', body: input });
}

export function updateQuote(id: string, input: UpdateQuoteInput): Promise<Quote> {
  return apiRequest(path(id), ZQuote, { method: 'PATCH', body: input });
}

export function duplicateQuote(id: string, input: { clientId?: string; validUntil?: string } = {}): Promise<Quote> {
  return apiRequest(`${path(id)}/duplicate`, ZQuote, { method: 'POST', body: input });
}

export function composeQuoteMessage(id: string, input: ComposeQuoteMessageInput): Promise<MessageComposed> {
  return apiRequest(`${path(id)}/compose`, ZMessageComposed, { method: 'POST', body: input });
}

export function sendQuote(id: string, draft: MessageDraftInput): Promise<QuoteSent> {
  return apiRequest(`${path(id)}/send`, ZQuoteSent, { method: 'POST', body: draft });
}

export function reportMistake(id: string, input: ReportMistakeInput): Promise<QuoteSent> {
  return apiRequest(`${path(id)}/mistake`, ZQuoteSent, { method: 'POST', body: input });
}

export function revokeQuoteLinks(id: string): Promise<void> {
  return apiRequestNoContent(`${path(id)}/revoke-links`, { method: 'POST' });
}

/** The quote as a PDF (only where the server can print: `capabilities.pdf`). */
export function fetchQuotePdf(id: string): Promise<Blob> {
  return apiDownload(`${path(id)}/pdf`);
}

export function composeTermsMessage(clientId: string, termsTemplateId?: string): Promise<MessageComposed> {
  return apiRequest(`/clients/${encodeURIComponent(clientId)}/terms-message`, ZMessageComposed, {
    method: 'POST',
    body: termsTemplateId ? { termsTemplateId } : {},
  });
}

export function fetchProject(id: string): Promise<Project> {
  return apiRequest(`/projects/${encodeURIComponent(id)}`, ZProject);
}

export async function fetchTermsTemplates(): Promise<TermsTemplate[]> {
  return (await apiRequest('/terms-templates', ZTermsTemplateList)).items;
}

export function createTermsTemplate(input: SaveTermsTemplateInput): Promise<TermsTemplate> {
  return apiRequest('/terms-templates', ZTermsTemplate, { method: 'POST', body: input });
}

export function saveTermsTemplate(id: string, input: SaveTermsTemplateInput): Promise<TermsTemplate> {
  return apiRequest(`/terms-templates/${encodeURIComponent(id)}`, ZTermsTemplate, { method: 'PUT', body: input });
}

export function deleteTermsTemplate(id: string): Promise<void> {
  return apiRequestNoContent(`/terms-templates/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
