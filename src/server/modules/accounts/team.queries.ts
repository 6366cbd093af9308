import type { MemberRole } from '../../../shared/schemas/accounts.js';
import type { Executor } from '../../db/database.js';
import type {
  EmailTokenPurpose,
  EmailTokenRow,
  InvitationRow,
  MembershipRow,
  NewEmailTokenRow,
  NewInvitationRow,
} from './accounts.table.js';

export async function insertMembership(db: Executor, row: MembershipRow): Promise<void> {
  await db.insertInto('memberships').values(row).execute();
}

export async function findMembership(
  db: Executor,
  { workspaceId, userId }: { workspaceId: string; userId: string },
): Promise<MembershipRow | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Every workspace the user belongs to, by name. */
export async function listUserWorkspaces(
  db: Executor,
  { userId }: { userId: string },
): Promise<{ id: string; name: string; role: MemberRole }[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('workspaces.name')
    .orderBy('workspaces.id')
    .execute();
}

export async function setRole(
  db: Executor,
  { workspaceId, userId, role }: { workspaceId: string; userId: string; role: MemberRole },
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(
  db: Executor,
  { workspaceId, userId }: { workspaceId: string; userId: string },
): Promise<void> {
  await db.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

/**
 * Team changes in a workspace take turns: a no-op update locks the workspace row (PostgreSQL; SQLite's
 * write transactions hold the whole database already), so two owners demoting or removing each other
 * at once cannot leave the workspace without one.
 */
export async function lockTeam(db: Executor, { workspaceId }: { workspaceId: string }): Promise<void> {
  await db
    .updateTable('workspaces')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', workspaceId)
    .execute();
}

export async function listOwnerIds(db: Executor, { workspaceId }: { workspaceId: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .execute();
  return rows.map((r) => r.user_id);
}

/** Ends the user's sessions in one workspace (their membership there ended or changed). */
export async function deleteWorkspaceSessions(
  db: Executor,
  { workspaceId, userId }: { workspaceId: string; userId: string },
): Promise<void> {
  await db.deleteFrom('sessions').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

/** Moves a session to another workspace of the same user. */
export async function setSessionWorkspace(
  db: Executor,
  { sessionId, workspaceId }: { sessionId: string; workspaceId: string },
): Promise<void> {
  await db.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', sessionId).execute();
}

export async function insertInvitation(db: Executor, row: NewInvitationRow): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

/** Invitations not yet accepted and not expired. */
export async function listOpenInvitations(
  db: Executor,
  { workspaceId, now }: { workspaceId: string; now: string },
): Promise<InvitationRow[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findOpenInvitationByToken(
  db: Executor,
  { tokenHash, now }: { tokenHash: string; now: string },
): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses the invitation up; false when another request accepted it first. */
export async function markInvitationAccepted(db: Executor, { id, at }: { id: string; at: string }): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: at })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Withdraws an open invitation of this workspace; false when there is none by that id. */
export async function deleteInvitation(
  db: Executor,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('invitations')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** An earlier open invitation of the same address replaced by a new one. */
export async function deleteOpenInvitationsFor(
  db: Executor,
  { workspaceId, email }: { workspaceId: string; email: string },
): Promise<void> {
  await db
    .deleteFrom('invitations')
    .where('workspace_id', '=', workspaceId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .execute();
}

export async function insertEmailToken(db: Executor, row: NewEmailTokenRow): Promise<void> {
  await db.insertInto('email_tokens').values(row).execute();
}

export async function findLiveEmailToken(
  db: Executor,
  { tokenHash, purpose, now }: { tokenHash: string; purpose: EmailTokenPurpose; now: string },
): Promise<EmailTokenRow | undefined> {
  return db
    .selectFrom('email_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses the link up; false when it was used already (two clicks, two tabs). */
export async function useEmailToken(db: Executor, { id, at }: { id: string; at: string }): Promise<boolean> {
  const result = await db
    .updateTable('email_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new link of a purpose replaces the user's earlier ones (only the newest e-mail works). */
export async function deleteEmailTokens(
  db: Executor,
  { userId, purpose }: { userId: string; purpose: EmailTokenPurpose },
): Promise<void> {
  await db.deleteFrom('email_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).execute();
}

export async function deleteExpiredLinks(db: Executor, { now }: { now: string }): Promise<void> {
  await db.deleteFrom('email_tokens').where('expires_at', '<=', now).execute();
  await db.deleteFrom('invitations').where('accepted_at', 'is', null).where('expires_at', '<=', now).execute();
}

/**
 * The user's account moves to another workspace they belong to (their home one is being deleted),
 * with the person's own rows kept under it; a pending second step is simply dropped.
 */
export async function rehomeUser(db: Executor, { userId, workspaceId }: { userId: string; workspaceId: string }) {
  await db.updateTable('users').set({ workspace_id: workspaceId }).where('id', '=', userId).execute();
  await db.updateTable('recovery_codes').set({ workspace_id: workspaceId }).where('user_id', '=', userId).execute();
  await db.deleteFrom('sign_in_challenges').where('user_id', '=', userId).execute();
}

export async function deleteWorkspaceRows(
  db: Executor,
  table: 'chat_import_messages' | 'job_runs',
  { workspaceId }: { workspaceId: string },
): Promise<void> {
  await db.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
}

/** The workspace row; every table keyed to it by a foreign key goes with it (ON DELETE CASCADE). */
export async function deleteWorkspaceRow(db: Executor, { workspaceId }: { workspaceId: string }): Promise<void> {
  await db.deleteFrom('workspaces').where('id', '=', workspaceId).execute();
}
