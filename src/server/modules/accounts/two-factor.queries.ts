import type { Executor } from '../../db/database.js';
import type { NewRecoveryCodeRow, NewSignInChallengeRow, SignInChallengeRow } from './accounts.table.js';

/** Two-step secrets belong to the person, whichever workspace they are working in (decision 010). */
type UserScope = { userId: string };

export async function setPendingSecret(db: Executor, scope: UserScope & { secret: string | null }): Promise<void> {
  await db.updateTable('users').set({ totp_pending_secret: scope.secret }).where('id', '=', scope.userId).execute();
}

/** Turns two-step sign-in on with the confirmed secret and the step of the code that confirmed it. */
export async function enableTotp(
  db: Executor,
  scope: UserScope & { secret: string; step: number; at: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      totp_secret: scope.secret,
      totp_pending_secret: null,
      totp_enabled_at: scope.at,
      totp_last_step: scope.step,
    })
    .where('id', '=', scope.userId)
    .execute();
}

export async function disableTotp(db: Executor, scope: UserScope): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', scope.userId)
    .execute();
}

/**
 * Records the step of an accepted code, only if it is newer than the last one: false when another
 * request used this step (or a later one) first, so two requests with one code cannot both pass.
 */
export async function useTotpStep(db: Executor, scope: UserScope & { step: number }): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: scope.step })
    .where('id', '=', scope.userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', scope.step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: Executor, scope: UserScope, rows: NewRecoveryCodeRow[]): Promise<void> {
  await deleteRecoveryCodes(db, scope);
  if (rows.length) await db.insertInto('recovery_codes').values(rows).execute();
}

export async function deleteRecoveryCodes(db: Executor, scope: UserScope): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', scope.userId).execute();
}

/** Marks an unused code used; false when there is no such unused code (wrong, or used already). */
export async function useRecoveryCode(
  db: Executor,
  scope: UserScope & { codeHash: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: scope.at })
    .where('user_id', '=', scope.userId)
    .where('code_hash', '=', scope.codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, scope: UserScope): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', scope.userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertChallenge(db: Executor, row: NewSignInChallengeRow): Promise<void> {
  await db.insertInto('sign_in_challenges').values(row).execute();
}

export async function findLiveChallenge(
  db: Executor,
  { tokenHash, now }: { tokenHash: string; now: string },
): Promise<SignInChallengeRow | undefined> {
  return db
    .selectFrom('sign_in_challenges')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses a challenge up; false when another request already did. */
export async function deleteChallenge(db: Executor, { id }: { id: string }): Promise<boolean> {
  const result = await db.deleteFrom('sign_in_challenges').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function deleteUserChallenges(db: Executor, scope: UserScope): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('user_id', '=', scope.userId).execute();
}

export async function deleteExpiredChallenges(db: Executor, { now }: { now: string }): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('expires_at', '<=', now).execute();
}
