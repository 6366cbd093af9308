/**
 * `npm run bench`: the benchmark as users feel it (issue #13). For each database (SQLite, and
 * PostgreSQL when one answers at TEST_DATABASE_URL) and each scale (1×, 3×, 10× the heavy dataset):
 * seed a fresh database in-process (seed.ts), start the real server on it (src/server/main.ts in its
 * own process), sign in, and load each endpoint over HTTP with autocannon; then replay each list
 * view's SQL in-process for its raw time. Adds a bare node:http ceiling, the server's peak RSS and
 * the web's initial JavaScript (size-limit), a 50,000-row client import and the streamed workspace
 * exports with the server's memory (issue #11); writes bench/results/latest.{json,md}; exits 1 when a
 * budget (report.ts) is missed.
 *
 *   npm run bench                          # every scale, both databases
 *   npm run bench -- --scale 1 --db sqlite --seconds 5
 *   npm run bench:quick                    # 1×, SQLite, 3 s per run: a smoke run
 *   npm run bench -- --hosted [--reseed]   # the hosted shape instead (hosted.ts): PostgreSQL, 1,000
 *                                          # workspaces, three processes behind nginx
 * Env: BENCH_SECONDS, BENCH_SCALES, BENCH_DBS, BENCH_WRITES (rows used up per accept / mark-kept run),
 * BENCH_CLIENTS=300 (every size in proportion) or BENCH_CONTACTS, BENCH_QUOTES … (seed.ts).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connect } from '../../src/server/db/connect.js';
import type { Db } from '../../src/server/db/database.js';
import { kill, openStore, type CrashDialect, type Store } from '../../src/server/testing/crash-drill.js';
import { commitmentInput, setupInput } from '../../src/server/testing/factories.js';
import { postgresReachable, testDatabaseUrl } from '../../src/server/testing/postgres.js';
import { benchExport, benchImport } from './data-in-out.js';
import { defaultWorkers } from '../../src/server/config.js';
import { benchHosted } from './hosted.js';
import { helloServer, measure, peakRssMb, signIn, startWithWorkers, type Endpoint } from './http-load.js';
import { rawSqlTimes } from './raw-sql.js';
import { evaluate, STRESS_VIEWS, toMarkdown, type BenchReport, type LoadResult } from './report.js';
import { seedHeavy, sizesAt, type Seeded } from './seed.js';
import { webSize } from './web-size.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    db: { type: 'string' },
    seconds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    hosted: { type: 'boolean', default: false },
    reseed: { type: 'boolean', default: false },
  },
});
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const scales = list(args.scale ?? process.env.BENCH_SCALES ?? (args.quick ? '1' : '1,3,10')).map(Number);
const dialects = list(
  args.db ?? process.env.BENCH_DBS ?? (args.quick ? 'sqlite' : 'sqlite,postgres'),
) as CrashDialect[];
const seconds = Number(args.seconds ?? process.env.BENCH_SECONDS ?? (args.quick ? 3 : 10));
const writes = Number(process.env.BENCH_WRITES ?? 200);
// The server as users start it: the default number of workers (MILA_WORKERS overrides, as for them).
const workers = Number(process.env.MILA_WORKERS || defaultWorkers());
const say = (line: string) => console.log(line);

// The hosted shape is a run of its own (issue #14): PostgreSQL, many workspaces, processes behind nginx.
if (args.hosted) process.exit(await benchHosted({ seconds, reseed: args.reseed, commit: gitCommit(), say }));

/** Every endpoint measured at 1× (the stress scales measure STRESS_VIEWS only). */
function endpoints(url: string, seeded: Seeded, session: { cookie: string; csrf: string }): Endpoint[] {
  const c = seeded.clientId;
  const json = {
    cookie: session.cookie,
    origin: url,
    'content-type': 'application/json',
    'x-csrf-token': session.csrf,
  };
  const read = { cookie: session.cookie, 'accept-language': 'he' };
  const enc = encodeURIComponent;
  const links = seeded.links.slice(1);
  const open = [...seeded.openPromises];
  const all: Endpoint[] = [
    { view: 'Today', kind: 'list', path: '/api/v1/today' },
    { view: 'client list', kind: 'list', path: '/api/v1/clients?limit=50' },
    { view: 'client list, recent, page 20', kind: 'list', path: '/api/v1/clients?sort=recent&limit=50&offset=950' },
    { view: 'search "כהן"', kind: 'list', path: `/api/v1/clients?q=${enc('כהן')}` },
    { view: 'search "דנ"', kind: 'list', path: `/api/v1/clients?q=${enc('דנ')}` },
    { view: 'filter status + tag', kind: 'list', path: `/api/v1/clients?status=active&tag=${enc('תל אביב')}` },
    { view: 'client page', kind: 'record', path: `/api/v1/clients/${c}` },
    { view: 'timeline', kind: 'list', path: `/api/v1/interactions?clientId=${c}&limit=50` },
    { view: 'quotes list', kind: 'list', path: '/api/v1/quotes' },
    { view: 'health list', kind: 'list', path: '/api/v1/insights/health?period=90&sort=score&limit=50' },
    { view: 'Insights overview', kind: 'list', path: '/api/v1/insights/overview?period=365' },
    { view: "quote's client page (HTML)", kind: 'record', path: seeded.links[0]!, distinctAddresses: true },
    {
      view: 'create contact',
      kind: 'write',
      method: 'POST',
      headers: json,
      path: '/api/v1/interactions',
      body: JSON.stringify({ clientId: c, channel: 'phone', direction: 'out', summary: 'שיחת בדיקה' }),
    },
    {
      view: 'create promise',
      kind: 'write',
      method: 'POST',
      headers: json,
      path: '/api/v1/commitments',
      body: JSON.stringify(commitmentInput(c, { dueDate: '2099-02-01' })),
    },
    {
      view: 'mark kept',
      kind: 'write',
      method: 'POST',
      headers: json,
      path: () => `/api/v1/commitments/${open.shift() ?? 'none-left'}/complete`,
      body: '{}',
      amount: Math.min(writes, Math.floor(seeded.openPromises.length / 2)),
    },
    {
      view: 'accept a quote',
      kind: 'write',
      method: 'POST',
      // The client's form post: no session, same origin.
      headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
      path: () => `${links.shift() ?? '/q/none-left'}/accept`,
      distinctAddresses: true,
      body: new URLSearchParams({ name: 'הלקוח', agree: 'yes' }).toString(),
      amount: Math.min(writes, Math.floor(links.length / 2)),
    },
  ];
  return all.map((e) => ({ headers: read, ...e }));
}

