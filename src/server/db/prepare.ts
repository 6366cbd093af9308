import type { Db } from './database.js';
import { migrateToLatest } from './migrate.js';
import { ensureRowLevelSecurity } from './row-level-security.js';

/** Brings the database up to this code: migrations under their lock (decision 014), then RLS when hosted. */
export async function prepareDatabase(db: Db, config: { mode: 'self_hosted' | 'hosted' }): Promise<void> {
  await migrateToLatest(db);
  // Hosted: the database itself keeps each workspace's rows apart too (decision 011).
  if (config.mode === 'hosted') await ensureRowLevelSecurity(db);
}
