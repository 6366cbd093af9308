import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** Counts one request in its window and returns the window's count so far: one atomic statement. */
export async function countHit(
  db: Executor,
  { bucket, windowStart }: { bucket: string; windowStart: string },
): Promise<number> {
  const row = await db
    .insertInto('rate_hits')
    .values({ bucket, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql<number>`rate_hits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

export async function deleteHitsBefore(db: Executor, { before }: { before: string }): Promise<void> {
  await db.deleteFrom('rate_hits').where('window_start', '<', before).execute();
}
