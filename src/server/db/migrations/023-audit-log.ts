import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The audit log (issue 12): one row per sensitive action, newest read first per workspace. The
 * actor and the client are plain ids, not foreign keys, so the record outlives what it names; it
 * goes with its workspace.
 */
export function auditLog(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text')
        .addColumn('token_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text')
        .addColumn('target', 'text')
        .addColumn('detail', 'text')
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_events_ws_created_idx')
        .on('audit_events')
        .columns(['workspace_id', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('audit_events').ifExists().execute();
    },
  };
}
