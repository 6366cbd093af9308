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

  it.skipIf(skip)('migrate up from empty, all the way down, and up again', async () => {
    db = await createTestDb(dialect);
    const tables = async () =>
      (await db!.kysely.introspection.getTables())
        // PostgreSQL lists every schema's tables; this test's own are in db.schema.
        .filter((t) => dialect === 'sqlite' || t.schema === db!.schema)
        .map((t) => t.name)
        .filter((n) => !n.startsWith('kysely_'))
        .sort();
    const latest = await tables();
    expect(latest).toEqual(
      expect.arrayContaining(['clients', 'commitments', 'interactions', 'outbox', 'sessions', 'users', 'workspaces']),
    );
    expect((await migrateToLatest(db)).results).toEqual([]);
    const names: string[] = [];
    for (;;) {
      const down = await migrateDown(db);
      if (!down.results?.length) break;
      expect(down.results[0]).toMatchObject({ direction: 'Down', status: 'Success' });
      names.push(down.results[0]!.migrationName);
    }
    expect(names).toEqual([
      '031-insights-indexes',
      '030-awaiting-reply-cover',
      '029-quote-list-cover',
      '028-open-promises-index',
      '027-word-rollups',
      '026-team',
      '025-today-indexes',
      '024-two-factor',
      '023-audit-log',
      '022-quote-list',
      '021-webhooks',
      '020-rate-limits',
      '018-api-tokens',
      '017-chat-imports',
      '014-list-indexes',
      '013-word-broken-at',
      '011-sign-in-safety',
      '010-health-indexes',
      '009-greetings',
      '008-care-messages',
      '007-effort',
      '006-care',
      '005-money-and-time',
      '004-projects',
      '003-quotes',
      '002-keep-your-word',
      '001-foundation',
    ]);
    expect(await tables()).toEqual([]);
    await migrateToLatest(db);
    expect(await tables()).toEqual(latest);
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
    const { rows } = await sql<{
      indexname: string;
    }>`select indexname from pg_indexes where schemaname = current_schema() and tablename = 'clients' and indexname = 'clients_search_trgm_idx'`.execute(
      db.kysely,
    );
    expect(rows).toHaveLength(1);
    await db.drop();
  });
});
