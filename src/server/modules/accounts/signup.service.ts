import type { ForgotPassword, ResetPassword, SetUpWorkspace } from '../../../shared/schemas/accounts.js';
import { AppError, fieldError } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import { secretToken, sha256Hex } from '../../lib/crypto.js';
import type { Auth, Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { takeHit, type RateLimit } from '../limits/limits.service.js';
import { sendAccountMail } from './account-mail.js';
import * as q from './accounts.queries.js';
import {
  checkNewPassword,
  hashPassword,
  insertWorkspaceWithOwner,
  startSession,
  type NewSession,
} from './accounts.service.js';
import type { EmailTokenPurpose, UserRow } from './accounts.table.js';
import * as tq from './team.queries.js';

/**
 * Hosted mode's own way in (issue 14): sign-up makes a workspace and its owner and signs them in;
 * the address is confirmed by a link e-mailed to it. Resetting a forgotten password by an e-mailed
 * link works in both modes whenever e-mail is set up. Every link is single use, expiring, hashed.
 */
const CONFIRM_MS = 2 * 86_400_000;
const RESET_MS = 3_600_000;
/** Counted in the database, so they hold across processes (like every other limit). */
const SIGN_UP_PER_ADDRESS: RateLimit = { name: 'sign-up', limit: 5, windowMs: 3_600_000 };
const LINKS_PER_ACCOUNT: RateLimit = { name: 'account-link', limit: 5, windowMs: 3_600_000 };
const RESETS_PER_ADDRESS: RateLimit = { name: 'password-reset-ip', limit: 20, windowMs: 3_600_000 };

async function limit(deps: Deps, rule: RateLimit, key: string): Promise<void> {
  const decision = await takeHit(deps, rule, key);
  if (!decision.allowed)
    throw new AppError('rate_limited', {
      params: { seconds: decision.retryAfterSeconds },
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
    });
}

/** A new link for the user, replacing their earlier ones of the purpose; the token is returned once. */
async function newLink(deps: Deps, user: UserRow, purpose: EmailTokenPurpose, ms: number): Promise<string> {
  const token = secretToken();
  const now = deps.clock.now();
  await tq.deleteEmailTokens(deps.db.kysely, { userId: user.id, purpose });
  await tq.insertEmailToken(deps.db.kysely, {
    id: newId(),
    user_id: user.id,
    purpose,
    token_hash: sha256Hex(token),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ms).toISOString(),
    used_at: null,
  });
  return token;
}

export async function signUp(
  deps: Deps,
  input: SetUpWorkspace,
  meta: { ip: string; userAgent: string | null; origin: string },
): Promise<NewSession> {
  if (deps.config.mode !== 'hosted') throw new AppError('not_found');
  await limit(deps, SIGN_UP_PER_ADDRESS, meta.ip);
  await checkNewPassword(
    input.owner.password,
    [input.owner.email, input.owner.name, input.business.name],
    'owner.password',
  );
  const passwordHash = await hashPassword(input.owner.password);
  const { session, token, user } = await inTransaction(deps, async (deps) => {
    const user = await insertWorkspaceWithOwner(deps, input, passwordHash, { emailConfirmed: false });
    const token = await newLink(deps, user, 'confirm_email', CONFIRM_MS);
    const session = await startSession(
      deps,
      { ...user, workspaceId: user.workspace_id },
      { userAgent: meta.userAgent, failedSignIns: 0, lastFailedAt: null },
    );
    return { session, token, user };
  });
  await sendConfirmation(deps, user, token, meta.origin);
  return session;
}

function sendConfirmation(deps: Deps, user: UserRow, token: string, origin: string): Promise<boolean> {
  return sendAccountMail(deps, {
    to: user.email,
    locale: user.locale,
    kind: 'confirm_email',
    link: `${origin}/confirm-email/${token}`,
    params: { name: user.name },
  });
}

