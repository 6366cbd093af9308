import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Greetings (issue 9): important dates can be Hebrew-calendar dates, and each client is "worth
 * nurturing" (greeted) unless the user says otherwise. Every existing client starts nurtured: a
 * greeting costs little, and ended or archived clients are left out of greetings anyway. A Hebrew
 * date keeps `month` at 0 (the column is NOT NULL and SQLite cannot relax that without rebuilding
 * the table), so the Gregorian lookup of Today never matches it.
 */
export function greetings(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('clients')
        .addColumn('worth_nurturing', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .alterTable('client_dates')
        .addColumn('calendar', 'text', (c) => c.notNull().defaultTo('gregorian'))
        .execute();
      await db.schema.alterTable('client_dates').addColumn('hebrew_month', 'text').execute();
      await db.schema
        .createIndex('client_dates_calendar_idx')
        .on('client_dates')
        .columns(['workspace_id', 'calendar'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('client_dates_calendar_idx').ifExists().execute();
      await db.schema.alterTable('client_dates').dropColumn('hebrew_month').execute();
      await db.schema.alterTable('client_dates').dropColumn('calendar').execute();
      await db.schema.alterTable('clients').dropColumn('worth_nurturing').execute();
    },
  };
}
