import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Issue 14: team members and hosted accounts (decision 010).
 * - `memberships`: who works in which workspace, with which role (owner, assistant, viewer). A user
 *   may belong to several workspaces; the role lives here, not on the user. Every existing user
 *   becomes an owner of their own workspace (the only role there was).
 * - `invitations`: an owner invites an e-mail address with a role; only the token's hash is kept,
 *   and it expires.
 * - `email_tokens`: single-use, expiring links sent to a user's own address (confirm the address,
 *   reset a forgotten password); hashed like every other token.
 * - `users.email_confirmed_at`: existing accounts were made by the installation's operator, so
 *   their addresses count as confirmed.
 */
export function team(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('memberships')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
        .execute();
      await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();
      await sql`insert into memberships (workspace_id, user_id, role, created_at)
                select workspace_id, id, 'owner', created_at from users`.execute(db);
      await db.schema.alterTable('users').dropColumn('role').execute();
      await db.schema.alterTable('users').addColumn('email_confirmed_at', 'text').execute();
      await sql`update users set email_confirmed_at = created_at`.execute(db);

      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .execute();
      await db.schema.createIndex('invitations_token_uq').on('invitations').column('token_hash').unique().execute();
      await db.schema
        .createIndex('invitations_ws_idx')
        .on('invitations')
        .columns(['workspace_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('email_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('email_tokens_token_uq').on('email_tokens').column('token_hash').unique().execute();
      await db.schema.createIndex('email_tokens_user_idx').on('email_tokens').columns(['user_id', 'purpose']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('email_tokens').ifExists().execute();
      await db.schema.dropTable('invitations').ifExists().execute();
      await db.schema.alterTable('users').dropColumn('email_confirmed_at').execute();
      await db.schema
        .alterTable('users')
        .addColumn('role', 'text', (c) => c.notNull().defaultTo('owner'))
        .execute();
      await sql`update users set role = 'owner'`.execute(db);
      await db.schema.dropTable('memberships').ifExists().execute();
    },
  };
}
