import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZClient, ZClientList } from '../shared/schemas/clients.js';
import { createApp } from './app.js';
import { connect } from './db/connect.js';
import type { Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { setupInput, clientInput } from './testing/factories.js';
import { ApiClient } from './testing/test-app.js';
import { testDeps } from './testing/test-db.js';
import { ZMe } from '../shared/schemas/accounts.js';
import { checkSqliteFile } from './db/backup.js';

/**
 * SQLite faults in process, on a real file: a full database (SQLite's `max_page_count` makes it
 * answer SQLITE_FULL as a full disk would) and a write lock held by another connection past the
 * busy timeout. Each write gets a 503 in the user's words, reads carry on, and once the fault is
 * gone writes succeed and every acknowledged one is there. The real disk is in disk-full.test.ts.
 */
describe('SQLite faults through the API', () => {
  let dir: string;
  let file: string;
  let db: Db;
  let api: ApiClient;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-faults-'));
    file = path.join(dir, 'mila.db');
    db = connect({ kind: 'sqlite', file });
    await migrateToLatest(db);
    api = new ApiClient(createApp(testDeps(db)));
    expect((await api.post('/api/v1/setup', setupInput(), ZMe)).status).toBe(201);
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a write to a full database with 503 storage_full, keeps reading, and loses nothing', async () => {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db.kysely);
    // A few pages of room: the next writes fill it.
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count + 8}`).execute(db.kysely);
    const acknowledged: string[] = [];
    let full: Awaited<ReturnType<ApiClient['post']>> | null = null;
    for (let i = 0; i < 200 && !full; i++) {
      const res = await api.post(
        '/api/v1/clients',
        clientInput({ name: `לקוח ${i}`, notes: 'x'.repeat(3000) }),
        ZClient,
      );
      if (res.ok) acknowledged.push(res.body.id);
      else full = res;
    }
    expect(full, 'the database never filled').not.toBeNull();
    expect(full!.status).toBe(503);
    expect(full!.error.code).toBe('storage_full');
    expect(full!.error.message).toContain('האחסון בשרת מלא');
    expect(full!.headers.get('content-type')).toContain('application/json');
    expect(acknowledged.length).toBeGreaterThan(0);

    // Reads keep working while it is full.
    const list = await api.get('/api/v1/clients?limit=200', ZClientList);
    expect(list.status).toBe(200);

    // Room again: writes succeed, and every acknowledged client is there.
    await sql.raw('pragma max_page_count = 1073741823').execute(db.kysely);
    expect((await api.post('/api/v1/clients', clientInput({ name: 'אחרי' }), ZClient)).status).toBe(201);
    const stored = new Set((await db.kysely.selectFrom('clients').select('id').execute()).map((r) => r.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    await db.close();
    expect(checkSqliteFile(file)).toEqual([]);
    db = connect({ kind: 'sqlite', file });
  });

  it('answers a write blocked past the busy timeout with 503 busy and Retry-After; writes go through once the lock is gone', async () => {
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const blocked = await api.post('/api/v1/clients', clientInput({ name: 'נחסם' }), ZClient);
    const waited = Date.now() - started;
    try {
      expect(blocked.status).toBe(503);
      expect(blocked.error.code).toBe('busy');
      expect(blocked.headers.get('retry-after')).toBe('5');
      expect(blocked.error.message).toContain('אפשר לנסות שוב');
      // It waited out the app's busy_timeout (5 s), no more: never a hang.
      expect(waited).toBeGreaterThanOrEqual(4_500);
      expect(waited).toBeLessThan(15_000);
      // Readers are not blocked by a writer (WAL).
      expect((await api.get('/api/v1/clients', ZClientList)).status).toBe(200);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const after = await api.post('/api/v1/clients', clientInput({ name: 'אחרי' }), ZClient);
    expect(after.status).toBe(201);
    expect((await db.kysely.selectFrom('clients').select('name').execute()).map((r) => r.name)).not.toContain('נחסם');
  });
});
