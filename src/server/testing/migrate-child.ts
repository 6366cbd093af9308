/**
 * One of several processes racing to migrate a fresh database (migrate-lock.test.ts): it connects
 * as main.ts does, waits for the common start moment, migrates, and prints what it applied.
 */
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';

const file = process.env.MIGRATE_SQLITE_FILE;
const url = process.env.MIGRATE_PG_URL;
const schema = process.env.MIGRATE_SCHEMA;
const db = file
  ? connect({ kind: 'sqlite', file })
  : connect({ kind: 'postgres', url: url!, ...(schema ? { searchPath: `${schema},public` } : {}) });
const startAt = Number(process.env.MIGRATE_START_AT ?? 0);
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
try {
  const result = await migrateToLatest(db);
  process.stdout.write(`${JSON.stringify({ applied: (result.results ?? []).map((r) => r.migrationName) })}\n`);
} finally {
  await db.close();
}
