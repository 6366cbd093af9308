import { z } from 'zod';
import {
  type MessageComposed,
  type SendChannel,
  ZMessageComposed,
  ZMessageSent,
} from '../../../../shared/schemas/messages';
import { ZProject, type Project } from '../../../../shared/schemas/projects';
import {
  type Quote,
  type TermsTemplate,
  type ZCreateQuote,
  ZQuote,
  ZTermsTemplate,
  type ZSaveTermsTemplate,
  type ZUpdateQuote,
} from '../../../../shared/schemas/quotes';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

const ZQuoteList = z.object({ items: z.array(ZQuote) });
const ZTermsTemplateList = z.object({ items: z.array(ZTermsTemplate) });

/** The send / mistake answer. Its schema lives in the server route; the web app keeps this reading of it. */
export const ZQuoteSent = z.object({ quote: ZQuote, sent: ZMessageSent.nullable(), url: z.string().nullable() });
export type QuoteSent = z.infer<typeof ZQuoteSent>;

export type CreateQuoteInput = z.input<typeof ZCreateQuote>;
export type UpdateQuoteInput = z.input<typeof ZUpdateQuote>;
export type TermsTemplateInput = z.input<typeof ZSaveTermsTemplate>;
export type QuoteComposeKind = 'quote' | 'change_order' | 'quote_error_honour' | 'quote_error_reissue';
export type MessageDraftInput = { channel: SendChannel; subject: string | null; body: string };
export type MistakeInput =
  | { mode: 'honour'; reason: string; absorbedAmount: number; message?: MessageDraftInput }
  | {
      mode: 'reissue';
      reason: string;
      changes: UpdateQuoteInput;
      goodwill?: string | null;
      message?: MessageDraftInput;
    };

const path = (id: string) => `/quotes/${encodeURIComponent(id)}`;

export async function fetchQuotes(clientId?: string): Promise<Quote[]> {
  const query = clientId ? new URLSearchParams({ clientId }) : undefined;
  return (await apiRequest('/quotes', ZQuoteList, query ? { query } : {})).items;
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

export function composeQuoteMessage(
  id: string,
  input: { kind: QuoteComposeKind; reason?: string; goodwill?: string },
): Promise<MessageComposed> {
  return apiRequest(`${path(id)}/compose`, ZMessageComposed, { method: 'POST', body: input });
}

export function sendQuote(id: string, draft: MessageDraftInput): Promise<QuoteSent> {
  return apiRequest(`${path(id)}/send`, ZQuoteSent, { method: 'POST', body: draft });
}

export function reportMistake(id: string, input: MistakeInput): Promise<QuoteSent> {
  return apiRequest(`${path(id)}/mistake`, ZQuoteSent, { method: 'POST', body: input });
}

export function revokeQuoteLinks(id: string): Promise<void> {
  return apiRequestNoContent(`${path(id)}/revoke-links`, { method: 'POST' });
}

export function quotePdfUrl(id: string): string {
  return `/api/v1${path(id)}/pdf`;
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

export function createTermsTemplate(input: TermsTemplateInput): Promise<TermsTemplate> {
  return apiRequest('/terms-templates', ZTermsTemplate, { method: 'POST', body: input });
}

export function saveTermsTemplate(id: string, input: TermsTemplateInput): Promise<TermsTemplate> {
  return apiRequest(`/terms-templates/${encodeURIComponent(id)}`, ZTermsTemplate, { method: 'PUT', body: input });
}

export function deleteTermsTemplate(id: string): Promise<void> {
  return apiRequestNoContent(`/terms-templates/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
