import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createTestDb, testClock, testConfig, testDeps, type TestDb } from './testing/test-db.js';

/** Transport and headers over a real node:http server: what an in-process request cannot show. */

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; socket: unknown };

function send(
  port: number,
  agent: http.Agent,
  options: { method?: string; path: string; body?: Buffer | string; headers?: Record<string, string> },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, agent, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            socket: req.socket,
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('over a real HTTP server', () => {
  let db: TestDb;
  let server: ServerType;
  let port: number;
  let webDir: string;

  beforeEach(async () => {
    db = await createTestDb('sqlite');
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Mila</title><div id="root"></div>');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app-123.js'), 'console.log(1)');
    const app = createApp(testDeps(db, testClock(), testConfig({ webDir, trustProxy: 1 })));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.drop();
    fs.rmSync(webDir, { recursive: true });
  });

  it('keeps a keep-alive client usable after refusing a body with 413 (the refused connection closes cleanly)', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const big = Buffer.alloc(2 * 1024 * 1024, 'a');
    const refused = await send(port, agent, {
      method: 'POST',
      path: '/api/v1/clients',
      body: big,
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
    });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    // The unread rest of the body must not be taken for the next request: that socket ends here.
    expect(refused.headers.connection).toBe('close');
    for (let i = 0; i < 3; i++) {
      const next = await send(port, agent, { path: '/api/v1/health' });
      expect(next.status).toBe(200);
    }
    // A body sent without a length (chunked) that grows past the limit is refused the same way.
    const chunked = await send(port, agent, {
      method: 'POST',
      path: '/api/v1/clients',
      body: big,
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    expect(chunked.status).toBe(413);
    expect((await send(port, agent, { path: '/api/v1/health' })).status).toBe(200);
    agent.destroy();
  });

  it('answers a missing asset with 404 (not index.html cached for a year) and unknown API paths with JSON 404', async () => {
    const agent = new http.Agent();
    const missing = await send(port, agent, { path: '/assets/nope.js' });
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).not.toContain('immutable');
    expect(missing.body).not.toContain('<div id="root">');
    const asset = await send(port, agent, { path: '/assets/app-123.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const deep = await send(port, agent, { path: '/clients/anything' });
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('<div id="root">');
    for (const p of ['/api/v1/nothing-here', '/api/v2/clients', '/api/']) {
      const res = await send(port, agent, { path: p });
      expect([401, 404], p).toContain(res.status);
      expect(res.headers['content-type'], p).toContain('application/json');
    }
    agent.destroy();
  });

  it('sends HSTS only over https, no X-Frame-Options, and no referrer from the client’s pages', async () => {
    const agent = new http.Agent();
    const plain = await send(port, agent, { path: '/api/v1/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['x-frame-options']).toBeUndefined();
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const proxied = await send(port, agent, { path: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers['strict-transport-security']).toContain('max-age=');
    const portal = await send(port, agent, { path: '/q/not-a-real-token' });
    expect(portal.headers['referrer-policy']).toBe('no-referrer');
    agent.destroy();
  });

  it('turns off camera, microphone, geolocation and the like, and keeps what the app uses', async () => {
    const agent = new http.Agent();
    for (const p of ['/api/v1/health', '/clients/anything', '/q/not-a-real-token', '/assets/app-123.js']) {
      const policy = String((await send(port, agent, { path: p })).headers['permissions-policy'] ?? '');
      const directives = new Map(policy.split(',').map((d) => d.trim().split('=') as [string, string]));
      for (const feature of ['camera', 'microphone', 'geolocation', 'display-capture', 'payment', 'usb'])
        expect(directives.get(feature), `${p}: ${feature}`).toBe('()');
      // The copy buttons and the share sheet stay on for Mila's own pages.
      expect(directives.get('clipboard-write'), p).toBe('(self)');
      expect(directives.get('web-share'), p).toBe('(self)');
    }
    agent.destroy();
  });
});
