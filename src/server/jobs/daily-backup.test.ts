import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { ZClient } from '../../shared/schemas/clients.js';
import { ZMe } from '../../shared/schemas/accounts.js';
import { createApp } from '../app.js';
import { connect } from '../db/connect.js';
import type { Db } from '../db/database.js';
import { checkSqliteFile } from '../db/backup.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadConfig, type Config } from '../config.js';
import type { Deps } from '../lib/http.js';
import type { Logger } from '../lib/logger.js';
import { clientInput, setupInput } from '../testing/factories.js';
import { ApiClient } from '../testing/test-app.js';
import { createTestDb, testClock, testConfig, testDeps, type TestDb } from '../testing/test-db.js';
import { runDueJobs } from './scheduler.js';

/**
 * The daily backup in the scheduler, with the injectable clock: off without MILA_BACKUP_DIR;
 * once a local day (Asia/Jerusalem) at or after 03:00, by one process of several; the newest
 * MILA_BACKUP_KEEP kept; a failure logged, retried on the next run, and never left under a good name.
 */
const dailyFiles = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => n.startsWith('mila-daily-'))
        .sort()
    : [];

function capturingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { info: () => {}, error: (message, data) => errors.push(`${message} ${String(data?.error)}`), errors };
}

describe('config', () => {
  it('is off without MILA_BACKUP_DIR and keeps 7 by default', () => {
    expect(loadConfig({}).backupDir).toBeNull();
    expect(loadConfig({}).backupKeep).toBe(7);
    expect(loadConfig({ MILA_BACKUP_DIR: '/srv/b', MILA_BACKUP_KEEP: '3' })).toMatchObject({
      backupDir: '/srv/b',
      backupKeep: 3,
    });
    expect(() => loadConfig({ MILA_BACKUP_KEEP: '0' })).toThrow(/MILA_BACKUP_KEEP/);
  });
});

