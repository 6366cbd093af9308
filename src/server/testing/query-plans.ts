import { CompiledQuery, sql, type KyselyPlugin, type QueryId } from 'kysely';
import type { Db } from '../db/database.js';
import type { Deps } from '../lib/http.js';

export type Statement = { sql: string; parameters: readonly unknown[] };

/**
 * The statements a service call runs, as compiled (one per query that comes back; a subquery built
 * apart is part of its statement), for tests that assert their query plans.
 */
export function recording(deps: Deps): { deps: Deps; statements: Statement[] } {
  const statements: Statement[] = [];
  const compiled = new WeakMap<QueryId, Statement>();
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      const query = deps.db.kysely.getExecutor().compileQuery(node, queryId);
      compiled.set(queryId, { sql: query.sql, parameters: query.parameters });
      return node;
    },
    transformResult: async ({ result, queryId }) => {
      const statement = compiled.get(queryId);
      if (statement) statements.push(statement);
      return result;
    },
  };
  return { deps: { ...deps, db: { ...deps.db, kysely: deps.db.kysely.withPlugin(plugin) } }, statements };
}

/**
 * A statement's query plan as text, one line a step: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's
 * EXPLAIN. A test's tables hold a few rows, where PostgreSQL rightly reads a table whole: there
 * the `tables` are vacuumed and analysed (so an index-only scan is costed as one) and sequential
 * scans are avoided, which shows whether the indexes can serve the statement at all.
 */
export async function queryPlan(db: Db, statement: Statement, { tables }: { tables: string[] }): Promise<string> {
  const parameters = [...statement.parameters];
  if (db.dialect === 'sqlite') {
    const rows = await db.kysely.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${statement.sql}`, parameters),
    );
    return rows.rows.map((r) => r.detail).join('\n');
  }
  for (const table of tables) await sql`vacuum analyze ${sql.table(table)}`.execute(db.kysely);
  return db.kysely.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const rows = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${statement.sql}`, parameters),
    );
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}
