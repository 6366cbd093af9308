/**
 * The hosted shape of the bench (issue #14): `npm run bench -- --hosted` (or `npm run bench:hosted`).
 * PostgreSQL only, MILA_MODE=hosted (row-level security, every signed-in request on the app role),
 * BENCH_WORKSPACES small workspaces (default 1,000; BENCH_SMALL_SCALE of the heavy dataset each,
 * default 0.1 ≈ 22,000 rows) and one huge one (BENCH_HUGE_SCALE, default 10× the heavy freelancer),
 * BENCH_PROCESSES app processes (default 3) behind Debian's nginx (src/server/testing/nginx.ts).
 * Measures the main views (Today, client list, search, client page, quotes list, a write) over HTTP
 * through the proxy for the last small copy and for the huge workspace, at 1 and 20 connections, and
 * the small one's reads at 20 connections straight at one process (what one process serves); writes
 * bench/results/hosted-latest.{json,md}; exits 1 when a budget (report.ts) is missed.
 *
 * One small workspace and the huge one are seeded through the services (seed.ts); the other small
 * ones are SQL copies of the first (clone.ts). The seeded database is kept as a template under its
 * shape's name (`--reseed` seeds again) and each run works on a fresh copy of it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { connect } from '../../src/server/db/connect.js';
import { freePort, kill, startServer, type Server, type Store } from '../../src/server/testing/crash-drill.js';
import { setupInput } from '../../src/server/testing/factories.js';
import { nginxMissing, startNginx } from '../../src/server/testing/nginx.js';
import { postgresReachable, testDatabaseUrl } from '../../src/server/testing/postgres.js';
import { cloneId, clonePrefix, cloneWorkspace } from './clone.js';
import { measure, peakRssMb, signIn, type Endpoint } from './http-load.js';
import { evaluateHosted, hostedToMarkdown, type HostedLoad, type HostedReport } from './report.js';
import { allWorkspaces } from '../../src/server/modules/accounts/accounts.service.js';
import { openCommitments } from '../../src/server/modules/commitments/commitments.service.js';
import { scriptDeps, seedHeavy, sizesAt } from './seed.js';

const HUGE_OWNER = 'huge@noa-design.co.il';

type Shape = { workspaces: number; smallScale: number; hugeScale: number };
type Template = {
  name: string;
  shape: Shape;
  small: { workspaceId: string; clientId: string };
  huge: { workspaceId: string; clientId: string };
  seconds: { small: number; huge: number; clone: number };
  rowsCopied: number;
};

const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const urlOf = (name: string) => Object.assign(new URL(testDatabaseUrl()), { pathname: `/${name}` }).toString();

/** The seeded template for `shape`: kept from an earlier run, or seeded now (a minute for a smoke shape, hours in full). */
async function template(shape: Shape, reseed: boolean, say: (line: string) => void): Promise<Template> {
  const name = `mila_hosted_${shape.workspaces}_${shape.smallScale}_${shape.hugeScale}`.replace(/\./g, 'p');
  const dir = process.env.BENCH_PROFILE_DIR ?? path.join(os.tmpdir(), 'mila-hosted-bench');
  fs.mkdirSync(dir, { recursive: true });
  const metaFile = path.join(dir, `${name}.json`);
  const exists = await admin(
    async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
  );
  if (!reseed && exists && fs.existsSync(metaFile)) {
    say(`[hosted] template ${name} kept from an earlier run (--reseed seeds again)`);
    return JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Template;
  }
  // A kept template of the same workspaces but fewer copies is the start: only the copies it lacks are made.
  const smaller = (await admin((c) => c.query<{ datname: string }>('select datname from pg_database'))).rows
    .map((r) => r.datname)
    .map((datname) => ({ datname, n: Number(/^mila_hosted_(\d+)_(.+)$/.exec(datname)?.[1]) }))
    .filter(
      ({ datname, n }) =>
        n < shape.workspaces &&
        datname === name.replace(/^mila_hosted_\d+_/, `mila_hosted_${n}_`) &&
        fs.existsSync(path.join(dir, `${datname}.json`)),
    )
    .sort((a, b) => b.n - a.n)[0];
  await admin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(
      smaller && !reseed ? `create database ${name} template ${smaller.datname}` : `create database ${name}`,
    );
    await c.query(`alter database ${name} set synchronous_commit = off`);
  });
  const db = connect({ kind: 'postgres', url: urlOf(name), max: 4 });
  try {
    let small: { workspaceId: string; clientId: string; seconds: number };
    let huge: { workspaceId: string; clientId: string; seconds: number };
    let copied = 1;
    let before = { clone: 0, rowsCopied: 0 };
    if (smaller && !reseed) {
      const kept = JSON.parse(fs.readFileSync(path.join(dir, `${smaller.datname}.json`), 'utf8')) as Template;
      say(`[hosted] starting from ${smaller.datname} (${smaller.n} workspaces)`);
      small = { ...kept.small, seconds: kept.seconds.small };
      huge = { ...kept.huge, seconds: kept.seconds.huge };
      copied = smaller.n;
      before = { clone: kept.seconds.clone, rowsCopied: kept.rowsCopied };
    } else {
      say(
        `[hosted] seeding the small workspace (${shape.smallScale}×): ${JSON.stringify(sizesAt(shape.smallScale, {}))}`,
      );
      small = await seedHeavy(db, sizesAt(shape.smallScale, {}), { links: 1, log: say });
      say(`[hosted] seeding the huge workspace (${shape.hugeScale}×): ${JSON.stringify(sizesAt(shape.hugeScale, {}))}`);
      huge = await seedHeavy(db, sizesAt(shape.hugeScale, {}), { links: 1, log: say, ownerEmail: HUGE_OWNER });
    }
    say(`[hosted] copying the small workspace ${shape.workspaces - copied} times in SQL`);
    const t0 = performance.now();
    const written =
      shape.workspaces > copied
        ? await cloneWorkspace(db.kysely, small.workspaceId, {
            from: copied,
            to: shape.workspaces - 1,
            log: say,
            skipForeignKeyChecks: true,
          })
        : {};
    const cloneSeconds = before.clone + (performance.now() - t0) / 1000;
    await sql`vacuum analyze`.execute(db.kysely);
    const meta: Template = {
      name,
      shape,
      small: { workspaceId: small.workspaceId, clientId: small.clientId },
      huge: { workspaceId: huge.workspaceId, clientId: huge.clientId },
      seconds: { small: small.seconds, huge: huge.seconds, clone: cloneSeconds },
      rowsCopied: before.rowsCopied + Object.values(written).reduce((a, b) => a + b, 0),
    };
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    return meta;
  } finally {
    await db.close();
    await admin((c) => c.query(`alter database ${name} reset synchronous_commit`));
  }
}

