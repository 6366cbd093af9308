import { z } from 'zod';
import { type Locale } from '../../../../shared/schemas/common';
import {
  type ComposeMessageInput,
  type MessageComposed,
  type MessageKind,
  type MessageTemplate,
  type SendMessageInput,
  type MessageSent,
  ZMessageComposed,
  ZMessageTemplate,
  ZMessageSent,
} from '../../../../shared/schemas/messages';
import { apiRequest } from '../../../lib/api-client';

const ZTemplateList = z.object({ items: z.array(ZMessageTemplate) });

/**
 * The outbox answer. Its schema lives in the server route, not in src/shared, so the web app
 * keeps this reading of it (strict on what it shows) until it moves there.
 */
const ZOutboxItem = z.object({
  id: z.string(),
  purpose: z.string(),
  recipient: z.string(),
  subject: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  sentAt: z.string().nullable(),
});
const ZOutbox = z.object({ items: z.array(ZOutboxItem) });
export type OutboxItem = z.infer<typeof ZOutboxItem>;

export function composeMessage(input: ComposeMessageInput): Promise<MessageComposed> {
  return apiRequest('/messages/compose', ZMessageComposed, { method: 'POST', body: input });
}

export function sendMessage(input: SendMessageInput): Promise<MessageSent> {
  return apiRequest('/messages', ZMessageSent, { method: 'POST', body: input });
}

export async function fetchTemplates(): Promise<MessageTemplate[]> {
  return (await apiRequest('/message-templates', ZTemplateList)).items;
}

function templatePath(kind: MessageKind, locale: Locale): string {
  return `/message-templates/${encodeURIComponent(kind)}/${encodeURIComponent(locale)}`;
}

export function saveTemplate(
  kind: MessageKind,
  locale: Locale,
  text: { subject: string; body: string },
): Promise<MessageTemplate> {
  return apiRequest(templatePath(kind, locale), ZMessageTemplate, { method: 'PUT', body: text });
}

export function resetTemplate(kind: MessageKind, locale: Locale): Promise<MessageTemplate> {
  return apiRequest(templatePath(kind, locale), ZMessageTemplate, { method: 'DELETE' });
}

export async function fetchOutbox(): Promise<OutboxItem[]> {
  return (await apiRequest('/outbox', ZOutbox)).items;
}
