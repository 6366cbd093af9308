import { afterEach, describe, expect, it } from 'vitest';
import { ZMe, ZSetupStatus } from '../../../shared/schemas/accounts.js';
import { ZClientList } from '../../../shared/schemas/clients.js';
import { setupInput } from '../../testing/factories.js';
import { createTestContext, noContent, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

/** The link in the newest e-mail, and its token (the part after `/<page>/`). */
function linkIn(ctx: TestContext, page: string): string {
  const text = ctx.smtp!.received.at(-1)!.text ?? '';
  const match = new RegExp(`/${page}/([\\w-]+)`).exec(text);
  if (!match) throw new Error(`no /${page}/ link in: ${text}`);
  return match[1]!;
}

describe.each(testDialects())('hosted sign-up and e-mailed links on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  afterEach(async () => {
    if (!skip) await ctx.close();
  });
  const hosted = () => createTestContext(dialect, { mail: true, config: { mode: 'hosted' } });

  it.skipIf(skip)('sign-up makes a workspace and a signed-in owner, whose address a link confirms once', async () => {
    ctx = await hosted();
    const api = ctx.client();
    expect((await api.get('/api/v1/setup', ZSetupStatus)).body).toEqual({
      setupDone: true,
      authenticated: false,
      csrfToken: null,
      mode: 'hosted',
      passwordResetByEmail: true,
    });
    const res = await api.post('/api/v1/signup', setupInput(), ZMe);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'owner', emailConfirmed: false });
    expect(ctx.smtp!.received.at(-1)!.subject).toBe('אימות כתובת האימייל במילה');
    const token = linkIn(ctx, 'confirm-email');

    // A second business signs up beside the first: each sees only its own.
    const second = ctx.client();
    const other = setupInput({ owner: { email: 'tamar@example.com' }, business: { name: 'תמר צילום' } });
    expect((await second.post('/api/v1/signup', other, ZMe)).body.workspace.name).toBe('תמר צילום');
    expect((await second.get('/api/v1/clients', ZClientList)).body.items).toEqual([]);

    expect((await ctx.client().post('/api/v1/auth/confirm-email', { token }, noContent)).status).toBe(204);
    expect((await api.get('/api/v1/me', ZMe)).body.user.emailConfirmed).toBe(true);
    const again = await ctx.client().request('POST', '/api/v1/auth/confirm-email', { token });
    expect(again.status).toBe(422);

    // First-run setup is not how a hosted service is joined.
    expect(
      (await ctx.client().request('POST', '/api/v1/setup', setupInput({ owner: { email: 'x@example.com' } }))).status,
    ).toBe(409);
  });

  it.skipIf(skip)('sign-up is refused on a self-hosted install, and limited per address when hosted', async () => {
    ctx = await createTestContext(dialect, { mail: true });
    expect((await ctx.client().request('POST', '/api/v1/signup', setupInput())).status).toBe(404);
    await ctx.close();

    ctx = await hosted();
    for (let i = 0; i < 5; i += 1) {
      const res = await ctx
        .client()
        .request('POST', '/api/v1/signup', setupInput({ owner: { email: `u${i}@example.com` } }));
      expect(res.status).toBe(201);
    }
    const sixth = await ctx
      .client()
      .request('POST', '/api/v1/signup', setupInput({ owner: { email: 'u6@example.com' } }));
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it.skipIf(skip)('a forgotten password is reset by an e-mailed link, once; every session ends', async () => {
    ctx = await createTestContext(dialect, { mail: true });
    const owner = await ctx.owner();
    const before = ctx.smtp!.received.length;
    const unknown = await ctx.client().request('POST', '/api/v1/auth/forgot-password', { email: 'nobody@example.com' });
    expect(unknown.status).toBe(202);
    expect(ctx.smtp!.received).toHaveLength(before);

    const known = await ctx.client().request('POST', '/api/v1/auth/forgot-password', { email: 'noa@noa-design.co.il' });
    expect(known.status).toBe(202);
    expect(ctx.smtp!.received).toHaveLength(before + 1);
    const token = linkIn(ctx, 'reset-password');

    const weak = await ctx
      .client()
      .request('POST', '/api/v1/auth/reset-password', { token, newPassword: '123456789012' });
    expect(weak.status).toBe(422);
    const reset = await ctx
      .client()
      .request('POST', '/api/v1/auth/reset-password', { token, newPassword: 'violet harbour compass 41' });
    expect(reset.status).toBe(204);
    expect((await owner.request('GET', '/api/v1/me')).status).toBe(401);
    const reused = await ctx
      .client()
      .request('POST', '/api/v1/auth/reset-password', { token, newPassword: 'another quiet meadow 77' });
    expect(reused.status).toBe(422);

    const oldPassword = await ctx
      .client()
      .request('POST', '/api/v1/auth/login', { email: 'noa@noa-design.co.il', password: 'correct horse battery' });
    expect(oldPassword.status).toBe(401);
    const signIn = await ctx
      .client()
      .post('/api/v1/auth/login', { email: 'noa@noa-design.co.il', password: 'violet harbour compass 41' }, ZMe);
    expect(signIn.status).toBe(200);
  });

  it.skipIf(skip)('a reset link expires after an hour, and only the newest one works', async () => {
    ctx = await createTestContext(dialect, { mail: true });
    await ctx.owner();
    const ask = () => ctx.client().request('POST', '/api/v1/auth/forgot-password', { email: 'noa@noa-design.co.il' });
    await ask();
    const first = linkIn(ctx, 'reset-password');
    await ask();
    const second = linkIn(ctx, 'reset-password');
    const resetWith = (token: string) =>
      ctx.client().request('POST', '/api/v1/auth/reset-password', { token, newPassword: 'violet harbour compass 41' });
    expect((await resetWith(first)).status).toBe(422);
    ctx.clock.advance(61 * 60_000);
    expect((await resetWith(second)).status).toBe(422);
  });
});
