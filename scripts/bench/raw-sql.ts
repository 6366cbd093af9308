/**
 * A list view's raw SQL time: the request is run once in-process (createApp on the same database)
 * with a plugin that records every statement the queries layer compiles; those statements are then
 * replayed as they are, one at a time, and the sum per round is the view's raw SQL time. The API
 * time over HTTP against it shows what routing, auth, validation, mapping and JSON add.
 */
import { CompiledQuery } from 'kysely';
import { createApp } from '../../src/server/app.js';
import type { Db } from '../../src/server/db/database.js';
import { isRead, recorder, type Statement } from './recorder.js';
import { percentile, type RawResult } from './report.js';
import { scriptDeps } from './seed.js';

export async function rawSqlTimes(
  db: Db,
  views: { view: string; path: string }[],
  options: { cookie: string; rounds: number; dialect: string; scale: number },
): Promise<RawResult[]> {
  const seen: Statement[] = [];
  const deps = scriptDeps(db);
  const app = createApp({ ...deps, db: { ...db, kysely: db.kysely.withPlugin(recorder(db, seen)) } });
  const results: RawResult[] = [];
  for (const { view, path } of views) {
    seen.length = 0;
    const res = await app.request(path, { headers: { cookie: options.cookie, 'accept-language': 'he' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${view}: in-process ${path} answered ${res.status}`);
    const statements = seen.filter(isRead).map((s) => CompiledQuery.raw(s.sql, [...s.parameters]));
    for (const q of statements) await db.kysely.executeQuery(q); // warm the statement cache
    const times: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const t0 = performance.now();
      for (const q of statements) await db.kysely.executeQuery(q);
      times.push(performance.now() - t0);
    }
    results.push({
      dialect: options.dialect,
      scale: options.scale,
      view,
      statements: statements.length,
      p50: percentile(times, 50),
    });
  }
  return results;
}
