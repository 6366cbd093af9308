import { createHmac, randomBytes } from 'node:crypto';
import { cursorOf } from '../../../shared/schemas/care.js';
import {
  ZWebhookEvent,
  type CreateWebhookEndpoint,
  type UpdateWebhookEndpoint,
  type WebhookDelivery,
  type WebhookDeliveryEvent,
  type WebhookDeliveryList,
  type WebhookDeliveryListQuery,
  type WebhookEndpoint,
  type WebhookEndpointCreated,
  type WebhookEndpointList,
  type WebhookEvent,
  type WebhookTested,
} from '../../../shared/schemas/webhooks.js';
import { notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import * as q from './webhooks.queries.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './webhooks.table.js';

type Scope = { workspaceId: string };

/** Secrets look like `whsec_` + 43 URL-safe characters (256 random bits). */
const SECRET_PREFIX = 'whsec_';
/** Backoff after each failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h; the sixth failure gives up. */
export const WEBHOOK_BACKOFF_SECONDS = [60, 300, 1800, 7200, 43_200] as const;
const TIMEOUT_MS = 10_000;
/** Longer than a send can take (the timeout), so a live sender never loses its claim mid-request. */
const CLAIM_SECONDS = 60;

function readEvents(json: string): WebhookEvent[] {
  return ZWebhookEvent.array().parse(JSON.parse(json));
}

function toEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: readEvents(row.events),
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

/** `Mila-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (decision 015). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

async function endpointIn(deps: Deps, scope: Scope, id: string): Promise<WebhookEndpointRow> {
  const row = await q.findEndpoint(deps.db.kysely, { workspaceId: scope.workspaceId, id });
  if (!row) throw notFound();
  return row;
}

export async function listWebhookEndpoints(deps: Deps, scope: Scope): Promise<WebhookEndpointList> {
  return { items: (await q.listEndpoints(deps.db.kysely, scope)).map(toEndpoint) };
}

/** A new endpoint; its signing secret is made here and returned this once. */
export async function createWebhookEndpoint(
  deps: Deps,
  scope: Scope,
  input: CreateWebhookEndpoint,
): Promise<WebhookEndpointCreated> {
  const now = isoNow(deps.clock);
  const row: WebhookEndpointRow = {
    id: newId(),
    workspace_id: scope.workspaceId,
    url: input.url,
    secret: SECRET_PREFIX + randomBytes(32).toString('base64url'),
    events: JSON.stringify(input.events),
    active: input.active ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(deps, async (deps) => {
    await q.insertEndpoint(deps.db.kysely, row);
    await recordAudit(deps, scope, {
      action: 'webhook_created',
      target: row.url,
      detail: { events: input.events.join(' ') },
    });
  });
  return { secret: row.secret, endpoint: toEndpoint(row) };
}

export async function updateWebhookEndpoint(
  deps: Deps,
  scope: Scope,
  id: string,
  input: UpdateWebhookEndpoint,
): Promise<WebhookEndpoint> {
  return inTransaction(deps, async (deps) => {
    await endpointIn(deps, scope, id);
    await q.updateEndpoint(deps.db.kysely, {
      workspaceId: scope.workspaceId,
      id,
      changes: {
        ...(input.events !== undefined ? { events: JSON.stringify(input.events) } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        updated_at: isoNow(deps.clock),
      },
    });
    return toEndpoint(await endpointIn(deps, scope, id));
  });
}

/** The endpoint and its delivery log go together. */
export async function deleteWebhookEndpoint(deps: Deps, scope: Scope, id: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    const row = await q.findEndpoint(deps.db.kysely, { workspaceId: scope.workspaceId, id });
    if (!row || !(await q.deleteEndpoint(deps.db.kysely, { workspaceId: scope.workspaceId, id }))) throw notFound();
    await recordAudit(deps, scope, { action: 'webhook_deleted', target: row.url });
  });
}

export async function listWebhookDeliveries(
  deps: Deps,
  scope: Scope,
  endpointId: string,
  query: WebhookDeliveryListQuery,
): Promise<WebhookDeliveryList> {
  await endpointIn(deps, scope, endpointId);
  const rows = await q.listDeliveries(deps.db.kysely, {
    workspaceId: scope.workspaceId,
    endpointId,
    limit: query.limit + 1,
    cursor: query.cursor,
  });
  const items = rows.slice(0, query.limit).map(toDelivery);
  return { items, nextCursor: rows.length > query.limit ? cursorOf(items.at(-1)!) : null };
}

function deliveryRow(
  scope: Scope,
  endpointId: string,
  event: WebhookDeliveryEvent,
  payload: string,
  now: string,
): WebhookDeliveryRow {
  return {
    id: newId(),
    workspace_id: scope.workspaceId,
    endpoint_id: endpointId,
    event,
    payload,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    locked_until: null,
    last_status_code: null,
    last_error: null,
    delivered_at: null,
    created_at: now,
  };
}

/**
 * Queues the event for every active endpoint that asked for it, in the caller's transaction: the
 * delivery exists exactly when the action committed (never for an action rolled back, never lost
 * for one that happened). Sent after commit by the scheduler; the body is fixed now.
 */
/** Whether any active endpoint of the workspace takes this event (a bulk action can skip building payloads). */
export async function hasWebhookSubscribers(deps: Deps, scope: Scope, event: WebhookEvent): Promise<boolean> {
  const endpoints = await q.activeEndpoints(deps.db.kysely, scope);
  return endpoints.some((e) => readEvents(e.events).includes(event));
}

export async function emitWebhookEvent(deps: Deps, scope: Scope, event: WebhookEvent, data: object): Promise<number> {
  return inTransaction(deps, async (deps) => {
    const endpoints = (await q.activeEndpoints(deps.db.kysely, scope)).filter((e) =>
      readEvents(e.events).includes(event),
    );
    if (!endpoints.length) return 0;
    const now = isoNow(deps.clock);
    const payload = JSON.stringify({ id: newId(), event, createdAt: now, data });
    for (const endpoint of endpoints)
      await q.insertDelivery(deps.db.kysely, deliveryRow(scope, endpoint.id, event, payload, now));
    return endpoints.length;
  });
}

type Attempt = { statusCode: number | null; error: string | null };

async function post(deps: Deps, endpoint: WebhookEndpointRow, row: WebhookDeliveryRow): Promise<Attempt> {
  const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
  try {
    const res = await fetch(endpoint.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Mila-Webhooks/1',
        'mila-event': row.event,
        'mila-delivery': row.id,
        'mila-signature': signWebhook(endpoint.secret, timestamp, row.payload),
      },
      body: row.payload,
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status >= 200 && res.status < 300
      ? { statusCode: res.status, error: null }
      : { statusCode: res.status, error: `HTTP ${res.status}` };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { statusCode: null, error: message.slice(0, 500) };
  }
}

/**
 * One attempt at a claimed row: sent, then marked delivered (2xx) or given its next try. A test
 * ping is sent even to a paused endpoint (it asks whether the URL answers) and is tried only once.
 */
async function attempt(
  deps: Deps,
  row: WebhookDeliveryRow,
  test: boolean,
): Promise<Attempt & { row: WebhookDeliveryRow }> {
  const db = deps.db.kysely;
  const endpoint = await q.findEndpoint(db, { workspaceId: row.workspace_id, id: row.endpoint_id });
  const attempts = row.attempts + 1;
  const sendable = endpoint && (test || endpoint.active === 1);
  const result: Attempt = sendable ? await post(deps, endpoint, row) : { statusCode: null, error: 'endpoint paused' };
  const now = deps.clock.now();
  let changes: Partial<WebhookDeliveryRow>;
  if (result.error === null) {
    changes = { status: 'delivered', delivered_at: now.toISOString(), next_attempt_at: null, last_error: null };
  } else {
    const delay = !test && sendable ? WEBHOOK_BACKOFF_SECONDS[attempts - 1] : undefined;
    changes =
      delay === undefined
        ? { status: 'failed', next_attempt_at: null, last_error: result.error }
        : { next_attempt_at: new Date(now.getTime() + delay * 1000).toISOString(), last_error: result.error };
    deps.logger.error('webhook delivery failed', { deliveryId: row.id, attempts, error: result.error });
  }
  changes = { ...changes, attempts, last_status_code: result.statusCode, locked_until: null };
  await q.finishDelivery(db, { id: row.id, changes });
  return { ...result, row: { ...row, ...changes } };
}

async function claim(deps: Deps, id: string): Promise<boolean> {
  const now = deps.clock.now();
  return q.claimDelivery(deps.db.kysely, {
    id,
    now: now.toISOString(),
    until: new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString(),
  });
}

export type WebhookReport = { delivered: number; retried: number; failed: number };

/**
 * The scheduler's job: sends what is due. Each row is claimed with a compare-and-set before the
 * request, so two processes never send it at once; a crash mid-send leaves a claim that expires and
 * the row is sent again with the same `Mila-Delivery` id (at-least-once: receivers dedupe on it).
 */
export async function deliverWebhooks(deps: Deps, options: { limit?: number } = {}): Promise<WebhookReport> {
  const report: WebhookReport = { delivered: 0, retried: 0, failed: 0 };
  const rows = await q.dueDeliveries(deps.db.kysely, { now: isoNow(deps.clock), limit: options.limit ?? 20 });
  for (const row of rows) {
    if (!(await claim(deps, row.id))) continue;
    const done = await attempt(deps, row, false);
    if (done.row.status === 'delivered') report.delivered += 1;
    else if (done.row.status === 'failed') report.failed += 1;
    else report.retried += 1;
  }
  return report;
}

/** "Send test": a `ping` queued and tried at once (one attempt, no retries); the receiver's code comes back. */
export async function testWebhookEndpoint(deps: Deps, scope: Scope, id: string): Promise<WebhookTested> {
  const endpoint = await endpointIn(deps, scope, id);
  const now = isoNow(deps.clock);
  const payload = JSON.stringify({ id: newId(), event: 'ping', createdAt: now, data: { endpointId: endpoint.id } });
  const row = deliveryRow(scope, endpoint.id, 'ping', payload, now);
  await q.insertDelivery(deps.db.kysely, row);
  if (!(await claim(deps, row.id))) return { statusCode: null, delivery: toDelivery(row) };
  const done = await attempt(deps, row, true);
  return { statusCode: done.statusCode, delivery: toDelivery(done.row) };
}
