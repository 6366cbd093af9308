import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../lib/logger.js';
import { createTestDb, testDeps, testDialects, type TestDb } from '../testing/test-db.js';
import { createLifecycle } from './ops.js';

/** A logger writing to memory: the lines as JSON objects. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe.each(testDialects())('operations endpoints and logs on $label', ({ dialect, skip }) => {
  let db: TestDb | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  async function setup() {
    db = await createTestDb(dialect);
    const { logger, lines } = capturedLogger();
    const lifecycle = createLifecycle();
    const app = createApp({ ...testDeps(db), logger }, { lifecycle });
    return { app, lines, lifecycle };
  }

  it.skipIf(skip)('health is live; ready is 200, then 503 with a reason once draining starts', async () => {
    const { app, lifecycle } = await setup();
    const health = await app.request('/api/v1/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await app.request('/api/v1/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    lifecycle.draining = true;
    const draining = await app.request('/api/v1/ready');
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ status: 'not_ready', reason: 'draining' });
    // Liveness does not change while draining: the process is still up.
    expect((await app.request('/api/v1/health')).status).toBe(200);
  });

  it.skipIf(skip)('ready is 503 when the database is gone', async () => {
    const { app } = await setup();
    await db!.close();
    const res = await app.request('/api/v1/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not_ready', reason: 'database_unreachable' });
    db = undefined;
  });

  it.skipIf(skip)('/metrics is off without a token; with one it needs it, and counts by route pattern', async () => {
    const { app: off } = await setup();
    expect((await off.request('/metrics')).status).toBe(404);
    const token = 'metrics-token-0123456789abcdef';
    const app = createApp({ ...testDeps(db!), config: { ...testDeps(db!).config, metricsToken: token } });
    await app.request('/api/v1/health');
    await app.request('/api/v1/clients/0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    const res = await app.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /mila_http_request_duration_seconds_count\{route="\/api\/v1\/health",method="GET",status_class="2xx"\} 1/,
    );
    expect(text).toMatch(/status_class="4xx"\} 1/);
    expect(text).not.toContain('0195a1b2');
    expect(text).toMatch(/mila_job_lag_seconds\{job="outbox"\} \d+/);
    expect(text).toContain('mila_process_resident_memory_bytes');
  });

  it.skipIf(skip)('keeps a sane X-Request-Id, replaces an insane one, makes one when none came', async () => {
    const { app, lines } = await setup();
    const kept = await app.request('/api/v1/me', { headers: { 'x-request-id': 'abc-123_DEF.456:7' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123_DEF.456:7');
    for (const insane of ['x'.repeat(200), 'a b c d e f g h', '<script>alert(1)</script>', 'short']) {
      const res = await app.request('/api/v1/me', { headers: { 'x-request-id': insane } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const made = await app.request('/api/v1/me');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const logged = lines.filter((l) => l.message === 'request').map((l) => l.requestId);
    expect(logged[0]).toBe('abc-123_DEF.456:7');
    expect(logged.at(-1)).toBe(made.headers.get('x-request-id'));
  });

  it.skipIf(skip)('one access-log line per request: route pattern, never the token, cookie or query', async () => {
    const { app, lines } = await setup();
    const token = 'Sup3rSecretClientToken0123456789';
    await app.request(`/q/${token}?t=${token}`, { headers: { cookie: `mila_session=${token}` } });
    await app.request('/api/v1/clients/0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-from-proxy-1' },
    });
    const access = lines.filter((l) => l.message === 'request');
    expect(access).toHaveLength(2);
    expect(access[0]).toMatchObject({ method: 'GET', route: '/q/:token', level: 'info' });
    expect(access[1]).toMatchObject({ method: 'GET', status: 401, requestId: 'req-from-proxy-1' });
    expect(typeof access[1]!.durationMs).toBe('number');
    const text = JSON.stringify(lines);
    expect(text).not.toContain(token);
    expect(text).not.toContain('0195a1b2');
    // Probes that succeed are not logged.
    await app.request('/api/v1/health');
    expect(lines.filter((l) => l.message === 'request')).toHaveLength(2);
  });

  it('redacts secrets a caller passes to the logger, and logs nothing when silent', () => {
    const { logger, lines } = capturedLogger();
    logger.error('boom', { password: 'hunter2', nested: { token: 'abc' }, error: new Error('why') });
    expect(lines[0]).toMatchObject({ level: 'error', message: 'boom', password: '[redacted]' });
    expect(JSON.stringify(lines)).not.toContain('hunter2');
    expect(JSON.stringify(lines)).not.toContain('"abc"');
    expect(lines[0]!.error).toMatchObject({ message: 'why' });
    expect(() => createLogger('silent').info('nothing')).not.toThrow();
  });
});
