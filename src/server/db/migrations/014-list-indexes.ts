import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Issue 13: the client list sorts by `lower(name)`, which no index served (a full scan and a sort
 * for every page); Today's open promises filter by direction, which `commitments_open_idx` lacks.
 */
export function listIndexes(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`create index clients_ws_lower_name_idx on clients (workspace_id, lower(name), id)`.execute(db);
      await db.schema
        .createIndex('commitments_open_direction_idx')
        .on('commitments')
        .columns(['workspace_id', 'direction', 'completed_at', 'cancelled_at', 'due_at', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('commitments_open_direction_idx').ifExists().execute();
      await db.schema.dropIndex('clients_ws_lower_name_idx').ifExists().execute();
    },
  };
}
