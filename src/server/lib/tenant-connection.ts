import type { MiddlewareHandler } from 'hono';
import { asWorkspace } from '../db/row-level-security.js';
import type { AppEnv } from './http.js';

/** A response body nobody reads (a dropped client) gives its connection back after this long. */
const BODY_DEADLINE_MS = 10 * 60_000;

/**
 * Hosted mode on PostgreSQL: a signed-in request runs on one connection as the app role, scoped
 * to the caller's workspace by row-level security (db/row-level-security.ts). The connection is
 * held until the response body has been sent: an export streams its rows after the handler returns.
 */
export function tenantConnection(publicRoutes: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    const auth = c.get('auth');
    if (!auth || deps.config.mode !== 'hosted' || deps.db.dialect !== 'postgres') return next();
    // Public routes cross workspaces by design (accepting an invitation into another one).
    if (publicRoutes.has(`${c.req.method} ${c.req.path}`)) return next();
    await new Promise<void>((answered, failed) => {
      asWorkspace(deps.db.kysely, auth.workspaceId, async (kysely) => {
        c.set('deps', { ...deps, db: { ...deps.db, kysely } });
        try {
          await next();
        } catch (error) {
          failed(error);
          return;
        }
        const body = c.res.body;
        if (!body || c.req.method === 'HEAD') {
          answered();
          return;
        }
        // The handler is done; the body may still read rows. Hand the response on, and keep the
        // connection until the body is through (or the client is gone).
        const { readable, writable } = new TransformStream();
        const sent = body.pipeTo(writable).catch(() => undefined);
        c.res = new Response(readable, c.res);
        answered();
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, BODY_DEADLINE_MS)));
        await Promise.race([sent, deadline]);
        clearTimeout(timer);
      }).catch(failed);
    });
  };
}
