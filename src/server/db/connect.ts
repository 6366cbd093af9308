import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './database.js';
import { SearchPathPostgresDialect } from './search-path-introspector.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';

// PostgreSQL int8 (count(*), sums) arrive as strings by default; our numbers fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type ConnectOptions =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; searchPath?: string; max?: number };

export function connectionFromConfig(config: { databaseUrl: string | null; dataDir: string }): ConnectOptions {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'sqlite', file: path.join(config.dataDir, 'mila.db') };
}

export function connect(options: ConnectOptions): Db {
  if (options.kind === 'sqlite') return connectSqlite(options.file);
  return connectPostgres(options);
}

function connectSqlite(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL for concurrent readers; synchronous=FULL so a committed write survives power loss (kill -9 too).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return {
    kysely,
    dialect: 'sqlite',
    close: async () => {
      await kysely.destroy();
    },
  };
}

function connectPostgres(options: { url: string; searchPath?: string; max?: number }): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // A connection the server drops (a restart, a failover) is an 'error' event: on the pool while
  // the client is idle, on the client itself while it is checked out between queries (the pool
  // stops listening then, and Kysely does not). Unheard, either would end the process. The broken
  // client fails its next query (a 503) and the pool discards it on release, opening a new one
  // for the next request: the server reconnects by itself.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const kysely = new Kysely<Database>({ dialect: new SearchPathPostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    ...(options.searchPath ? { schema: options.searchPath.split(',')[0]!.trim() } : {}),
    close: async () => {
      await kysely.destroy();
    },
  };
}
