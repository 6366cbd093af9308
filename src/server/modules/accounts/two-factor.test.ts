import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ZMe,
  ZRecoveryCodesIssued,
  ZSecondStepRequired,
  ZTwoFactorStarted,
  ZSessionsEnded,
} from '../../../shared/schemas/accounts.js';
import { ZAuditEventList } from '../../../shared/schemas/audit.js';
import { sha256Hex } from '../../lib/crypto.js';
import type { ApiClient } from '../../testing/test-app.js';
import { createTestContext, noContent, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

/**
 * Two-step sign-in (TOTP, ASVS 5 V6.4–V6.6): turned on with the password and a code, a right
 * password then answers "second step needed" without a session, codes work ±1 step and once per
 * step, recovery codes once each, the challenge is short-lived and single use, wrong codes are
 * throttled like wrong passwords, and turning it off needs the password and a code.
 */
const OWNER = 'noa@noa-design.co.il';
const PASSWORD = 'correct horse battery';
const STEP_MS = 30_000;

describe.each(testDialects())('two-step sign-in on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  /** The code the owner's app shows now (or `steps` steps from now). */
  const codeFor = (secret: string, steps = 0) =>
    generate({ secret, epoch: Math.floor((ctx.clock.now().getTime() + steps * STEP_MS) / 1000) });

  /** Setup, then two-step sign-in turned on; the secret (as the app holds it) and the recovery codes. */
  async function enrolled() {
    const api = await ctx.owner();
    const started = await api.post('/api/v1/auth/two-factor/start', { currentPassword: PASSWORD }, ZTwoFactorStarted);
    const secret = started.body.secret.replace(/\s/g, '');
    const confirmed = await api.post(
      '/api/v1/auth/two-factor/confirm',
      { code: await codeFor(secret) },
      ZRecoveryCodesIssued,
    );
    // Time moves on: the step that confirmed it is used up.
    ctx.clock.advance(STEP_MS);
    return { api, secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  async function passwordStep(api: ApiClient = ctx.client()) {
    const res = await api.post('/api/v1/auth/login', { email: OWNER, password: PASSWORD }, ZSecondStepRequired);
    expect(res.status).toBe(202);
    return { api, challenge: res.body.challenge };
  }

  const secondStep = (api: ApiClient, challenge: string, code: string, method: 'totp' | 'recovery' = 'totp') =>
    api.post('/api/v1/auth/login/second-step', { challenge, method, code }, ZMe);

  const countSessions = async () =>
    Number(
      (
        await ctx.db.kysely
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.skipIf(skip)('turns on only with the password and then a right code, and Me says so', async () => {
    const api = await ctx.owner();
    expect((await api.get('/api/v1/me', ZMe)).body.twoFactor).toEqual({ enabled: false, recoveryCodesLeft: 0 });

    const wrongPassword = await api.post(
      '/api/v1/auth/two-factor/start',
      { currentPassword: 'not my password' },
      ZTwoFactorStarted,
    );
    expect(wrongPassword.status).toBe(422);
    expect(wrongPassword.error.fields?.map((f) => [f.path, f.code])).toEqual([['currentPassword', 'wrong_password']]);

    const started = await api.post('/api/v1/auth/two-factor/start', { currentPassword: PASSWORD }, ZTwoFactorStarted);
    expect(started.status).toBe(200);
    const secret = started.body.secret.replace(/\s/g, '');
    expect(started.body.secret).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(secret).toHaveLength(32);
    expect(started.body.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(started.body.uri).searchParams.get('secret')).toBe(secret);
    expect(started.body.uri).toContain(encodeURIComponent(OWNER));
    // Not on until a code confirms it: the password alone still signs in.
    expect((await api.get('/api/v1/me', ZMe)).body.twoFactor.enabled).toBe(false);
    expect((await ctx.client().post('/api/v1/auth/login', { email: OWNER, password: PASSWORD }, ZMe)).status).toBe(200);

    const wrong = await api.post('/api/v1/auth/two-factor/confirm', { code: '000000' }, ZRecoveryCodesIssued);
    expect(wrong.status).toBe(422);
    expect(wrong.error.fields?.[0]).toMatchObject({ path: 'code', code: 'wrong_totp_code' });
    expect(wrong.error.fields?.[0]?.message).toContain('הקוד שגוי');
    const notDigits = await api.post('/api/v1/auth/two-factor/confirm', { code: '12ab56' }, ZRecoveryCodesIssued);
    expect(notDigits.error.fields?.[0]).toMatchObject({ path: 'code', code: 'invalid_totp_code' });
    expect((await api.get('/api/v1/me', ZMe)).body.twoFactor.enabled).toBe(false);

    // Typed with a space in the middle, as apps show it.
    const code = await codeFor(secret);
    const confirmed = await api.post(
      '/api/v1/auth/two-factor/confirm',
      { code: `${code.slice(0, 3)} ${code.slice(3)}` },
      ZRecoveryCodesIssued,
    );
    expect(confirmed.status).toBe(200);
    const codes = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect((await api.get('/api/v1/me', ZMe)).body.twoFactor).toEqual({ enabled: true, recoveryCodesLeft: 10 });

    // Only hashes of the recovery codes are kept.
    const rows = await ctx.db.kysely.selectFrom('recovery_codes').select('code_hash').execute();
    expect(rows.map((r) => r.code_hash).sort()).toEqual(codes.map((c) => sha256Hex(c.replace('-', ''))).sort());

    const again = await api.post('/api/v1/auth/two-factor/start', { currentPassword: PASSWORD }, ZTwoFactorStarted);
    expect(again.status).toBe(409);
    expect(again.error.code).toBe('two_factor_on');
  });

  it.skipIf(skip)('makes no session until the second step, which takes a code of this step or the next', async () => {
    const { secret } = await enrolled();
    const before = await countSessions();
    const api = ctx.client();
    const first = await api.post('/api/v1/auth/login', { email: OWNER, password: PASSWORD }, ZSecondStepRequired);
    expect(first.status).toBe(202);
    expect(first.body.secondStep).toBe('totp');
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(new Date(first.body.expiresAt).getTime() - ctx.clock.now().getTime()).toBe(5 * 60_000);
    expect(await countSessions()).toBe(before);
    expect((await api.get('/api/v1/me', ZMe)).status).toBe(401);
    // Only the challenge's hash is stored.
    const stored = await ctx.db.kysely.selectFrom('sign_in_challenges').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).toEqual([sha256Hex(first.body.challenge)]);

    // Two steps ahead is too far; the next step is fine (a phone's clock a little fast).
    const tooFar = await secondStep(api, first.body.challenge, await codeFor(secret, 2));
    expect(tooFar.error.fields?.[0]?.code).toBe('wrong_totp_code');
    const signedIn = await secondStep(api, first.body.challenge, await codeFor(secret, 1));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('set-cookie')).toMatch(/^mila_session=/);
    expect(await countSessions()).toBe(before + 1);
    const me = await api.get('/api/v1/me', ZMe);
    expect(me.status).toBe(200);
    expect(me.body.twoFactor).toEqual({ enabled: true, recoveryCodesLeft: 10 });
  });

  it.skipIf(skip)('refuses a code already used in its step (replay), and takes the next one', async () => {
    const { secret } = await enrolled();
    const code = await codeFor(secret);
    const a = await passwordStep();
    expect((await secondStep(a.api, a.challenge, code)).status).toBe(200);

    const b = await passwordStep();
    const replayed = await secondStep(b.api, b.challenge, code);
    expect(replayed.status).toBe(422);
    expect(replayed.error.fields?.[0]).toMatchObject({ path: 'code', code: 'totp_code_used' });
    // The previous step's code is within the window, but older than the one used: refused too.
    const older = await secondStep(b.api, b.challenge, await codeFor(secret, -1));
    expect(older.error.fields?.[0]?.code).toBe('totp_code_used');
    ctx.clock.advance(STEP_MS);
    expect((await secondStep(b.api, b.challenge, await codeFor(secret))).status).toBe(200);
  });

  it.skipIf(skip)('takes each recovery code once and tells how many are left', async () => {
    const { recoveryCodes } = await enrolled();
    const a = await passwordStep();
    const used = await secondStep(a.api, a.challenge, recoveryCodes[3]!.toUpperCase(), 'recovery');
    expect(used.status).toBe(200);
    expect(used.body.twoFactor.recoveryCodesLeft).toBe(9);

    const b = await passwordStep();
    const again = await secondStep(b.api, b.challenge, recoveryCodes[3]!, 'recovery');
    expect(again.status).toBe(422);
    expect(again.error.fields?.[0]).toMatchObject({ path: 'code', code: 'wrong_recovery_code' });
    const badShape = await secondStep(b.api, b.challenge, 'abc', 'recovery');
    expect(badShape.error.fields?.[0]?.code).toBe('invalid_recovery_code');
    ctx.clock.advance(2_000); // past the first throttle delay the two failures may have started
    const other = await secondStep(b.api, b.challenge, recoveryCodes[0]!, 'recovery');
    expect(other.status).toBe(200);
    expect(other.body.twoFactor.recoveryCodesLeft).toBe(8);
  });

  it.skipIf(skip)('lets a challenge expire after 5 minutes and be used only once', async () => {
    const { secret } = await enrolled();
    const late = await passwordStep();
    ctx.clock.advance(5 * 60_000);
    const expired = await secondStep(late.api, late.challenge, await codeFor(secret));
    expect(expired.status).toBe(401);
    expect(expired.error.code).toBe('sign_in_expired');
    expect(expired.error.message).toContain('להיכנס שוב');

    const a = await passwordStep();
    expect((await secondStep(a.api, a.challenge, await codeFor(secret))).status).toBe(200);
    ctx.clock.advance(STEP_MS);
    const reused = await secondStep(ctx.client(), a.challenge, await codeFor(secret));
    expect(reused.status).toBe(401);
    expect(reused.error.code).toBe('sign_in_expired');
    const made = await ctx
      .client()
      .post('/api/v1/auth/login/second-step', { challenge: 'x'.repeat(43), method: 'totp', code: '123456' }, ZMe);
    expect(made.error.code).toBe('sign_in_expired');
  });

  it.skipIf(skip)('counts wrong codes in the sign-in throttle: growing delays, never a lock', async () => {
    const { secret } = await enrolled();
    const { api, challenge } = await passwordStep();
    for (const guess of ['111111', '222222', '333333'])
      expect((await secondStep(api, challenge, guess)).error.fields?.[0]?.code).toBe('wrong_totp_code');
    const throttled = await secondStep(api, challenge, '444444');
    expect(throttled.status).toBe(429);
    expect(throttled.error.code).toBe('too_many_attempts');
    expect(Number(throttled.headers.get('retry-after'))).toBe(1);
    // Not checked while throttled: even the right code waits…
    expect((await secondStep(api, challenge, await codeFor(secret))).status).toBe(429);
    // …and the password step waits too (the same account's failures).
    const password = await ctx.client().post('/api/v1/auth/login', { email: OWNER, password: PASSWORD }, ZMe);
    expect(password.status).toBe(429);
    ctx.clock.advance(1_000);
    const signedIn = await secondStep(api, challenge, await codeFor(secret));
    expect(signedIn.status).toBe(200);
    // The owner is told of the three wrong codes.
    expect(signedIn.body.signInNotice?.failedAttempts).toBe(3);
  });

  it.skipIf(skip)('turns off only with the password and a current code or a recovery code', async () => {
    const { api, secret, recoveryCodes } = await enrolled();
    const off = (body: object) => api.post('/api/v1/auth/two-factor/off', body, noContent);

    const wrongPassword = await off({ currentPassword: 'nope nope', method: 'totp', code: await codeFor(secret) });
    expect(wrongPassword.error.fields?.map((f) => [f.path, f.code])).toEqual([['currentPassword', 'wrong_password']]);
    const noCode = await off({ currentPassword: PASSWORD, method: 'totp' });
    expect(noCode.error.fields?.[0]).toMatchObject({ path: 'code', code: 'required' });
    const wrongCode = await off({ currentPassword: PASSWORD, method: 'totp', code: '000000' });
    expect(wrongCode.error.fields?.[0]).toMatchObject({ path: 'code', code: 'wrong_totp_code' });
    const wrongRecovery = await off({ currentPassword: PASSWORD, method: 'recovery', code: 'aaaaa-bbbbb' });
    expect(wrongRecovery.error.fields?.[0]).toMatchObject({ path: 'code', code: 'wrong_recovery_code' });
    expect((await api.get('/api/v1/me', ZMe)).body.twoFactor.enabled).toBe(true);

    ctx.clock.advance(10_000); // past the throttle's first delay
    const done = await off({ currentPassword: PASSWORD, method: 'recovery', code: recoveryCodes[1] });
    expect(done.status).toBe(204);
    expect((await api.get('/api/v1/me', ZMe)).body.twoFactor).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    // Each refusal is in the owner's audit log, newest first, and then the switch-off itself.
    const log = (await api.get('/api/v1/audit-events?group=access', ZAuditEventList)).body.items;
    expect(log.slice(0, 4).map((e) => [e.action, e.detail])).toEqual([
      ['two_factor_off', { with: 'recovery_code' }],
      ['sign_in_failed', { reason: 'code' }],
      ['sign_in_failed', { reason: 'code' }],
      ['sign_in_failed', { reason: 'password' }],
    ]);
    expect(await ctx.db.kysely.selectFrom('recovery_codes').selectAll().execute()).toEqual([]);
    const user = await ctx.db.kysely.selectFrom('users').select(['totp_secret']).executeTakeFirstOrThrow();
    expect(user.totp_secret).toBeNull();
    // The password alone signs in again.
    ctx.clock.advance(60_000);
    expect((await ctx.client().post('/api/v1/auth/login', { email: OWNER, password: PASSWORD }, ZMe)).status).toBe(200);
    expect((await off({ currentPassword: PASSWORD, method: 'totp', code: '123456' })).error.code).toBe(
      'two_factor_off',
    );
  });

  it.skipIf(skip)('turns off with a current code too', async () => {
    const { api, secret } = await enrolled();
    const done = await api.post(
      '/api/v1/auth/two-factor/off',
      { currentPassword: PASSWORD, method: 'totp', code: await codeFor(secret) },
      noContent,
    );
    expect(done.status).toBe(204);
    expect((await api.get('/api/v1/me', ZMe)).body.twoFactor.enabled).toBe(false);
  });

  it.skipIf(skip)('gives new recovery codes for the password, and the old ones stop working', async () => {
    const { api, recoveryCodes } = await enrolled();
    const refused = await api.post(
      '/api/v1/auth/two-factor/recovery-codes',
      { currentPassword: 'wrong wrong' },
      ZRecoveryCodesIssued,
    );
    expect(refused.error.fields?.[0]).toMatchObject({ path: 'currentPassword', code: 'wrong_password' });
    const fresh = await api.post(
      '/api/v1/auth/two-factor/recovery-codes',
      { currentPassword: PASSWORD },
      ZRecoveryCodesIssued,
    );
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect(fresh.body.recoveryCodes).not.toContain(recoveryCodes[0]);

    const a = await passwordStep();
    expect((await secondStep(a.api, a.challenge, recoveryCodes[0]!, 'recovery')).status).toBe(422);
    expect((await secondStep(a.api, a.challenge, fresh.body.recoveryCodes[0]!, 'recovery')).status).toBe(200);
  });

  it.skipIf(skip)('keeps two-step sign-in on when the password changes', async () => {
    const { api, secret } = await enrolled();
    const changed = await api.post(
      '/api/v1/auth/password',
      { currentPassword: PASSWORD, newPassword: 'a brand new sentence here' },
      ZSessionsEnded,
    );
    expect(changed.status).toBe(200);
    expect((await api.get('/api/v1/me', ZMe)).body.twoFactor.enabled).toBe(true);
    const res = await ctx
      .client()
      .post('/api/v1/auth/login', { email: OWNER, password: 'a brand new sentence here' }, ZSecondStepRequired);
    expect(res.status).toBe(202);
    expect((await secondStep(ctx.client(), res.body.challenge, await codeFor(secret))).status).toBe(200);
  });
});
