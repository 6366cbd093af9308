import { sql } from 'kysely';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { pendingMigrations } from '../db/migrate.js';
import type { AppEnv, Deps } from '../lib/http.js';
import { peerAddress } from '../lib/client-ip.js';
import { requestContext, requestIdFrom } from '../lib/request-id.js';

/** What the process tells its probes: set to draining when SIGTERM arrives (main.ts). */
export type Lifecycle = { draining: boolean };

export function createLifecycle(): Lifecycle {
  return { draining: false };
}

/** Probe paths: answered often, so not written to the access log when they succeed. */
const PROBES = new Set(['/api/v1/health', '/api/v1/ready', '/metrics']);

/**
 * The request id (kept from the proxy's `X-Request-Id` when sane, else made here) goes on the
 * answer and on every log line of the request; then one access-log line: the matched route
 * pattern (never the raw path, which may hold ids or a client's token), status and duration.
 * No query string, cookie or header is logged.
 */
export function requestLog(deps: Deps, observe?: (route: string, method: string, status: number, ms: number) => void) {
  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    const requestId = requestIdFrom(c.req.header('x-request-id'));
    const started = performance.now();
    const context = {
      requestId,
      ip: peerAddress(c, deps.config.trustProxy),
      userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
    };
    await requestContext.run(context, async () => {
      await next();
      c.res.headers.set('X-Request-Id', requestId);
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const route = routePath(c) || '*';
      const status = c.res.status;
      observe?.(route, c.req.method, status, ms);
      if (PROBES.has(c.req.path) && status < 400) return;
      deps.logger.info('request', { method: c.req.method, route, status, durationMs: ms });
    });
  };
  return handler;
}

/**
 * Readiness: the database answers a trivial query and has every migration this code knows, and
 * the process is not draining. Otherwise 503 with the reason, so a proxy stops sending here.
 */
export async function readiness(
  deps: Deps,
  lifecycle: Lifecycle,
): Promise<
  { status: 'ready' } | { status: 'not_ready'; reason: 'draining' | 'database_unreachable' | 'migrations_pending' }
> {
  if (lifecycle.draining) return { status: 'not_ready', reason: 'draining' };
  try {
    await sql`select 1`.execute(deps.db.kysely);
  } catch {
    return { status: 'not_ready', reason: 'database_unreachable' };
  }
  try {
    if ((await pendingMigrations(deps.db)).length > 0) return { status: 'not_ready', reason: 'migrations_pending' };
  } catch {
    return { status: 'not_ready', reason: 'migrations_pending' };
  }
  return { status: 'ready' };
}
