import {
  ZAuditDetail,
  auditActionsByGroup,
  groupOfAction,
  type AuditAction,
  type AuditDetail,
  type AuditEventList,
  type AuditListQuery,
} from '../../../shared/schemas/audit.js';
import { nextOffsetOf } from '../../../shared/schemas/common.js';
import { AppError } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Auth, Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { currentRequest } from '../../lib/request-id.js';
import * as q from './audit.queries.js';

/** A year and a month of history: enough to look back on a season, not kept for ever. */
const KEEP_DAYS = 400;

export type AuditEntry = {
  action: AuditAction;
  /** What it was done to, as the owner would name it (a client's name, a token's name). */
  target?: string | null;
  clientId?: string | null;
  detail?: AuditDetail | null;
  /** Who, when the request is not signed in yet (a sign-in, its failure). */
  userId?: string;
};

/**
 * Notes a sensitive action. Call it inside the action's own transaction, so the record and the
 * change land or fail together. Who and from where come from the request (its address, its
 * browser, the signed-in caller); outside a request (the command line) they are empty.
 */
export async function recordAudit(deps: Deps, scope: { workspaceId: string }, entry: AuditEntry): Promise<void> {
  const request = currentRequest();
  const actor = request?.actor ?? null;
  await q.insertEvent(deps.db.kysely, {
    id: newId(),
    workspace_id: scope.workspaceId,
    user_id: entry.userId ?? actor?.userId ?? null,
    token_id: entry.userId ? null : (actor?.tokenId ?? null),
    action: entry.action,
    client_id: entry.clientId ?? null,
    target: entry.target?.slice(0, 200) ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    ip: request?.ip ?? null,
    user_agent: request?.userAgent ?? null,
    created_at: isoNow(deps.clock),
  });
}

/** The owner's record, newest first; a token cannot read it (it shows where the owner signs in from). */
export async function listAuditEvents(deps: Deps, auth: Auth, query: AuditListQuery): Promise<AuditEventList> {
  if (auth.tokenId) throw new AppError('forbidden');
  const filter = {
    workspaceId: auth.workspaceId,
    actions: query.group ? auditActionsByGroup[query.group] : null,
  };
  const [rows, total] = await Promise.all([
    q.listEvents(deps.db.kysely, filter, query),
    q.countEvents(deps.db.kysely, filter),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      action: row.action,
      group: groupOfAction(row.action),
      at: row.created_at,
      actor: row.user_id ? { userId: row.user_id, name: row.user_name ?? '', viaToken: row.token_id !== null } : null,
      target: row.target,
      client: row.client_id && row.client_name !== null ? { id: row.client_id, name: row.client_name } : null,
      detail: row.detail ? ZAuditDetail.catch({}).parse(JSON.parse(row.detail)) : null,
      ip: row.ip,
      userAgent: row.user_agent,
    })),
    total,
    nextOffset: nextOffsetOf(query.offset, rows.length, total),
  };
}

export async function pruneAuditEvents(deps: Deps): Promise<void> {
  const before = new Date(deps.clock.now().getTime() - KEEP_DAYS * 86_400_000).toISOString();
  await q.deleteEventsBefore(deps.db.kysely, { before });
}
