import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Effort (issue 9, "is this client worth it"): how long a call or a meeting took, and the indexes
 * the per-client health aggregates need. Each aggregate is one grouped query over a period; the
 * indexes below let it read only the index (no visit of every contact row), checked with EXPLAIN.
 */
export function effort(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('interactions').addColumn('duration_minutes', 'integer').execute();
      // Contacts per client in a period, the after-hours ones and the minutes from durations, with
      // everything summed inside the index (no table reads). The planners differ (EXPLAIN): SQLite
      // groups without sorting when the index runs by client, and sorting a period's entries into
      // groups cost it more than reading all of them; PostgreSQL hashes the groups, so it wants the
      // period as a range. The last contact per client seeks interactions_client_idx per client.
      await db.schema
        .createIndex('interactions_effort_idx')
        .on('interactions')
        .columns(
          dialect === 'postgres'
            ? ['workspace_id', 'occurred_at', 'client_id', 'after_hours', 'duration_minutes']
            : ['workspace_id', 'client_id', 'occurred_at', 'after_hours', 'duration_minutes'],
        )
        .execute();
      // Time per client in a period (the existing index has no minutes, so every entry was a table visit).
      await db.schema
        .createIndex('time_entries_effort_idx')
        .on('time_entries')
        .columns(['workspace_id', 'client_id', 'started_at', 'minutes'])
        .execute();
      // Payments received in a period, by client.
      await db.schema
        .createIndex('payments_received_idx')
        .on('payments')
        .columns(['workspace_id', 'received_on', 'client_id', 'amount'])
        .execute();
      // Out-of-scope requests per client in a period (change requests were indexed by project only).
      await db.schema
        .createIndex('change_requests_client_idx')
        .on('change_requests')
        .columns(['workspace_id', 'client_id', 'requested_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const index of [
        'change_requests_client_idx',
        'payments_received_idx',
        'time_entries_effort_idx',
        'interactions_effort_idx',
      ])
        await db.schema.dropIndex(index).ifExists().execute();
      await db.schema.alterTable('interactions').dropColumn('duration_minutes').execute();
    },
  };
}
