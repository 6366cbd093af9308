import type { Deps } from '../../lib/http.js';
import * as q from './limits.queries.js';

export type RateLimit = { name: string; limit: number; windowMs: number };
export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/** Windows are kept a day, then housekeeping drops them. */
const KEEP_MS = 86_400_000;

/**
 * Fixed-window limits kept in the database, so several app processes (and a restart) share one
 * count; a request past `limit` in its window is refused until the window ends. The count is one
 * upsert, outside any caller's transaction: a refused request writes nothing else.
 */
export async function takeHit(deps: Deps, rule: RateLimit, key: string): Promise<RateDecision> {
  const now = deps.clock.now().getTime();
  const start = now - (now % rule.windowMs);
  const hits = await q.countHit(deps.db.kysely, {
    bucket: `${rule.name}:${key}`,
    windowStart: new Date(start).toISOString(),
  });
  return {
    allowed: hits <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((start + rule.windowMs - now) / 1000)),
  };
}

export async function purgeOldHits(deps: Deps): Promise<void> {
  await q.deleteHitsBefore(deps.db.kysely, { before: new Date(deps.clock.now().getTime() - KEEP_MS).toISOString() });
}
