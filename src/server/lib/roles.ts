import type { MiddlewareHandler } from 'hono';
import type { MemberRole } from '../../shared/schemas/accounts.js';
import { AppError } from './app-error.js';
import type { AppEnv } from './http.js';

/**
 * What each role may do (issue 14, decision 010), in one place for every route:
 * - owner: everything;
 * - assistant: everything but the business's own settings (VAT, terms, the profile quotes print),
 *   the team, exports and whole-workspace imports, integrations (webhooks) and the audit log;
 * - viewer: looks only, and manages their own account (password, two-step sign-in, sessions,
 *   language, calendar feed, personal tokens, which workspace they work in).
 * Paths are relative to /api/v1. The matrix test (roles.test.ts) calls every route as each role.
 */
const OWNER_ONLY: RegExp[] = [
  /^\/workspace(\/|$)/,
  /^\/team(\/|$)/,
  /^\/exports\//,
  /^\/imports\/workspace-json$/,
  /^\/webhooks(\/|$)/,
  /^\/audit-events$/,
];
/** GET /workspace is the business profile everyone's screens show; only changing it is the owner's. */
const READABLE_BY_ALL: RegExp[] = [/^\/workspace$/];

/** A person's own account: every role manages it, whatever the method. */
const OWN_ACCOUNT: RegExp[] = [
  /^\/auth\//,
  /^\/me$/,
  /^\/me\/workspaces?$/,
  /^\/calendar-feed$/,
  /^\/tokens(\/|$)/,
  /^\/notifications\/read$/,
];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function roleAllows(role: MemberRole, method: string, path: string): boolean {
  if (role === 'owner') return true;
  const safe = SAFE_METHODS.has(method);
  if (OWNER_ONLY.some((p) => p.test(path)) && !(safe && READABLE_BY_ALL.some((p) => p.test(path)))) return false;
  if (OWN_ACCOUNT.some((p) => p.test(path))) return true;
  return role === 'assistant' || safe;
}

/**
 * 403 role_forbidden before validation, so a viewer learns nothing of a route's rules. The public
 * routes (sign-in, sign-up, accepting an invitation) are open to anyone, a signed-in viewer too.
 */
export function roleGuard(prefix: string, publicRoutes: ReadonlySet<string> = new Set()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    if (publicRoutes.has(`${c.req.method} ${c.req.path}`)) return next();
    const path = c.req.path.startsWith(prefix) ? c.req.path.slice(prefix.length) : c.req.path;
    if (auth && !roleAllows(auth.role, c.req.method, path)) throw new AppError('role_forbidden');
    await next();
  };
}
