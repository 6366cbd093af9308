import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Sign-in safety (issue 12): throttling by growing delays instead of a lock, and what the owner is
 * told after signing in. `users.last_sign_in_at` bounds "failed attempts since the last sign-in";
 * each session keeps the count (and the last failure) it started with, so /me can say it.
 * Sessions' absolute lifetime is measured from `created_at`, which every session already has.
 */
export function signInSafety(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('last_sign_in_at', 'text').execute();
      await db.schema
        .alterTable('sessions')
        .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('sessions').addColumn('last_failed_sign_in_at', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sessions').dropColumn('last_failed_sign_in_at').execute();
      await db.schema.alterTable('sessions').dropColumn('failed_sign_ins').execute();
      await db.schema.alterTable('users').dropColumn('last_sign_in_at').execute();
    },
  };
}
