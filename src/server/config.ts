import os from 'node:os';
import path from 'node:path';

/** Every setting comes from the environment; the README lists them all in one table. */
export type Config = {
  /**
   * self_hosted: one business, first-run setup once (the default). hosted: a service for many —
   * anyone may sign up for a workspace of their own, on PostgreSQL only (issue 14).
   */
  mode: 'self_hosted' | 'hosted';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Public origin used in links and for the cross-site request check, e.g. https://mila.example.com */
  publicUrl: string | null;
  /** Set the Secure flag on cookies; on by default when PUBLIC_URL is https. */
  secureCookies: boolean;
  /** Idle timeout: a session unused this many days ends. */
  sessionDays: number;
  /** Absolute lifetime: a session ends this many days after sign-in, however much it is used. */
  sessionMaxDays: number;
  /**
   * How many reverse proxies of your own sit in front (0 = none). Each appends the address it saw
   * to X-Forwarded-For, so the caller's address is that many entries from the right; anything
   * further left was written by the caller and is not believed.
   */
  trustProxy: number;
  logLevel: 'silent' | 'info';
  /** SMTP server for e-mail, e.g. smtp://user:pass@smtp.example.com:587; null = e-mail off. */
  smtpUrl: string | null;
  /** The From address of Mila's e-mail; replies go to the business e-mail. */
  mailFrom: string;
  /** Run the in-process scheduler (outbox, reminders, digest). Off in tests, which run jobs by hand. */
  scheduler: boolean;
  webDir: string;
  /** On SIGTERM, how long ready answers 503 (so a proxy stops sending here) before the listener closes. */
  drainDelayMs: number;
  /** /metrics answers only with this Bearer token; off (404) without it. */
  metricsToken: string | null;
  /** Where the scheduler puts a daily backup (at 03:00 in the workspace's time zone); null = off. */
  backupDir: string | null;
  /** How many daily backups to keep; older ones are deleted. */
  backupKeep: number;
  /**
   * How many processes serve requests (decision 019): better-sqlite3 answers one query at a time per
   * process, so a second process keeps one slow query from holding up every request. 1 = one process.
   */
  workers: number;
};

/** More processes than this buy little for one business and cost ~100 MB of memory each. */
export const MAX_DEFAULT_WORKERS = 4;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(os.availableParallelism(), MAX_DEFAULT_WORKERS));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const publicUrl = env.MILA_PUBLIC_URL?.replace(/\/+$/, '') || null;
  const mode = env.MILA_MODE || 'self_hosted';
  if (mode !== 'self_hosted' && mode !== 'hosted')
    throw new Error(`MILA_MODE must be self_hosted or hosted, got "${env.MILA_MODE}"`);
  // Many businesses in one database need PostgreSQL's concurrency and its row-level security.
  if (mode === 'hosted' && !env.DATABASE_URL) throw new Error('MILA_MODE=hosted needs PostgreSQL: set DATABASE_URL');
  return {
    mode,
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.MILA_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    publicUrl,
    secureCookies: env.MILA_SECURE_COOKIES
      ? env.MILA_SECURE_COOKIES === 'true'
      : Boolean(publicUrl?.startsWith('https:')),
    sessionDays: Number(env.MILA_SESSION_DAYS ?? 30),
    sessionMaxDays: Number(env.MILA_SESSION_MAX_DAYS ?? 90),
    trustProxy: proxyHops(env.MILA_TRUST_PROXY),
    logLevel: env.MILA_LOG === 'silent' ? 'silent' : 'info',
    smtpUrl: env.MILA_SMTP_URL || null,
    mailFrom: env.MILA_MAIL_FROM || 'mila@localhost',
    scheduler: env.MILA_SCHEDULER !== 'off',
    webDir: path.resolve(env.MILA_WEB_DIR ?? 'dist/web'),
    drainDelayMs: Math.max(0, Number(env.MILA_DRAIN_SECONDS ?? 0) || 0) * 1000,
    metricsToken: env.MILA_METRICS_TOKEN || null,
    backupDir: env.MILA_BACKUP_DIR ? path.resolve(env.MILA_BACKUP_DIR) : null,
    backupKeep: positiveInteger(env.MILA_BACKUP_KEEP, 7, 'MILA_BACKUP_KEEP'),
    workers: positiveInteger(env.MILA_WORKERS, defaultWorkers(), 'MILA_WORKERS'),
  };
}

/** MILA_TRUST_PROXY: `true` (one proxy), `false`/unset (none) or the number of proxies in front. */
function proxyHops(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`MILA_TRUST_PROXY must be true, false or a number of proxies, got "${value}"`);
  return n;
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, got "${value}"`);
  return n;
}
