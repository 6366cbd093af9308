/**
 * `tsx scripts/bench/views-profile.ts [--db sqlite|postgres] [--explain] [--runs 20]`: the list views
 * the bench measures (Today, the health list, the Insights overview), in-process, one request at a
 * time, on the bench's heavy dataset (seed.ts): for each view its time (p50 / p95), the statements
 * it runs, and each distinct statement with its replayed time and, with --explain, its query plan
 * (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL).
 *
 * Seeding takes a minute or two, so the seeded database is kept (BENCH_PROFILE_DIR, default the
 * system's temporary directory: a SQLite file, or a PostgreSQL database used as a template) and
 * each run works on a fresh copy of it, migrated to the latest migration first (which also times
 * the migrations a branch adds, on the heavy data). `--reseed` seeds again. BENCH_PROFILE_NAME (default
 * `profile`) names the PostgreSQL databases (`mila_<name>_seeded`, `mila_<name>_work`), so two sessions
 * on one server do not drop each other's copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CompiledQuery,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
} from 'kysely';
import pg from 'pg';
import { createApp } from '../../src/server/app.js';
import { connect } from '../../src/server/db/connect.js';
import type { Db } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { setupInput } from '../../src/server/testing/factories.js';
import { postgresReachable, testDatabaseUrl } from '../../src/server/testing/postgres.js';
import { percentile } from './report.js';
import { HEAVY, scriptDeps, seedHeavy } from './seed.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    explain: { type: 'boolean', default: false },
    reseed: { type: 'boolean', default: false },
    runs: { type: 'string', default: '20' },
    only: { type: 'string' },
  },
});
const runs = Number(args.runs);
const dir = process.env.BENCH_PROFILE_DIR ?? path.join(os.tmpdir(), 'mila-views-profile');
const pgName = process.env.BENCH_PROFILE_NAME ?? 'profile';
const seededDb = `mila_${pgName}_seeded`;
const workDb = `mila_${pgName}_work`;
fs.mkdirSync(dir, { recursive: true });

const VIEWS = [
  { view: 'Today', path: '/api/v1/today' },
  { view: 'health list', path: '/api/v1/insights/health?period=90&sort=score&limit=50' },
  { view: 'Insights overview', path: '/api/v1/insights/overview?period=365' },
].filter((v) => !args.only || args.only.split(',').includes(v.view));

type Statement = { sql: string; parameters: readonly unknown[] };

/**
 * Records each statement as it runs: transformQuery also sees every subquery (a union inside a
 * grouped select is built apart), so a statement is kept only when its result comes back.
 */
function recorder(db: Db, seen: Statement[]): KyselyPlugin {
  const compiled = new WeakMap<QueryId, Statement>();
  return {
    transformQuery: ({ node, queryId }: PluginTransformQueryArgs) => {
      const query = db.kysely.getExecutor().compileQuery(node, queryId);
      compiled.set(queryId, { sql: query.sql, parameters: query.parameters });
      return node;
    },
    transformResult: async ({ result, queryId }: PluginTransformResultArgs) => {
      const statement = compiled.get(queryId);
      if (statement) seen.push(statement);
      return result;
    },
  };
}

