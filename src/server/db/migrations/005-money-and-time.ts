import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** Payment schedules and payments received (tracking, not tax invoices), and time entries. */
export function moneyAndTime(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('payment_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
        .addColumn('quote_id', 'text', (c) => c.references('quotes.id').onDelete('set null'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('cancelled_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('payment_items_client_idx')
        .on('payment_items')
        .columns(['workspace_id', 'client_id', 'due_date'])
        .execute();
      await db.schema
        .createIndex('payment_items_due_idx')
        .on('payment_items')
        .columns(['workspace_id', 'due_date'])
        .execute();

      await db.schema
        .createTable('payments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('payment_item_id', 'text', (c) => c.references('payment_items.id').onDelete('set null'))
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('method', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('payments_client_idx')
        .on('payments')
        .columns(['workspace_id', 'client_id'])
        .execute();
      await db.schema
        .createIndex('payments_item_idx')
        .on('payments')
        .columns(['workspace_id', 'payment_item_id'])
        .execute();

      await db.schema
        .createTable('time_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('minutes', 'integer')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('time_entries_client_idx')
        .on('time_entries')
        .columns(['workspace_id', 'client_id', 'started_at'])
        .execute();
      await db.schema
        .createIndex('time_entries_running_idx')
        .on('time_entries')
        .columns(['workspace_id', 'user_id', 'ended_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['time_entries', 'payments', 'payment_items'])
        await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
