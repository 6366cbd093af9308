import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Personal API tokens (issue 11, decision 013): only the SHA-256 of the token is kept, with a short
 * prefix to tell tokens apart in the list. Revoked tokens stay listed (with when) until deleted.
 */
export function apiTokens(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_tokens_hash_uq').on('api_tokens').column('token_hash').unique().execute();
      await db.schema
        .createIndex('api_tokens_user_idx')
        .on('api_tokens')
        .columns(['workspace_id', 'user_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('api_tokens').ifExists().execute();
    },
  };
}
