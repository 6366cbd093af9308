/**
 * `tsx scripts/bench/workers.ts [--workers 1,2] [--seconds 10] [--rounds 2] [--connections 20]`: what
 * several worker processes (MILA_WORKERS, decision 019) buy on SQLite. The real server on a copy of
 * the bench's heavy dataset (the file views-profile.ts keeps: BENCH_PROFILE_DIR, default the system's
 * temporary directory; seeded here when there is none), loaded over HTTP with autocannon for Today
 * and the client list at 20 connections, once per worker count and round, the counts interleaved
 * (1, 2, 1, 2) so that a change in the machine's load falls on both. Prints p50 / p95 / req/s, the
 * peak RSS of all the server's processes together and the load average around each run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '../../src/server/db/connect.js';
import { kill, type Store } from '../../src/server/testing/crash-drill.js';
import { setupInput } from '../../src/server/testing/factories.js';
import { measure, peakRssMb, signIn, startWithWorkers, type Endpoint } from './http-load.js';
import { HEAVY, seedHeavy } from './seed.js';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '1,2' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '20' },
  },
});
const counts = args.workers.split(',').map(Number);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const dir = process.env.BENCH_PROFILE_DIR ?? path.join(os.tmpdir(), 'mila-views-profile');
fs.mkdirSync(dir, { recursive: true });
const seeded = path.join(dir, 'heavy.db');
if (!fs.existsSync(seeded)) {
  const db = connect({ kind: 'sqlite', file: seeded });
  console.log('seeding SQLite…');
  await seedHeavy(db, HEAVY, { links: 1, log: console.log });
  await db.close();
}

const VIEWS: Endpoint[] = [
  { view: 'Today', kind: 'list', path: '/api/v1/today' },
  { view: 'client list', kind: 'list', path: '/api/v1/clients?limit=50' },
];
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

type Row = { workers: number; round: number; view: string; p50: number; p95: number; rps: number; load: string };
const rows: Row[] = [];
const memory: { workers: number; round: number; peakMb: number | null }[] = [];
for (let round = 1; round <= Number(args.rounds); round++)
  for (const workers of counts) {
    const dataDir = fs.mkdtempSync(path.join(dir, 'workers-'));
    fs.copyFileSync(seeded, path.join(dataDir, 'mila.db'));
    const store: Store = {
      env: { MILA_DATA_DIR: dataDir, DATABASE_URL: '' },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
    const server = await startWithWorkers(store, workers);
    try {
      const session = await signIn(server.url, setupInput().owner);
      const headers = { cookie: session.cookie, 'accept-language': 'he' };
      const at = { dialect: 'sqlite', scale: 1 };
      // Warm-up, on as many connections as the run, so that every worker has its statements and page cache.
      for (const e of VIEWS) await measure(server.url, { ...e, headers }, { ...at, connections, seconds: 2 });
      for (const e of VIEWS) {
        const before = load();
        const r = await measure(server.url, { ...e, headers }, { ...at, connections, seconds });
        if (r.errors + r.non2xx) throw new Error(`${e.view}: ${r.errors + r.non2xx} failed requests`);
        const row = { workers, round, view: e.view, p50: r.p50, p95: r.p95, rps: r.rps, load: `${before} → ${load()}` };
        rows.push(row);
        console.log(
          `${workers} worker(s), round ${round}, ${e.view.padEnd(12)} @${connections}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${Math.round(r.rps)} req/s (load ${row.load})`,
        );
      }
      const peakMb = peakRssMb(server.child.pid!);
      memory.push({ workers, round, peakMb });
      console.log(`${workers} worker(s), round ${round}: peak RSS of all processes ${peakMb?.toFixed(0)} MB`);
    } finally {
      await kill(server);
      await store.drop();
    }
  }

console.log(`\n| workers | view | p50 ms | p95 ms | req/s | load average (1/5/15 min) before → after |`);
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.workers} (round ${r.round}) | ${r.view} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${Math.round(r.rps)} | ${r.load} |`,
  );
console.log(`\n| workers | peak RSS, all processes (MB) |\n|---|---|`);
for (const m of memory) console.log(`| ${m.workers} (round ${m.round}) | ${m.peakMb?.toFixed(0) ?? '–'} |`);
