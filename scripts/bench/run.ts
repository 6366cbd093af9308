/**
 * `npm run bench`: seeds a workspace with 3,000 clients and measures the main client views through
 * the in-process API (routing, auth, validation, SQL, JSON), on SQLite and, when one answers at
 * TEST_DATABASE_URL, on PostgreSQL. Budget: p95 ≤ 50 ms per view. Exits non-zero over budget.
 * (Interactions arrive with their issue; the 150,000-interaction budget joins this file then.)
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp } from '../../src/server/app.js';
import { connect } from '../../src/server/db/connect.js';
import type { Db } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { systemClock } from '../../src/server/lib/clock.js';
import { createLogger } from '../../src/server/lib/logger.js';
import { loadConfig } from '../../src/server/config.js';
import { setup } from '../../src/server/modules/accounts/accounts.service.js';
import { createClient } from '../../src/server/modules/clients/clients.service.js';
import { demoClients, setupInput } from '../../src/server/testing/factories.js';
import { postgresReachable, testDatabaseUrl } from '../../src/server/testing/postgres.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BUDGET_MS = 50;

type Result = { dialect: string; view: string; p50: number; p95: number; max: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function benchDialect(label: string, db: Db): Promise<Result[]> {
  await migrateToLatest(db);
  const deps = { db, config: { ...loadConfig({}), logLevel: 'silent' as const }, clock: systemClock, logger: createLogger('silent'), mailer: null };
  const session = await setup(deps, setupInput(), { userAgent: 'bench' });
  const scope = { workspaceId: session.me.workspace.id };
  const started = Date.now();
  const inputs = demoClients(CLIENTS);
  let firstId = '';
  for (const input of inputs) {
    const client = await createClient(deps, scope, input);
    firstId ||= client.id;
  }
  // Fresh tables have no planner statistics yet; in production autovacuum/ANALYZE provides them.
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  else await sql`pragma optimize`.execute(db.kysely);
  console.log(`[${label}] seeded ${CLIENTS} clients in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const app = createApp(deps);
  const headers = { cookie: `mila_session=${session.token}`, 'accept-language': 'he' };
  const views: Record<string, string> = {
    'client list (first page, by name)': '/api/v1/clients?limit=50',
    'client list (recent, page 20)': '/api/v1/clients?sort=recent&limit=50&offset=1000',
    'search "כהן"': `/api/v1/clients?q=${encodeURIComponent('כהן')}`,
    'search 2 letters "דנ"': `/api/v1/clients?q=${encodeURIComponent('דנ')}`,
    'filter status + tag': `/api/v1/clients?status=active&tag=${encodeURIComponent('תל אביב')}`,
    'tags with counts': '/api/v1/clients/tags',
    'client page': `/api/v1/clients/${firstId}`,
  };
  const results: Result[] = [];
  for (const [view, url] of Object.entries(views)) {
    for (let i = 0; i < 10; i++) await app.request(url, { headers }); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const res = await app.request(url, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${view}: HTTP ${res.status}`);
    }
    times.sort((a, b) => a - b);
    results.push({ dialect: label, view, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! });
  }
  return results;
}

const all: Result[] = [];
const sqlite = connect({ kind: 'sqlite', file: ':memory:' });
all.push(...(await benchDialect('sqlite', sqlite)));
await sqlite.close();

const url = testDatabaseUrl();
if (await postgresReachable(url)) {
  const schema = `mila_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('create extension if not exists pg_trgm');
  await admin.query(`create schema ${schema}`);
  const pgDb = connect({ kind: 'postgres', url, searchPath: `${schema},public` });
  try {
    all.push(...(await benchDialect('postgres', pgDb)));
  } finally {
    await pgDb.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
} else {
  console.log(`[postgres] SKIPPED: no server at ${url}`);
}

console.log(`\n${'dialect'.padEnd(10)}${'view'.padEnd(38)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}`);
for (const r of all) {
  const flag = r.p95 > BUDGET_MS ? '  OVER BUDGET' : '';
  console.log(`${r.dialect.padEnd(10)}${r.view.padEnd(38)}${r.p50.toFixed(2).padStart(9)}${r.p95.toFixed(2).padStart(9)}${r.max.toFixed(2).padStart(9)}${flag}`);
}
const over = all.filter((r) => r.p95 > BUDGET_MS);
console.log(over.length ? `\n${over.length} view(s) over the ${BUDGET_MS} ms p95 budget` : `\nAll views within the ${BUDGET_MS} ms p95 budget`);
process.exit(over.length ? 1 : 0);
