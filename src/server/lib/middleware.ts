import type { MiddlewareHandler } from 'hono';
import { AppError } from './app-error.js';
import { safeEqual } from './crypto.js';
import type { AppEnv, Auth, Deps } from './http.js';
import { localeFromHeader } from './i18n.js';
import { currentRequest } from './request-id.js';
import { readSessionCookie } from './session-cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function provideDeps(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    c.set('auth', null);
    c.set('locale', localeFromHeader(c.req.header('accept-language')) ?? 'he');
    await next();
  };
}

/** Turns a session cookie's token into the caller, or null; the accounts module provides it. */
export type Authenticate = (deps: Deps, token: string) => Promise<Auth | null>;

/**
 * Resolves the session cookie, if any; the caller's language then falls back to their setting.
 * The lookup is passed in so lib/ stays a leaf below the modules.
 */
export function sessionAuth(authenticate: Authenticate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c);
    if (token) {
      const auth = await authenticate(c.get('deps'), token);
      c.set('auth', auth);
      if (auth && !localeFromHeader(c.req.header('accept-language'))) c.set('locale', auth.userLocale);
    }
    await next();
  };
}

/**
 * A personal API token in `Authorization: Bearer …` stands in for the session (and wins over a
 * cookie sent beside it); a token that is not valid leaves the caller signed out, so 401.
 */
export function bearerAuth(authenticate: Authenticate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (header) {
      const auth = match ? await authenticate(c.get('deps'), match[1]!) : null;
      c.set('auth', auth);
      if (auth && !localeFromHeader(c.req.header('accept-language'))) c.set('locale', auth.userLocale);
    }
    await next();
  };
}

/** Who the request turned out to be, for the audit record of whatever it changes. */
export function noteActor(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    const context = currentRequest();
    if (context) context.actor = auth ? { userId: auth.userId, tokenId: auth.tokenId ?? null } : null;
    await next();
  };
}

/** A read-only token may look, never change: any other method is 403. */
export function tokenScope(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('auth')?.readOnly && !SAFE_METHODS.has(c.req.method)) throw new AppError('forbidden');
    await next();
  };
}

/**
 * Cross-site request forgery: a state-changing request must come from our own origin
 * (Origin / Sec-Fetch-Site), and when it rides on a session cookie it must also echo the
 * session's CSRF token in X-CSRF-Token (synchroniser token, never stored in a cookie).
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    // A bearer token is never sent by the browser on its own, so a forged request cannot carry it.
    if (c.get('auth')?.tokenId) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') throw new AppError('csrf_failed');
    const origin = c.req.header('origin');
    // The client's pages send `Referrer-Policy: no-referrer`, under which a browser's form post says
    // `Origin: null`: it is ours only when the browser itself vouches that the post is same-origin.
    const vouched = origin === 'null' && fetchSite === 'same-origin';
    if (origin && !vouched && !isOwnOrigin(origin, c.req.url, c.get('deps').config.publicUrl))
      throw new AppError('csrf_failed');
    const auth = c.get('auth');
    if (auth) {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!safeEqual(sent, auth.csrfToken)) throw new AppError('csrf_failed');
    }
    await next();
  };
}

function isOwnOrigin(origin: string, requestUrl: string, publicUrl: string | null): boolean {
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  return origin === new URL(requestUrl).origin;
}

/**
 * Private by default: every API route needs a session except the few listed here, and the check
 * runs before input validation so an anonymous caller learns nothing about the payload rules.
 */
export function requireSession(publicPaths: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!publicPaths.has(`${c.req.method} ${c.req.path}`) && !c.get('auth')) throw new AppError('unauthenticated');
    await next();
  };
}
