import { secretToken, sha256Hex } from '../../lib/crypto.js';

/**
 * Files shared into Mila from the phone's share sheet (Web Share Target, decision 012), held for
 * the signed-in user a few minutes until the import page fetches them, once. Kept in this process's
 * memory: a shared file is a hand-over, not data; a restart loses it and the user shares again.
 * Only the token's hash is a key; the token is bound to the user and workspace that shared it.
 */
export const SHARE_TTL_MS = 10 * 60_000;
const MAX_HELD = 100;

type Held = { userId: string; workspaceId: string; name: string; bytes: Uint8Array; expiresAt: number };
const held = new Map<string, Held>();

function sweep(now: number) {
  for (const [k, v] of held) if (v.expiresAt <= now) held.delete(k);
  while (held.size >= MAX_HELD) held.delete(held.keys().next().value!);
}

export function holdSharedFile(
  owner: { userId: string; workspaceId: string },
  file: { name: string; bytes: Uint8Array },
  now: number,
): string {
  sweep(now);
  const token = secretToken();
  held.set(sha256Hex(token), { ...owner, ...file, expiresAt: now + SHARE_TTL_MS });
  return token;
}

/** The file, once: a second fetch, another user's token or an expired one finds nothing. */
export function takeSharedFile(
  owner: { userId: string; workspaceId: string },
  token: string,
  now: number,
): { name: string; bytes: Uint8Array } | null {
  const key = sha256Hex(token);
  const entry = held.get(key);
  if (!entry || entry.userId !== owner.userId || entry.workspaceId !== owner.workspaceId) return null;
  held.delete(key);
  if (entry.expiresAt <= now) return null;
  return { name: entry.name, bytes: entry.bytes };
}
