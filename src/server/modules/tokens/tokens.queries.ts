import type { Executor } from '../../db/database.js';
import type { ApiTokenRow, NewApiTokenRow } from './tokens.table.js';

export async function insertToken(db: Executor, row: NewApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function listTokens(
  db: Executor,
  { workspaceId, userId }: { workspaceId: string; userId: string },
): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function revokeToken(
  db: Executor,
  { workspaceId, userId, id, at }: { workspaceId: string; userId: string; id: string; at: string },
): Promise<ApiTokenRow | undefined> {
  return db
    .updateTable('api_tokens')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)) }))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Every live token of a user in one workspace (they left it); how many. */
export async function revokeUserTokens(
  db: Executor,
  { workspaceId, userId, at }: { workspaceId: string; userId: string; at: string },
): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A live (not revoked) token by its hash, with its owner's language. */
export async function findLiveToken(db: Executor, { tokenHash }: { tokenHash: string }) {
  return (
    db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      // A token works only while its user is a member of the token's workspace, with that member's role.
      .innerJoin('memberships as m', (j) =>
        j.onRef('m.user_id', '=', 't.user_id').onRef('m.workspace_id', '=', 't.workspace_id'),
      )
      .select(['t.id', 't.workspace_id', 't.user_id', 't.scope', 't.last_used_at', 'u.locale as user_locale', 'm.role'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .executeTakeFirst()
  );
}

export async function touchToken(db: Executor, { id, at }: { id: string; at: string }): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
