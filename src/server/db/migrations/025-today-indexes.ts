import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Issue 13: Today's "projects just started" read each project's promises by project, and no index
 * had project_id, so every project scanned the workspace's promises (15–20 ms each at 20,000
 * promises). A partial index on the promises that belong to a project, and one for the newest
 * projects, make it a handful of index reads.
 */
export function todayIndexes(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('commitments_project_idx')
        .on('commitments')
        .columns(['workspace_id', 'project_id', 'due_at'])
        .where('project_id', 'is not', null)
        .execute();
      await db.schema
        .createIndex('projects_ws_created_idx')
        .on('projects')
        .columns(['workspace_id', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('projects_ws_created_idx').ifExists().execute();
      await db.schema.dropIndex('commitments_project_idx').ifExists().execute();
    },
  };
}
