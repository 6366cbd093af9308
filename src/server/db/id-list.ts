import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect } from './database.js';

/**
 * `column` is one of `ids`, with the ids bound as one parameter (a JSON array on SQLite, a text[]
 * on PostgreSQL) instead of one parameter each: the whole-workspace figures of client health ask
 * for every active client (thousands), more than a statement should carry as separate values.
 * SQLite seeks an index that starts with the column once per id.
 */
export function idIn(dialect: Dialect, column: string, ids: readonly string[]): RawBuilder<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`${sql.ref(column)} = any(cast(${[...ids]} as text[]))`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}
