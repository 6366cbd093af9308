import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Relationship care (issue 9): playbooks per client type (the workspace's edits of the built-in
 * texts, and the types the user adds), mistakes (incidents) and conflict cases with their
 * stakeholders. JSON lists are text, as elsewhere, so both dialects store the same thing.
 */
export function care(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('client_types')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('client_types_ws_name_idx')
        .on('client_types')
        .columns(['workspace_id', 'name'])
        .execute();

      // One row per (type, language) the workspace has written; no row means the built-in text.
      // type_key is a built-in personality or a client_types id.
      await db.schema
        .createTable('playbooks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('type_key', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('hint', 'text', (c) => c.notNull())
        .addColumn('tactics', 'text', (c) => c.notNull())
        .addColumn('avoid', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('playbooks_type_locale_uq')
        .on('playbooks')
        .columns(['workspace_id', 'type_key', 'locale'])
        .unique()
        .execute();

      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('outline', 'text')
        .addColumn('cause', 'text', (c) => c.notNull())
        .addColumn('cause_details', 'text')
        .addColumn('prevention', 'text')
        .addColumn('fix', 'text')
        .addColumn('compensation', 'text')
        .addColumn('compensation_amount', 'integer', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('client_reaction', 'text')
        .addColumn('fix_by', 'text')
        .addColumn('fixed_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('incidents_ws_created_idx')
        .on('incidents')
        .columns(['workspace_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('incidents_client_idx')
        .on('incidents')
        .columns(['workspace_id', 'client_id', 'status'])
        .execute();

      await db.schema
        .createTable('conflicts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('question', 'text')
        .addColumn('interest', 'text')
        .addColumn('reflection', 'text')
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('chosen_option', 'integer')
        .addColumn('outcome', 'text')
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('conflicts_ws_created_idx')
        .on('conflicts')
        .columns(['workspace_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('conflicts_client_idx')
        .on('conflicts')
        .columns(['workspace_id', 'client_id', 'status'])
        .execute();

      // Who else is involved (the source of pressure): a contact removed from the client leaves the case.
      await db.schema
        .createTable('conflict_stakeholders')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull().references('client_contacts.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('conflict_stakeholders_pk', ['conflict_id', 'contact_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['conflict_stakeholders', 'conflicts', 'incidents', 'playbooks', 'client_types'])
        await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
