import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

export type Row = Record<string, unknown>;

/**
 * One keyset page of a tenant table, in key order: the rows after `after` (the previous page's last
 * key), at most `limit`. Table and key names come from the export catalog, never from a request.
 */
export async function readPage(
  db: Executor,
  {
    workspaceId,
    table,
    key,
    after,
    limit,
    columns,
  }: {
    workspaceId: string;
    table: string;
    key: readonly string[];
    after: unknown[] | null;
    limit: number;
    columns?: readonly string[];
  },
): Promise<Row[]> {
  const keyRefs = sql.join(key.map((k) => sql.ref(k)));
  const select = columns ? sql.join(columns.map((c) => sql.ref(c))) : sql`*`;
  const afterClause = after ? sql`and (${keyRefs}) > (${sql.join(after)})` : sql``;
  const { rows } = await sql<Row>`
    select ${select} from ${sql.table(table)}
    where workspace_id = ${workspaceId} ${afterClause}
    order by ${keyRefs} limit ${limit}`.execute(db);
  return rows;
}

export async function hasAnyRow(db: Executor, { workspaceId, table }: { workspaceId: string; table: string }) {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from ${sql.table(table)} where workspace_id = ${workspaceId} limit 1`.execute(db);
  return rows.length > 0;
}

/** The table's columns in their declared order (this schema only, on PostgreSQL). */
export async function tableColumns(db: Executor, { schema }: { schema: string | undefined }) {
  const tables = await db.introspection.getTables();
  const out = new Map<string, string[]>();
  for (const t of tables) {
    if (schema ? t.schema !== schema : t.schema && t.schema !== 'public') continue;
    out.set(
      t.name,
      t.columns.map((c) => c.name),
    );
  }
  return out;
}

export async function insertRows(db: Executor, { table, rows }: { table: string; rows: Row[] }): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200);
    const columns = [...new Set(batch.flatMap((r) => Object.keys(r)))];
    const values = batch.map((r) => sql`(${sql.join(columns.map((c) => r[c] ?? null))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(
      db,
    );
  }
}

export async function setColumn(
  db: Executor,
  {
    workspaceId,
    table,
    column,
    id,
    value,
  }: { workspaceId: string; table: string; column: string; id: string; value: unknown },
) {
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value}
    where workspace_id = ${workspaceId} and id = ${id}`.execute(db);
}

export async function updateWorkspace(db: Executor, { workspaceId, changes }: { workspaceId: string; changes: Row }) {
  const sets = Object.entries(changes).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  if (!sets.length) return;
  await sql`update workspaces set ${sql.join(sets)} where id = ${workspaceId}`.execute(db);
}

export async function findWorkspaceRow(db: Executor, { workspaceId }: { workspaceId: string }): Promise<Row | null> {
  const { rows } = await sql<Row>`select * from workspaces where id = ${workspaceId}`.execute(db);
  return rows[0] ?? null;
}
