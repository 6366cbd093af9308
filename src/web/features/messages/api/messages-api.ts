import type { z } from 'zod';
import { type Locale } from '../../../../shared/schemas/common';
import {
  type ComposeMessageInput,
  type MessageComposed,
  type MessageKind,
  type MessageTemplate,
  type SendMessageInput,
  type MessageSent,
  type Outbox,
  type ZUpdateTemplate,
  ZMessageComposed,
  ZMessageTemplate,
  ZMessageTemplateList,
  ZMessageSent,
  ZOutbox,
} from '../../../../shared/schemas/messages';
import { apiRequest } from '../../../lib/api-client';

export type OutboxItem = Outbox['items'][number];
export type UpdateTemplateInput = z.input<typeof ZUpdateTemplate>;

export function composeMessage(input: ComposeMessageInput): Promise<MessageComposed> {
  return apiRequest('/messages/compose', ZMessageComposed, { method: 'POST', body: input });
}

export function sendMessage(input: SendMessageInput): Promise<MessageSent> {
  return apiRequest('/messages', ZMessageSent, { method: 'POST', body: input });
}

export async function fetchTemplates(): Promise<MessageTemplate[]> {
  return (await apiRequest('/message-templates', ZMessageTemplateList)).items;
}

function templatePath(kind: MessageKind, locale: Locale): string {
  return `/message-templates/${encodeURIComponent(kind)}/${encodeURIComponent(locale)}`;
}

export function saveTemplate(kind: MessageKind, locale: Locale, text: UpdateTemplateInput): Promise<MessageTemplate> {
  return apiRequest(templatePath(kind, locale), ZMessageTemplate, { method: 'PUT', body: text });
}

export function resetTemplate(kind: MessageKind, locale: Locale): Promise<MessageTemplate> {
  return apiRequest(templatePath(kind, locale), ZMessageTemplate, { method: 'DELETE' });
}

export async function fetchOutbox(): Promise<OutboxItem[]> {
  return (await apiRequest('/outbox', ZOutbox)).items;
}

/** Seed 000: the message that tells a client which channel and hours were agreed. */
export function composeAgreedChannel(clientId: string): Promise<MessageComposed> {
  return apiRequest(`/clients/${encodeURIComponent(clientId)}/agreed-channel/compose`, ZMessageComposed, {
    method: 'POST',
  });
}
