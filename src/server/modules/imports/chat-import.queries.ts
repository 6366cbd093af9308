import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ChatImportMessageRow } from './chat-import.table.js';

type Db = Kysely<Database>;

/** Which of these keys the workspace already holds (chunked: PostgreSQL and SQLite bound the parameters). */
export async function existingKeys(db: Db, { workspaceId, keys }: { workspaceId: string; keys: string[] }) {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('chat_import_messages')
      .select('message_key')
      .where('workspace_id', '=', workspaceId)
      .where('message_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.message_key);
  }
  return found;
}

export async function insertKeys(db: Db, rows: ChatImportMessageRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('chat_import_messages')
      .values(rows.slice(i, i + 200))
      .execute();
}
