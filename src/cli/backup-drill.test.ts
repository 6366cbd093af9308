import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ZClient } from '../shared/schemas/clients.js';
import { checkSqliteFile } from '../server/db/backup.js';
import { clientInput } from '../server/testing/factories.js';
import {
  Api,
  kill,
  openStore,
  signUp,
  startServer,
  type CrashDialect,
  type Store,
} from '../server/testing/crash-drill.js';
import { postgresReachable, testDatabaseUrl } from '../server/testing/postgres.js';

/**
 * The restore drill: the real server takes concurrent writes while `mila backup` runs beside it.
 * The backup, restored into a fresh place, must pass its integrity checks and hold every write the
 * server acknowledged before the backup began (later ones may or may not be in it).
 */
function mila(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/mila.js', ...args], {
      env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

async function storedClientIds(store: Store): Promise<Set<string>> {
  if (store.sqliteFile) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(store.sqliteFile, { readonly: true });
    try {
      return new Set((db.prepare('select id from clients').all() as { id: string }[]).map((r) => r.id));
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: store.pgUrl });
  await client.connect();
  try {
    return new Set((await client.query<{ id: string }>('select id from clients')).rows.map((r) => r.id));
  } finally {
    await client.end();
  }
}

async function drill(dialect: CrashDialect, postgresUrl: string) {
  const live = await openStore(dialect, postgresUrl);
  const fresh = await openStore(dialect, postgresUrl);
  const server = await startServer(live);
  const backupFile = path.join(os.tmpdir(), `mila-drill-${randomBytes(4).toString('hex')}.backup`);
  try {
    const api = new Api(server.url, await signUp(server.url));
    const acknowledged: string[] = [];
    let writing = true;
    const writer = async (n: number) => {
      for (let i = 0; writing; i++) {
        const created = await api.post('/api/v1/clients', clientInput({ name: `לקוח ${n}-${i}` }), ZClient);
        acknowledged.push(created.id);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));

    const beforeBackup = [...acknowledged];
    const backup = await mila(['backup', backupFile], live.env);
    writing = false;
    await Promise.all(writers);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);

    const restored = await mila(['restore', backupFile, '--yes'], fresh.env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    if (fresh.sqliteFile) expect(checkSqliteFile(fresh.sqliteFile)).toEqual([]);
    const stored = await storedClientIds(fresh);
    expect(beforeBackup.filter((id) => !stored.has(id))).toEqual([]);
    // The copy is a snapshot, not a prefix of the log: nothing that was never acknowledged beyond the writes in flight.
    expect(stored.size).toBeLessThanOrEqual(acknowledged.length + 4);
    return { beforeBackup: beforeBackup.length };
  } finally {
    fs.rmSync(backupFile, { force: true });
    await kill(server);
    await live.drop();
    await fresh.drop();
  }
}

const pgUrl = testDatabaseUrl();
const pgUp = await postgresReachable(pgUrl);

describe('backup under write load, then restore', () => {
  it(
    'SQLite: the restored copy is sound and holds every write acknowledged before the backup',
    { timeout: 120_000 },
    async () => {
      const result = await drill('sqlite', pgUrl);
      expect(result.beforeBackup).toBeGreaterThanOrEqual(40);
    },
  );

  it.skipIf(!pgUp)(
    'PostgreSQL: the restored dump holds every write acknowledged before the backup',
    { timeout: 120_000 },
    async () => {
      const result = await drill('postgres', pgUrl);
      expect(result.beforeBackup).toBeGreaterThanOrEqual(40);
    },
  );
});
