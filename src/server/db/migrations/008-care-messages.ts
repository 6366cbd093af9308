import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Relationship care, the messages (issue 9): the apology and the "fix by" promise of a mistake,
 * the follow-up and the promises of a resolved conflict, why a promise was closed without being
 * kept (parting with a client), and each ending of an engagement with its decisions. Added columns
 * are plain text ids, as in 003/004, so SQLite can drop them again on the way down.
 */
export function careMessages(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('incidents').addColumn('apology_message_id', 'text').execute();
      await db.schema.alterTable('incidents').addColumn('fix_commitment_id', 'text').execute();
      await db.schema.alterTable('conflicts').addColumn('followup_message_id', 'text').execute();
      await db.schema.alterTable('conflicts').addColumn('resolved_at', 'text').execute();
      await db.schema.alterTable('commitments').addColumn('cancel_reason', 'text').execute();

      // The promises a conflict's chosen option became (mine and theirs), in the order given.
      await db.schema
        .createTable('conflict_commitments')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
        .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('conflict_commitments_pk', ['conflict_id', 'commitment_id'])
        .execute();

      // Each time an engagement ended (or a client was let go), and when the client came back.
      await db.schema
        .createTable('offboardings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('previous_status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('decisions', 'text', (c) => c.notNull())
        .addColumn('materials_returned', 'integer', (c) => c.notNull())
        .addColumn('farewell_message_id', 'text')
        .addColumn('colleague_id', 'text')
        .addColumn('ended_at', 'text', (c) => c.notNull())
        .addColumn('brought_back_at', 'text')
        .execute();
      await db.schema
        .createIndex('offboardings_client_idx')
        .on('offboardings')
        .columns(['workspace_id', 'client_id', 'ended_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['offboardings', 'conflict_commitments'])
        await db.schema.dropTable(table).ifExists().execute();
      await db.schema.alterTable('commitments').dropColumn('cancel_reason').execute();
      await db.schema.alterTable('conflicts').dropColumn('resolved_at').execute();
      await db.schema.alterTable('conflicts').dropColumn('followup_message_id').execute();
      await db.schema.alterTable('incidents').dropColumn('fix_commitment_id').execute();
      await db.schema.alterTable('incidents').dropColumn('apology_message_id').execute();
    },
  };
}
