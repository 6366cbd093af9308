import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Honest word-keeping (issue 10): `late_at` is the deadline my word was first held to and missed
 * — the old deadline of the first move that counts against me (moved once already late, or a
 * project delay of my own). From then on the promise is late until it is kept, whatever its new
 * date: it counts in the rate and in "late and still open". Filled from the change history.
 */
export function wordBrokenAt(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('commitments').addColumn('late_at', 'text').execute();
      await sql`
        update commitments set late_at = (
          select min(c.from_due_at) from commitment_changes c
          where c.workspace_id = commitments.workspace_id and c.commitment_id = commitments.id
            and ((c.cause is null and c.in_time = 0) or c.cause = 'mine')
        )
        where late_change = 1`.execute(db);
      // Open promises late by a move (their new deadline not yet passed): the third part of the rate's population.
      await db.schema
        .createIndex('commitments_late_at_idx')
        .on('commitments')
        .columns(['workspace_id', 'late_at'])
        .where(sql.ref('late_at'), 'is not', null)
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('commitments_late_at_idx').ifExists().execute();
      await db.schema.alterTable('commitments').dropColumn('late_at').execute();
    },
  };
}
