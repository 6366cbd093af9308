import type {
  ConfirmTwoFactor,
  RecoveryCodesIssued,
  RegenerateRecoveryCodes,
  StartTwoFactor,
  TurnOffTwoFactor,
  TwoFactorStarted,
} from '../../../shared/schemas/accounts.js';
import { AppError, fieldError } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Auth, Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import * as q from './accounts.queries.js';
import { checkCurrentPassword, recordFailure } from './accounts.service.js';
import type { UserRow } from './accounts.table.js';
import { checkTotp, groupSecret, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri } from './two-factor.js';
import * as tq from './two-factor.queries.js';
import { recordAudit } from '../audit/audit.service.js';

/**
 * Turning two-step sign-in on, off, and new recovery codes (ASVS 5 V6.4.x, V6.5.x). Each needs the
 * current password; turning it on ends with a code from the app, turning it off needs one too (or a
 * recovery code). The sign-in itself is in accounts.service.ts (it makes the session).
 */
type Meta = { ip: string };

/** A new secret for the app to scan (kept pending until a code confirms it); the password first. */
export async function startTwoFactor(
  deps: Deps,
  auth: Auth,
  input: StartTwoFactor,
  meta: Meta,
): Promise<TwoFactorStarted> {
  const user = await checkCurrentPassword(deps, auth, input.currentPassword, meta);
  if (user.totp_secret) throw new AppError('two_factor_on');
  const secret = newTotpSecret();
  await tq.setPendingSecret(deps.db.kysely, { ...auth, secret });
  const workspace = await q.findWorkspace(deps.db.kysely, { workspaceId: auth.workspaceId });
  // The app lists the account as "Mila (business): e-mail".
  const issuer = workspace ? `Mila (${workspace.name})` : 'Mila';
  return { uri: totpUri(secret, user.email, issuer), secret: groupSecret(secret) };
}

/** A current code from the app turns it on; the ten recovery codes are returned this once. */
export async function confirmTwoFactor(deps: Deps, auth: Auth, input: ConfirmTwoFactor): Promise<RecoveryCodesIssued> {
  const user = await findUser(deps, auth);
  if (user.totp_secret) throw new AppError('two_factor_on');
  const secret = user.totp_pending_secret;
  if (!secret) throw new AppError('two_factor_off');
  const checked = await checkTotp(secret, input.code, deps.clock, null);
  if (checked.step === null) throw fieldError('code', 'wrong_totp_code');
  const step = checked.step;
  return inTransaction(deps, async (deps) => {
    await tq.enableTotp(deps.db.kysely, { ...auth, secret, step, at: isoNow(deps.clock) });
    await recordAudit(deps, auth, { action: 'two_factor_on' });
    return issueRecoveryCodes(deps, user);
  });
}

/** Ten new recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(
  deps: Deps,
  auth: Auth,
  input: RegenerateRecoveryCodes,
  meta: Meta,
): Promise<RecoveryCodesIssued> {
  const user = await checkCurrentPassword(deps, auth, input.currentPassword, meta);
  if (!user.totp_secret) throw new AppError('two_factor_off');
  return inTransaction(deps, async (deps) => {
    await recordAudit(deps, auth, { action: 'recovery_codes_renewed' });
    return issueRecoveryCodes(deps, user);
  });
}

/** Off again: the password and a current code (or a recovery code); wrong codes count in the throttle. */
export async function turnOffTwoFactor(deps: Deps, auth: Auth, input: TurnOffTwoFactor, meta: Meta): Promise<void> {
  const user = await checkCurrentPassword(deps, auth, input.currentPassword, meta);
  if (!user.totp_secret) throw new AppError('two_factor_off');
  const secret = user.totp_secret;
  const who = { email: user.email, ip: meta.ip };
  try {
    await inTransaction(deps, async (deps) => {
      const db = deps.db.kysely;
      if (input.method === 'totp') {
        const checked = await checkTotp(secret, input.code, deps.clock, user.totp_last_step);
        if (checked.step === null) throw fieldError('code', checked.replayed ? 'totp_code_used' : 'wrong_totp_code');
        if (!(await tq.useTotpStep(db, { ...auth, step: checked.step }))) throw fieldError('code', 'totp_code_used');
      } else {
        const codeHash = recoveryCodeHash(input.code);
        if (!(await tq.useRecoveryCode(db, { ...auth, codeHash, at: isoNow(deps.clock) })))
          throw fieldError('code', 'wrong_recovery_code');
      }
      await clearTwoFactor(deps, { userId: auth.userId });
      await recordAudit(deps, auth, {
        action: 'two_factor_off',
        detail: { with: input.method === 'totp' ? 'totp' : 'recovery_code' },
      });
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') await recordFailure(deps, who, user, 'code');
    throw error;
  }
}

/**
 * The operator's way out (`mila user two-factor-off`) for an owner who lost the phone and the
 * recovery codes: whoever runs it already holds the server. Whether it was on.
 */
export async function turnOffTwoFactorByOperator(deps: Deps, input: { email: string }): Promise<boolean> {
  const user = await q.findUserByEmail(deps.db.kysely, { email: input.email.trim().toLowerCase() });
  if (!user) throw fieldError('email', 'unknown_user');
  const wasOn = user.totp_secret !== null;
  await inTransaction(deps, async (deps) => {
    await clearTwoFactor(deps, { userId: user.id });
    if (wasOn)
      await recordAudit(deps, { workspaceId: user.workspace_id }, { action: 'two_factor_off', target: user.email });
  });
  return wasOn;
}

async function clearTwoFactor(deps: Deps, scope: { userId: string }): Promise<void> {
  await tq.disableTotp(deps.db.kysely, scope);
  await tq.deleteRecoveryCodes(deps.db.kysely, scope);
  await tq.deleteUserChallenges(deps.db.kysely, scope);
}

async function issueRecoveryCodes(deps: Deps, user: UserRow): Promise<RecoveryCodesIssued> {
  const codes = newRecoveryCodes();
  const at = isoNow(deps.clock);
  await tq.replaceRecoveryCodes(
    deps.db.kysely,
    { userId: user.id },
    // Kept under the home workspace: the codes are the person's, wherever they work (decision 010).
    codes.map((code) => ({
      id: newId(),
      workspace_id: user.workspace_id,
      user_id: user.id,
      code_hash: recoveryCodeHash(code),
      created_at: at,
      used_at: null,
    })),
  );
  return { recoveryCodes: codes };
}

async function findUser(deps: Deps, auth: Auth): Promise<UserRow> {
  const user = await q.findUser(deps.db.kysely, { workspaceId: auth.workspaceId, userId: auth.userId });
  if (!user) throw new AppError('unauthenticated');
  return user;
}
