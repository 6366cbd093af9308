import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * WhatsApp chat imports (issue 11, decision 012): every imported message leaves its stable key, so
 * importing the same chat again, or the other phone's export of it, adds nothing. The key is unique
 * per workspace; the interaction it went into is kept so a later import can tell what is already there.
 */
export function chatImports(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('chat_import_messages')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('message_key', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('interaction_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('chat_import_messages_pk', ['workspace_id', 'message_key'])
        .execute();
      await db.schema
        .createIndex('chat_import_messages_interaction_idx')
        .on('chat_import_messages')
        .columns(['workspace_id', 'interaction_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('chat_import_messages').execute();
    },
  };
}
