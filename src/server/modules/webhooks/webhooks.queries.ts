import type { Cursor } from '../../../shared/schemas/care.js';
import type { Executor } from '../../db/database.js';
import type {
  NewWebhookDeliveryRow,
  NewWebhookEndpointRow,
  WebhookDeliveryRow,
  WebhookEndpointRow,
} from './webhooks.table.js';

type Scope = { workspaceId: string };

export async function insertEndpoint(db: Executor, row: NewWebhookEndpointRow): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export async function listEndpoints(db: Executor, { workspaceId }: Scope): Promise<WebhookEndpointRow[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function activeEndpoints(db: Executor, { workspaceId }: Scope): Promise<WebhookEndpointRow[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1)
    .execute();
}

export async function findEndpoint(
  db: Executor,
  { workspaceId, id }: Scope & { id: string },
): Promise<WebhookEndpointRow | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateEndpoint(
  db: Executor,
  {
    workspaceId,
    id,
    changes,
  }: Scope & { id: string; changes: Partial<Pick<WebhookEndpointRow, 'events' | 'active' | 'updated_at'>> },
): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteEndpoint(db: Executor, { workspaceId, id }: Scope & { id: string }): Promise<boolean> {
  // Deliveries go first (the foreign key cascades too, but SQLite needs foreign keys on for that).
  await db
    .deleteFrom('webhook_deliveries')
    .where('workspace_id', '=', workspaceId)
    .where('endpoint_id', '=', id)
    .execute();
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function insertDelivery(db: Executor, row: NewWebhookDeliveryRow): Promise<void> {
  await db.insertInto('webhook_deliveries').values(row).execute();
}

/** Newest first; the page after a cursor is everything strictly older than (created_at, id). */
export async function listDeliveries(
  db: Executor,
  { workspaceId, endpointId, limit, cursor }: Scope & { endpointId: string; limit: number; cursor?: Cursor },
): Promise<WebhookDeliveryRow[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('endpoint_id', '=', endpointId);
  if (cursor)
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', cursor.createdAt),
        eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
      ]),
    );
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function findDelivery(db: Executor, { id }: { id: string }): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Pending rows whose time has come and that no sender holds, oldest first. */
export async function dueDeliveries(
  db: Executor,
  { now, limit }: { now: string; limit: number },
): Promise<WebhookDeliveryRow[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/** Takes one row for sending; false when another process took it first (compare-and-set). */
export async function claimDelivery(
  db: Executor,
  { id, now, until }: { id: string; now: string; until: string },
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishDelivery(
  db: Executor,
  { id, changes }: { id: string; changes: Partial<Omit<WebhookDeliveryRow, 'id'>> },
): Promise<void> {
  await db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}
