import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './http.js';

/** The caller's address: the peer, or X-Forwarded-For when MILA_TRUST_PROXY says a proxy sits in front. */
export function clientIp(c: Context<AppEnv>): string {
  return peerAddress(c, c.get('deps').config.trustProxy);
}

export function peerAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