/** A fresh copy of the seeded database (seeding it first when there is none). */
async function openCopy(dialect: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const seeded = path.join(dir, 'heavy.db');
    if (args.reseed || !fs.existsSync(seeded)) {
      for (const f of [seeded, `${seeded}-wal`, `${seeded}-shm`]) fs.rmSync(f, { force: true });
      const db = connect({ kind: 'sqlite', file: seeded });
      console.log('seeding SQLite…');
      await seedHeavy(db, HEAVY, { links: 1, log: console.log });
      await db.close();
    }
    const copy = path.join(dir, 'work.db');
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(seeded, copy);
    return { db: connect({ kind: 'sqlite', file: copy }), drop: async () => fs.rmSync(copy, { force: true }) };
  }
  const url = testDatabaseUrl();
  if (!(await postgresReachable(url))) throw new Error(`no PostgreSQL at ${url}`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const at = (name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const exists = async (name: string) =>
    (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (args.reseed || !(await exists(seededDb))) {
    await admin.query(`drop database if exists ${seededDb} with (force)`);
    await admin.query(`create database ${seededDb}`);
    await admin.query(`alter database ${seededDb} set synchronous_commit = off`);
    const db = connect({ kind: 'postgres', url: at(seededDb), max: 4 });
    console.log('seeding PostgreSQL…');
    await seedHeavy(db, HEAVY, { links: 1, log: console.log });
    await db.close();
    await admin.query(`alter database ${seededDb} reset synchronous_commit`);
  }
  await admin.query(`drop database if exists ${workDb} with (force)`);
  await admin.query(`create database ${workDb} template ${seededDb}`);
  await admin.end();
  return {
    db: connect({ kind: 'postgres', url: at(workDb) }),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${workDb} with (force)`);
      await client.end();
    },
  };
}

function inline(db: Db, query: Statement): string {
  const parameters = [...query.parameters];
  const literal = (value: unknown): string => {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return `'{${value.join(',')}}'`;
    return `'${String(value).replace(/'/g, "''")}'`;
  };
  return db.dialect === 'postgres'
    ? query.sql.replace(/\$(\d+)/g, (_, n: string) => literal(query.parameters[Number(n) - 1]))
    : query.sql.replace(/\?/g, () => literal(parameters.shift()));
}

const { db, drop } = await openCopy(args.db!);
try {
  let t0 = performance.now();
  await migrateToLatest(db);
  console.log(`migrated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (db.dialect === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
  const seen: Statement[] = [];
  const deps = scriptDeps(db);
  const app = createApp({ ...deps, db: { ...db, kysely: db.kysely.withPlugin(recorder(db, seen)) } });
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/json' },
    body: JSON.stringify(setupInput().owner),
  });
  if (!login.ok) throw new Error(`sign-in answered ${login.status}`);
  const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, 'accept-language': 'he' };
  for (const { view, path: url } of VIEWS) {
    const request = async () => {
      const res = await app.request(url, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${view}: ${res.status}`);
    };
    for (let i = 0; i < 3; i++) await request();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      t0 = performance.now();
      await request();
      times.push(performance.now() - t0);
    }
    seen.length = 0;
    await request();
    const statements = [...seen];
    console.log(
      `\n===== [${db.dialect}] ${view}: min ${Math.min(...times).toFixed(1)} ms, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ${statements.length} statements =====`,
    );
    const distinct = [...new Map(statements.map((s) => [inline(db, s), s])).entries()];
    // Each statement's fastest of five runs: on a shared machine the minimum is the least noisy figure.
    const timed: { ms: number; text: string; statement: Statement; count: number }[] = [];
    for (const [text, statement] of distinct) {
      const query = CompiledQuery.raw(statement.sql, [...statement.parameters]);
      await db.kysely.executeQuery(query);
      let ms = Infinity;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await db.kysely.executeQuery(query);
        ms = Math.min(ms, performance.now() - t);
      }
      const count = statements.filter((s) => inline(db, s) === text).length;
      timed.push({ ms, text, statement, count });
    }
    const total = timed.reduce((sum, t) => sum + t.ms * t.count, 0);
    console.log(`statements replayed one at a time, each its fastest of 5: ${total.toFixed(1)} ms`);
    for (const t of timed.sort((a, b) => b.ms - a.ms)) {
      console.log(
        `-- [${t.ms.toFixed(2)} ms${t.count > 1 ? ` ×${t.count}` : ''}] ${t.statement.sql.replace(/\s+/g, ' ').slice(0, 260)}`,
      );
      if (!args.explain || t.ms < 0.5 || !/^\s*(select|with)\b/i.test(t.statement.sql)) continue;
      const plan = await sql
        .raw(db.dialect === 'postgres' ? `explain analyze ${t.text}` : `explain query plan ${t.text}`)
        .execute(db.kysely);
      for (const row of plan.rows as Record<string, unknown>[])
        console.log(`     ${String(row.detail ?? row['QUERY PLAN'])}`);
    }
  }
} finally {
  await db.close();
  await drop();
}
