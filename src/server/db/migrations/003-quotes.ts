import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** Terms templates, numbered and versioned quotes, client links, acceptance, and the project it starts. */
export function quotes(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('terms_templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('terms', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('terms_templates_ws_idx').on('terms_templates').column('workspace_id').execute();

      // One row per workspace and year; "insert … on conflict do update … returning" hands out numbers atomically.
      await db.schema
        .createTable('quote_counters')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('quote_counters_pk', ['workspace_id', 'year'])
        .execute();

      await db.schema
        .createTable('projects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('target_date', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('projects_client_idx')
        .on('projects')
        .columns(['workspace_id', 'client_id'])
        .execute();

      await db.schema
        .createTable('project_deliverables')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('target_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('project_deliverables_idx')
        .on('project_deliverables')
        .columns(['workspace_id', 'project_id'])
        .execute();

      await db.schema
        .createTable('quotes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
        .addColumn('error_mode', 'text')
        .addColumn('error_absorbed', 'integer')
        .addColumn('error_reason', 'text')
        .addColumn('error_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('quotes_number_uq')
        .on('quotes')
        .columns(['workspace_id', 'number'])
        .unique()
        .execute();
      await db.schema.createIndex('quotes_client_idx').on('quotes').columns(['workspace_id', 'client_id']).execute();

      await db.schema
        .createTable('quote_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('quote_id', 'text', (c) => c.notNull().references('quotes.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('vat_rate_bp', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('viewed_at', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('accepted_name', 'text')
        .addColumn('accepted_ip', 'text')
        .addColumn('accepted_ua', 'text')
        .addColumn('content_hash', 'text')
        .addColumn('decline_reason', 'text')
        .execute();
      await db.schema
        .createIndex('quote_versions_uq')
        .on('quote_versions')
        .columns(['quote_id', 'version'])
        .unique()
        .execute();
      await db.schema
        .createIndex('quote_versions_status_idx')
        .on('quote_versions')
        .columns(['workspace_id', 'status'])
        .execute();

      // Client-facing links: only the SHA-256 of the token is kept; they expire and can be revoked.
      await db.schema
        .createTable('quote_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('quote_id', 'text', (c) => c.notNull().references('quotes.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('quote_links_token_uq').on('quote_links').column('token_hash').unique().execute();

      // What to attach at delivery time (e.g. the quote's PDF), rendered when the mail goes out.
      await db.schema.alterTable('outbox').addColumn('attachment', 'text').execute();
      await db.schema.alterTable('commitments').addColumn('quote_id', 'text').execute();
      await db.schema.alterTable('commitments').addColumn('project_id', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('outbox').dropColumn('attachment').execute();
      await db.schema.alterTable('commitments').dropColumn('project_id').execute();
      await db.schema.alterTable('commitments').dropColumn('quote_id').execute();
      for (const table of [
        'quote_links',
        'quote_versions',
        'quotes',
        'project_deliverables',
        'projects',
        'quote_counters',
        'terms_templates',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
