import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** Interactions, commitments, message templates, the outbox, in-app reminders and the scheduler. */
export function keepYourWord(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('workspaces').addColumn('digest_time', 'text').execute();
      await db.schema.alterTable('users').addColumn('calendar_token_hash', 'text').execute();
      await db.schema
        .createIndex('users_calendar_token_uq')
        .on('users')
        .column('calendar_token_hash')
        .unique()
        .execute();

      await db.schema
        .createTable('interactions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.references('client_contacts.id').onDelete('set null'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('agreed', 'text')
        .addColumn('next_steps', 'text')
        .addColumn('after_hours', 'integer', (c) => c.notNull())
        .addColumn('needs_reply', 'integer', (c) => c.notNull())
        .addColumn('replied_at', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('interactions_client_idx')
        .on('interactions')
        .columns(['workspace_id', 'client_id', 'occurred_at'])
        .execute();
      await db.schema
        .createIndex('interactions_ws_time_idx')
        .on('interactions')
        .columns(['workspace_id', 'occurred_at'])
        .execute();
      // "Waiting for my reply" must stay fast with a long history: a partial index holds only the
      // contacts still waiting (both dialects support it; the planner cannot guess the correlation).
      await db.schema
        .createIndex('interactions_awaiting_idx')
        .on('interactions')
        .columns(['workspace_id', 'occurred_at'])
        .where(sql.ref('needs_reply'), '=', 1)
        .where(sql.ref('replied_at'), 'is', null)
        .execute();

      await db.schema
        .createTable('commitments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('due_time', 'text')
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('original_due_at', 'text', (c) => c.notNull())
        .addColumn('late_change', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('change_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('completed_at', 'text')
        .addColumn('cancelled_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('commitments_open_idx')
        .on('commitments')
        .columns(['workspace_id', 'completed_at', 'cancelled_at', 'due_at'])
        .execute();
      await db.schema
        .createIndex('commitments_client_idx')
        .on('commitments')
        .columns(['workspace_id', 'client_id', 'due_at'])
        .execute();
      await db.schema
        .createIndex('commitments_done_idx')
        .on('commitments')
        .columns(['workspace_id', 'completed_at'])
        .execute();

      await db.schema
        .createTable('commitment_changes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
        .addColumn('from_due_at', 'text', (c) => c.notNull())
        .addColumn('to_due_at', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addColumn('in_time', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('message_id', 'text')
        .execute();
      await db.schema
        .createIndex('commitment_changes_idx')
        .on('commitment_changes')
        .columns(['workspace_id', 'commitment_id'])
        .execute();

      await db.schema
        .createTable('message_templates')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('message_templates_pk', ['workspace_id', 'kind', 'locale'])
        .execute();

      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text')
        .addColumn('subject', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('commitment_id', 'text')
        .addColumn('interaction_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('messages_client_idx')
        .on('messages')
        .columns(['workspace_id', 'client_id', 'created_at'])
        .execute();

      // E-mail waits here until the SMTP server takes it: retried with backoff, never sent twice.
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('message_id', 'text')
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('message_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_key_uq').on('outbox').column('message_key').unique().execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('notifications_dedupe_uq')
        .on('notifications')
        .columns(['workspace_id', 'dedupe_key'])
        .unique()
        .execute();
      await db.schema
        .createIndex('notifications_unread_idx')
        .on('notifications')
        .columns(['workspace_id', 'read_at', 'created_at'])
        .execute();

      // The scheduler: a lease per job so two processes never run the same job at once, and a
      // run key per piece of work (e.g. the digest for one workspace and one day) so it runs once.
      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('locked_until', 'text', (c) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('last_run_at', 'text')
        .execute();
      await db.schema
        .createTable('job_runs')
        .addColumn('run_key', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text')
        .addColumn('done_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'job_runs',
        'job_leases',
        'notifications',
        'outbox',
        'messages',
        'message_templates',
        'commitment_changes',
        'commitments',
        'interactions',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
      await db.schema.dropIndex('users_calendar_token_uq').ifExists().execute();
      await db.schema.alterTable('users').dropColumn('calendar_token_hash').execute();
      await db.schema.alterTable('workspaces').dropColumn('digest_time').execute();
    },
  };
}
