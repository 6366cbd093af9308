import type { NotificationKind } from '../../../shared/schemas/messages.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import * as q from './messages.queries.js';

type Scope = { workspaceId: string };

/** An in-app reminder; the dedupe key makes a second one for the same thing a no-op. */
export async function notify(
  deps: Deps,
  scope: Scope,
  n: { kind: NotificationKind; refId: string; dedupeKey: string; clientId: string | null; title: string },
): Promise<boolean> {
  return q.insertNotification(deps.db.kysely, {
    id: newId(),
    workspace_id: scope.workspaceId,
    kind: n.kind,
    ref_id: n.refId,
    dedupe_key: n.dedupeKey,
    client_id: n.clientId,
    title: n.title,
    created_at: isoNow(deps.clock),
    read_at: null,
  });
}

export async function listNotifications(
  deps: Deps,
  scope: Scope,
): Promise<{
  items: {
    id: string;
    kind: NotificationKind;
    refId: string;
    clientId: string | null;
    title: string;
    createdAt: string;
    readAt: string | null;
  }[];
  unread: number;
}> {
  const [rows, unread] = await Promise.all([
    q.listNotifications(deps.db.kysely, { ...scope, limit: 50 }),
    q.countUnread(deps.db.kysely, scope),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      refId: r.ref_id,
      clientId: r.client_id,
      title: r.title,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    unread,
  };
}

export async function markNotificationsRead(deps: Deps, scope: Scope, ids: string[] | 'all'): Promise<void> {
  await q.markNotificationsRead(deps.db.kysely, { ...scope, ids, at: isoNow(deps.clock) });
}
