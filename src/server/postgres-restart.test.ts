import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ZApiError } from '../shared/errors.js';
import { Api, kill, signUp, startServer, type Server } from './testing/crash-drill.js';
import { clientInput } from './testing/factories.js';
import { privatePostgresMissing, startPrivatePostgres, type PrivatePostgres } from './testing/private-postgres.js';

/**
 * PostgreSQL restarted under load: the real server against a private cluster, four concurrent
 * writers, and `pg_ctl restart -m fast` in the middle. Requests during the outage get a 503
 * (`unavailable`, JSON, Retry-After), the server process never dies, it reconnects by itself and
 * takes writes again, and every write it acknowledged (a 201 in the client-side log) is a row.
 */
const missing = privatePostgresMissing();
if (missing) console.log(`SKIPPED PostgreSQL restart drill: ${missing}`);

describe.skipIf(missing !== null)('PostgreSQL restarted under load (real server, private cluster)', () => {
  let cluster: PrivatePostgres | null = null;
  let server: Server | null = null;
  afterAll(async () => {
    if (server) await kill(server);
    cluster?.destroy();
  });

  it('answers 503 during the outage, reconnects by itself, and loses no acknowledged write', async () => {
    cluster = await startPrivatePostgres();
    server = await startServer({ env: { DATABASE_URL: cluster.url }, drop: async () => {} });
    const { url } = server;
    const session = await signUp(url);
    const api = new Api(url, session);
    const write = (name: string) => api.postRaw('/api/v1/clients', clientInput({ name }), { 'accept-language': 'en' });

    const acknowledged: string[] = [];
    const refused: { status: number; body: string; retryAfter: string | null }[] = [];
    const lostConnections: string[] = [];
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const res = await write(`לקוח ${n++}`).catch((error: unknown) => error as Error);
        if (res instanceof Error) {
          // The server itself did not answer: it must never happen (checked below).
          lostConnections.push(String(res.cause ?? res));
          await new Promise((r) => setTimeout(r, 100));
        } else if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        else {
          refused.push({ status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after') });
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    await new Promise((r) => setTimeout(r, 1_000));
    const beforeRestart = acknowledged.length;
    await cluster.restart();
    // Writes go through again without restarting the server.
    const back = acknowledged.length;
    const deadline = Date.now() + 20_000;
    while (acknowledged.length < back + 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    stop = true;
    await Promise.all(writers);

    console.log(`PostgreSQL restart drill: ${acknowledged.length} writes acknowledged, ${refused.length} answered 503`);
    expect(lostConnections, server.output().slice(-4000)).toEqual([]);
    expect(beforeRestart, 'no writes before the restart').toBeGreaterThan(0);
    expect(acknowledged.length, `no writes after the restart:\n${server.output().slice(-3000)}`).toBeGreaterThanOrEqual(
      back + 20,
    );
    expect(refused.length, 'the restart was not noticed by any request').toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.status, r.body).toBe(503);
      expect(ZApiError.parse(JSON.parse(r.body)).error.code).toBe('unavailable');
      expect(r.retryAfter).toBe('5');
    }
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toContain('unhandled error');

    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    const rows = await db.query<{ id: string }>('select id from clients');
    await db.end();
    const stored = new Set(rows.rows.map((r) => r.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 90_000);
});
