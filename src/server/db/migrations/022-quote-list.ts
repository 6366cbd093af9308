import { sql, type Kysely } from 'kysely';
import { normalizeForSearch } from '../../../shared/text.js';
import type { Dialect } from '../database.js';

/**
 * Issue 10/13: the quotes list pages, searches, filters and sorts in SQL. A version's title, currency and
 * validity day lived only inside its JSON content; they become columns (search_text: the number
 * and the title, folded as the client search folds them), filled here for the stored versions.
 * The list reads newest first by (workspace_id, created_at).
 */
export function quoteList(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const column of ['title', 'valid_until', 'currency', 'search_text'])
        await db.schema.alterTable('quote_versions').addColumn(column, 'text').execute();
      const rows = await sql<{ id: string; content: string; number: string }>`
        select v.id, v.content, q.number from quote_versions v join quotes q on q.id = v.quote_id`.execute(db);
      for (const row of rows.rows) {
        const content = JSON.parse(row.content) as { title?: string; validUntil?: string; currency?: string };
        const title = content.title ?? '';
        await sql`update quote_versions set title = ${title}, valid_until = ${content.validUntil ?? null}, currency = ${content.currency ?? null},
          search_text = ${normalizeForSearch(`${row.number} ${title}`)} where id = ${row.id}`.execute(db);
      }
      await db.schema
        .createIndex('quotes_ws_created_idx')
        .on('quotes')
        .columns(['workspace_id', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('quotes_ws_created_idx').ifExists().execute();
      for (const column of ['search_text', 'currency', 'valid_until', 'title'])
        await db.schema.alterTable('quote_versions').dropColumn(column).execute();
    },
  };
}
