import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe, ZSessionList, ZSessionsEnded } from '../../../shared/schemas/accounts.js';
import { createApp } from '../../app.js';
import { setupInput } from '../../testing/factories.js';
import { ApiClient, createTestContext, type TestContext } from '../../testing/test-app.js';
import { testConfig, testDeps, testDialects } from '../../testing/test-db.js';

/**
 * Sign-in safety: growing delays instead of a lock (per account and per address, in the database),
 * the owner told of failed attempts, sessions with an absolute lifetime that the owner can see and
 * end, and passwords checked against common and guessable ones.
 */
const OWNER = 'noa@noa-design.co.il';
const PASSWORD = 'correct horse battery';

describe.each(testDialects())('sign-in safety on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  /** A caller from its own address (X-Forwarded-For is trusted in this app). */
  function from(ip: string, app = trustingApp()) {
    const api = new ApiClient(app);
    const logIn = (email: string, password: string) =>
      api.post('/api/v1/auth/login', { email, password }, ZMe, { 'x-forwarded-for': ip });
    return { api, logIn };
  }
  let app: ReturnType<typeof createApp> | null = null;
  function trustingApp() {
    app ??= createApp(testDeps(ctx.db, ctx.clock, testConfig({ trustProxy: 1 })));
    return app;
  }
  afterEach(() => {
    app = null;
  });

  it.skipIf(skip)('slows a stranger down with growing delays but never locks the owner out', async () => {
    await ctx.owner();
    ctx.clock.advance(60_000);
    const stranger = from('203.0.113.9');
    // Three free failures, then each attempt must wait: 1 s, 2 s, 4 s… capped at 60 s for the account.
    for (let i = 0; i < 3; i++) expect((await stranger.logIn(OWNER, `guess ${i}`)).status).toBe(401);
    expect((await stranger.logIn(OWNER, 'guess 3')).status).toBe(429);
    ctx.clock.advance(1000);
    expect((await stranger.logIn(OWNER, 'guess 3')).status).toBe(401);
    const early = await stranger.logIn(OWNER, 'guess 4');
    expect(early.status).toBe(429);
    expect(early.error.code).toBe('too_many_attempts');
    expect(Number(early.headers.get('retry-after'))).toBe(2);
    expect(early.error.message).toContain('2');
    // A throttled attempt is not checked and not counted: even the right password waits.
    expect((await from('198.51.100.7').logIn(OWNER, PASSWORD)).status).toBe(429);

    // A stranger who keeps at it for hours (changing addresses) only ever makes the owner wait a minute.
    for (let i = 0; i < 40; i++) {
      ctx.clock.advance(61_000);
      const res = await from(`203.0.113.${i + 10}`).logIn(OWNER, `guess again ${i}`);
      expect(res.status).toBe(401);
    }
    const owner = from('198.51.100.7');
    const waiting = await owner.logIn(OWNER, PASSWORD);
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    ctx.clock.advance(60_000);
    const signedIn = await owner.logIn(OWNER, PASSWORD);
    expect(signedIn.status).toBe(200);
    // …and is told what happened while away.
    expect(signedIn.body.signInNotice).toEqual({
      failedAttempts: 44,
      lastFailedAt: expect.any(String) as string,
    });
    expect((await owner.api.get('/api/v1/me', ZMe)).body.signInNotice?.failedAttempts).toBe(44);

    // The count starts again after a sign-in: the next sign-in has nothing to tell.
    ctx.clock.advance(60_000);
    const next = await from('198.51.100.7').logIn(OWNER, PASSWORD);
    expect(next.status).toBe(200);
    expect(next.body.signInNotice).toBeNull();
  });

  it.skipIf(skip)('throttles an address that tries many accounts, and the delays hold in another process', async () => {
    await ctx.owner();
    const stranger = from('203.0.113.50');
    for (let i = 0; i < 10; i++) {
      ctx.clock.advance(61_000);
      expect((await stranger.logIn(`someone${i}@example.com`, 'guess guess')).status).toBe(401);
    }
    ctx.clock.advance(61_000);
    expect((await stranger.logIn('someone-else@example.com', 'guess guess')).status).toBe(401);
    // Another process over the same database sees the same failures.
    const otherProcess = from(
      '203.0.113.50',
      createApp(testDeps(ctx.db.reconnect(), ctx.clock, testConfig({ trustProxy: 1 }))),
    );
    const blocked = await otherProcess.logIn('yet-another@example.com', 'guess guess');
    expect(blocked.status).toBe(429);
    // The owner, from their own address, is not held by the stranger's address.
    expect((await from('198.51.100.7').logIn(OWNER, PASSWORD)).status).toBe(200);
  });

  it.skipIf(skip)('ends a session after its absolute lifetime even when used every day', async () => {
    const api = await ctx.owner();
    for (let day = 0; day < 89; day++) {
      ctx.clock.advance(86_400_000);
      expect((await api.get('/api/v1/me', ZMe)).status).toBe(200);
    }
    ctx.clock.advance(2 * 86_400_000);
    const res = await api.get('/api/v1/me', ZMe);
    expect(res.status).toBe(401);
  });

  it.skipIf(skip)('lists my sessions with this one marked, and signs out everywhere else', async () => {
    const here = await ctx.owner();
    const phone = ctx.client();
    await phone.post('/api/v1/auth/login', { email: OWNER, password: PASSWORD }, ZMe, {
      'user-agent': 'Mozilla/5.0 (iPhone)',
    });
    const list = await here.get('/api/v1/auth/sessions', ZSessionList);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s) => s.current)).toHaveLength(1);
    expect(list.body.items.find((s) => !s.current)?.userAgent).toBe('Mozilla/5.0 (iPhone)');

    const ended = await here.post('/api/v1/auth/sessions/end-others', {}, ZSessionsEnded);
    expect(ended.body).toEqual({ ended: 1 });
    expect((await phone.get('/api/v1/me', ZMe)).status).toBe(401);
    expect((await here.get('/api/v1/me', ZMe)).status).toBe(200);
    expect((await here.get('/api/v1/auth/sessions', ZSessionList)).body.items).toHaveLength(1);
  });

  it.skipIf(skip)(
    'changes the password only with the current one, refuses weak ones, and ends other sessions',
    async () => {
      const here = await ctx.owner();
      const laptop = ctx.client();
      await laptop.post('/api/v1/auth/login', { email: OWNER, password: PASSWORD }, ZMe);

      const wrong = await here.post(
        '/api/v1/auth/password',
        { currentPassword: 'not it at all', newPassword: 'a brand new sentence here' },
        ZSessionsEnded,
      );
      expect(wrong.status).toBe(422);
      expect(wrong.error.fields?.map((f) => [f.path, f.code])).toEqual([['currentPassword', 'wrong_password']]);

      for (const weak of ['123456789012', 'password1234', 'noanoa-design']) {
        const res = await here.post(
          '/api/v1/auth/password',
          { currentPassword: PASSWORD, newPassword: weak },
          ZSessionsEnded,
        );
        expect(res.status, weak).toBe(422);
        expect(res.error.fields?.[0]).toMatchObject({ path: 'newPassword', code: 'password_weak' });
        expect(res.error.fields?.[0]?.message).toContain('לניחוש');
      }
      const tooLong = await here.post(
        '/api/v1/auth/password',
        { currentPassword: PASSWORD, newPassword: 'ק'.repeat(129) },
        ZSessionsEnded,
      );
      expect(tooLong.error.fields?.[0]?.code).toBe('password_too_long');

      // 128 characters of a pasted passphrase are fine.
      const long = `${'Tall ships sail at dawn; '.repeat(6)}`.slice(0, 128);
      const changed = await here.post(
        '/api/v1/auth/password',
        { currentPassword: PASSWORD, newPassword: long },
        ZSessionsEnded,
      );
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ ended: 1 });
      expect((await laptop.get('/api/v1/me', ZMe)).status).toBe(401);
      expect((await here.get('/api/v1/me', ZMe)).status).toBe(200);
      const again = ctx.client();
      expect((await again.post('/api/v1/auth/login', { email: OWNER, password: long }, ZMe)).status).toBe(200);
    },
  );

  it.skipIf(skip)('refuses a common password at setup, in the owner’s language', async () => {
    const res = await ctx
      .client({ locale: 'en' })
      .post('/api/v1/setup', setupInput({ owner: { password: '123456789012' } }), ZMe);
    expect(res.status).toBe(422);
    expect(res.error.fields?.[0]).toMatchObject({ path: 'owner.password', code: 'password_weak' });
    expect(res.error.fields?.[0]?.message).toContain('easy to guess');
  });
});
