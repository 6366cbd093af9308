import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db, Dialect } from './database.js';
import { foundation } from './migrations/001-foundation.js';
import { keepYourWord } from './migrations/002-keep-your-word.js';
import { quotes } from './migrations/003-quotes.js';
import { projects } from './migrations/004-projects.js';
import { moneyAndTime } from './migrations/005-money-and-time.js';
import { care } from './migrations/006-care.js';
import { effort } from './migrations/007-effort.js';
import { careMessages } from './migrations/008-care-messages.js';
import { greetings } from './migrations/009-greetings.js';
import { healthIndexes } from './migrations/010-health-indexes.js';
import { signInSafety } from './migrations/011-sign-in-safety.js';
import { wordBrokenAt } from './migrations/013-word-broken-at.js';
import { chatImports } from './migrations/017-chat-imports.js';

/** Migrations in code (not read from disk) so they ship inside the same module graph on both dialects. */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '001-foundation': foundation(dialect),
    '002-keep-your-word': keepYourWord(dialect),
    '003-quotes': quotes(dialect),
    '004-projects': projects(dialect),
    '005-money-and-time': moneyAndTime(dialect),
    '006-care': care(dialect),
    '007-effort': effort(dialect),
    '008-care-messages': careMessages(dialect),
    '009-greetings': greetings(dialect),
    '010-health-indexes': healthIndexes(dialect),
    '011-sign-in-safety': signInSafety(dialect),
    '013-word-broken-at': wordBrokenAt(dialect),
    '017-chat-imports': chatImports(dialect),
  };
}

class InlineProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.dialect);
  }
}

/**
 * With an explicit schema the migration bookkeeping is looked up in that schema only: Kysely
 * otherwise matches its tables by name in any schema, so a migration running beside another
 * schema's (parallel test files, several tenants) could skip creating its own lock table.
 */
function migrator(db: Db): Migrator {
  return new Migrator({
    db: db.kysely,
    provider: new InlineProvider(db.dialect),
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}

export async function migrateDown(db: Db): Promise<MigrationResultSet> {
  return migrator(db).migrateDown();
}
