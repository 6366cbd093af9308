/**
 * Records the SQL statements a request runs, for the bench's raw SQL time (raw-sql.ts) and the
 * views profile. Kysely hands a plugin's transformQuery every query builder that is turned into a
 * node, and a subquery built apart (`db.selectFrom(…)` inside a union or a `where … in`) is one of
 * them: recording there counted such subqueries as statements of their own and replayed them on
 * their own, and counted statements compiled but never run. A statement is kept only when its
 * result comes back, under the query id Kysely gave it.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryId } from 'kysely';
import type { Db } from '../../src/server/db/database.js';

export type Statement = { sql: string; parameters: readonly unknown[] };

export function recorder(db: Db, seen: Statement[]): KyselyPlugin {
  const compiled = new WeakMap<QueryId, Statement>();
  return {
    transformQuery: ({ node, queryId }: PluginTransformQueryArgs) => {
      const query = db.kysely.getExecutor().compileQuery(node, queryId);
      compiled.set(queryId, { sql: query.sql, parameters: query.parameters });
      return node;
    },
    transformResult: async ({ result, queryId }: PluginTransformResultArgs) => {
      const statement = compiled.get(queryId);
      if (statement) seen.push(statement);
      return result;
    },
  };
}

/** Reads only: a view's writes (a session's last-seen time) are not replayed. */
export const isRead = (s: Statement) => /^\s*(select|with)\b/i.test(s.sql);
