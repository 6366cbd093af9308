import { randomBytes } from 'node:crypto';
import {
  TOKEN_PREFIX,
  type ApiToken,
  type ApiTokenCreated,
  type ApiTokenList,
  type CreateApiToken,
} from '../../../shared/schemas/tokens.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import { sha256Hex } from '../../lib/crypto.js';
import type { Auth, Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import * as q from './tokens.queries.js';
import type { ApiTokenRow } from './tokens.table.js';

/** last_used_at is written at most this often per token (few writes on a busy integration). */
const TOUCH_EVERY_MS = 60_000;

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Tokens are managed from a signed-in browser only: a token cannot mint or revoke tokens. */
function requireSessionCaller(auth: Auth): void {
  if (auth.tokenId) throw new AppError('forbidden');
}

export async function listApiTokens(deps: Deps, auth: Auth): Promise<ApiTokenList> {
  requireSessionCaller(auth);
  const rows = await q.listTokens(deps.db.kysely, { workspaceId: auth.workspaceId, userId: auth.userId });
  return { items: rows.map(toApiToken) };
}

/** A new token: 256 random bits behind a recognisable prefix, returned this once; only its hash is kept. */
export async function createApiToken(deps: Deps, auth: Auth, input: CreateApiToken): Promise<ApiTokenCreated> {
  requireSessionCaller(auth);
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row: ApiTokenRow = {
    id: newId(),
    workspace_id: auth.workspaceId,
    user_id: auth.userId,
    name: input.name,
    token_hash: sha256Hex(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 4),
    scope: input.scope,
    created_at: isoNow(deps.clock),
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(deps, async (deps) => {
    await q.insertToken(deps.db.kysely, row);
    await recordAudit(deps, auth, { action: 'api_token_created', target: row.name, detail: { scope: row.scope } });
  });
  return { token, apiToken: toApiToken(row) };
}

export async function revokeApiToken(deps: Deps, auth: Auth, id: string): Promise<ApiToken> {
  requireSessionCaller(auth);
  return inTransaction(deps, async (deps) => {
    const row = await q.revokeToken(deps.db.kysely, {
      workspaceId: auth.workspaceId,
      userId: auth.userId,
      id,
      at: isoNow(deps.clock),
    });
    if (!row) throw notFound();
    await recordAudit(deps, auth, { action: 'api_token_revoked', target: row.name });
    return toApiToken(row);
  });
}

/** Resolves `Authorization: Bearer mila_…` into the caller, or null; notes when it was used. */
export async function authenticateToken(deps: Deps, token: string): Promise<Auth | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await q.findLiveToken(deps.db.kysely, { tokenHash: sha256Hex(token) });
  if (!row) return null;
  const now = deps.clock.now();
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() >= TOUCH_EVERY_MS)
    await q.touchToken(deps.db.kysely, { id: row.id, at: now.toISOString() });
  return {
    sessionId: '',
    userId: row.user_id,
    workspaceId: row.workspace_id,
    csrfToken: '',
    userLocale: row.user_locale,
    role: row.role,
    tokenId: row.id,
    readOnly: row.scope === 'read',
  };
}

/**
 * A member left the workspace: their tokens there are revoked for good, so that inviting them back
 * one day does not bring old keys back to life (a token works only through a membership anyway).
 * Runs inside the caller's transaction.
 */
export async function revokeMemberTokens(deps: Deps, scope: { workspaceId: string }, userId: string): Promise<number> {
  return q.revokeUserTokens(deps.db.kysely, { workspaceId: scope.workspaceId, userId, at: isoNow(deps.clock) });
}
