import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZQuoteListQuery } from '../../../shared/schemas/quotes.js';
import { createClient, createQuote, sendQuote } from '../../testing/api-helpers.js';
import { queryPlan, recording } from '../../testing/query-plans.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { listQuoteSummaries, quotesAwaitingAnswer } from './quotes.service.js';

/**
 * Issue 13: the quotes list's counts and Today's quotes waiting are answered from indexes
 * (migration 029), without reading the versions' rows (a version's row holds its whole content) or
 * any client's. The plans are asserted on SQLite, which plans without statistics; with
 * a test's two rows PostgreSQL's costs tie and its choice flips between runs, so there only the
 * statements are checked (its plans on the heavy data: scripts/bench/views-profile.ts --explain).
 */
describe.each(testDialects())('the quotes statements’ plans on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let scope: { workspaceId: string };
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    const client = await createClient(api, { name: 'סטודיו כרמל' });
    await sendQuote(api, (await createQuote(api, client.id, { title: 'לוגו' })).id);
    await createQuote(api, client.id, { title: 'אתר' });
    scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('counts the list by status from the indexes alone, in one statement with its total', async () => {
    const { deps, statements } = recording(ctx.deps);
    const list = await listQuoteSummaries(deps, scope, ZQuoteListQuery.parse({}));
    expect(list.total).toBe(2);
    // The workspace's profile (its time zone), the page, the counts: no count of its own for the total.
    expect(statements).toHaveLength(3);
    const counts = statements.find((s) => /group by/i.test(s.sql))!;
    expect(counts.sql).not.toMatch(/"clients"/);
    if (dialect !== 'sqlite') return;
    const plan = await queryPlan(ctx.db, counts, { tables: ['quotes', 'quote_versions'] });
    expect(plan).toMatch(/SEARCH v USING COVERING INDEX quote_versions_status_cover_idx \(workspace_id=\?\)/);
    expect(plan).toMatch(/SEARCH q USING INDEX sqlite_autoindex_quotes_1 \(id=\?\)/);
    // The page: newest first, read in that order.
    const page = statements.find((s) => /limit/i.test(s.sql))!;
    expect(await queryPlan(ctx.db, page, { tables: [] })).toMatch(/SEARCH q USING INDEX quotes_ws_created_idx/);
  });

  it.skipIf(skip)('reads the quotes waiting by status and send date, and counts them from the index', async () => {
    const { deps, statements } = recording(ctx.deps);
    const waiting = (await quotesAwaitingAnswer(deps, scope, { limit: 15, timeZone: 'Asia/Jerusalem' })).fill(
      new Map(),
    );
    expect(waiting.total).toBe(1);
    expect(statements).toHaveLength(1);
    if (dialect !== 'sqlite') return;
    const plan = await queryPlan(ctx.db, statements[0]!, { tables: ['quotes', 'quote_versions'] });
    expect(plan).toMatch(/SEARCH v USING INDEX quote_versions_status_cover_idx \(workspace_id=\? AND status=\?\)/);
    // The count: the versions from the index alone.
    expect(plan).toMatch(
      /SEARCH v USING COVERING INDEX quote_versions_status_cover_idx \(workspace_id=\? AND status=\?\)/,
    );
  });
});
