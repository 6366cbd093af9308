import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZBusinessProfile, ZMe, ZSetupStatus } from '../../../shared/schemas/accounts.js';
import { ZClient } from '../../../shared/schemas/clients.js';
import { createApp } from '../../app.js';
import { setupInput } from '../../testing/factories.js';
import { purgeExpired } from './accounts.service.js';
import { ApiClient, createTestContext, type TestContext, noContent } from '../../testing/test-app.js';
import { testDialects, testDeps } from '../../testing/test-db.js';

/** Signs in through the API: the caller keeps the session cookie when it works. */
const logIn = (api: ApiClient, email: string, password: string, headers?: Record<string, string>) =>
  api.post('/api/v1/auth/login', { email, password }, ZMe, headers);

describe.each(testDialects())('accounts on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('runs first-run setup once, signs the owner in, and refuses a second setup', async () => {
    const api = ctx.client();
    expect((await api.get('/api/v1/setup', ZSetupStatus)).body).toEqual({
      setupDone: false,
      authenticated: false,
      csrfToken: null,
      mode: 'self_hosted',
      passwordResetByEmail: false,
    });

    const res = await api.post('/api/v1/setup', setupInput(), ZMe);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      name: 'נועה כהן',
      email: 'noa@noa-design.co.il',
      role: 'owner',
      addressForm: 'feminine',
      locale: 'he',
    });
    expect(res.body.workspace).toMatchObject({
      name: 'סטודיו נועה לעיצוב',
      dealerType: 'licensed',
      vatRateBasisPoints: 1800,
      currency: 'ILS',
      timeZone: 'Asia/Jerusalem',
      phone: '+972525551234',
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mila_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const status = (await api.get('/api/v1/setup', ZSetupStatus)).body;
    expect(status).toMatchObject({ setupDone: true, authenticated: true });
    // The session's CSRF token, for pages that never load Me.
    expect(status.csrfToken).toBe((await api.get('/api/v1/me', ZMe)).body.csrfToken);
    expect((await api.get('/api/v1/me', ZMe)).body.user.email).toBe('noa@noa-design.co.il');
    // No SMTP in this context: the app can tell the user before they try to e-mail anyone.
    expect((await api.get('/api/v1/me', ZMe)).body.capabilities.email).toBe(false);

    const again = await ctx.client().post('/api/v1/setup', setupInput({ owner: { email: 'other@example.com' } }), ZMe);
    expect(again.status).toBe(409);
    expect(again.error.code).toBe('setup_done');
  });

  it.skipIf(skip)('stores the password as argon2id, never in clear', async () => {
    await ctx.owner();
    const row = await ctx.db.kysely.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain('correct horse');
  });

  it.skipIf(skip)('rejects bad setup input field by field, in the caller’s language, and stores nothing', async () => {
    const bad = setupInput({
      owner: { email: 'not-an-email', password: 'short' },
      business: { name: ' ', businessNumber: '123456789', preferredChannels: [] },
    });
    const he = await ctx.client({ locale: 'he' }).post('/api/v1/setup', bad, ZMe);
    expect(he.status).toBe(422);
    const byPath = Object.fromEntries(he.error.fields!.map((f) => [f.path, f]));
    expect(byPath['owner.email']).toMatchObject({ code: 'invalid_email', message: 'כתובת אימייל לא תקינה' });
    expect(byPath['owner.password']).toMatchObject({ code: 'password_too_short' });
    expect(byPath['business.name']).toMatchObject({ code: 'required', message: 'שדה חובה' });
    expect(byPath['business.businessNumber']).toMatchObject({ code: 'invalid_id_number' });
    expect(byPath['business.preferredChannels']).toMatchObject({ code: 'choose_one' });

    const en = await ctx.client({ locale: 'en-US,en;q=0.9' }).post('/api/v1/setup', bad, ZMe);
    expect(en.error.message).toBe('Some fields need fixing.');
    expect(en.error.fields!.find((f) => f.path === 'owner.email')?.message).toBe('Not a valid email address');

    const count = await ctx.db.kysely
      .selectFrom('workspaces')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it.skipIf(skip)('answers malformed JSON and wrong types with 4xx, never 500', async () => {
    const api = ctx.client();
    const malformed = await api.post('/api/v1/setup', '{"owner":', ZMe, { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.error.code).toBe('validation_failed');
    const wrongType = await api.post('/api/v1/setup', { owner: 5, business: 'x' }, ZMe);
    expect(wrongType.status).toBe(422);
    expect(wrongType.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['owner', 'business']));
  });

  it.skipIf(skip)(
    'lets the owner use another interface language than the business, and says an empty email is required',
    async () => {
      const res = await ctx.client().post('/api/v1/setup', setupInput({ owner: { locale: 'en' } }), ZMe);
      expect(res.status).toBe(201);
      expect(res.body.user.locale).toBe('en');
      expect(res.body.workspace.locale).toBe('he');
      const empty = await logIn(ctx.client(), '', 'x');
      expect(empty.error.fields?.[0]).toMatchObject({ path: 'email', code: 'required' });
    },
  );

  it.skipIf(skip)('sets VAT to zero for an exempt dealer (עוסק פטור)', async () => {
    const api = ctx.client();
    const res = await api.post(
      '/api/v1/setup',
      setupInput({ business: { dealerType: 'exempt', vatRateBasisPoints: 1800 } }),
      ZMe,
    );
    expect(res.body.workspace.vatRateBasisPoints).toBe(0);
  });

  it.skipIf(skip)('signs in and out; a wrong password or unknown email gets the same 401', async () => {
    await ctx.owner();
    const api = ctx.client();
    const wrong = await logIn(api, 'noa@noa-design.co.il', 'wrong password!');
    expect(wrong.status).toBe(401);
    expect(wrong.error.code).toBe('invalid_credentials');
    const unknown = await logIn(api, 'nobody@example.com', 'wrong password!');
    expect(unknown.status).toBe(401);
    expect(unknown.error.message).toBe(wrong.error.message);

    const ok = await logIn(api, 'NOA@noa-design.co.il', 'correct horse battery');
    expect(ok.status).toBe(200);
    expect((await api.get('/api/v1/me', ZMe)).status).toBe(200);

    const out = await api.post('/api/v1/auth/logout', {}, noContent);
    expect(out.status).toBe(204);
    expect((await api.get('/api/v1/me', ZMe)).status).toBe(401);
  });

  it.skipIf(skip)('keeps sessions across a server restart and expires them after the configured days', async () => {
    const api = await ctx.owner();
    // A new app over the same database is what a restart looks like.
    const restarted = new ApiClient(createApp(testDeps(ctx.db, ctx.clock)));
    restarted.cookie = api.cookie;
    expect((await restarted.get('/api/v1/me', ZMe)).status).toBe(200);

    ctx.clock.advance(31 * 86_400_000);
    const expired = await restarted.get('/api/v1/me', ZMe);
    expect(expired.status).toBe(401);
    expect(expired.error.code).toBe('unauthenticated');
  });

  it.skipIf(skip)('refuses state changes without the CSRF token or from another origin', async () => {
    const api = await ctx.owner();
    const noToken = await api.patch('/api/v1/me', { locale: 'en' }, ZMe, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.error.code).toBe('csrf_failed');
    const crossSite = await api.patch('/api/v1/me', { locale: 'en' }, ZMe, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const fetchSite = await logIn(ctx.client(), 'a@b.co', 'x', { 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.status).toBe(403);
    // `Origin: null` (what a browser sends from a no-referrer page) passes only when the browser
    // vouches the post is same-origin; alone, or from a cross-site context, it is refused.
    const nullAlone = await api.patch('/api/v1/me', { locale: 'en' }, ZMe, { origin: 'null' });
    expect(nullAlone.status).toBe(403);
    const nullCrossSite = await api.patch('/api/v1/me', { locale: 'en' }, ZMe, {
      origin: 'null',
      'sec-fetch-site': 'cross-site',
    });
    expect(nullCrossSite.status).toBe(403);
    const me = await api.get('/api/v1/me', ZMe);
    expect(me.body.user.locale).toBe('he');
    const nullSameOrigin = await api.patch('/api/v1/me', { locale: 'en' }, ZMe, {
      origin: 'null',
      'sec-fetch-site': 'same-origin',
    });
    expect(nullSameOrigin.status).toBe(200);
  });

  it.skipIf(skip)('answers in the user’s language when the request names none', async () => {
    const api = await ctx.owner();
    await api.patch('/api/v1/me', { locale: 'en' }, ZMe);
    const res = await api.get('/api/v1/clients/00000000-0000-7000-8000-000000000000', ZClient, {
      'accept-language': '',
    });
    expect(res.status).toBe(404);
    expect(res.error.message).toBe("We couldn't find what you were looking for.");
  });

  it.skipIf(skip)('edits the business profile; invalid values leave it untouched', async () => {
    const api = await ctx.owner();
    const ok = await api.patch(
      '/api/v1/workspace',
      {
        name: 'נועה סטודיו',
        paymentTermsDays: 45,
        serviceHours: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] },
      },
      ZBusinessProfile,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'נועה סטודיו', paymentTermsDays: 45 });

    const bad = await api.patch(
      '/api/v1/workspace',
      {
        name: 'x',
        timeZone: 'Mars/Olympus',
        serviceHours: { sun: [{ from: '18:00', to: '09:00' }], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] },
      },
      ZBusinessProfile,
    );
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['serviceHours.sun.0.to', 'timeZone']);
    expect((await api.get('/api/v1/workspace', ZBusinessProfile)).body.name).toBe('נועה סטודיו');
  });

  it.skipIf(skip)('requires a session for private routes', async () => {
    await ctx.owner();
    for (const [method, path] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/workspace'],
      ['GET', '/api/v1/clients'],
      ['POST', '/api/v1/clients'],
    ] as const) {
      // No answer but the error is expected here, whatever the route's success schema.
      const res = await ctx.client().checked(method, path, z.never(), method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.error.code).toBe('unauthenticated');
    }
  });
});

describe.each(testDialects())('account housekeeping on $label', ({ dialect, skip }) => {
  it.skipIf(skip)('purges expired sessions and sign-in failures older than the window', async () => {
    const ctx = await createTestContext(dialect);
    try {
      const api = await ctx.owner();
      await logIn(ctx.client(), 'noa@noa-design.co.il', 'wrong guess!!');
      ctx.clock.advance(31 * 86_400_000);
      await purgeExpired(ctx.deps);
      const sessions = await ctx.db.kysely.selectFrom('sessions').selectAll().execute();
      const failures = await ctx.db.kysely.selectFrom('login_failures').selectAll().execute();
      expect(sessions).toEqual([]);
      expect(failures).toEqual([]);
      expect((await api.get('/api/v1/me', ZMe)).status).toBe(401);
    } finally {
      await ctx.close();
    }
  });
});