function endpoints(url: string, clientId: string, session: { cookie: string; csrf: string }): Endpoint[] {
  const read = { cookie: session.cookie, 'accept-language': 'he' };
  const enc = encodeURIComponent;
  return [
    { view: 'Today', kind: 'list', path: '/api/v1/today', headers: read },
    { view: 'client list', kind: 'list', path: '/api/v1/clients?limit=50', headers: read },
    { view: 'search "כהן"', kind: 'list', path: `/api/v1/clients?q=${enc('כהן')}`, headers: read },
    { view: 'search "דנ"', kind: 'list', path: `/api/v1/clients?q=${enc('דנ')}`, headers: read },
    { view: 'client page', kind: 'record', path: `/api/v1/clients/${clientId}`, headers: read },
    { view: 'quotes list', kind: 'list', path: '/api/v1/quotes', headers: read },
    {
      view: 'create contact',
      kind: 'write',
      method: 'POST',
      headers: {
        cookie: session.cookie,
        origin: url,
        'content-type': 'application/json',
        'x-csrf-token': session.csrf,
      },
      path: '/api/v1/interactions',
      body: JSON.stringify({ clientId, channel: 'phone', direction: 'out', summary: 'שיחת בדיקה' }),
    },
  ];
}

/** Sizes of the database the servers ran on: on disk, and rows in the tenant tables (the planner's count). */
async function databaseSize(name: string): Promise<HostedReport['database']> {
  const client = new pg.Client({ connectionString: urlOf(name) });
  await client.connect();
  try {
    const size = await client.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
    const tables = await client.query<{ table: string; rows: string; bytes: string }>(
      `select c.relname as table, c.reltuples::bigint as rows, pg_total_relation_size(c.oid) as bytes
       from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
       order by pg_total_relation_size(c.oid) desc`,
    );
    return {
      bytes: Number(size.rows[0]!.bytes),
      rows: tables.rows.reduce((sum, t) => sum + Math.max(0, Number(t.rows)), 0),
      largest: tables.rows.slice(0, 8).map((t) => ({ table: t.table, rows: Number(t.rows), bytes: Number(t.bytes) })),
    };
  } finally {
    await client.end();
  }
}