/** The seeding connection: SQLite on the server's file; PostgreSQL with synchronous_commit off meanwhile. */
async function seedStore(store: Store, dialect: CrashDialect, scale: number, report: BenchReport): Promise<Seeded> {
  const sizes = sizesAt(scale);
  const key = `${dialect} ${scale}×`;
  report.sizes[key] = sizes;
  say(`[${key}] seeding ${JSON.stringify(sizes)}`);
  const dbName = store.pgUrl ? new URL(store.pgUrl).pathname.slice(1) : '';
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    await client.query(text);
    await client.end();
  };
  if (dialect === 'postgres') await admin(`alter database ${dbName} set synchronous_commit = off`);
  const db = openDb(store);
  try {
    const seeded = await seedHeavy(db, sizes, { links: scale === 1 ? 2 * writes + 2 : 1, log: say });
    report.seedSeconds[key] = seeded.seconds;
    say(`[${key}] seeded in ${seeded.seconds.toFixed(1)} s`);
    return seeded;
  } finally {
    await db.close();
    if (dialect === 'postgres') await admin(`alter database ${dbName} reset synchronous_commit`);
  }
}

function openDb(store: Store): Db {
  return store.sqliteFile
    ? connect({ kind: 'sqlite', file: store.sqliteFile })
    : connect({ kind: 'postgres', url: store.pgUrl!, max: 4 });
}

/** Stores still open, dropped on Ctrl+C too (a temporary directory, a throw-away PostgreSQL database). */
const openStores = new Set<Store>();
process.once('SIGINT', () => {
  void Promise.allSettled([...openStores].map((s) => s.drop())).then(() => process.exit(130));
});

