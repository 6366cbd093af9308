import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** Rate limits kept in the database (issue 12: the client's pages per address), shared by processes. */
export function rateLimits(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('rate_hits')
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_hits_pk', ['bucket', 'window_start'])
        .execute();
      await db.schema.createIndex('rate_hits_window_idx').on('rate_hits').column('window_start').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('rate_hits').execute();
    },
  };
}
