import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Issues 9 and 13, the health list and the Insights overview on the heavy dataset (decision 018):
 * indexes that let their statements read an index alone, or only the window's part of it. Measured
 * as each statement's fastest of 30 replays on a copy of the heavy dataset (2 cores, load 15):
 * - Money owed over time sums every payment of the workspace by month and currency;
 *   payments_received_idx has no currency, so each of the 9,000 payments was a table visit
 *   (SQLite 6.9 → 1.7 ms, PostgreSQL 4.9 → 3.2 ms).
 * - What each active client paid: SQLite seeks each client's payments, and payments_client_idx
 *   holds neither currency, day nor amount (7–10 → 2.5 ms). PostgreSQL reads them in one pass with
 *   a hashed semi-join and gained nothing, so it gets no copy.
 * - PostgreSQL: word-keeping's open part reads the open promises due in the window with their
 *   direction and when they were first late, which commitments_open_idx lacks; it read every promise
 *   in a sequential scan (11.8 → 2.7 ms). SQLite gained too (5.2 → 0.9 ms) but then read two other
 *   promise statements from it instead of the indexes they had: the per-client open promises (not
 *   covered, 1.8 → 9 ms) and word-keeping's edges, a scan of the workspace's promises (0.6 → 24 ms);
 *   appending late_at to commitments_word_cover_idx did the latter as well. So SQLite keeps its plan.
 * - PostgreSQL, which joins the active clients as a hash: the contact rollup read month-first
 *   (it scanned all 36,734 rows for a 90-day window, 13.8 → 6.9 ms; for 365 days it keeps its
 *   sequential scan). SQLite seeks each active client in the rollup's primary key, which reads as
 *   few rows.
 * - Time entries time-first: PostgreSQL's health figures for 90 days (a seek per client before:
 *   9.8 → 4.1 ms; for 365 days it keeps the seeks) and, on both, the Money section's time logged this
 *   week, which read every entry of the workspace (PostgreSQL 21.8 → 0.4 ms, SQLite 2.6 → 0.05 ms).
 *   SQLite keeps its seek per client for the health figures (EXPLAIN QUERY PLAN).
 */
export function insightsIndexes(dialect: Dialect) {
  const postgres = dialect === 'postgres';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('payments_currency_received_idx')
        .on('payments')
        .columns(['workspace_id', 'currency', 'received_on', 'client_id', 'amount'])
        .execute();
      if (!postgres)
        await db.schema
          .createIndex('payments_client_cover_idx')
          .on('payments')
          .columns(['workspace_id', 'client_id', 'currency', 'received_on', 'amount'])
          .execute();
      if (postgres) {
        await db.schema
          .createIndex('commitments_open_cover_idx')
          .on('commitments')
          .columns(['workspace_id', 'completed_at', 'cancelled_at', 'due_at', 'direction', 'late_at'])
          .execute();
        await db.schema
          .createIndex('interaction_months_month_idx')
          .on('interaction_months')
          .columns(['workspace_id', 'month', 'client_id', 'contacts', 'after_hours', 'minutes', 'last_at'])
          .execute();
      }
      await db.schema
        .createIndex('time_entries_time_idx')
        .on('time_entries')
        .columns(['workspace_id', 'started_at', 'client_id', 'minutes'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const index of [
        'time_entries_time_idx',
        'interaction_months_month_idx',
        'commitments_open_cover_idx',
        'payments_client_cover_idx',
        'payments_currency_received_idx',
      ])
        await db.schema.dropIndex(index).ifExists().execute();
    },
  };
}
