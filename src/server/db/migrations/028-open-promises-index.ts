import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Issue 13, Today on PostgreSQL: the soonest late promises of each direction were found by reading
 * every promise of the workspace and sorting the open ones (a sequential scan, 5–7 ms at 20,000
 * promises, twice). `commitments_open_direction_idx` holds them in order, but behind
 * `completed_at` and `cancelled_at`, whose IS NULL the planner does not count as fixing them, so it
 * saw no order to read them in. A partial index of the open promises alone, by direction and
 * deadline, gives it one. SQLite reads that order from the existing index already, and given the
 * new one it took it for the promises of a few projects as well (every open promise read: 0.03 →
 * 3.4 ms), so it is made on PostgreSQL only.
 */
export function openPromisesIndex(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await db.schema
        .createIndex('commitments_open_due_idx')
        .on('commitments')
        .columns(['workspace_id', 'direction', 'due_at', 'id'])
        .where(sql.ref('completed_at'), 'is', null)
        .where(sql.ref('cancelled_at'), 'is', null)
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('commitments_open_due_idx').ifExists().execute();
    },
  };
}
