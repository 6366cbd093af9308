import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { connect } from './connect.js';
import type { Db } from './database.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';
import { testDialects } from '../testing/test-db.js';

/**
 * Several processes starting at once on a fresh database (decision 014): every one starts, the
 * migrations run exactly once, and the schema is whole. Without the lock, SQLite processes raced
 * into "table already exists".
 */
const PROCESSES = 4;

type Fresh = { env: Record<string, string>; open: () => Db; drop: () => Promise<void> };

async function freshDatabase(dialect: 'sqlite' | 'postgres'): Promise<Fresh> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-migrate-lock-'));
    const file = path.join(dir, 'mila.db');
    return {
      env: { MIGRATE_SQLITE_FILE: file },
      open: () => connect({ kind: 'sqlite', file }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = inject('postgresUrl')!;
  const schema = `mila_t_${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  return {
    env: { MIGRATE_PG_URL: url, MIGRATE_SCHEMA: schema },
    open: () => connect({ kind: 'postgres', url, searchPath: `${schema},public`, max: 2 }),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists "${schema}" cascade`);
      await cleanup.end();
    },
  };
}

function runChild(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/testing/migrate-child.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function checkSchema(db: Db, dialect: 'sqlite' | 'postgres') {
  expect(await pendingMigrations(db)).toEqual([]);
  const table = db.schema ? sql.table(`${db.schema}.kysely_migration`) : sql.table('kysely_migration');
  const { rows } = await sql<{
    name: string;
    n: number;
  }>`select name, count(*) as n from ${table} group by name`.execute(db.kysely);
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
  const tables = (await db.kysely.introspection.getTables())
    .filter((t) => dialect === 'sqlite' || t.schema === db.schema)
    .map((t) => t.name);
  expect(tables).toEqual(expect.arrayContaining(['clients', 'commitments', 'outbox', 'workspaces', 'job_leases']));
}

describe.each(testDialects())('migrations started at once on $label', ({ dialect, skip }) => {
  let fresh: Fresh | null = null;
  afterEach(async () => {
    await fresh?.drop();
    fresh = null;
  });

  it.skipIf(skip)(
    `${PROCESSES} processes on a fresh database: all start, each migration applied once`,
    async () => {
      fresh = await freshDatabase(dialect);
      // Node and tsx take a while to load: the children wait for a common moment, then race.
      const env = { ...fresh.env, MIGRATE_START_AT: String(Date.now() + 4000) };
      const runs = await Promise.all(Array.from({ length: PROCESSES }, () => runChild(env)));
      for (const run of runs) expect(run.code, run.output).toBe(0);
      const applied = runs.map(
        (r) => (JSON.parse(r.output.trim().split('\n').at(-1)!) as { applied: string[] }).applied,
      );
      // One process applied every migration; the others found nothing left to do.
      const all = applied.filter((a) => a.length > 0);
      expect(all).toHaveLength(1);
      expect(applied.filter((a) => a.length === 0)).toHaveLength(PROCESSES - 1);
      const db = fresh.open();
      try {
        expect(all[0]).toEqual(expect.arrayContaining(['001-foundation']));
        await checkSchema(db, dialect);
      } finally {
        await db.close();
      }
    },
    60_000,
  );

  it.skipIf(skip)('concurrent calls in one process, each on its own connection', async () => {
    fresh = await freshDatabase(dialect);
    const dbs = Array.from({ length: PROCESSES }, () => fresh!.open());
    try {
      const results = await Promise.all(dbs.map((db) => migrateToLatest(db)));
      const counts = results.map((r) => r.results?.length ?? 0);
      expect(counts.filter((n) => n > 0)).toHaveLength(1);
      await checkSchema(dbs[0]!, dialect);
    } finally {
      for (const db of dbs) await db.close();
    }
  });
});
