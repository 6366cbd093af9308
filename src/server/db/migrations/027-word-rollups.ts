import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Issues 9 and 13: the promise figures of client health and the workspace's word-keeping read every
 * promise kept in the period on each request (12,000 of 20,000 on the heavy dataset, 40–50 ms).
 * Two rollups of the kept promises, recounted in the transaction of every write that keeps or
 * reopens one (commitments service), hold them instead; only the edges of a window are read from
 * the promises (decision 016):
 * - commitment_days: per UTC day of `completed_at` and direction, the promises kept (done in time,
 *   never moved), renegotiated (moved in time, then kept) and kept late: word-keeping's totals and
 *   weekly series, for the whole workspace.
 * - commitment_late_months: per client, UTC month of `completed_at` and direction, the promises
 *   kept late (the health score's "kept late"); a month with none keeps no row.
 * Both are filled from the promises kept so far. Cancelled promises are in neither.
 */
export function wordRollups(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('commitment_days')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull()) // YYYY-MM-DD of completed_at (UTC)
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('kept', 'integer', (c) => c.notNull())
        .addColumn('renegotiated', 'integer', (c) => c.notNull())
        .addColumn('kept_late', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('commitment_days_pk', ['workspace_id', 'day', 'direction'])
        // SQLite: the table is its primary key (one b-tree), as interaction_months.
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      await db.schema
        .createTable('commitment_late_months')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('month', 'text', (c) => c.notNull()) // YYYY-MM of completed_at (UTC)
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('kept_late', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('commitment_late_months_pk', ['workspace_id', 'client_id', 'month', 'direction'])
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      // The outcome of a kept promise, as commitmentStatus (commitments.rules.ts) decides it.
      const late = sql`(completed_at > due_at or (late_at is not null and completed_at > late_at))`;
      await sql`
        insert into commitment_days (workspace_id, day, direction, kept, renegotiated, kept_late)
        select workspace_id, substr(completed_at, 1, 10), direction,
               sum(case when not ${late} and change_count = 0 then 1 else 0 end),
               sum(case when not ${late} and change_count > 0 then 1 else 0 end),
               sum(case when ${late} then 1 else 0 end)
        from commitments where completed_at is not null and cancelled_at is null
        group by workspace_id, substr(completed_at, 1, 10), direction`.execute(db);
      await sql`
        insert into commitment_late_months (workspace_id, client_id, month, direction, kept_late)
        select workspace_id, client_id, substr(completed_at, 1, 7), direction, count(*)
        from commitments where completed_at is not null and cancelled_at is null and ${late}
        group by workspace_id, client_id, substr(completed_at, 1, 7), direction`.execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('commitment_late_months').ifExists().execute();
      await db.schema.dropTable('commitment_days').ifExists().execute();
    },
  };
}
