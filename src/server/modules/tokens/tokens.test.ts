import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZClient, ZClientList } from '../../../shared/schemas/clients.js';
import { ZApiToken, ZApiTokenCreated, ZApiTokenList } from '../../../shared/schemas/tokens.js';
import { sha256Hex } from '../../lib/crypto.js';
import { clientInput } from '../../testing/factories.js';
import { createTestContext, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

describe.each(testDialects())('personal API tokens on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  /** A request as an integration sends it: no cookie, no CSRF token, no Origin. */
  const bearer = (token: string, method = 'GET', path = '/api/v1/clients', body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'accept-language': 'en',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  it.skipIf(skip)('works on every API route without CSRF, is stored hashed, and notes its last use', async () => {
    const api = await ctx.owner();
    const created = await api.post('/api/v1/tokens', { name: 'Zapier' }, ZApiTokenCreated);
    expect(created.status).toBe(201);
    const { token, apiToken } = created.body;
    expect(token).toMatch(/^mila_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: 'Zapier', scope: 'write', lastUsedAt: null, revokedAt: null });
    expect(token.startsWith(apiToken.prefix)).toBe(true);

    // Hashed at rest: the token is nowhere in the table, its SHA-256 is.
    const { rows } = await sql<Record<string, unknown>>`select * from api_tokens`.execute(ctx.db.kysely);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.token_hash).toBe(sha256Hex(token));
    // Never listed again.
    const list = await api.get('/api/v1/tokens', ZApiTokenList);
    expect(JSON.stringify(list.raw)).not.toContain(token);

    ctx.clock.advance(5 * 60_000);
    const write = await bearer(token, 'POST', '/api/v1/clients', clientInput({ name: 'מתוך הטוקן' }));
    expect(write.status).toBe(201);
    expect(ZClient.parse(await write.json()).name).toBe('מתוך הטוקן');
    const read = await bearer(token);
    expect(read.status).toBe(200);
    expect(ZClientList.parse(await read.json()).items.map((c) => c.name)).toContain('מתוך הטוקן');
    const used = (await api.get('/api/v1/tokens', ZApiTokenList)).body.items[0]!;
    expect(used.lastUsedAt).toBe(ctx.clock.now().toISOString());
    // The export streams under a token too.
    expect((await bearer(token, 'GET', '/api/v1/exports/workspace.zip')).status).toBe(200);
  });

  it.skipIf(skip)('a read-only token may look but not change: 403 on anything but GET', async () => {
    const api = await ctx.owner();
    const { token, apiToken } = (await api.post('/api/v1/tokens', { name: 'BI', scope: 'read' }, ZApiTokenCreated))
      .body;
    expect(apiToken.scope).toBe('read');
    expect((await bearer(token)).status).toBe(200);
    const write = await bearer(token, 'POST', '/api/v1/clients', clientInput());
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await bearer(token, 'PATCH', '/api/v1/me', { name: 'x' })).status).toBe(403);
  });

  it.skipIf(skip)('stops working the moment it is revoked; a wrong or missing token is 401', async () => {
    const api = await ctx.owner();
    const { token, apiToken } = (await api.post('/api/v1/tokens', { name: 'old' }, ZApiTokenCreated)).body;
    expect((await bearer(token)).status).toBe(200);
    const revoked = await api.post(`/api/v1/tokens/${apiToken.id}/revoke`, {}, ZApiToken);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await bearer(token)).status).toBe(401);
    expect((await bearer(`${token.slice(0, -1)}x`)).status).toBe(401);
    expect((await bearer('not-a-token')).status).toBe(401);
    const none = await ctx.app.request('/api/v1/clients');
    expect(none.status).toBe(401);
    // A bad token beside a good cookie does not ride on the cookie.
    const both = await ctx.app.request('/api/v1/clients', {
      headers: { cookie: api.cookie!, authorization: 'Bearer mila_nope' },
    });
    expect(both.status).toBe(401);
  });

  it.skipIf(skip)('tokens are managed only from a session, and only my own', async () => {
    const api = await ctx.owner();
    const { token, apiToken } = (await api.post('/api/v1/tokens', { name: 'a' }, ZApiTokenCreated)).body;
    expect((await bearer(token, 'POST', '/api/v1/tokens', { name: 'b' })).status).toBe(403);
    expect((await bearer(token, 'GET', '/api/v1/tokens')).status).toBe(403);
    const { api: other } = await ctx.otherWorkspace();
    expect((await other.post(`/api/v1/tokens/${apiToken.id}/revoke`, {}, ZApiToken)).status).toBe(404);
    expect((await other.get('/api/v1/tokens', ZApiTokenList)).body.items).toEqual([]);
    // The other workspace's data is not reachable with my token, and mine answers for my workspace.
    const mine = await bearer(token, 'GET', '/api/v1/me');
    expect(mine.status).toBe(200);
    expect((await api.post('/api/v1/tokens', { name: '' }, ZApiTokenCreated)).status).toBe(422);
  });

  it.skipIf(skip)('a session still needs its CSRF token', async () => {
    const api = await ctx.owner();
    const res = await api.post('/api/v1/tokens', { name: 'x' }, ZApiTokenCreated, { 'x-csrf-token': 'wrong' });
    expect(res.status).toBe(403);
  });
});

describe('the API reference page', () => {
  it('is served from local files behind sign-in, under the app CSP', async () => {
    const ctx = await createTestContext('sqlite');
    try {
      const anonymous = await ctx.app.request('/api-docs');
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toBe('/login?redirect=%2Fapi-docs');
      const api = await ctx.owner();
      const res = await ctx.app.request('/api-docs', { headers: { cookie: api.cookie! } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('/api-docs/swagger-ui-bundle.js');
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/<script>(?!<)/);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      const bundle = await ctx.app.request('/api-docs/swagger-ui-bundle.js');
      expect(bundle.status).toBe(200);
      expect(bundle.headers.get('content-type')).toContain('javascript');
      expect((await ctx.app.request('/api-docs/init.js')).status).toBe(200);
      expect(await (await ctx.app.request('/api-docs/init.js')).text()).toContain('/api/v1/openapi.json');
      expect((await ctx.app.request('/api-docs/..%2Fpackage.json')).status).toBe(404);
      // The document it shows names the bearer scheme and the new routes.
      const doc = (await (await ctx.app.request('/api/v1/openapi.json')).json()) as {
        paths: Record<string, unknown>;
        components: { securitySchemes: Record<string, unknown> };
      };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/exports/workspace.zip', '/tokens']));
      expect(doc.components.securitySchemes).toHaveProperty('bearer');
    } finally {
      await ctx.close();
    }
  });
});