/** Another confirmation e-mail (the first one got lost); whether it was sent. */
export async function resendConfirmation(deps: Deps, auth: Auth, origin: string): Promise<{ emailed: boolean }> {
  const user = await q.findUser(deps.db.kysely, auth);
  if (!user) throw new AppError('unauthenticated');
  if (user.email_confirmed_at) return { emailed: false };
  await limit(deps, LINKS_PER_ACCOUNT, user.id);
  const token = await inTransaction(deps, (deps) => newLink(deps, user, 'confirm_email', CONFIRM_MS));
  return { emailed: await sendConfirmation(deps, user, token, origin) };
}

/** The link from the confirmation e-mail: the token is the credential (no session needed). */
export async function confirmEmail(deps: Deps, token: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    const user = await useLink(deps, token, 'confirm_email');
    if (user.email_confirmed_at) return;
    await q.updateUser(deps.db.kysely, { userId: user.id, changes: { email_confirmed_at: isoNow(deps.clock) } });
    await recordAudit(deps, { workspaceId: user.workspace_id }, { action: 'email_confirmed', userId: user.id });
  });
}

/** The user of a live link, used up now; a wrong, used or expired link is a field error. */
async function useLink(deps: Deps, token: string, purpose: EmailTokenPurpose): Promise<UserRow> {
  const db = deps.db.kysely;
  const now = isoNow(deps.clock);
  const link = await tq.findLiveEmailToken(db, { tokenHash: sha256Hex(token), purpose, now });
  const user = link && (await q.findUserById(db, { userId: link.user_id }));
  if (!link || !user || !(await tq.useEmailToken(db, { id: link.id, at: now })))
    throw fieldError('token', 'link_invalid');
  return user;
}

/**
 * "I forgot my password": when the address has an account, a reset link is e-mailed to it. The
 * answer is the same either way, so the form does not tell strangers who has an account.
 */
export async function forgotPassword(
  deps: Deps,
  input: ForgotPassword,
  meta: { ip: string; origin: string },
): Promise<void> {
  if (!deps.mailer) throw new AppError('not_found');
  await limit(deps, RESETS_PER_ADDRESS, meta.ip);
  const user = await q.findUserByEmail(deps.db.kysely, { email: input.email });
  if (!user) return;
  await limit(deps, LINKS_PER_ACCOUNT, user.id);
  const token = await inTransaction(deps, (deps) => newLink(deps, user, 'reset_password', RESET_MS));
  await sendAccountMail(deps, {
    to: user.email,
    locale: user.locale,
    kind: 'reset_password',
    link: `${meta.origin}/reset-password/${token}`,
    params: { name: user.name },
  });
}

/**
 * A new password through the e-mailed link: every session of the account ends (whoever knew the old
 * password is out), and the address counts as confirmed (the link reached it).
 */
export async function resetPasswordByLink(deps: Deps, input: ResetPassword): Promise<void> {
  const db = deps.db.kysely;
  const link = await tq.findLiveEmailToken(db, {
    tokenHash: sha256Hex(input.token),
    purpose: 'reset_password',
    now: isoNow(deps.clock),
  });
  const owner = link && (await q.findUserById(db, { userId: link.user_id }));
  if (!owner) throw fieldError('token', 'link_invalid');
  await checkNewPassword(input.newPassword, [owner.email, owner.name], 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(deps, async (deps) => {
    const user = await useLink(deps, input.token, 'reset_password');
    const at = isoNow(deps.clock);
    await q.setPasswordHash(deps.db.kysely, { userId: user.id, passwordHash, at });
    if (!user.email_confirmed_at)
      await q.updateUser(deps.db.kysely, { userId: user.id, changes: { email_confirmed_at: at } });
    const ended = await q.deleteUserSessions(deps.db.kysely, { userId: user.id });
    await recordAudit(
      deps,
      { workspaceId: user.workspace_id },
      { action: 'password_reset_by_email', userId: user.id, detail: { sessionsEnded: ended } },
    );
  });
}
