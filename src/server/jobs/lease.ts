import type { Executor } from '../db/database.js';

/**
 * A job runs only where its lease was won: an atomic compare-and-set on `job_leases`, so with
 * several app processes on one PostgreSQL exactly one runs each job at a time, and a process that
 * dies holding a lease loses it when the lease expires.
 */
export async function acquireLease(
  db: Executor,
  { name, owner, now, ttlMs, everyMs }: { name: string; owner: string; now: Date; ttlMs: number; everyMs: number },
): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ name, locked_until: new Date(0).toISOString(), locked_by: null, last_run_at: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const nowIso = now.toISOString();
  const dueBefore = new Date(now.getTime() - everyMs).toISOString();
  const result = await db
    .updateTable('job_leases')
    .set({ locked_until: new Date(now.getTime() + ttlMs).toISOString(), locked_by: owner })
    .where('name', '=', name)
    .where('locked_until', '<', nowIso)
    .where((eb) => eb.or([eb('last_run_at', 'is', null), eb('last_run_at', '<=', dueBefore)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseLease(
  db: Executor,
  { name, owner, now }: { name: string; owner: string; now: Date },
): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ locked_until: now.toISOString(), last_run_at: now.toISOString() })
    .where('name', '=', name)
    .where('locked_by', '=', owner)
    .execute();
}

/** Records that a piece of work is done; false when it was done already (by anyone, ever). */
export async function claimRun(
  db: Executor,
  { runKey, workspaceId, now }: { runKey: string; workspaceId: string | null; now: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('job_runs')
    .values({ run_key: runKey, workspace_id: workspaceId, done_at: now.toISOString() })
    .onConflict((oc) => oc.column('run_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Whether a piece of work has been recorded as done (for work that may only be claimed after it succeeds). */
export async function hasRun(db: Executor, runKey: string): Promise<boolean> {
  const row = await db.selectFrom('job_runs').select('run_key').where('run_key', '=', runKey).executeTakeFirst();
  return row !== undefined;
}

/** When each job last finished (null before its first run). */
export async function lastRuns(db: Executor): Promise<{ name: string; lastRunAt: string | null }[]> {
  const rows = await db.selectFrom('job_leases').select(['name', 'last_run_at']).execute();
  return rows.map((r) => ({ name: r.name, lastRunAt: r.last_run_at }));
}
