import path from 'node:path';

/** Every setting comes from the environment; the README lists them all in one table. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Public origin used in links and for the cross-site request check, e.g. https://mila.example.com */
  publicUrl: string | null;
  /** Set the Secure flag on cookies; on by default when PUBLIC_URL is https. */
  secureCookies: boolean;
  sessionDays: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  logLevel: 'silent' | 'info';
  webDir: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const publicUrl = env.MILA_PUBLIC_URL?.replace(/\/+$/, '') || null;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.MILA_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    publicUrl,
    secureCookies: env.MILA_SECURE_COOKIES ? env.MILA_SECURE_COOKIES === 'true' : Boolean(publicUrl?.startsWith('https:')),
    sessionDays: Number(env.MILA_SESSION_DAYS ?? 30),
    trustProxy: env.MILA_TRUST_PROXY === 'true',
    logLevel: env.MILA_LOG === 'silent' ? 'silent' : 'info',
    webDir: path.resolve(env.MILA_WEB_DIR ?? 'dist/web'),
  };
}