async function benchOne(dialect: CrashDialect, scale: number, report: BenchReport): Promise<void> {
  const store = await openStore(dialect, testDatabaseUrl());
  openStores.add(store);
  try {
    const seeded = await seedStore(store, dialect, scale, report);
    const server = await startWithWorkers(store, workers);
    let cookie: string;
    let all: Endpoint[];
    try {
      const session = await signIn(server.url, setupInput().owner);
      cookie = session.cookie;
      all = endpoints(server.url, seeded, session);
      // The exports stream: the whole heavy workspace from a fresh server (before the load runs raise
      // its peak), with the server's memory before and after.
      if (scale === 1)
        for (const file of ['workspace.zip', 'workspace.json'] as const) {
          const r = await benchExport(server.url, cookie, server.child.pid!, { dialect, scale }, file);
          (report.exports ??= []).push(r);
          say(
            `  ${dialect} ${scale}× export ${file}: ${(r.bytes / 1024 / 1024).toFixed(1)} MB in ${r.seconds.toFixed(1)} s, ` +
              `peak RSS ${r.peakRssBeforeMb?.toFixed(0)} → ${r.peakRssAfterMb?.toFixed(0)} MB`,
          );
        }
      const chosen = scale === 1 ? all : all.filter((e) => STRESS_VIEWS.includes(e.view));
      const connections = scale === 1 ? [1, 20] : [1];
      const at = { dialect, scale, seconds };
      // Warm-up: each read for a second (statement caches, JIT, the OS page cache).
      for (const e of chosen) if (!e.amount) await measure(server.url, e, { ...at, connections: 1, seconds: 1 });
      for (const n of connections)
        for (const e of chosen) {
          const r = await measure(server.url, e, { ...at, connections: n });
          report.load.push(r);
          say(line(r));
        }
      const peak = peakRssMb(server.child.pid!);
      if (peak !== null) report.rss.push({ dialect, scale, peakMb: peak });
    } finally {
      await kill(server);
    }
    // The raw SQL of each list view, with the server stopped so nothing else runs meanwhile.
    const db = openDb(store);
    try {
      const views = all.filter(
        (e) => e.kind === 'list' && typeof e.path === 'string' && (scale === 1 || STRESS_VIEWS.includes(e.view)),
      );
      report.raw.push(
        ...(await rawSqlTimes(
          db,
          views.map((e) => ({ view: e.view, path: e.path as string })),
          { cookie, rounds: 20, dialect, scale },
        )),
      );
    } finally {
      await db.close();
    }
  } finally {
    await store.drop();
    openStores.delete(store);
  }
}

const line = (r: LoadResult) =>
  `  ${r.dialect} ${r.scale}× ${r.view.padEnd(30)} @${String(r.connections).padEnd(3)} p50 ${r.p50.toFixed(1).padStart(7)}  p95 ${r.p95
    .toFixed(1)
    .padStart(7)}  p99 ${r.p99.toFixed(1).padStart(7)} ms  ${Math.round(r.rps).toString().padStart(6)} req/s` +
  (r.errors + r.non2xx ? `  ${r.errors + r.non2xx} failed` : '');

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const report: BenchReport = {
  startedAt: new Date().toISOString(),
  machine: {
    cores: os.cpus().length,
    loadAverage: os.loadavg(),
    node: process.version,
    commit: gitCommit(),
    platform: `${os.platform()} ${os.arch()}`,
  },
  settings: { seconds, scales, dialects: [], workers },
  sizes: {},
  seedSeconds: {},
  ceiling: [],
  load: [],
  raw: [],
  rss: [],
  web: { skipped: 'not measured' },
  misses: [],
};
say(
  `bench: ${report.machine.cores} cores, load ${report.machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}, ${workers} worker(s)`,
);

const hello = await helloServer();
try {
  for (const n of [1, 20]) {
    const r = await measure(
      hello.url,
      { view: 'node:http "hello" (ceiling)', kind: 'record', path: '/' },
      { dialect: '-', scale: 1, connections: n, seconds },
    );
    report.ceiling.push(r);
    say(line(r));
  }
} finally {
  await hello.stop();
}

for (const dialect of dialects) {
  if (dialect === 'postgres' && !(await postgresReachable(testDatabaseUrl()))) {
    say(`[postgres] SKIPPED: no server at ${testDatabaseUrl()}`);
    continue;
  }
  report.settings.dialects.push(dialect);
  for (const scale of scales) await benchOne(dialect, scale, report);
}

// Issue #11: 50,000 clients from one CSV (BENCH_IMPORT_ROWS), in-process on SQLite.
const imported = await benchImport(Number(process.env.BENCH_IMPORT_ROWS ?? 50_000));
report.imports = [imported];
say(
  `import ${imported.rows} rows: parse ${Math.round(imported.parseMs)} ms, preview ${Math.round(imported.previewMs)} ms, commit ${Math.round(imported.commitMs)} ms`,
);

report.web = webSize();
report.misses = evaluate(report);
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
const markdown = toMarkdown(report);
fs.writeFileSync('bench/results/latest.md', markdown);
say(`\n${markdown}`);
say('Written: bench/results/latest.json, bench/results/latest.md');
process.exit(report.misses.length ? 1 : 0);
