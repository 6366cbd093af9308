/**
 * `tsx scripts/bench/health-explain.ts`: seeds one workspace in bulk (3,000 clients, 150,000 contacts,
 * time entries, payments, promises) and prints the query plan of every query the client-health
 * endpoints run, on SQLite and (when one answers at TEST_DATABASE_URL) PostgreSQL, then times the
 * three endpoints. For checking that no aggregate reads every contact row.
 */
import { randomBytes } from 'node:crypto';
import { sql, type KyselyPlugin, type RootOperationNode, type UnknownRow } from 'kysely';
import pg from 'pg';
import { createApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { connect } from '../../src/server/db/connect.js';
import type { Db } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { systemClock } from '../../src/server/lib/clock.js';
import { newId } from '../../src/server/lib/ids.js';
import { createLogger } from '../../src/server/lib/logger.js';
import { setup } from '../../src/server/modules/accounts/accounts.service.js';
import { rebuildWordRollups } from '../../src/server/modules/commitments/commitments.service.js';
import { rebuildContactMonths } from '../../src/server/modules/interactions/interactions.service.js';
import { clientHealth, clientHealthList, insightsOverview } from '../../src/server/modules/insights/health.service.js';
import { attachmentRenderers } from '../../src/server/portal/attachments.js';
import { seededRandom, setupInput } from '../../src/server/testing/factories.js';
import { postgresReachable, testDatabaseUrl } from '../../src/server/testing/postgres.js';
import { ZSetUpWorkspace } from '../../src/shared/schemas/accounts.js';

const CLIENTS = 3000;
const CONTACTS = 150_000;

async function bulk(db: Db, workspaceId: string, userId: string) {
  const random = seededRandom(11);
  const now = Date.now();
  const at = (daysBack: number) => new Date(now - Math.floor(random() * daysBack * 86_400_000)).toISOString();
  const clients = Array.from({ length: CLIENTS }, (_, i) => ({
    id: newId(),
    workspace_id: workspaceId,
    kind: 'person' as const,
    name: `לקוח ${i}`,
    status: i % 5 === 0 ? ('paused' as const) : ('active' as const),
    language: 'he' as const,
    search_text: `לקוח ${i}`,
    worth_nurturing: 1,
    created_at: at(700),
    updated_at: at(10),
  }));
  for (let i = 0; i < clients.length; i += 500)
    await db.kysely
      .insertInto('clients')
      .values(clients.slice(i, i + 500))
      .execute();
  const insert = async (table: 'interactions' | 'time_entries' | 'payments' | 'commitments', rows: object[]) => {
    for (let i = 0; i < rows.length; i += 500)
      await db.kysely
        .insertInto(table)
        .values(rows.slice(i, i + 500) as never)
        .execute();
  };
  const pick = () => clients[Math.floor(random() * clients.length)]!.id;
  await insert(
    'interactions',
    Array.from({ length: CONTACTS }, () => {
      const t = at(365);
      return {
        id: newId(),
        workspace_id: workspaceId,
        client_id: pick(),
        channel: 'phone',
        direction: random() < 0.5 ? 'in' : 'out',
        occurred_at: t,
        after_hours: random() < 0.1 ? 1 : 0,
        needs_reply: 0,
        duration_minutes: random() < 0.3 ? 20 : null,
        source: 'manual',
        created_at: t,
      };
    }),
  );
  await insert(
    'time_entries',
    Array.from({ length: 30_000 }, () => {
      const t = at(365);
      return {
        id: newId(),
        workspace_id: workspaceId,
        user_id: userId,
        client_id: pick(),
        started_at: t,
        ended_at: t,
        minutes: 30 + Math.floor(random() * 120),
        created_at: t,
      };
    }),
  );
  await insert(
    'payments',
    Array.from({ length: 9_000 }, () => ({
      id: newId(),
      workspace_id: workspaceId,
      client_id: pick(),
      amount: 50_000 + Math.floor(random() * 500_000),
      currency: 'ILS',
      received_on: at(365).slice(0, 10),
      created_at: at(365),
    })),
  );
  await insert(
    'commitments',
    Array.from({ length: 6_000 }, (_, i) => {
      const due = new Date(now + Math.floor((random() - 0.7) * 120 * 86_400_000)).toISOString();
      return {
        id: newId(),
        workspace_id: workspaceId,
        client_id: pick(),
        direction: i % 2 ? 'mine' : 'theirs',
        title: 'הבטחה',
        due_date: due.slice(0, 10),
        due_at: due,
        original_due_at: due,
        late_change: 0,
        change_count: 0,
        completed_at: due < new Date(now).toISOString() && random() < 0.8 ? due : null,
        created_at: due,
        updated_at: due,
      };
    }),
  );
  return clients[1]!.id;
}

/** Records each query's SQL as it is executed (by running it once, then explaining it). */
function recorder(seen: { sql: string; parameters: readonly unknown[] }[], db: Db): KyselyPlugin {
  return {
    transformQuery: ({ node }: { node: RootOperationNode }) => {
      const compiled = db.kysely.getExecutor().compileQuery(node, { queryId: 'explain' });
      if (compiled.sql.trimStart().toLowerCase().startsWith('select'))
        seen.push({ sql: compiled.sql, parameters: compiled.parameters });
      return node;
    },
    transformResult: async ({ result }: { result: { rows: UnknownRow[] } }) => result as never,
  };
}

async function run(label: string, db: Db) {
  await migrateToLatest(db);
  const deps = {
    db,
    config: { ...loadConfig({}), logLevel: 'silent' as const, scheduler: false },
    clock: systemClock,
    logger: createLogger('silent'),
    mailer: null,
    attachments: attachmentRenderers(),
  };
  const session = await setup(deps, ZSetUpWorkspace.parse(setupInput()), { userAgent: 'explain' });
  const scope = { workspaceId: session.me.workspace.id };
  const clientId = await bulk(db, scope.workspaceId, session.me.user.id);
  await rebuildContactMonths(deps, scope);
  await rebuildWordRollups(deps, scope);
  // Autovacuum keeps the visibility map current in production; without it no index-only scan is possible.
  if (db.dialect === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
  else await sql`pragma optimize`.execute(db.kysely);

  const seen: { sql: string; parameters: readonly unknown[] }[] = [];
  const recording = { ...deps, db: { ...db, kysely: db.kysely.withPlugin(recorder(seen, db)) } };
  await clientHealth(recording, scope, clientId, { period: '365' });
  await insightsOverview(recording, scope, { period: '365' });
  await clientHealthList(recording, scope, { period: '90', sort: 'score', filter: 'all', limit: 50, offset: 0 });
  const unique = [...new Map(seen.map((s) => [s.sql, s])).values()];
  console.log(`\n===== ${label}: ${unique.length} distinct queries =====`);
  for (const query of unique) {
    const parameters = [...query.parameters];
    const plan =
      db.dialect === 'postgres'
        ? await sql
            .raw(`explain ${query.sql.replace(/\$(\d+)/g, (_, n: string) => literal(query.parameters[Number(n) - 1]))}`)
            .execute(db.kysely)
        : await sql
            .raw(`explain query plan ${query.sql.replace(/\?/g, () => literal(parameters.shift()))}`)
            .execute(db.kysely);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) await sql.raw(inline(db, query)).execute(db.kysely);
    const ms = (performance.now() - t0) / 10;
    console.log(`\n-- [${ms.toFixed(1)} ms] ${query.sql.slice(0, 220).replace(/\s+/g, ' ')}`);
    for (const row of plan.rows as Record<string, unknown>[])
      console.log(`   ${String(row.detail ?? row['QUERY PLAN'])}`);
  }

  const app = createApp(deps);
  const headers = { cookie: `mila_session=${session.token}`, 'accept-language': 'he' };
  for (const [view, url] of [
    ['client health', `/api/v1/insights/clients/${clientId}/health?period=365`],
    ['health list', '/api/v1/insights/health?period=90'],
    ['insights overview', '/api/v1/insights/overview?period=365'],
  ] as const) {
    for (let i = 0; i < 5; i++) await app.request(url, { headers });
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      const res = await app.request(url, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${view}: ${res.status}`);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`[${label}] ${view}: p50 ${times[19]!.toFixed(1)} ms, p95 ${times[37]!.toFixed(1)} ms`);
  }
}

/** The query with its parameters written in, to run it again as raw SQL. */
function inline(db: Db, query: { sql: string; parameters: readonly unknown[] }): string {
  const parameters = [...query.parameters];
  return db.dialect === 'postgres'
    ? query.sql.replace(/\$(\d+)/g, (_, n: string) => literal(query.parameters[Number(n) - 1]))
    : query.sql.replace(/\?/g, () => literal(parameters.shift()));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `'{${value.join(',')}}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

const sqlite = connect({ kind: 'sqlite', file: ':memory:' });
await run('sqlite', sqlite);
await sqlite.close();
const url = testDatabaseUrl();
if (await postgresReachable(url)) {
  const schema = `mila_explain_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  const db = connect({ kind: 'postgres', url, searchPath: `${schema},public`, max: 4 });
  try {
    await run('postgres', { ...db, schema });
  } finally {
    await db.close();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  }
}
