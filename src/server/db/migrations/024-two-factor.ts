import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Two-step sign-in (issue 12, ASVS 5 V6.4–V6.6). On `users`: the TOTP secret once confirmed, the one
 * being set up (not yet confirmed by a code), when it was turned on, and the time step of the last
 * code accepted (a code is refused in a step already used: replay). Recovery codes are kept as
 * SHA-256 hashes, each used once. A sign-in challenge is what a right password earns when two-step
 * sign-in is on: single use, 5 minutes, only its hash stored.
 */
export function twoFactor(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
      await db.schema
        .createTable('recovery_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('recovery_codes_user_idx')
        .on('recovery_codes')
        .columns(['user_id', 'code_hash'])
        .execute();
      await db.schema
        .createTable('sign_in_challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sign_in_challenges_hash_uq')
        .on('sign_in_challenges')
        .column('token_hash')
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('sign_in_challenges').ifExists().execute();
      await db.schema.dropTable('recovery_codes').ifExists().execute();
      await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
      await db.schema.alterTable('users').dropColumn('totp_enabled_at').execute();
      await db.schema.alterTable('users').dropColumn('totp_pending_secret').execute();
      await db.schema.alterTable('users').dropColumn('totp_secret').execute();
    },
  };
}
