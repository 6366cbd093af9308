import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { postgresReachable, testDatabaseUrl } from './postgres.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/**
 * Runs once before the unit suites: finds out whether PostgreSQL is there (the suites then run on
 * both dialects) and installs pg_trgm once, so parallel test files don't race to create it.
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = testDatabaseUrl();
  if (!(await postgresReachable(url))) {
    console.warn(
      `\n[mila] PostgreSQL is not reachable at ${url}: the PostgreSQL runs of every suite are SKIPPED (SQLite runs as usual).\n`,
    );
    project.provide('postgresUrl', null);
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_trgm');
    // Schemas left behind by an interrupted earlier run: only those over a day old, so a run never
    // pulls the tables from under another one that is going on beside it.
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname like 'mila\\_t\\_%'",
    );
    const dayAgo = Date.now() - 86_400_000;
    for (const { nspname } of rows) {
      const created = parseInt(nspname.split('_')[2] ?? '', 36);
      if (Number.isNaN(created) || nspname.split('_').length < 4 || created < dayAgo)
        await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } finally {
    await client.end();
  }
  project.provide('postgresUrl', url);
}
