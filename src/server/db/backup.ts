import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { ConnectOptions } from './connect.js';

/**
 * Backups of Mila's database, safe while the server runs.
 * - SQLite: SQLite's online backup API (through better-sqlite3) copies a consistent snapshot page by
 *   page; writers keep going, and a write committed before the copy began is in it. The copy is then
 *   checked with `integrity_check` before it is called a backup.
 * - PostgreSQL: `pg_dump` in its custom format, one consistent snapshot (a repeatable-read
 *   transaction); `pg_restore` reads it back.
 */
export type BackupResult = { file: string; bytes: number };

export class BackupError extends Error {}

/** The tables every Mila database has; a file without them is not a Mila backup. */
const MIGRATION_TABLE = 'kysely_migration';

export async function backupDatabase(options: ConnectOptions, file: string): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already`);
  // Written under a temporary name and renamed only once checked: a copy cut short (a crash, a
  // full disk) is never left under a name that looks like a good backup.
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    if (options.kind === 'sqlite') {
      if (!fs.existsSync(options.file)) throw new BackupError(`no database at ${options.file}`);
      const source = new SQLite(options.file, { readonly: true, fileMustExist: true });
      try {
        await source.backup(partial);
      } finally {
        source.close();
      }
      // The copy takes the source's WAL mode; as one self-contained file it needs no -wal/-shm beside it.
      const copy = new SQLite(partial, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      const problems = checkSqliteFile(partial);
      if (problems.length) throw new BackupError(`the copy failed its integrity check: ${problems.join('; ')}`);
    } else {
      // One schema when the connection names one (a hosted tenant, a test); else the whole database.
      const schema = options.searchPath?.split(',')[0]?.trim();
      await run('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        ...(schema ? [`--schema=${schema}`] : []),
        `--file=${partial}`,
        options.url,
      ]);
      // pg_restore reads the archive's table of contents: a truncated dump fails here.
      await run('pg_restore', ['--list', partial]);
    }
    fs.renameSync(partial, file);
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
  }
  return { file, bytes: fs.statSync(file).size };
}

/**
 * Puts a backup in place of the current database. The server must be stopped first. On SQLite the
 * current file is first kept beside it (`mila.db.before-restore-<time>`), then the backup is copied
 * in through the backup API, so the WAL and the shared-memory file stay consistent.
 */
export async function restoreDatabase(
  options: ConnectOptions,
  file: string,
  now: Date = new Date(),
): Promise<{ keptAs: string | null }> {
  if (!fs.existsSync(file)) throw new BackupError(`no backup at ${file}`);
  if (options.kind === 'sqlite') {
    const problems = checkSqliteFile(file);
    if (problems.length) throw new BackupError(`${file} is not a sound Mila backup: ${problems.join('; ')}`);
    let keptAs: string | null = null;
    if (fs.existsSync(options.file)) {
      keptAs = `${options.file}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      await backupDatabase(options, keptAs);
    } else fs.mkdirSync(path.dirname(options.file), { recursive: true });
    const backup = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(options.file);
    } finally {
      backup.close();
    }
    return { keptAs };
  }
  await run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    `--dbname=${options.url}`,
    file,
  ]);
  return { keptAs: null };
}

/** SQLite's own checks on a file, plus "is this Mila's": empty when sound. */
export function checkSqliteFile(file: string): string[] {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [(error as Error).message];
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return [`integrity_check: ${String(integrity)}`];
    const foreign = db.pragma('foreign_key_check') as unknown[];
    if (foreign.length) return [`foreign_key_check: ${foreign.length} rows`];
    const mila = db.prepare(`select name from sqlite_master where type = 'table' and name = ?`).get(MIGRATION_TABLE);
    return mila ? [] : ['not a Mila database (no migrations table)'];
  } catch (error) {
    return [(error as Error).message];
  } finally {
    db.close();
  }
}

/** Runs a PostgreSQL client tool; its stderr becomes the error when it fails. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? `${command} is not installed (Debian: apt-get install postgresql-client)`
            : error.message,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (${code}): ${stderr.trim()}`)),
    );
  });
}

/** A backup file name that sorts by time: mila-2026-12-02T07-30-00Z.db / .pgdump */
export function backupFileName(kind: ConnectOptions['kind'], now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `mila-${stamp}Z.${kind === 'sqlite' ? 'db' : 'pgdump'}`;
}
