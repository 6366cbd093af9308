import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { secretToken, sha256Hex } from '../../lib/crypto.js';

/**
 * Files shared into Mila from the phone's share sheet (Web Share Target, decision 012), held for
 * the signed-in user a few minutes until the import page fetches them, once. Kept in this process's
 * memory: a shared file is a hand-over, not data; a restart loses it and the user shares again.
 * Only the token's hash is a key; the token is bound to the user and workspace that shared it.
 * With several worker processes (decision 019) the share and the fetch may reach different
 * workers, so a worker keeps nothing itself: the primary holds the files and workers ask it over
 * the cluster's IPC channel (`shareFile` / `collectSharedFile`; `serveSharedFiles` in the primary).
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
  return takeByKey(owner, sha256Hex(token), now);
}

function takeByKey(owner: Owner, key: string, now: number): SharedFile | null {
  const entry = held.get(key);
  if (!entry || entry.userId !== owner.userId || entry.workspaceId !== owner.workspaceId) return null;
  held.delete(key);
  if (entry.expiresAt <= now) return null;
  return { name: entry.name, bytes: entry.bytes };
}

type Owner = { userId: string; workspaceId: string };
type SharedFile = { name: string; bytes: Uint8Array };
type HoldMessage = { type: 'mila:share-hold'; key: string; owner: Owner; file: SharedFile; now: number };
type TakeMessage = { type: 'mila:share-take'; id: string; key: string; owner: Owner; now: number };
type TakenMessage = { type: 'mila:share-taken'; id: string; file: SharedFile | null };

/** Holds the file here, or in the primary when this is a worker; the token comes back either way. */
export async function shareFile(owner: Owner, file: SharedFile, now: number): Promise<string> {
  if (!cluster.isWorker) return holdSharedFile(owner, file, now);
  const token = secretToken();
  const message: HoldMessage = { type: 'mila:share-hold', key: sha256Hex(token), owner, file, now };
  // Resolved once the message is written to the channel, before the redirect is answered: the
  // fetch, through whichever worker, comes after a round trip to the browser.
  await new Promise<void>((resolve, reject) =>
    process.send!(message, undefined, {}, (e) => (e ? reject(e) : resolve())),
  );
  return token;
}

/** The file, once (see `takeSharedFile`), from this process or the primary. */
export async function collectSharedFile(owner: Owner, token: string, now: number): Promise<SharedFile | null> {
  if (!cluster.isWorker) return takeSharedFile(owner, token, now);
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const onMessage = (message: TakenMessage) => {
      if (message?.type !== 'mila:share-taken' || message.id !== id) return;
      process.off('message', onMessage);
      resolve(message.file);
    };
    process.on('message', onMessage);
    const ask: TakeMessage = { type: 'mila:share-take', id, key: sha256Hex(token), owner, now };
    process.send!(ask, undefined, {}, (error) => {
      if (!error) return;
      process.off('message', onMessage);
      reject(error);
    });
  });
}

/** In the primary: answers a worker's hold and take requests from the one in-memory store. */
export function serveSharedFiles(worker: Worker): void {
  worker.on('message', (message: HoldMessage | TakeMessage) => {
    if (message?.type === 'mila:share-hold') {
      sweep(message.now);
      held.set(message.key, { ...message.owner, ...message.file, expiresAt: message.now + SHARE_TTL_MS });
    } else if (message?.type === 'mila:share-take') {
      const file = takeByKey(message.owner, message.key, message.now);
      const answer: TakenMessage = { type: 'mila:share-taken', id: message.id, file };
      if (worker.isConnected()) worker.send(answer);
    }
  });
}
