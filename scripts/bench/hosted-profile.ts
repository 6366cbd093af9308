/**
 * `tsx scripts/bench/hosted-profile.ts mila_hosted_20_0p1_1 mila_hosted_200_0p1_1 [--copy 19] [--runs 30]`:
 * does the number of workspaces change what one workspace's views cost? The same copy (same rows,
 * same ids: clone.ts) in two kept hosted templates of different sizes, each view in-process
 * (createApp, hosted mode, row-level security on), one request at a time, the two databases taking
 * turns request by request so the machine's load falls on both alike. Works on fresh copies of the
 * templates (signing in writes a session).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../../src/server/app.js';
import { connect } from '../../src/server/db/connect.js';
import type { Db } from '../../src/server/db/database.js';
import { ensureRowLevelSecurity } from '../../src/server/db/row-level-security.js';
import { setupInput } from '../../src/server/testing/factories.js';
import { testDatabaseUrl } from '../../src/server/testing/postgres.js';
import { clonePrefix } from './clone.js';
import { percentile } from './report.js';
import { scriptDeps } from './seed.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { copy: { type: 'string', default: '19' }, runs: { type: 'string', default: '30' } },
});
const copy = Number(args.copy);
const runs = Number(args.runs);
const urlOf = (name: string) => Object.assign(new URL(testDatabaseUrl()), { pathname: `/${name}` }).toString();
const enc = encodeURIComponent;
const VIEWS = [
  ['Today', '/api/v1/today'],
  ['client list', '/api/v1/clients?limit=50'],
  ['search "כהן"', `/api/v1/clients?q=${enc('כהן')}`],
  ['search "דנ"', `/api/v1/clients?q=${enc('דנ')}`],
  ['quotes list', '/api/v1/quotes'],
] as const;

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  await client.query(text);
  await client.end();
}

type Side = { name: string; db: Db; request: (path: string) => Promise<number> };

async function open(template: string): Promise<Side> {
  const name = `${template}_profile`;
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name} template ${template}`);
  const db = connect({ kind: 'postgres', url: urlOf(name), max: 4 });
  await ensureRowLevelSecurity(db);
  const deps = scriptDeps(db);
  const app = createApp({ ...deps, config: { ...deps.config, mode: 'hosted' } });
  const owner = setupInput().owner;
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${clonePrefix(copy)}${owner.email}`, password: owner.password }),
  });
  if (!login.ok) throw new Error(`${template}: sign-in answered ${login.status}`);
  const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, 'accept-language': 'he' };
  return {
    name: template,
    db,
    request: async (path) => {
      const t0 = performance.now();
      const res = await app.request(path, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${template} ${path}: ${res.status}`);
      return performance.now() - t0;
    },
  };
}

if (positionals.length !== 2)
  throw new Error('two kept hosted templates, e.g. mila_hosted_20_0p1_1 mila_hosted_200_0p1_1');
const sides = [await open(positionals[0]!), await open(positionals[1]!)];
try {
  console.log(`copy ${copy} in ${sides.map((s) => s.name).join(' and ')}, ${runs} runs each, taking turns`);
  for (const [view, path] of VIEWS) {
    const times: number[][] = sides.map(() => []);
    for (let i = 0; i < 3; i++) for (const s of sides) await s.request(path);
    for (let i = 0; i < runs; i++) for (const [k, s] of sides.entries()) times[k]!.push(await s.request(path));
    console.log(
      `${view.padEnd(14)} ` +
        sides
          .map(
            (s, k) =>
              `${s.name}: p50 ${percentile(times[k]!, 50).toFixed(1)} ms, p95 ${percentile(times[k]!, 95).toFixed(1)} ms`,
          )
          .join('   '),
    );
  }
} finally {
  for (const s of sides) {
    await s.db.close();
    await admin(`drop database if exists ${s.name}_profile with (force)`);
  }
}
