import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { connect } from './connect.js';
import { migrateDown, migrateToLatest } from './migrate.js';
import { createTestDb, testDialects, type TestDb } from '../testing/test-db.js';

describe.each(testDialects())('migrations on $label', ({ dialect, skip }) => {
  let db: TestDb | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it.skipIf(skip)('migrate up from empty, down, and up again', async () => {
    db = await createTestDb(dialect);
    const tables = async () => (await db!.kysely.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
    expect(await tables()).toEqual(['client_contacts', 'client_dates', 'client_tags', 'clients', 'login_failures', 'sessions', 'users', 'workspaces']);
    const again = await migrateToLatest(db);
    expect(again.results).toEqual([]);
    const down = await migrateDown(db);
    expect(down.results?.[0]).toMatchObject({ migrationName: '001-foundation', direction: 'Down', status: 'Success' });
    expect(await tables()).toEqual([]);
    await migrateToLatest(db);
    expect(await tables()).toHaveLength(8);
  });
});

describe('dialect specifics', () => {
  it('runs SQLite with WAL, synchronous=FULL and foreign keys', async () => {
    // In-memory databases cannot use WAL, so this checks a file database.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-db-'));
    const fileDb = connect({ kind: 'sqlite', file: path.join(dir, 'mila.db') });
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(fileDb.kysely);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(fileDb.kysely);
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(fileDb.kysely);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      expect(sync.rows[0]?.synchronous).toBe(2);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await fileDb.close();
      fs.rmSync(dir, { recursive: true });
    }
  });

  it.skipIf(inject('postgresUrl') === null)('indexes client search with pg_trgm on PostgreSQL', async () => {
    const db = await createTestDb('postgres');
    const { rows } = await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'clients' and indexname = 'clients_search_trgm_idx'`.execute(db.kysely);
    expect(rows).toHaveLength(1);
    await db.drop();
  });
});
