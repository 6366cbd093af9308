import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { awaitingReply } from '../interactions/interactions.service.js';
import { queryPlan, recording } from '../../testing/query-plans.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

/**
 * The planner statistics `pragma optimize` kept for the interactions at 3× the heavy data (450,000
 * contacts, 4,382 waiting; scripts/bench/views-profile.ts --scale 3). With them, SQLite counted the
 * contacts waiting for a reply through the index of every contact by time and read each row: 3.1 s.
 */
const HEAVY_3X_STATS = [
  ['interactions_time_cover_idx', '450000 1093 1 1 1 1'],
  ['interactions_effort_idx', '450000 1093 50 1 1 1'],
  ['interactions_awaiting_cover_idx', '4382 1093 1 1'],
  ['interactions_ws_time_idx', '450000 1093 1'],
  ['interactions_client_idx', '450000 1093 50 1'],
  ['sqlite_autoindex_interactions_1', '450000 1'],
];

describe.each(testDialects().filter((d) => d.dialect === 'sqlite'))(
  'Today’s statements keep their plans at scale on $label',
  ({ dialect, skip }) => {
    let ctx: TestContext;
    let api: ApiClient;
    beforeEach(async () => {
      if (skip) return;
      ctx = await createTestContext(dialect);
      api = await ctx.owner();
    });
    afterEach(async () => {
      if (!skip) await ctx.close();
    });

    it.skipIf(skip)('reads the contacts waiting for a reply, and their count, from their partial index', async () => {
      const scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
      const db = ctx.db.kysely;
      await sql`analyze`.execute(db);
      await sql`delete from sqlite_stat1 where tbl = 'interactions'`.execute(db);
      for (const [index, stat] of HEAVY_3X_STATS)
        await sql`insert into sqlite_stat1 (tbl, idx, stat) values ('interactions', ${index}, ${stat})`.execute(db);
      await sql`analyze sqlite_schema`.execute(db); // loads the statistics into the planner
      const { deps, statements } = recording(ctx.deps);
      await awaitingReply(deps, scope, 15);
      expect(statements).toHaveLength(1);
      const plan = await queryPlan(ctx.db, statements[0]!, { tables: [] });
      // The list and its count (the scalar subquery) both from the index of the contacts waiting.
      expect(plan.split('\n').filter((line) => line.startsWith('SEARCH'))).toEqual([
        'SEARCH interactions USING INDEX interactions_awaiting_cover_idx (workspace_id=?)',
        'SEARCH interactions USING INDEX interactions_awaiting_cover_idx (workspace_id=?)',
      ]);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    });
  },
);
