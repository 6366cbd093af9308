import { hash, verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  ZSetUpWorkspace,
  type BusinessProfile,
  type LogIn,
  type Me,
  type SetUpWorkspace,
  type SetUpWorkspaceInput,
  type SetupStatus,
  type UpdateBusinessProfile,
  type UpdateMe,
  type User,
  type ChangePassword,
  type SessionList,
  type SessionsEnded,
  type CompleteSignIn,
  type SecondStepRequired,
  type TwoFactorStatus,
} from '../../../shared/schemas/accounts.js';
import { ZChannel, ZWeeklyHours, type Channel, type Locale, type WeeklyHours } from '../../../shared/schemas/common.js';
import { AppError, fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import { dbFaultOf } from '../../lib/db-faults.js';
import { secretToken, sha256Hex } from '../../lib/crypto.js';
import type { Auth, Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { pdfAvailable } from '../../lib/pdf.js';
import { inTransaction } from '../../lib/transaction.js';
import { parseInput } from '../../lib/validate.js';
import * as q from './accounts.queries.js';
import { isStrongPassword } from './password-strength.js';
import type { MemberUserRow } from './accounts.queries.js';
import type { NewSessionRow, UserRow, WorkspaceRow, WorkspaceUpdate } from './accounts.table.js';
import { checkTotp, recoveryCodeHash } from './two-factor.js';
import * as tq from './two-factor.queries.js';
import * as tq2 from './team.queries.js';
import { recordAudit } from '../audit/audit.service.js';

// OWASP password storage minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/**
 * Sign-in throttling (ASVS 5 V6.3.1): no lock, a growing delay. Past a few free failures each one
 * doubles the wait before the next attempt is even checked, per account (capped low, so a stranger
 * who hammers the owner's e-mail slows the owner down to a try a minute, never locks them out) and
 * per address (capped high: that is the stranger's own address). Failures live in the database, so
 * the delays hold across processes and restarts.
 */
const FAILURE_WINDOW_MS = 24 * 3_600_000;
const ACCOUNT_THROTTLE = { free: 3, maxDelayMs: 60_000 };
const ADDRESS_THROTTLE = { free: 10, maxDelayMs: 15 * 60_000 };
/** Failures are kept this long for the owner's "attempts since your last sign-in". */
const FAILURE_KEEP_MS = 30 * 86_400_000;
/** Verified when the email is unknown so a miss costs as long as a wrong password. */
let dummyHash: Promise<string> | null = null;

export type NewSession = { token: string; me: Me };
/** What a right password gives: a session, or (two-step sign-in on) the challenge for the second step. */
export type LoginResult = ({ kind: 'session' } & NewSession) | ({ kind: 'second_step' } & SecondStepRequired);
/** How long the second step may take after the password (ASVS 5 V6.6.3: short-lived). */
const CHALLENGE_MS = 5 * 60_000;

/** The wait before the next attempt after `count` failures, the last at `last`. */
function throttleDelay(count: number, last: string | null, rule: { free: number; maxDelayMs: number }, now: Date) {
  if (count < rule.free || !last) return 0;
  const delay = Math.min(rule.maxDelayMs, 1000 * 2 ** (count - rule.free));
  return Math.max(0, new Date(last).getTime() + delay - now.getTime());
}

/** A new password must not be common or guessable, nor made of this account's own words. */
export async function checkNewPassword(password: string, personal: string[], field: string): Promise<void> {
  const words = personal.flatMap((p) => p.toLowerCase().split(/[\s@.]+/)).filter((w) => w.length > 2);
  if (!(await isStrongPassword(password, [...personal, ...words]))) throw fieldError(field, 'password_weak');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function isSetupDone(deps: Deps): Promise<boolean> {
  return (await q.countWorkspaces(deps.db.kysely)) > 0;
}

/** What the sign-in screens offer: first-run setup (self-hosted, once), sign-up (hosted), a reset link. */
export async function setupStatus(deps: Deps, auth: Auth | null): Promise<SetupStatus> {
  const hosted = deps.config.mode === 'hosted';
  return {
    // A hosted service never shows first-run setup: newcomers sign up instead.
    setupDone: hosted || (await isSetupDone(deps)),
    authenticated: auth !== null,
    // A page that never loads Me (a link from an e-mail, opened while signed in) still has to echo it.
    csrfToken: auth && !auth.tokenId ? auth.csrfToken : null,
    mode: deps.config.mode,
    passwordResetByEmail: deps.mailer !== null,
  };
}

/** First run: the workspace, its owner and a signed-in session, all or nothing; only once. */
export async function setup(
  deps: Deps,
  input: SetUpWorkspace,
  meta: { userAgent: string | null },
): Promise<NewSession> {
  // A hosted service has no first run (refused before the password is even hashed).
  if (deps.config.mode === 'hosted') throw new AppError('setup_done');
  await checkNewPassword(
    input.owner.password,
    [input.owner.email, input.owner.name, input.business.name],
    'owner.password',
  );
  const passwordHash = await hashPassword(input.owner.password);
  return inTransaction(deps, async (deps) => {
    if (deps.db.dialect === 'postgres') await sql`lock table workspaces in exclusive mode`.execute(deps.db.kysely);
    if ((await q.countWorkspaces(deps.db.kysely)) > 0) throw new AppError('setup_done');
    const user = await insertWorkspaceWithOwner(deps, input, passwordHash);
    return startSession(
      deps,
      { ...user, workspaceId: user.workspace_id },
      { ...meta, failedSignIns: 0, lastFailedAt: null },
    );
  });
}

/**
 * A workspace (tenant) and its owner. Setup uses it once; the hosted mode's sign-up, the seed
 * script and the tenant-isolation tests use it for every further workspace. No route stands in
 * front of it, so it parses its input itself.
 */
export async function createWorkspaceWithOwner(
  deps: Deps,
  raw: SetUpWorkspaceInput,
): Promise<{ workspaceId: string; userId: string }> {
  const input = parseInput(ZSetUpWorkspace, raw);
  await checkNewPassword(
    input.owner.password,
    [input.owner.email, input.owner.name, input.business.name],
    'owner.password',
  );
  const passwordHash = await hashPassword(input.owner.password);
  const user = await inTransaction(deps, (deps) => insertWorkspaceWithOwner(deps, input, passwordHash));
  return { workspaceId: user.workspace_id, userId: user.id };
}

/** The new owner's address counts as confirmed unless it came from a stranger's sign-up (hosted mode). */
export async function insertWorkspaceWithOwner(
  deps: Deps,
  input: SetUpWorkspace,
  passwordHash: string,
  options: { emailConfirmed: boolean } = { emailConfirmed: true },
): Promise<MemberUserRow> {
  const db = deps.db.kysely;
  if (await q.findUserByEmail(db, { email: input.owner.email })) throw fieldError('owner.email', 'email_taken');
  const now = isoNow(deps.clock);
  const workspaceId = newId();
  const b = input.business;
  await q.insertWorkspace(db, {
    id: workspaceId,
    name: b.name,
    dealer_type: b.dealerType,
    business_number: b.businessNumber,
    // An exempt dealer (עוסק פטור) charges no VAT, whatever was typed.
    vat_rate_bp: b.dealerType === 'exempt' ? 0 : b.vatRateBasisPoints,
    currency: b.currency,
    time_zone: b.timeZone,
    locale: b.locale,
    service_hours: JSON.stringify(b.serviceHours),
    payment_terms_days: b.paymentTermsDays,
    payment_terms_note: b.paymentTermsNote,
    preferred_channels: JSON.stringify(b.preferredChannels),
    email: b.email,
    phone: b.phone,
    address: b.address,
    signature: b.signature,
    digest_time: b.digestTime,
    created_at: now,
    updated_at: now,
  });
  const user = newUserRow(
    {
      workspace_id: workspaceId,
      email: input.owner.email,
      name: input.owner.name,
      password_hash: passwordHash,
      email_confirmed_at: options.emailConfirmed ? now : null,
      locale: input.owner.locale ?? b.locale,
      address_form: input.owner.addressForm,
    },
    now,
  );
  await q.insertUser(db, user);
  await tq2.insertMembership(db, { workspace_id: workspaceId, user_id: user.id, role: 'owner', created_at: now });
  return { ...user, role: 'owner', joined_at: now };
}

/** A new account's row, signed in as it is made: no calendar feed, no two-step sign-in yet. */
export function newUserRow(
  fields: Pick<
    UserRow,
    'workspace_id' | 'email' | 'name' | 'password_hash' | 'email_confirmed_at' | 'locale' | 'address_form'
  >,
  now: string,
): UserRow {
  return {
    id: newId(),
    ...fields,
    calendar_token_hash: null,
    last_sign_in_at: now,
    totp_secret: null,
    totp_pending_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    created_at: now,
    updated_at: now,
  };
}

/** A new session for a user already verified, working in `user`'s workspace with `user.role`. */
export async function startSession(
  deps: Deps,
  user: MemberUserRow & { workspaceId: string },
  meta: { userAgent: string | null; failedSignIns: number; lastFailedAt: string | null },
): Promise<NewSession> {
  const db = deps.db.kysely;
  const token = secretToken();
  const now = deps.clock.now();
  const session: NewSessionRow = {
    id: newId(),
    workspace_id: user.workspaceId,
    user_id: user.id,
    token_hash: sha256Hex(token),
    csrf_token: secretToken(),
    created_at: now.toISOString(),
    expires_at: sessionExpiry(deps, now, now),
    last_seen_at: now.toISOString(),
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    failed_sign_ins: meta.failedSignIns,
    last_failed_sign_in_at: meta.lastFailedAt,
  };
  await q.insertSession(db, session);
  const workspace = await q.findWorkspace(db, { workspaceId: user.workspaceId });
  if (!workspace) throw notFound();
  return {
    token,
    me: {
      user: toUser(user),
      workspace: toBusinessProfile(workspace),
      csrfToken: session.csrf_token,
      capabilities: capabilities(deps),
      signInNotice: signInNotice(session),
      twoFactor: await twoFactorStatus(deps, user),
    },
  };
}

async function twoFactorStatus(deps: Deps, user: UserRow): Promise<TwoFactorStatus> {
  if (!user.totp_secret) return { enabled: false, recoveryCodesLeft: 0 };
  const scope = { workspaceId: user.workspace_id, userId: user.id };
  return { enabled: true, recoveryCodesLeft: await tq.countUnusedRecoveryCodes(deps.db.kysely, scope) };
}

/** The idle expiry from `now`, never past the absolute lifetime counted from sign-in (ASVS 5 V7.3.1, V7.3.2). */
function sessionExpiry(deps: Deps, createdAt: Date, now: Date): string {
  const idle = now.getTime() + deps.config.sessionDays * 86_400_000;
  const absolute = createdAt.getTime() + deps.config.sessionMaxDays * 86_400_000;
  return new Date(Math.min(idle, absolute)).toISOString();
}

function signInNotice(session: {
  failed_sign_ins: number;
  last_failed_sign_in_at?: string | null;
}): Me['signInNotice'] {
  return session.failed_sign_ins > 0
    ? { failedAttempts: session.failed_sign_ins, lastFailedAt: session.last_failed_sign_in_at ?? null }
    : null;
}

/**
 * Refuses an attempt that comes too soon after failures (429 with Retry-After): not checked and not
 * counted. The account's count starts again at each successful sign-in; the address's does not.
 */
export async function checkThrottle(
  deps: Deps,
  { email, ip, lastSignIn }: { email: string; ip: string; lastSignIn: string | null },
): Promise<void> {
  const now = deps.clock.now();
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const failures = await q.countLoginFailures(deps.db.kysely, {
    email,
    ip,
    emailSince: lastSignIn && lastSignIn > windowStart ? lastSignIn : windowStart,
    ipSince: windowStart,
  });
  const waitMs = Math.max(
    throttleDelay(failures.byEmail, failures.lastByEmail, ACCOUNT_THROTTLE, now),
    throttleDelay(failures.byIp, failures.lastByIp, ADDRESS_THROTTLE, now),
  );
  if (waitMs > 0) {
    // Not checked and not counted: waiting is all it takes.
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError('too_many_attempts', { params: { seconds }, headers: { 'Retry-After': String(seconds) } });
  }
}

/**
 * A failed attempt (a wrong password or code): counted for the throttle and the owner's notice, and
 * noted in the audit log of the account it was for, when that account exists. Throttled attempts
 * never get here (they are not checked), so a stranger cannot flood the log.
 */
export async function recordFailure(
  deps: Deps,
  { email, ip }: { email: string; ip: string },
  user: UserRow | null,
  reason: 'password' | 'code',
): Promise<void> {
  await q.insertLoginFailure(deps.db.kysely, { id: newId(), email, ip, created_at: isoNow(deps.clock) });
  if (user)
    await recordAudit(
      deps,
      { workspaceId: user.workspace_id },
      { action: 'sign_in_failed', userId: user.id, detail: { reason } },
    );
}

export async function login(
  deps: Deps,
  input: LogIn,
  meta: { ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const user = await verifyPassword(deps, input, meta);
  return afterPassword(deps, user, meta);
}

/** The password step of signing in: throttled, a wrong one counted; the account when it is right. */
export async function verifyPassword(deps: Deps, input: LogIn, meta: { ip: string }): Promise<UserRow> {
  const user = await q.findUserByEmail(deps.db.kysely, { email: input.email });
  await checkThrottle(deps, { email: input.email, ip: meta.ip, lastSignIn: user?.last_sign_in_at ?? null });
  dummyHash ??= hashPassword('mila-timing-equaliser');
  const ok = await verify(user?.password_hash ?? (await dummyHash), input.password).catch(() => false);
  if (!user || !ok) {
    await recordFailure(deps, { email: input.email, ip: meta.ip }, user ?? null, 'password');
    throw new AppError('invalid_credentials');
  }
  return user;
}

/**
 * After a right password: a session (in `workspaceId` when given and the user belongs to it), or,
 * with two-step sign-in on, only a short-lived, single-use challenge for the code.
 */
export async function afterPassword(
  deps: Deps,
  user: UserRow,
  meta: { ip: string; userAgent: string | null },
  workspaceId?: string,
): Promise<LoginResult> {
  const now = deps.clock.now();
  if (user.totp_secret) {
    const challenge = secretToken();
    const expiresAt = new Date(now.getTime() + CHALLENGE_MS).toISOString();
    await tq.insertChallenge(deps.db.kysely, {
      id: newId(),
      // The workspace the second step lands in: the one an invitation was accepted into, else home.
      workspace_id: workspaceId ?? user.workspace_id,
      user_id: user.id,
      token_hash: sha256Hex(challenge),
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    return { kind: 'second_step', secondStep: 'totp', challenge, expiresAt };
  }
  return { kind: 'session', ...(await signIn(deps, user, meta, 'password', workspaceId)) };
}

/**
 * The second step: the challenge from the password step and a code from the app (±1 step, a used
 * step refused) or an unused recovery code. Wrong codes count in the same throttle as passwords.
 */
export async function completeSignIn(
  deps: Deps,
  input: CompleteSignIn,
  meta: { ip: string; userAgent: string | null },
): Promise<NewSession> {
  const db = deps.db.kysely;
  const challenge = await tq.findLiveChallenge(db, {
    tokenHash: sha256Hex(input.challenge),
    now: isoNow(deps.clock),
  });
  const user = challenge && (await q.findUser(db, { workspaceId: challenge.workspace_id, userId: challenge.user_id }));
  if (!challenge || !user?.totp_secret) throw new AppError('sign_in_expired');
  const secret = user.totp_secret;
  const who = { email: user.email, ip: meta.ip };
  await checkThrottle(deps, { ...who, lastSignIn: user.last_sign_in_at });
  let step: number | null = null;
  if (input.method === 'totp') {
    const checked = await checkTotp(secret, input.code, deps.clock, user.totp_last_step);
    if (checked.step === null) {
      await recordFailure(deps, who, user, 'code');
      throw fieldError('code', checked.replayed ? 'totp_code_used' : 'wrong_totp_code');
    }
    step = checked.step;
  }
  try {
    return await inTransaction(deps, async (deps) => {
      const db = deps.db.kysely;
      const scope = { workspaceId: user.workspace_id, userId: user.id };
      if (!(await tq.deleteChallenge(db, { id: challenge.id }))) throw new AppError('sign_in_expired');
      if (step !== null) {
        // Another request with the same code got there first.
        if (!(await tq.useTotpStep(db, { ...scope, step }))) throw fieldError('code', 'totp_code_used');
      } else {
        const used = await tq.useRecoveryCode(db, {
          ...scope,
          codeHash: recoveryCodeHash(input.code),
          at: isoNow(deps.clock),
        });
        if (!used) throw fieldError('code', 'wrong_recovery_code');
      }
      return signIn(deps, user, meta, step !== null ? 'totp' : 'recovery_code', challenge.workspace_id);
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') await recordFailure(deps, who, user, 'code');
    throw error;
  }
}

/** A verified sign-in becomes a session, told the failures since the last sign-in. */
async function signIn(
  deps: Deps,
  user: UserRow,
  meta: { ip: string; userAgent: string | null },
  method: 'password' | 'totp' | 'recovery_code',
  workspaceId?: string,
): Promise<NewSession> {
  const now = deps.clock.now();
  const lastSignIn = user.last_sign_in_at;
  const member = await signInWorkspace(deps, user, workspaceId);
  // What the owner is told: every failure since the last sign-in (kept for 30 days), not just the window.
  const since = await q.countLoginFailures(deps.db.kysely, {
    email: user.email,
    ip: meta.ip,
    emailSince: lastSignIn ?? new Date(now.getTime() - FAILURE_KEEP_MS).toISOString(),
    ipSince: now.toISOString(),
  });
  return inTransaction(deps, async (deps) => {
    await q.setLastSignIn(deps.db.kysely, { userId: user.id, at: now.toISOString() });
    await recordAudit(
      deps,
      { workspaceId: member.workspaceId },
      { action: 'signed_in', userId: user.id, detail: { method } },
    );
    return startSession(deps, member, {
      userAgent: meta.userAgent,
      failedSignIns: since.byEmail,
      lastFailedAt: since.lastByEmail,
    });
  });
}

/**
 * Where a sign-in lands: the workspace asked for (an invitation just accepted), else the user's home
 * workspace while they belong to it, else the first of the others (by name). A user who belongs to
 * none any more (every owner removed them) cannot sign in.
 */
async function signInWorkspace(
  deps: Deps,
  user: UserRow,
  preferred?: string,
): Promise<MemberUserRow & { workspaceId: string }> {
  const db = deps.db.kysely;
  const asked = preferred ? await q.findUser(db, { workspaceId: preferred, userId: user.id }) : undefined;
  if (preferred && asked) return { ...asked, workspaceId: preferred };
  const home = await q.findUser(db, { workspaceId: user.workspace_id, userId: user.id });
  if (home) return { ...home, workspaceId: user.workspace_id };
  const [first] = await tq2.listUserWorkspaces(db, { userId: user.id });
  const member = first && (await q.findUser(db, { workspaceId: first.id, userId: user.id }));
  if (!first || !member) throw new AppError('no_workspace');
  return { ...member, workspaceId: first.id };
}

/**
 * The current password proves it is me before a change to how I sign in; a wrong one counts in the
 * sign-in throttle (a stolen session must not become a way to guess the password).
 */
export async function checkCurrentPassword(
  deps: Deps,
  auth: Auth,
  password: string,
  meta: { ip: string },
): Promise<UserRow> {
  const user = await q.findUser(deps.db.kysely, { workspaceId: auth.workspaceId, userId: auth.userId });
  if (!user) throw new AppError('unauthenticated');
  await checkThrottle(deps, { email: user.email, ip: meta.ip, lastSignIn: user.last_sign_in_at });
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) {
    await recordFailure(deps, { email: user.email, ip: meta.ip }, user, 'password');
    throw fieldError('currentPassword', 'wrong_password');
  }
  return user;
}

/** My signed-in browsers and devices, this one marked. */
export async function listSessions(deps: Deps, auth: Auth): Promise<SessionList> {
  const rows = await q.listUserSessions(deps.db.kysely, {
    userId: auth.userId,
    now: deps.clock.now().toISOString(),
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      userAgent: r.user_agent,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
      current: r.id === auth.sessionId,
    })),
  };
}

/** "Sign out everywhere else": every session of mine but this one ends now. */
export async function endOtherSessions(deps: Deps, auth: Auth): Promise<SessionsEnded> {
  return inTransaction(deps, async (deps) => {
    const ended = await deleteOtherSessions(deps, auth);
    await recordAudit(deps, auth, { action: 'other_sessions_ended', detail: { ended } });
    return { ended };
  });
}

function deleteOtherSessions(deps: Deps, auth: Auth): Promise<number> {
  return q.deleteOtherSessions(deps.db.kysely, {
    userId: auth.userId,
    keepId: auth.sessionId,
  });
}

/**
 * A new password (the current one proves it is me, counted in the throttle like every other check of
 * it); every other session ends (ASVS 5 V7.4.3).
 */
export async function changePassword(
  deps: Deps,
  auth: Auth,
  input: ChangePassword,
  meta: { ip: string },
): Promise<SessionsEnded> {
  const user = await checkCurrentPassword(deps, auth, input.currentPassword, meta);
  const workspace = await q.findWorkspace(deps.db.kysely, { workspaceId: auth.workspaceId });
  await checkNewPassword(input.newPassword, [user.email, user.name, workspace?.name ?? ''], 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(deps, async (deps) => {
    await q.setPasswordHash(deps.db.kysely, {
      userId: auth.userId,
      passwordHash,
      at: isoNow(deps.clock),
    });
    const ended = await deleteOtherSessions(deps, auth);
    await recordAudit(deps, auth, { action: 'password_changed', detail: { sessionsEnded: ended } });
    return { ended };
  });
}

/**
 * The operator's reset (`mila user reset-password`), for an owner who forgot the password: whoever
 * runs it already holds the server. The new password passes the same strength rule, and every
 * session of the user ends, all in one transaction.
 */
export async function resetPassword(deps: Deps, input: { email: string; newPassword: string }): Promise<SessionsEnded> {
  const db = deps.db.kysely;
  const user = await q.findUserByEmail(db, { email: input.email.trim().toLowerCase() });
  if (!user) throw fieldError('email', 'not_found');
  const workspace = await q.findWorkspace(db, { workspaceId: user.workspace_id });
  await checkNewPassword(input.newPassword, [user.email, user.name, workspace?.name ?? ''], 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(deps, async (deps) => {
    const scope = { workspaceId: user.workspace_id, userId: user.id };
    await q.setPasswordHash(deps.db.kysely, { userId: user.id, passwordHash, at: isoNow(deps.clock) });
    const ended = await q.deleteUserSessions(deps.db.kysely, { userId: user.id });
    await recordAudit(deps, scope, { action: 'password_reset', target: user.email, detail: { sessionsEnded: ended } });
    return { ended };
  });
}

export async function logout(deps: Deps, auth: Auth): Promise<void> {
  await q.deleteSession(deps.db.kysely, { sessionId: auth.sessionId });
}

/** Resolves a session cookie; extends a live session at most hourly (sliding expiry, few writes). */
export async function authenticate(deps: Deps, token: string): Promise<Auth | null> {
  const now = deps.clock.now();
  const session = await q.findLiveSession(deps.db.kysely, {
    tokenHash: sha256Hex(token),
    now: now.toISOString(),
    createdAfter: new Date(now.getTime() - deps.config.sessionMaxDays * 86_400_000).toISOString(),
  });
  if (!session) return null;
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 3_600_000) {
    try {
      await q.touchSession(deps.db.kysely, {
        sessionId: session.id,
        lastSeenAt: now.toISOString(),
        expiresAt: sessionExpiry(deps, new Date(session.created_at), now),
      });
    } catch (error) {
      // Extending the session is best effort: a full disk or a held lock must not stop reads.
      if (dbFaultOf(error) === null) throw error;
    }
  }
  return {
    sessionId: session.id,
    userId: session.user_id,
    workspaceId: session.workspace_id,
    csrfToken: session.csrf_token,
    userLocale: session.user_locale,
    role: session.role,
    signInNotice: signInNotice(session),
  };
}

function capabilities(deps: Deps): Me['capabilities'] {
  return { email: deps.mailer !== null, pdf: pdfAvailable() };
}

export async function getMe(deps: Deps, auth: Auth): Promise<Me> {
  const db = deps.db.kysely;
  const user = await q.findUser(db, { workspaceId: auth.workspaceId, userId: auth.userId });
  const workspace = await q.findWorkspace(db, { workspaceId: auth.workspaceId });
  if (!user || !workspace) throw new AppError('unauthenticated');
  return {
    user: toUser(user),
    workspace: toBusinessProfile(workspace),
    csrfToken: auth.csrfToken,
    capabilities: capabilities(deps),
    signInNotice: auth.signInNotice ?? null,
    twoFactor: await twoFactorStatus(deps, user),
  };
}

export async function updateMe(deps: Deps, auth: Auth, input: UpdateMe): Promise<Me> {
  await inTransaction(deps, async (deps) => {
    const scope = { workspaceId: auth.workspaceId, userId: auth.userId };
    const current = await q.findUser(deps.db.kysely, scope);
    if (!current) throw new AppError('unauthenticated');
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.addressForm !== undefined ? { address_form: input.addressForm } : {}),
    };
    await q.updateUser(deps.db.kysely, { ...scope, changes: { ...changes, updated_at: isoNow(deps.clock) } });
    const changed = changedColumns(current, changes);
    if (changed) await recordAudit(deps, auth, { action: 'account_changed', detail: { fields: changed } });
  });
  return getMe(deps, auth);
}

export async function getBusinessProfile(
  deps: Deps,
  { workspaceId }: { workspaceId: string },
): Promise<BusinessProfile> {
  const workspace = await q.findWorkspace(deps.db.kysely, { workspaceId });
  if (!workspace) throw notFound();
  return toBusinessProfile(workspace);
}

export async function updateBusinessProfile(
  deps: Deps,
  { workspaceId }: { workspaceId: string },
  input: UpdateBusinessProfile,
): Promise<BusinessProfile> {
  return inTransaction(deps, async (deps) => {
    const current = await q.findWorkspace(deps.db.kysely, { workspaceId });
    if (!current) throw notFound();
    const changes: WorkspaceUpdate = { updated_at: isoNow(deps.clock) };
    if (input.name !== undefined) changes.name = input.name;
    if (input.dealerType !== undefined) changes.dealer_type = input.dealerType;
    if (input.businessNumber !== undefined) changes.business_number = input.businessNumber;
    if (input.vatRateBasisPoints !== undefined) changes.vat_rate_bp = input.vatRateBasisPoints;
    if (input.currency !== undefined) changes.currency = input.currency;
    if (input.timeZone !== undefined) changes.time_zone = input.timeZone;
    if (input.locale !== undefined) changes.locale = input.locale;
    if (input.serviceHours !== undefined) changes.service_hours = JSON.stringify(input.serviceHours);
    if (input.paymentTermsDays !== undefined) changes.payment_terms_days = input.paymentTermsDays;
    if (input.paymentTermsNote !== undefined) changes.payment_terms_note = input.paymentTermsNote;
    if (input.preferredChannels !== undefined) changes.preferred_channels = JSON.stringify(input.preferredChannels);
    if (input.email !== undefined) changes.email = input.email;
    if (input.phone !== undefined) changes.phone = input.phone;
    if (input.address !== undefined) changes.address = input.address;
    if (input.signature !== undefined) changes.signature = input.signature;
    if (input.digestTime !== undefined) changes.digest_time = input.digestTime;
    if ((changes.dealer_type ?? current.dealer_type) === 'exempt') changes.vat_rate_bp = 0;
    await q.updateWorkspace(deps.db.kysely, { workspaceId, changes });
    const changed = changedColumns(current, changes);
    if (changed)
      await recordAudit(deps, { workspaceId }, { action: 'business_profile_changed', detail: { fields: changed } });
    const updated = await q.findWorkspace(deps.db.kysely, { workspaceId });
    if (!updated) throw notFound();
    return toBusinessProfile(updated);
  });
}

/**
 * The columns a change really alters (a form sends every field), by their stored names, for the
 * audit record; null when it alters nothing.
 */
function changedColumns(current: object, changes: object): string | null {
  const before = current as Record<string, unknown>;
  const altered = Object.entries(changes)
    .filter(([column, value]) => column !== 'updated_at' && before[column] !== value)
    .map(([column]) => column);
  return altered.length > 0 ? altered.join(' ') : null;
}

/** Housekeeping for the scheduler: expired sessions, links and old sign-in failures (and SQLite statistics). */
export async function purgeExpired(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  // SQLite's `pragma optimize` refreshes planner statistics as tables grow (PostgreSQL has autovacuum).
  if (deps.db.dialect === 'sqlite') await sql`pragma optimize`.execute(deps.db.kysely);
  await q.deleteExpiredSessions(deps.db.kysely, { now: now.toISOString() });
  await tq.deleteExpiredChallenges(deps.db.kysely, { now: now.toISOString() });
  await tq2.deleteExpiredLinks(deps.db.kysely, { now: now.toISOString() });
  await q.deleteLoginFailuresBefore(deps.db.kysely, {
    before: new Date(now.getTime() - FAILURE_KEEP_MS).toISOString(),
  });
}

function toUser(row: MemberUserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    emailConfirmed: row.email_confirmed_at !== null,
    locale: row.locale,
    addressForm: row.address_form,
  };
}

export function toBusinessProfile(row: WorkspaceRow): BusinessProfile {
  return {
    id: row.id,
    name: row.name,
    dealerType: row.dealer_type,
    businessNumber: row.business_number,
    vatRateBasisPoints: row.vat_rate_bp,
    currency: row.currency,
    timeZone: row.time_zone,
    locale: row.locale,
    serviceHours: readServiceHours(row.service_hours),
    paymentTermsDays: row.payment_terms_days,
    paymentTermsNote: row.payment_terms_note,
    preferredChannels: readChannels(row.preferred_channels),
    email: row.email,
    phone: row.phone,
    address: row.address,
    signature: row.signature,
    digestTime: row.digest_time,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The JSON columns of a workspace, read through their schemas (a bad row fails loudly, not later). */
function readServiceHours(text: string): WeeklyHours {
  return ZWeeklyHours.parse(JSON.parse(text));
}

const ZChannels = z.array(ZChannel);
function readChannels(text: string): Channel[] {
  return ZChannels.parse(JSON.parse(text));
}

/** The signed-in user's name and e-mail, for messages written in their name. */
export async function userContact(
  deps: Deps,
  scope: { workspaceId: string },
  userId: string,
): Promise<{ name: string; email: string }> {
  const user = await q.findUser(deps.db.kysely, { workspaceId: scope.workspaceId, userId });
  if (!user) throw notFound();
  return { name: user.name, email: user.email };
}

/** Owners of a workspace (digest and notification e-mails go to them). */
export async function workspaceOwners(
  deps: Deps,
  scope: { workspaceId: string },
): Promise<{ id: string; name: string; email: string; locale: Locale }[]> {
  const rows = await q.listUsers(deps.db.kysely, scope);
  return rows
    .filter((u) => u.role === 'owner')
    .map((u) => ({ id: u.id, name: u.name, email: u.email, locale: u.locale }));
}

export async function allWorkspaces(deps: Deps): Promise<BusinessProfile[]> {
  return (await q.listWorkspaces(deps.db.kysely)).map(toBusinessProfile);
}

/** A new private calendar-feed token for the user; the old URL stops working. Returned once. */
export async function regenerateCalendarToken(deps: Deps, auth: Auth): Promise<string> {
  const token = secretToken();
  await inTransaction(deps, async (deps) => {
    await q.setCalendarToken(deps.db.kysely, {
      userId: auth.userId,
      tokenHash: sha256Hex(token),
    });
    await recordAudit(deps, auth, { action: 'calendar_feed_renewed' });
  });
  return token;
}

export async function revokeCalendarToken(deps: Deps, auth: Auth): Promise<void> {
  await inTransaction(deps, async (deps) => {
    await q.setCalendarToken(deps.db.kysely, { userId: auth.userId, tokenHash: null });
    await recordAudit(deps, auth, { action: 'calendar_feed_revoked' });
  });
}

/** Who a calendar-feed token belongs to, or null (wrong, revoked or replaced token). */
export async function userByCalendarToken(
  deps: Deps,
  token: string,
): Promise<{ workspaceId: string; userId: string; locale: Locale } | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const user = await q.findUserByCalendarToken(deps.db.kysely, { tokenHash: sha256Hex(token) });
  return user ? { workspaceId: user.workspace_id, userId: user.id, locale: user.locale } : null;
}

export async function calendarFeedEnabled(deps: Deps, auth: Auth): Promise<boolean> {
  const user = await q.findUser(deps.db.kysely, { workspaceId: auth.workspaceId, userId: auth.userId });
  return Boolean(user?.calendar_token_hash);
}
