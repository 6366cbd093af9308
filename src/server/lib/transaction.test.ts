import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingWrites, InjectedFailure, snapshotAll } from '../testing/failure.js';
import { createTestDb, testDeps, testDialects, type TestDb } from '../testing/test-db.js';
import type { Deps } from './http.js';
import { inTransaction } from './transaction.js';

const run = (key: string) => ({ run_key: key, workspace_id: null, done_at: '2026-11-23T08:00:00.000Z' });

async function writeTwo(deps: Deps) {
  return inTransaction(deps, async (deps) => {
    await deps.db.kysely.insertInto('job_runs').values(run('first')).execute();
    // A nested call joins the open transaction instead of waiting for the one connection.
    await inTransaction(deps, (deps) =>
      deps.db.kysely
        .insertInto('job_leases')
        .values({ name: 'x', locked_until: '', locked_by: null, last_run_at: null })
        .execute(),
    );
    await deps.db.kysely.insertInto('job_runs').values(run('second')).execute();
    return 'done';
  });
}

describe.each(testDialects())('inTransaction on $label', ({ dialect, skip }) => {
  let db: TestDb;
  beforeEach(async () => {
    if (!skip) db = await createTestDb(dialect);
  });
  afterEach(async () => {
    if (!skip) await db.drop();
  });

  it.skipIf(skip)('commits every step together, nested calls included', async () => {
    expect(await writeTwo(testDeps(db))).toBe('done');
    const rows = await db.kysely.selectFrom('job_runs').select('run_key').orderBy('run_key').execute();
    expect(rows.map((r) => r.run_key)).toEqual(['first', 'second']);
    expect(await db.kysely.selectFrom('job_leases').select('name').execute()).toEqual([{ name: 'x' }]);
  });

  it.skipIf(skip)('writes nothing at all when the last step fails', async () => {
    const before = await snapshotAll(db);
    const failing = failingWrites(testDeps(db), { table: 'job_runs', nth: 2 });
    await expect(writeTwo(failing)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(db)).toEqual(before);
    expect(Object.keys(before)).toContain('job_runs');
  });
});
