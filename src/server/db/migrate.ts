import SQLite from 'better-sqlite3';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Database, Db, Dialect } from './database.js';
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
import { listIndexes } from './migrations/014-list-indexes.js';
import { chatImports } from './migrations/017-chat-imports.js';
import { apiTokens } from './migrations/018-api-tokens.js';
import { rateLimits } from './migrations/020-rate-limits.js';
import { webhooks } from './migrations/021-webhooks.js';
import { quoteList } from './migrations/022-quote-list.js';
import { auditLog } from './migrations/023-audit-log.js';
import { todayIndexes } from './migrations/025-today-indexes.js';
import { twoFactor } from './migrations/024-two-factor.js';
import { team } from './migrations/026-team.js';
import { wordRollups } from './migrations/027-word-rollups.js';
import { openPromisesIndex } from './migrations/028-open-promises-index.js';
import { quoteListCover } from './migrations/029-quote-list-cover.js';
import { awaitingReplyCover } from './migrations/030-awaiting-reply-cover.js';
import { insightsIndexes } from './migrations/031-insights-indexes.js';

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
    '014-list-indexes': listIndexes(dialect),
    '017-chat-imports': chatImports(dialect),
    '018-api-tokens': apiTokens(dialect),
    '020-rate-limits': rateLimits(dialect),
    '021-webhooks': webhooks(dialect),
    '022-quote-list': quoteList(dialect),
    '023-audit-log': auditLog(dialect),
    '025-today-indexes': todayIndexes(dialect),
    '024-two-factor': twoFactor(dialect),
    '026-team': team(dialect),
    '027-word-rollups': wordRollups(dialect),
    '028-open-promises-index': openPromisesIndex(dialect),
    '029-quote-list-cover': quoteListCover(dialect),
    '030-awaiting-reply-cover': awaitingReplyCover(dialect),
    '031-insights-indexes': insightsIndexes(dialect),
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
function migrator(db: Db, kysely: Kysely<Database> = db.kysely): Migrator {
  return new Migrator({
    db: kysely,
    provider: new InlineProvider(db.dialect),
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
}

/** How long a process waits for another one's migrations before it gives up (and fails to start). */
const LOCK_WAIT_MS = 10 * 60_000;

/**
 * Several processes may start at once on one database: the whole migration (Kysely's own
 * bookkeeping tables included) runs under one lock, so it runs once and the others find it done.
 * PostgreSQL: a session advisory lock per schema, held on the one connection the migration uses
 * (Kysely's own advisory lock only covers the steps after its bookkeeping tables are made).
 * SQLite: Kysely takes no lock there at all; an exclusive lock on a small companion file
 * (`mila.db.migration-lock`), polled without blocking the event loop. Both locks die with the
 * process that holds them, so a crash never leaves a stale lock. Decision 014.
 */
async function withMigrationLock<T>(db: Db, run: (kysely: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.dialect === 'postgres') {
    return db.kysely.connection().execute(async (conn) => {
      const key = `mila-migrate:${db.schema ?? ''}`;
      await sql`select pg_advisory_lock(${MIGRATION_LOCK_CLASS}, hashtext(${key}))`.execute(conn);
      try {
        return await run(conn);
      } finally {
        await sql`select pg_advisory_unlock(${MIGRATION_LOCK_CLASS}, hashtext(${key}))`.execute(conn);
      }
    });
  }
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(
    db.kysely,
  );
  const file = rows[0]?.file;
  // An in-memory database belongs to this connection alone.
  if (!file) return run(db.kysely);
  const lock = new SQLite(`${file}.migration-lock`, { timeout: 0 });
  try {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        lock.exec('begin exclusive');
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    try {
      return await run(db.kysely);
    } finally {
      lock.exec('rollback');
    }
  } finally {
    lock.close();
  }
}

/** The first key of PostgreSQL's two-key advisory locks that Mila takes for migrations. */
const MIGRATION_LOCK_CLASS = 0x4d494c41; // "MILA"

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await withMigrationLock(db, (kysely) => migrator(db, kysely).migrateToLatest());
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}

/** Migrations this code knows that the database has not run: empty when the schema is current. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const table = db.schema ? sql.table(`${db.schema}.kysely_migration`) : sql.table('kysely_migration');
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db.kysely);
  const done = new Set(rows.map((r) => r.name));
  return Object.keys(migrationsFor(db.dialect)).filter((name) => !done.has(name));
}

export async function migrateDown(db: Db): Promise<MigrationResultSet> {
  return withMigrationLock(db, (kysely) => migrator(db, kysely).migrateDown());
}
