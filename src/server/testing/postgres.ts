import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/** True when a PostgreSQL server answers at the URL within two seconds. */
export async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * `mila_t_<creation time in base 36>_<random>`: the time lets a later run tell a schema left behind
 * by an interrupted run from one that another run, in another worktree, is using right now.
 */
export function testSchemaName(now = Date.now()): string {
  return `mila_t_${now.toString(36)}_${randomBytes(6).toString('hex')}`;
}

/** When a test schema is old enough to be a leftover (no suite runs for an hour); null for other names. */
export function leftoverTestSchema(name: string, now = Date.now()): boolean {
  const match = /^mila_t_([0-9a-z]+)_[0-9a-f]{12}$/.exec(name);
  return match !== null && now - parseInt(match[1]!, 36) > 3_600_000;
}
