import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** Projects grow up: the delivery promise, reschedules with their cause, colleagues, change requests. */
export function projects(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Why a deadline moved: my delay counts against my word, the client's or an outside one does not.
      await db.schema.alterTable('commitment_changes').addColumn('cause', 'text').execute();
      await db.schema.alterTable('projects').addColumn('delivery_commitment_id', 'text').execute();
      await db.schema
        .alterTable('quotes')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('quote'))
        .execute();

      await db.schema
        .createTable('project_reschedules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('cause', 'text', (c) => c.notNull())
        .addColumn('status_text', 'text', (c) => c.notNull())
        .addColumn('from_date', 'text')
        .addColumn('to_date', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('project_reschedules_idx')
        .on('project_reschedules')
        .columns(['workspace_id', 'project_id', 'created_at'])
        .execute();

      // Subcontractors and people to refer clients to (seed 001: "refer them to a colleague").
      await db.schema
        .createTable('colleagues')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('does', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('notes', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('colleagues_ws_idx').on('colleagues').column('workspace_id').execute();

      await db.schema
        .createTable('change_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('what', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('interaction_id', 'text')
        .addColumn('in_scope', 'integer')
        .addColumn('decision', 'text')
        .addColumn('value', 'integer')
        .addColumn('colleague_id', 'text', (c) => c.references('colleagues.id').onDelete('set null'))
        .addColumn('quote_id', 'text')
        .addColumn('commitment_id', 'text')
        .addColumn('message_id', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('change_requests_project_idx')
        .on('change_requests')
        .columns(['workspace_id', 'project_id', 'requested_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('change_requests').ifExists().execute();
      await db.schema.dropTable('colleagues').ifExists().execute();
      await db.schema.dropTable('project_reschedules').ifExists().execute();
      await db.schema.alterTable('quotes').dropColumn('kind').execute();
      await db.schema.alterTable('projects').dropColumn('delivery_commitment_id').execute();
      await db.schema.alterTable('commitment_changes').dropColumn('cause').execute();
    },
  };
}