describe('the daily backup on SQLite', () => {
  let dir: string;
  let db: Db;
  let clock: ReturnType<typeof testClock>;
  let logger: ReturnType<typeof capturingLogger>;
  const deps = (overrides: Partial<Config> = {}): Deps => ({
    ...testDeps(
      db,
      clock,
      testConfig({ dataDir: dir, backupDir: path.join(dir, 'backups'), backupKeep: 3, ...overrides }),
    ),
    logger,
  });
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-daily-'));
    db = connect({ kind: 'sqlite', file: path.join(dir, 'mila.db') });
    await migrateToLatest(db);
    clock = testClock('2026-11-23T00:30:00.000Z'); // 02:30 in Israel (UTC+2 in November)
    logger = capturingLogger();
    const api = new ApiClient(createApp(deps()));
    await api.post('/api/v1/setup', setupInput(), ZMe);
    await api.post('/api/v1/clients', clientInput({ name: 'לפני הגיבוי' }), ZClient);
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('does nothing without MILA_BACKUP_DIR', async () => {
    clock.set('2026-11-23T02:00:00.000Z');
    await runDueJobs(deps({ backupDir: null }), 'a');
    expect(dailyFiles(path.join(dir, 'backups'))).toEqual([]);
  });

  it('runs once per local day after 03:00, by one of two processes, and the copy is sound', async () => {
    const backups = path.join(dir, 'backups');
    await runDueJobs(deps(), 'a');
    expect(dailyFiles(backups)).toEqual([]); // 02:30: not yet
    clock.set('2026-11-23T01:05:00.000Z'); // 03:05
    await Promise.all([runDueJobs(deps(), 'a'), runDueJobs(deps(), 'b')]);
    expect(dailyFiles(backups)).toEqual(['mila-daily-2026-11-23.db']);
    expect(checkSqliteFile(path.join(backups, 'mila-daily-2026-11-23.db'))).toEqual([]);
    const made = fs.statSync(path.join(backups, 'mila-daily-2026-11-23.db')).mtimeMs;
    // Later the same day, in either process: not again.
    for (const owner of ['a', 'b']) {
      clock.advance(16 * 60_000);
      await runDueJobs(deps(), owner);
    }
    expect(fs.statSync(path.join(backups, 'mila-daily-2026-11-23.db')).mtimeMs).toBe(made);
    // 22:30 UTC is already the next day in Israel (00:30), but before 03:00 there.
    clock.set('2026-11-23T22:30:00.000Z');
    await runDueJobs(deps(), 'a');
    expect(dailyFiles(backups)).toHaveLength(1);
    expect(logger.errors).toEqual([]);
  });

  it('keeps the newest MILA_BACKUP_KEEP daily copies, and never touches manual backups', async () => {
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, 'mila-2026-01-01T00-00-00Z.db'), 'a manual backup');
    for (let day = 0; day < 6; day++) {
      clock.set(new Date(Date.parse('2026-11-23T01:05:00.000Z') + day * 86_400_000).toISOString());
      await runDueJobs(deps(), 'a');
    }
    expect(dailyFiles(backups)).toEqual([
      'mila-daily-2026-11-26.db',
      'mila-daily-2026-11-27.db',
      'mila-daily-2026-11-28.db',
    ]);
    expect(fs.existsSync(path.join(backups, 'mila-2026-01-01T00-00-00Z.db'))).toBe(true);
    expect(logger.errors).toEqual([]);
  });

  it('logs a failed backup, leaves no file under a good name, and succeeds on the next run', async () => {
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    // A copy cut short by a crash, left under its temporary name.
    fs.writeFileSync(path.join(backups, 'mila-daily-2026-11-22.db.partial'), 'half');
    // The copy is made but fails its check (the data dir points at a database that is not Mila's).
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere);
    const stranger = new Database(path.join(elsewhere, 'mila.db'));
    stranger.exec('create table t (x)');
    stranger.close();
    clock.set('2026-11-23T01:05:00.000Z');
    await runDueJobs(deps({ dataDir: elsewhere }), 'a');
    expect(logger.errors.join('\n')).toMatch(/job backup failed.*failed its integrity check/);
    expect(dailyFiles(backups).filter((n) => !n.endsWith('.partial'))).toEqual([]);
    // The next run (15 minutes on) tries again, this time with the database there.
    clock.advance(15 * 60_000);
    await runDueJobs(deps(), 'a');
    expect(dailyFiles(backups)).toEqual(['mila-daily-2026-11-23.db']);
    expect(checkSqliteFile(path.join(backups, 'mila-daily-2026-11-23.db'))).toEqual([]);
  });
});

const pgUrl = inject('postgresUrl');
const pgDump = (() => {
  try {
    execFileSync('pg_dump', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
const pgSkip = !pgUrl ? 'no PostgreSQL server' : !pgDump ? 'pg_dump is not installed' : null;
if (pgSkip) console.log(`SKIPPED the daily backup on PostgreSQL: ${pgSkip}`);

describe.skipIf(pgSkip !== null)('the daily backup on PostgreSQL', () => {
  let db: TestDb;
  let dir: string;
  beforeEach(async () => {
    db = await createTestDb('postgres');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-daily-pg-'));
  });
  afterEach(async () => {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('dumps its schema once a day after 03:00 into a readable archive', async () => {
    const clock = testClock('2026-11-23T01:05:00.000Z');
    const deps = testDeps(db, clock, testConfig({ databaseUrl: pgUrl, backupDir: dir, backupKeep: 2 }));
    const api = new ApiClient(createApp(deps));
    await api.post('/api/v1/setup', setupInput(), ZMe);
    await runDueJobs(deps, 'a');
    clock.advance(86_400_000);
    await runDueJobs(deps, 'a');
    clock.advance(86_400_000);
    await runDueJobs(deps, 'a');
    expect(dailyFiles(dir)).toEqual(['mila-daily-2026-11-24.pgdump', 'mila-daily-2026-11-25.pgdump']);
    const contents = execFileSync('pg_restore', ['--list', path.join(dir, 'mila-daily-2026-11-25.pgdump')]).toString();
    expect(contents).toContain(`TABLE ${db.schema} clients`);
  });
});
