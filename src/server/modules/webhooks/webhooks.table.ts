import type { Insertable, Selectable } from 'kysely';
import type { WebhookDeliveryStatus } from '../../../shared/schemas/webhooks.js';

export type WebhookEndpointTable = {
  id: string;
  workspace_id: string;
  url: string;
  /** The HMAC key: kept as is (signing needs it), returned only once, never exported. */
  secret: string;
  /** JSON array of event names. */
  events: string;
  active: number;
  created_at: string;
  updated_at: string;
};

/** The queue and the log in one: a row per event and endpoint, tried until delivered or given up. */
export type WebhookDeliveryTable = {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event: string;
  /** The exact JSON body sent (the signature covers these bytes). */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** Null once delivered or given up. */
  next_attempt_at: string | null;
  /** Claimed by a sender until then (compare-and-set), so two processes never send it at once. */
  locked_until: string | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
};

export type WebhookTables = { webhook_endpoints: WebhookEndpointTable; webhook_deliveries: WebhookDeliveryTable };
export type WebhookEndpointRow = Selectable<WebhookEndpointTable>;
export type NewWebhookEndpointRow = Insertable<WebhookEndpointTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type NewWebhookDeliveryRow = Insertable<WebhookDeliveryTable>;
