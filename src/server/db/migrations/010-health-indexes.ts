import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Client health at scale (decision 008). The whole-workspace views aggregated every contact of the
 * period on each request (150,000 rows for the 365-day Insights page): a monthly rollup per client
 * holds those sums, kept in the same transaction as every contact write (interactions service), and
 * only the two partial months at the window's edges are read from the contacts themselves. The
 * promise queries get an index that covers them, so they stop visiting every promise row.
 */
export function healthIndexes(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('interaction_months')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('month', 'text', (c) => c.notNull()) // YYYY-MM of occurred_at (UTC)
        .addColumn('contacts', 'integer', (c) => c.notNull())
        .addColumn('after_hours', 'integer', (c) => c.notNull())
        .addColumn('minutes', 'integer', (c) => c.notNull())
        .addColumn('last_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('interaction_months_pk', ['workspace_id', 'client_id', 'month'])
        // SQLite: the table is its primary key, so a grouped read by client is a walk of one b-tree.
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      // Every month of the contacts logged so far.
      await sql`
        insert into interaction_months (workspace_id, client_id, month, contacts, after_hours, minutes, last_at)
        select workspace_id, client_id, substr(occurred_at, 1, 7), count(*), sum(after_hours),
               sum(coalesce(duration_minutes, 0)), max(occurred_at)
        from interactions group by workspace_id, client_id, substr(occurred_at, 1, 7)`.execute(db);
      // The edges of a window are time ranges: on SQLite interactions_effort_idx runs by client (see
      // 007), so the ranges get a time-first covering index; PostgreSQL's effort index is time-first.
      if (dialect === 'sqlite')
        await db.schema
          .createIndex('interactions_time_cover_idx')
          .on('interactions')
          .columns(['workspace_id', 'occurred_at', 'client_id', 'after_hours', 'duration_minutes'])
          .execute();
      // Both halves of the promise figures (done in the window; open past a deadline in it) and the
      // word-keeping population read only this index.
      await db.schema
        .createIndex('commitments_word_cover_idx')
        .on('commitments')
        .columns([
          'workspace_id',
          'completed_at',
          'cancelled_at',
          'due_at',
          'client_id',
          'direction',
          'late_change',
          'change_count',
          'id',
        ])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('commitments_word_cover_idx').ifExists().execute();
      await db.schema.dropIndex('interactions_time_cover_idx').ifExists().execute();
      await db.schema.dropTable('interaction_months').ifExists().execute();
    },
  };
}
