import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Accounts and clients. Column types are the portable subset (text, integer) so one migration
 * serves SQLite and PostgreSQL; dialect-only extras (trigram index) are added where they exist.
 */
export function foundation(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('workspaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('dealer_type', 'text', (c) => c.notNull())
        .addColumn('business_number', 'text')
        .addColumn('vat_rate_bp', 'integer', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('service_hours', 'text', (c) => c.notNull())
        .addColumn('payment_terms_days', 'integer', (c) => c.notNull())
        .addColumn('payment_terms_note', 'text')
        .addColumn('preferred_channels', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('address', 'text')
        .addColumn('signature', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('address_form', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One account per email across the installation: sign-in looks users up by email alone.
      await db.schema.createIndex('users_email_uq').on('users').column('email').unique().execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_token_uq').on('sessions').column('token_hash').unique().execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['workspace_id', 'user_id']).execute();

      await db.schema
        .createTable('login_failures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_failures_email_idx')
        .on('login_failures')
        .columns(['email', 'created_at'])
        .execute();
      await db.schema.createIndex('login_failures_ip_idx').on('login_failures').columns(['ip', 'created_at']).execute();

      await db.schema
        .createTable('clients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('personality', 'text')
        .addColumn('channel', 'text')
        .addColumn('phone', 'text')
        .addColumn('whatsapp', 'text')
        .addColumn('email', 'text')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('business_number', 'text')
        .addColumn('address', 'text')
        .addColumn('service_hours', 'text')
        .addColumn('referred_by_client_id', 'text', (c) => c.references('clients.id').onDelete('set null'))
        .addColumn('referred_by_text', 'text')
        .addColumn('notes', 'text')
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('archived_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('clients_ws_name_idx').on('clients').columns(['workspace_id', 'name']).execute();
      await db.schema
        .createIndex('clients_ws_updated_idx')
        .on('clients')
        .columns(['workspace_id', 'updated_at'])
        .execute();
      await db.schema.createIndex('clients_ws_status_idx').on('clients').columns(['workspace_id', 'status']).execute();

      await db.schema
        .createTable('client_contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('notes', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('client_contacts_client_idx')
        .on('client_contacts')
        .columns(['workspace_id', 'client_id'])
        .execute();

      await db.schema
        .createTable('client_dates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .addColumn('month', 'integer', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('year', 'integer')
        .execute();
      await db.schema
        .createIndex('client_dates_client_idx')
        .on('client_dates')
        .columns(['workspace_id', 'client_id'])
        .execute();
      await db.schema
        .createIndex('client_dates_when_idx')
        .on('client_dates')
        .columns(['workspace_id', 'month', 'day'])
        .execute();

      await db.schema
        .createTable('client_tags')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('client_tags_pk', ['client_id', 'tag'])
        .execute();
      await db.schema
        .createIndex('client_tags_ws_tag_idx')
        .on('client_tags')
        .columns(['workspace_id', 'tag'])
        .execute();

      if (dialect === 'postgres') {
        // Substring search (Hebrew prefix letters: לקוח inside ללקוח) stays indexed with pg_trgm.
        const { rows } = await sql<{
          installed: number;
        }>`select count(*)::int as installed from pg_extension where extname = 'pg_trgm'`.execute(db);
        let hasTrgm = (rows[0]?.installed ?? 0) > 0;
        if (!hasTrgm) {
          const available = await sql<{
            n: number;
          }>`select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db);
          if ((available.rows[0]?.n ?? 0) > 0) {
            await sql`create extension if not exists pg_trgm`.execute(db);
            hasTrgm = true;
          }
        }
        if (hasTrgm) {
          await sql`create index clients_search_trgm_idx on clients using gin (search_text gin_trgm_ops)`.execute(db);
        }
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'client_tags',
        'client_dates',
        'client_contacts',
        'clients',
        'login_failures',
        'sessions',
        'users',
        'workspaces',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