/**
 * The scheduler works across workspaces (decision 004): each reminders tick reads every workspace's
 * open promises due within the hour, one query per workspace. Timed here once, in-process, with
 * the servers stopped: the floor of one tick's cost at this many workspaces.
 */
async function schedulerSweep(name: string): Promise<{ workspaces: number; ms: number }> {
  const db = connect({ kind: 'postgres', url: urlOf(name), max: 2 });
  try {
    const deps = scriptDeps(db);
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const t0 = performance.now();
    const workspaces = await allWorkspaces(deps);
    for (const w of workspaces) await openCommitments(deps, { workspaceId: w.id }, { dueBefore: soon, limit: 500 });
    return { workspaces: workspaces.length, ms: performance.now() - t0 };
  } finally {
    await db.close();
  }
}

export async function benchHosted(options: {
  seconds: number;
  reseed: boolean;
  commit: string;
  say: (line: string) => void;
}): Promise<number> {
  const { seconds, say } = options;
  const shape: Shape = {
    workspaces: Math.max(1, envNumber('BENCH_WORKSPACES', 1000)),
    smallScale: envNumber('BENCH_SMALL_SCALE', 0.1),
    hugeScale: envNumber('BENCH_HUGE_SCALE', 10),
  };
  const processes = Math.max(1, envNumber('BENCH_PROCESSES', 3));
  if (!(await postgresReachable(testDatabaseUrl()))) {
    say(`[hosted] SKIPPED: the hosted shape needs PostgreSQL, none at ${testDatabaseUrl()}`);
    return 0;
  }
  const missing = nginxMissing();
  if (missing) {
    say(`[hosted] SKIPPED: the hosted shape runs behind nginx: ${missing}`);
    return 0;
  }
  const report: HostedReport = {
    startedAt: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      loadAverage: os.loadavg(),
      node: process.version,
      commit: options.commit,
      platform: `${os.platform()} ${os.arch()}`,
    },
    settings: { seconds, processes, ...shape },
    sizes: { small: sizesAt(shape.smallScale, {}), huge: sizesAt(shape.hugeScale, {}) },
    seedSeconds: { small: 0, huge: 0, clone: 0 },
    rowsCopied: 0,
    database: { bytes: 0, rows: 0, largest: [] },
    load: [],
    rss: [],
    schedulerSweep: null,
    loadAverageAtEnd: [],
    misses: [],
  };
  say(
    `bench (hosted): ${report.machine.cores} cores, load ${report.machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
  );
  const seeded = await template(shape, options.reseed, say);
  Object.assign(report.seedSeconds, seeded.seconds);
  report.rowsCopied = seeded.rowsCopied;

  const work = `${seeded.name}_work`;
  say(`[hosted] copying the template to ${work}`);
  await admin(async (c) => {
    await c.query(`drop database if exists ${work} with (force)`);
    await c.query(`create database ${work} template ${seeded.name}`);
  });
  const store: Store = {
    env: { DATABASE_URL: urlOf(work) },
    pgUrl: urlOf(work),
    drop: () => admin(async (c) => void (await c.query(`drop database if exists ${work} with (force)`))),
  };
  const servers: Server[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  const stopAll = async () => {
    await nginx?.stop();
    await Promise.all(servers.map((s) => kill(s)));
    await store.drop();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    report.database = await databaseSize(work);
    const ports: number[] = [];
    while (ports.length < processes + 1) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    const proxyPort = ports.pop()!;
    const env = { MILA_MODE: 'hosted' };
    // The first runs the migrations and turns row-level security on; the others find them done.
    servers.push(await startServer(store, { port: ports[0]!, env }));
    servers.push(...(await Promise.all(ports.slice(1).map((port) => startServer(store, { port, env })))));
    nginx = await startNginx(proxyPort, ports);
    const proxy = nginx.url;
    const owner = setupInput().owner;
    const lastCopy = shape.workspaces - 1;
    const targets = [
      {
        target: 'small' as const,
        email: lastCopy > 0 ? `${clonePrefix(lastCopy)}${owner.email}` : owner.email,
        clientId: lastCopy > 0 ? cloneId(lastCopy, seeded.small.clientId) : seeded.small.clientId,
        scale: shape.smallScale,
      },
      { target: 'huge' as const, email: HUGE_OWNER, clientId: seeded.huge.clientId, scale: shape.hugeScale },
    ];
    const line = (r: HostedLoad) =>
      `  ${r.target.padEnd(22)} ${r.view.padEnd(16)} @${String(r.connections).padEnd(3)} p50 ${r.p50.toFixed(1).padStart(7)}  p95 ${r.p95
        .toFixed(1)
        .padStart(7)}  p99 ${r.p99.toFixed(1).padStart(7)} ms  ${Math.round(r.rps).toString().padStart(6)} req/s` +
      (r.errors + r.non2xx ? `  ${r.errors + r.non2xx} failed` : '');
    let direct: Endpoint[] = [];
    for (const t of targets) {
      const session = await signIn(proxy, { email: t.email, password: owner.password });
      const all = endpoints(proxy, t.clientId, session);
      if (t.target === 'small') direct = endpoints(`http://127.0.0.1:${ports[0]}`, t.clientId, session);
      const at = { dialect: 'postgres', scale: t.scale, seconds };
      // Warm-up: each read for a second through the proxy (every process's statement cache, the page cache).
      for (const e of all) if (e.kind !== 'write') await measure(proxy, e, { ...at, connections: 1, seconds: 1 });
      for (const n of [1, 20])
        for (const e of all) {
          const r = { ...(await measure(proxy, e, { ...at, connections: n })), target: t.target };
          report.load.push(r);
          say(line(r));
        }
    }
    // What one process serves: the small workspace's reads at 20 connections, straight at one process.
    const one = `http://127.0.0.1:${ports[0]}`;
    for (const e of direct.filter((d) => d.kind !== 'write')) {
      const r = {
        ...(await measure(one, e, { dialect: 'postgres', scale: shape.smallScale, seconds, connections: 20 })),
        target: 'one process, small' as const,
      };
      report.load.push(r);
      say(line(r));
    }
    for (const [i, s] of servers.entries()) {
      const peak = peakRssMb(s.child.pid!);
      if (peak !== null) report.rss.push({ process: i + 1, peakMb: peak });
    }
    await Promise.all(servers.map((s) => kill(s)));
    report.schedulerSweep = await schedulerSweep(work);
    say(
      `[hosted] scheduler sweep (the reminders job's read of every workspace's open promises): ` +
        `${report.schedulerSweep.workspaces} workspaces in ${Math.round(report.schedulerSweep.ms)} ms`,
    );
  } finally {
    await stopAll();
  }
  report.loadAverageAtEnd = os.loadavg();
  report.misses = evaluateHosted(report);
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/hosted-latest.json', `${JSON.stringify(report, null, 2)}\n`);
  const markdown = hostedToMarkdown(report);
  fs.writeFileSync('bench/results/hosted-latest.md', markdown);
  say(`\n${markdown}`);
  say('Written: bench/results/hosted-latest.json, bench/results/hosted-latest.md');
  return report.misses.length ? 1 : 0;
}
