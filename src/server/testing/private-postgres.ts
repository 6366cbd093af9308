/**
 * A throwaway PostgreSQL cluster of its own (initdb into a temp dir, its own port), for drills
 * that must stop or restart the database: the shared server the other suites use is never touched.
 * Run as the `postgres` OS user when we are root (PostgreSQL refuses to run as root).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './crash-drill.js';

const BIN = process.env.MILA_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export type PrivatePostgres = { url: string; restart: () => Promise<void>; destroy: () => void };

/** Why a private cluster cannot be made here (no binaries, no user to run it as); null when it can. */
export function privatePostgresMissing(): string | null {
  for (const tool of ['initdb', 'pg_ctl', 'postgres'])
    if (!fs.existsSync(path.join(BIN, tool))) return `${path.join(BIN, tool)} is not installed`;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'pipe' });
    } catch {
      return 'running as root and there is no postgres user to run the cluster as';
    }
  }
  return null;
}

function command(tool: string, args: string[]): [string, string[]] {
  const bin = path.join(BIN, tool);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function asOwner(tool: string, args: string[]): void {
  const [file, argv] = command(tool, args);
  execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
}

/** The same, without blocking the event loop (the drill's writers keep going meanwhile). */
async function asOwnerAsync(tool: string, args: string[]): Promise<void> {
  const [file, argv] = command(tool, args);
  await promisify(execFile)(file, argv, { timeout: 60_000 });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  let started = false;
  // The log file is named again on restart: a postmaster left writing to our pipe would hang us.
  const log = path.join(dir, 'log');
  const destroy = () => {
    try {
      if (started) asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already down
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    // Sockets in its own dir, TCP on loopback; no fsync: a drill's data need not survive the machine.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    asOwner('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', 'start']);
    started = true;
  } catch (error) {
    destroy();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // Fast: every session is ended at once, as a service manager's restart or a failover would.
    restart: () => asOwnerAsync('pg_ctl', ['-D', data, '-l', log, '-m', 'fast', '-w', 'restart']),
    destroy,
  };
}
