import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZApiError } from '../shared/errors.js';
import { checkSqliteFile } from './db/backup.js';
import { Api, kill, signUp, startServer, type Server, type Session } from './testing/crash-drill.js';
import { clientInput } from './testing/factories.js';
import Database from 'better-sqlite3';

/**
 * The disk-full drill: the real server process with its data directory on a small tmpfs (5 MB),
 * written to through the API until the disk is full. Writes then get 503 `storage_full` as JSON
 * (not a crash, not an HTML stack), reads and the process carry on; once the tmpfs is grown
 * (remounted bigger, as an operator freeing space would) writes succeed again, and with the
 * server stopped the file passes integrity_check and foreign_key_check and holds every write
 * that was acknowledged. Needs mount privilege (root); without it the drill says so and skips.
 */
const SIZE = '5m';

function tryMount(dir: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
}

describe('disk full on the data directory (real server, tmpfs)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-diskfull-'));
  let mountError: string | null = 'not tried';
  let server: Server | null = null;
  beforeAll(() => {
    mountError = tryMount(dir);
    if (mountError) console.log(`SKIPPED disk-full drill: cannot mount a tmpfs here (${mountError})`);
  });
  afterAll(async () => {
    if (server) await kill(server);
    if (!mountError) execFileSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers writes 503 storage_full, keeps serving reads, and loses no acknowledged write', async (ctx) => {
    if (mountError) ctx.skip();
    server = await startServer({ env: { MILA_DATA_DIR: dir, DATABASE_URL: '' }, drop: async () => {} });
    const { url } = server;
    const session: Session = await signUp(url);
    const api = new Api(url, session);
    const write = (name: string) =>
      api.postRaw('/api/v1/clients', clientInput({ name, notes: 'מ'.repeat(9_000) }), { 'accept-language': 'en' });
    const acknowledged: string[] = [];
    const refusals: { status: number; type: string; body: string }[] = [];
    // Two writers at once until ten writes in a row have been refused.
    let refusedInARow = 0;
    for (let i = 0; refusedInARow < 10 && i < 3_000; i += 2) {
      for (const res of await Promise.all([write(`לקוח ${i}`), write(`לקוח ${i + 1}`)])) {
        if (res.status === 201) {
          acknowledged.push(((await res.json()) as { id: string }).id);
          refusedInARow = 0;
        } else {
          refusals.push({ status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() });
          refusedInARow += 1;
        }
      }
    }
    expect(refusals.length, 'the disk never filled').toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(20);
    for (const refusal of refusals) {
      expect(refusal.status, refusal.body).toBe(503);
      expect(refusal.type).toContain('application/json');
      const body = ZApiError.parse(JSON.parse(refusal.body));
      expect(body.error.code).toBe('storage_full');
      expect(body.error.message).toContain('storage is full');
    }

    // Still serving: liveness, a read of the data, the process alive.
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    const list = await fetch(`${url}/api/v1/clients?limit=5`, { headers: { cookie: session.cookie } });
    expect(list.status).toBe(200);
    expect(server.child.exitCode).toBeNull();

    // Space again (the operator grows the volume): writes go through without a restart.
    execFileSync('mount', ['-o', 'remount,size=64m', dir]);
    const after = await write('אחרי שהתפנה מקום');
    expect(after.status, await after.clone().text()).toBe(201);
    acknowledged.push(((await after.json()) as { id: string }).id);

    // Stopped cleanly, the file is sound and holds every acknowledged write.
    server.child.kill('SIGTERM');
    await new Promise((r) => server!.child.once('exit', r));
    const file = path.join(dir, 'mila.db');
    expect(checkSqliteFile(file)).toEqual([]);
    const db = new Database(file, { readonly: true });
    const stored = new Set((db.prepare('select id from clients').all() as { id: string }[]).map((r) => r.id));
    db.close();
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 120_000);
});
