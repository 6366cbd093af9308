import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe, ZSetupStatus } from '../../shared/schemas/accounts.js';
import { ZClient } from '../../shared/schemas/clients.js';
import type { Client } from '../../shared/schemas/clients.js';
import { createTestContext, noContent, type ApiClient, type TestContext, type TestResponse } from './test-app.js';

/** The test client is what every API test trusts to check the contract: it is checked here. */
describe('the contract-checking test client', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext('sqlite');
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('returns a 2xx body parsed and typed by the schema', async () => {
    const res = await ctx.client().get('/api/v1/setup', ZSetupStatus);
    expect(res.ok).toBe(true);
    expect(res.body).toMatchObject({ setupDone: false, authenticated: false });
  });

  it('fails when a 2xx answer breaks the contract, naming the request, the schema and the issues', async () => {
    await expect(ctx.client().get('/api/v1/setup', ZMe)).rejects.toThrow(
      /^Contract broken: GET \/api\/v1\/setup answered 200 with a body that is not Me:\n[\s\S]*→ at user\n[\s\S]*body: \{"setupDone":false/,
    );
  });

  it('reads a non-2xx answer as the shared ApiError, and refuses to read it as a success', async () => {
    const res = await ctx.client().post('/api/v1/clients', { name: 'x' }, ZClient);
    expect(res.status).toBe(401);
    expect(res.error.code).toBe('unauthenticated');
    expect(res.apiError).toEqual({ error: res.error });
    expect(() => res.body).toThrow(/^POST \/api\/v1\/clients answered 401, not 2xx: \{"error":/);
    const ok = await ctx.client().get('/api/v1/setup', ZSetupStatus);
    expect(() => ok.error).toThrow(/^GET \/api\/v1\/setup answered 200, not an error/);
  });

  it('fails when an error answer is not an ApiError', async () => {
    // The client's quote page answers a wrong link with an HTML page, not the API's error shape.
    const res = await ctx.client().get('/q/short', ZClient);
    expect(res.status).toBe(404);
    expect(() => res.error).toThrow(
      /^Contract broken: GET \/q\/short answered 404 with a body that is not an ApiError/,
    );
  });

  it('reads a 204 as noContent, and a body in it breaks the contract', async () => {
    const api = await ctx.owner();
    expect((await api.post('/api/v1/auth/logout', {}, noContent)).status).toBe(204);
    await expect(ctx.client().get('/api/v1/setup', noContent)).rejects.toThrow(
      /^Contract broken: GET \/api\/v1\/setup answered 200 with a body that is not NoContent/,
    );
  });
});

/** Type checks only (`tsc` proves them; never called): the casting forms are gone and cannot come back. */
function _noCastingForms(api: ApiClient, raw: TestResponse) {
  // @ts-expect-error a type argument instead of the response schema does not compile
  void api.get<Client>('/api/v1/clients/1');
  // @ts-expect-error nor does leaving the schema out
  void api.post('/api/v1/clients', { name: 'x' });
  // @ts-expect-error nor on delete
  void api.delete('/api/v1/clients/1');
  // @ts-expect-error a raw body is unknown: a test parses it with a schema before reading it
  void raw.body.items;
}
