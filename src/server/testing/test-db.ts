import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../config.js';
import { connect } from '../db/connect.js';
import type { Db, Dialect } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Clock } from '../lib/clock.js';
import type { Deps } from '../lib/http.js';
import { createLogger } from '../lib/logger.js';
import type { Mailer } from '../mail/mailer.js';
import { attachmentRenderers } from '../portal/attachments.js';

/** The dialects a suite runs on here: SQLite always, PostgreSQL when the global setup found one. */
export function testDialects(): { dialect: Dialect; skip: boolean; label: string }[] {
  const url = inject('postgresUrl');
  return [
    { dialect: 'sqlite', skip: false, label: 'sqlite' },
    { dialect: 'postgres', skip: url === null, label: url === null ? 'postgres (SKIPPED: no server)' : 'postgres' },
  ];
}

/**
 * The dialects, and PostgreSQL once more in hosted mode (row-level security on, every signed-in
 * request on the app role): for the suites that must hold in both shapes (isolation).
 */
export function testShapes(): { dialect: Dialect; skip: boolean; label: string; hosted: boolean }[] {
  const [sqlite, postgres] = testDialects() as [
    ReturnType<typeof testDialects>[number],
    ReturnType<typeof testDialects>[number],
  ];
  return [
    { ...sqlite, hosted: false },
    { ...postgres, hosted: false },
    { ...postgres, label: `${postgres.label}, hosted with row-level security`, hosted: true },
  ];
}

/** A clock the test moves by hand. */
export function testClock(
  start = '2026-11-23T08:00:00.000Z',
): Clock & { set: (iso: string) => void; advance: (ms: number) => void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (iso) => {
      now = new Date(iso).getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** `reconnect` opens a second, independent connection pool to the same database ("another process"). */
export type TestDb = Db & { drop: () => Promise<void>; reconnect: () => Db };

/** A fresh, migrated database: SQLite in memory, or a PostgreSQL schema of its own. */
export async function createTestDb(dialect: Dialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const db = connect({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    return { ...db, drop: db.close, reconnect: () => db };
  }
  const url = inject('postgresUrl');
  if (!url) throw new Error('PostgreSQL is not available for this run');
  // The creation time is in the name, so a later run clears only schemas that are surely abandoned.
  const schema = `mila_t_${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  const db = connect({ kind: 'postgres', url, searchPath: `${schema},public`, max: 4 });
  await migrateToLatest(db);
  return {
    ...db,
    reconnect: () => connect({ kind: 'postgres', url, searchPath: `${schema},public`, max: 4 }),
    drop: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists "${schema}" cascade`);
      await cleanup.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), logLevel: 'silent', scheduler: false, ...overrides };
}

export function testDeps(
  db: Db,
  clock: Clock = testClock(),
  config: Config = testConfig(),
  mailer: Mailer | null = null,
): Deps {
  // The renderers main.ts wires in (the quote PDF), so the outbox attaches in tests as in production.
  return { db, clock, config, logger: createLogger('silent'), mailer, attachments: attachmentRenderers() };
}
