import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './http.js';

/** The caller's address: the peer, or the one the trusted proxies saw (MILA_TRUST_PROXY). */
export function clientIp(c: Context<AppEnv>): string {
  return peerAddress(c, c.get('deps').config.trustProxy);
}

/**
 * Behind `proxies` proxies of our own the caller's address is that many entries from the right of
 * X-Forwarded-For (nginx's `$proxy_add_x_forwarded_for` appends; entries to the left are whatever the
 * caller sent, so a caller who forges them still lands on the address the proxy saw). A header with
 * fewer entries than proxies did not come through all of them: the peer is used.
 */
export function peerAddress(c: Context, proxies: number): string {
  const trusted = proxies > 0 ? forwardedEntry(c.req.header('x-forwarded-for'), proxies) : undefined;
  if (trusted) return trusted;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The entry `proxies` places from the right of a comma-separated forwarding header. */
export function forwardedEntry(header: string | undefined, proxies: number): string | undefined {
  if (!header || proxies < 1) return undefined;
  const entries = header.split(',').map((entry) => entry.trim());
  const entry = entries[entries.length - proxies];
  return entry || undefined;
}
