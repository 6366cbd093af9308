import { z } from 'zod';
import { ZCursor } from './care.js';
import { ZId, ZIsoDateTime } from './common.js';

/** What Mila tells a webhook about (decision 015); `ping` is only sent by "send test". */
export const webhookEvents = [
  'client.created',
  'quote.sent',
  'quote.accepted',
  'quote.declined',
  'commitment.kept',
  'commitment.broken',
  'payment.received',
  'project.rescheduled',
] as const;
export const ZWebhookEvent = z.enum(webhookEvents, { error: 'invalid_choice' });
export type WebhookEvent = z.infer<typeof ZWebhookEvent>;
export type WebhookDeliveryEvent = WebhookEvent | 'ping';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * https anywhere; plain http only to this machine (localhost, 127.0.0.1, ::1), for a receiver in
 * development and in the tests. Credentials in the URL are refused: the signature is the proof.
 */
export function webhookUrlProblem(value: string): 'invalid_url' | 'webhook_url_https' | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid_url';
  }
  if (url.username || url.password) return 'invalid_url';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return LOOPBACK.has(url.hostname) ? null : 'webhook_url_https';
  return 'invalid_url';
}

const ZWebhookUrl = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(2000, { error: 'too_long' })
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ example: 'https://hooks.example.com/mila' });

const ZEventList = z
  .array(ZWebhookEvent)
  .min(1, { error: 'choose_one' })
  .transform((events) => [...new Set(events)]);

/** An endpoint as listed: never its secret (shown once, when created). */
export const ZWebhookEndpoint = z
  .object({
    id: ZId,
    url: z.string(),
    events: z.array(ZWebhookEvent),
    active: z.boolean(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof ZWebhookEndpoint>;

export const ZWebhookEndpointList = z.object({ items: z.array(ZWebhookEndpoint) }).meta({ id: 'WebhookEndpointList' });
export type WebhookEndpointList = z.infer<typeof ZWebhookEndpointList>;

export const ZCreateWebhookEndpoint = z
  .object({ url: ZWebhookUrl, events: ZEventList, active: z.boolean().default(true) })
  .meta({ id: 'CreateWebhookEndpoint' });
export type CreateWebhookEndpoint = z.output<typeof ZCreateWebhookEndpoint>;
export type CreateWebhookEndpointInput = z.input<typeof ZCreateWebhookEndpoint>;

export const ZUpdateWebhookEndpoint = z
  .object({ events: ZEventList.optional(), active: z.boolean().optional() })
  .meta({ id: 'UpdateWebhookEndpoint' });
export type UpdateWebhookEndpoint = z.output<typeof ZUpdateWebhookEndpoint>;
export type UpdateWebhookEndpointInput = z.input<typeof ZUpdateWebhookEndpoint>;

export const ZWebhookEndpointCreated = z
  .object({
    secret: z.string().meta({
      description:
        'The signing secret: shown this once. Verify `Mila-Signature: t=<unix>,v1=<hex>` as HMAC-SHA256 of "<t>.<body>"',
    }),
    endpoint: ZWebhookEndpoint,
  })
  .meta({ id: 'WebhookEndpointCreated' });
export type WebhookEndpointCreated = z.infer<typeof ZWebhookEndpointCreated>;

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** One delivery in the log: its event, how many tries, what the receiver answered. */
export const ZWebhookDelivery = z
  .object({
    id: ZId,
    event: z.string(),
    status: z.enum(webhookDeliveryStatuses),
    attempts: z.number().int(),
    nextAttemptAt: ZIsoDateTime.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: ZIsoDateTime.nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZWebhookDeliveryListQuery = z.object({
  limit: z.coerce
    .number({ error: 'invalid_number' })
    .int({ error: 'invalid_number' })
    .min(1, { error: 'too_small' })
    .max(200, { error: 'too_big' })
    .default(50),
  cursor: ZCursor.optional(),
});
export type WebhookDeliveryListQuery = z.infer<typeof ZWebhookDeliveryListQuery>;

export const ZWebhookDeliveryList = z
  .object({ items: z.array(ZWebhookDelivery), nextCursor: z.string().nullable() })
  .meta({ id: 'WebhookDeliveryList' });
export type WebhookDeliveryList = z.infer<typeof ZWebhookDeliveryList>;

/** The answer of "send test": the ping's delivery, with the receiver's status code (null: no answer). */
export const ZWebhookTested = z
  .object({ statusCode: z.number().int().nullable(), delivery: ZWebhookDelivery })
  .meta({ id: 'WebhookTested' });
export type WebhookTested = z.infer<typeof ZWebhookTested>;
