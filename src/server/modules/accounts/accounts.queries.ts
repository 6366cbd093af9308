import type { Executor } from '../../db/database.js';
import type { MemberRole } from '../../../shared/schemas/accounts.js';
import type {
  NewLoginFailureRow,
  NewSessionRow,
  NewUserRow,
  NewWorkspaceRow,
  SessionRow,
  UserRow,
  WorkspaceRow,
  WorkspaceUpdate,
} from './accounts.table.js';

export async function countWorkspaces(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('workspaces')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertWorkspace(db: Executor, row: NewWorkspaceRow): Promise<void> {
  await db.insertInto('workspaces').values(row).execute();
}

export async function findWorkspace(
  db: Executor,
  { workspaceId }: { workspaceId: string },
): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
}

export async function updateWorkspace(
  db: Executor,
  { workspaceId, changes }: { workspaceId: string; changes: WorkspaceUpdate },
): Promise<void> {
  await db.updateTable('workspaces').set(changes).where('id', '=', workspaceId).execute();
}

export async function insertUser(db: Executor, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function findUserByEmail(db: Executor, { email }: { email: string }): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** A user with their role in the workspace; none when they are not a member of it. */
export type MemberUserRow = UserRow & { role: MemberRole; joined_at: string };

export async function findUser(
  db: Executor,
  { workspaceId, userId }: { workspaceId: string; userId: string },
): Promise<MemberUserRow | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .selectAll('users')
    .select(['memberships.role', 'memberships.created_at as joined_at'])
    .where('memberships.workspace_id', '=', workspaceId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function updateUser(
  db: Executor,
  {
    userId,
    changes,
  }: {
    userId: string;
    changes: Partial<Pick<UserRow, 'name' | 'locale' | 'address_form' | 'updated_at' | 'email_confirmed_at'>>;
  },
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', userId).execute();
}

export async function insertSession(db: Executor, row: NewSessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export type SessionWithUser = SessionRow & { user_locale: UserRow['locale']; role: MemberRole };

export async function findLiveSession(
  db: Executor,
  { tokenHash, now, createdAfter }: { tokenHash: string; now: string; createdAfter: string },
): Promise<SessionWithUser | undefined> {
  return (
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      // A member removed from the workspace is signed out of it at once: no membership, no session.
      .innerJoin('memberships', (j) =>
        j
          .onRef('memberships.user_id', '=', 'sessions.user_id')
          .onRef('memberships.workspace_id', '=', 'sessions.workspace_id'),
      )
      .selectAll('sessions')
      .select(['users.locale as user_locale', 'memberships.role'])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now)
      .where('sessions.created_at', '>', createdAfter)
      .executeTakeFirst()
  );
}

export async function touchSession(
  db: Executor,
  { sessionId, lastSeenAt, expiresAt }: { sessionId: string; lastSeenAt: string; expiresAt: string },
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Executor, { sessionId }: { sessionId: string }): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteExpiredSessions(db: Executor, { now }: { now: string }): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertLoginFailure(db: Executor, row: NewLoginFailureRow): Promise<void> {
  await db.insertInto('login_failures').values(row).execute();
}

/** Failures in the window, for the account and for the address, and when the last of each was. */
export async function countLoginFailures(
  db: Executor,
  { email, ip, emailSince, ipSince }: { email: string; ip: string; emailSince: string; ipSince: string },
): Promise<{ byEmail: number; lastByEmail: string | null; byIp: number; lastByIp: string | null }> {
  const byEmail = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<string | null>('created_at').as('last')])
    .where('email', '=', email)
    .where('created_at', '>', emailSince)
    .executeTakeFirstOrThrow();
  const byIp = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<string | null>('created_at').as('last')])
    .where('ip', '=', ip)
    .where('created_at', '>', ipSince)
    .executeTakeFirstOrThrow();
  return {
    byEmail: Number(byEmail.n),
    lastByEmail: byEmail.last ?? null,
    byIp: Number(byIp.n),
    lastByIp: byIp.last ?? null,
  };
}

export async function setLastSignIn(db: Executor, { userId, at }: { userId: string; at: string }): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
}

export async function listUserSessions(
  db: Executor,
  { userId, now }: { userId: string; now: string },
): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends every session of the user but one; how many ended. */
export async function deleteOtherSessions(
  db: Executor,
  { userId, keepId }: { userId: string; keepId: string },
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', keepId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of the user (a password reset); how many ended. */
export async function deleteUserSessions(db: Executor, { userId }: { userId: string }): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function setPasswordHash(
  db: Executor,
  { userId, passwordHash, at }: { userId: string; passwordHash: string; at: string },
): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', userId).execute();
}

export async function deleteLoginFailuresBefore(db: Executor, { before }: { before: string }): Promise<void> {
  await db.deleteFrom('login_failures').where('created_at', '<', before).execute();
}

/** The workspace's members, first joined first. */
export async function listUsers(db: Executor, { workspaceId }: { workspaceId: string }): Promise<MemberUserRow[]> {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .selectAll('users')
    .select(['memberships.role', 'memberships.created_at as joined_at'])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('memberships.created_at')
    .orderBy('users.id')
    .execute();
}

export async function listWorkspaces(db: Executor): Promise<WorkspaceRow[]> {
  return db.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
}

export async function setCalendarToken(
  db: Executor,
  { userId, tokenHash }: { userId: string; tokenHash: string | null },
): Promise<void> {
  await db.updateTable('users').set({ calendar_token_hash: tokenHash }).where('id', '=', userId).execute();
}

export async function findUserByCalendarToken(
  db: Executor,
  { tokenHash }: { tokenHash: string },
): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('calendar_token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findUserById(db: Executor, { userId }: { userId: string }): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}
