import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZClient } from '../shared/schemas/clients.js';
import { createApp } from './app.js';
import { createTestContext, ZOpenApiDocument, type TestContext } from './testing/test-app.js';
import { testConfig, testDeps } from './testing/test-db.js';

// Health is for probes, not part of the shared contract.
const ZHealth = z.object({ status: z.string(), database: z.string() });

describe('the HTTP surface', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext('sqlite');
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('answers health without a session', async () => {
    const res = await ctx.client().get('/api/v1/health', ZHealth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'sqlite' });
  });

  it('serves an OpenAPI 3.1 document generated from the shared schemas', async () => {
    const res = await ctx.client().get('/api/v1/openapi.json', ZOpenApiDocument);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/setup',
        '/auth/login',
        '/auth/logout',
        '/me',
        '/workspace',
        '/clients',
        '/clients/{id}',
        '/clients/{id}/restore',
        '/clients/tags',
      ]),
    );
    expect(Object.keys(res.body.paths['/clients/{id}']!).sort()).toEqual(['delete', 'get', 'patch']);
    expect(res.body.components.schemas.Client?.properties).toHaveProperty('effectiveServiceHours');
    expect(res.body.components.schemas.ApiError).toBeDefined();
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    await ctx.owner();
    const api = ctx.client();
    const res = await api.get('/api/v2/nothing', z.never());
    expect(res.status).toBe(404);
    expect(res.error.code).toBe('not_found');
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const api = await ctx.owner();
    const res = await api.post('/api/v1/clients', { name: 'x', notes: 'א'.repeat(600_000) }, ZClient);
    expect(res.status).toBe(413);
    expect(res.error.code).toBe('payload_too_large');
  });

  it('sends security headers', async () => {
    const res = await ctx.client().get('/api/v1/health', ZHealth);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the web app and falls back to index.html for client-side routes', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Mila</title><div id="root"></div>');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app-123.js'), 'console.log(1)');
    const app = createApp(testDeps(ctx.db, ctx.clock, testConfig({ webDir })));
    const deep = await app.request('/clients/0197a4c2-7b1e-7c3a-9f10-2a4b6c8d0e1f');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const asset = await app.request('/assets/app-123.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    fs.writeFileSync(path.join(webDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    fs.writeFileSync(path.join(webDir, 'manifest.webmanifest'), '{"name":"Mila"}');
    const worker = await app.request('/sw.js');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('content-type')).toContain('javascript');
    const manifest = await app.request('/manifest.webmanifest');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    fs.rmSync(webDir, { recursive: true });
  });
});
