/**
 * Copies of one workspace, made in SQL (the hosted bench's 1,000 workspaces, issue #14): seeding
 * 20 M rows through the services would take hours, so one workspace is seeded through them and
 * the others are `INSERT … SELECT` copies of it, table by table in the order of the foreign keys,
 * a batch of copies per statement. PostgreSQL only (the hosted shape's database).
 *
 * Ids are UUIDv7 text (src/server/lib/ids.ts). A copy's id is a pure function of the copy's number
 * and the template's id — the template's 48-bit time prefix (so index locality stays as the
 * services made it) and version/variant bits, the rest from md5(number:id) — so every reference
 * (declared foreign key or not: `commitments.quote_id`, `notifications.ref_id` …) maps to its own
 * copy without a lookup table, and the bench can work out a copy's ids (cloneId below) without
 * reading them back. A column is taken for an id when it is named `id` or `…_id` and its value is
 * shaped like a UUID; anything else there (an e-mail's Message-ID) is copied as it is.
 * Ids inside text or JSON (an audit event's target and detail, a webhook's payload) are copied as
 * they are, still naming the template's rows: nothing the bench reads.
 *
 * Unique keys that hold no workspace or id column (an e-mail address, token hashes, the outbox's
 * message key, the scheduler's run keys) get the prefix `w<number>.`: a copy's owner signs in as
 * `w7.<template owner's e-mail>` with the template owner's password; its old tokens match nothing.
 *
 * Tables without a workspace_id (rate limits, login failures, e-mail tokens, job leases, the
 * migrations' own) are not copied, but `workspaces` itself. The template's members must be its
 * own users (users.workspace_id = the template), as a seeded workspace's are.
 */
import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/database.js';

const UUID_RE = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** The copy's id in TypeScript: the same function as idSql (the bench opens a copy's client page with it). */
export function cloneId(copy: number, id: string): string {
  const h = createHash('md5').update(`${copy}:${id}`).digest('hex');
  const variant = '89ab'[parseInt(h[18]!, 16) % 4]!;
  return `${id.slice(0, 13)}-7${h.slice(0, 3)}-${variant}${h.slice(3, 6)}-${h.slice(6, 18)}`;
}

/** The prefix of a copy's unique text values (`w7.noa@…`). */
export const clonePrefix = (copy: number) => `w${copy}.`;

/** The SQL of cloneId for column `col`, with the copy's number in column `k`. */
function idSql(col: string): string {
  const h = `md5(k.k::text || ':' || ${col})`;
  return (
    `case when ${col} ~ '${UUID_RE}' then ` +
    `substr(${col}, 1, 13) || '-7' || substr(${h}, 1, 3) || '-' || ` +
    `substr('89ab89ab89ab89ab', strpos('0123456789abcdef', substr(${h}, 19, 1)), 1) || ` +
    `substr(${h}, 4, 3) || '-' || substr(${h}, 7, 12) else ${col} end`
  );
}

type Column = { name: string; type: string };
export type ClonePlan = { table: string; columns: Column[]; prefixed: Set<string> }[];

const isIdColumn = (c: Column) => c.type === 'text' && (c.name === 'id' || c.name.endsWith('_id'));

/**
 * What to copy, read from the schema: `workspaces` first, then every table with a workspace_id in
 * the order of its foreign keys, with the text columns of the unique keys that hold no id column.
 */
export async function clonePlan(db: Kysely<Database>): Promise<ClonePlan> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const byTable = new Map<string, Column[]>();
  for (const r of columns.rows)
    byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), { name: r.column_name, type: r.data_type }]);
  const tables = [...byTable.keys()].filter(
    (t) => t === 'workspaces' || byTable.get(t)!.some((c) => c.name === 'workspace_id'),
  );
  const fks = await sql<{ child: string; parent: string }>`
    select distinct conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint
    where contype = 'f' and connamespace = current_schema()::regnamespace`.execute(db);
  const uniques = await sql<{ table_name: string; cols: string[] }>`
    select c.relname as table_name, array_agg(a.attname::text) as cols
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
    join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
    where c.relnamespace = current_schema()::regnamespace and i.indisunique
    group by c.relname, ic.relname`.execute(db);
  const prefixed = new Map<string, Set<string>>();
  for (const u of uniques.rows) {
    const cols = byTable.get(u.table_name)?.filter((c) => u.cols.includes(c.name)) ?? [];
    if (cols.some((c) => c.name === 'workspace_id' || isIdColumn(c))) continue;
    const set = prefixed.get(u.table_name) ?? new Set<string>();
    for (const c of cols) if (c.type === 'text') set.add(c.name);
    prefixed.set(u.table_name, set);
  }
  // Parents before children (a table's reference to itself is checked at the end of its statement).
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const fk of fks.rows) if (fk.child === t && fk.parent !== t && tables.includes(fk.parent)) visit(fk.parent);
    ordered.push(t);
  };
  for (const t of ['workspaces', ...tables]) visit(t);
  return ordered.map((table) => ({
    table,
    columns: byTable.get(table)!,
    prefixed: prefixed.get(table) ?? new Set(),
  }));
}

function insertSql(plan: ClonePlan[number], template: string): string {
  const names = plan.columns.map((c) => `"${c.name}"`).join(', ');
  const values = plan.columns
    .map((c) => {
      const col = `t."${c.name}"`;
      if (isIdColumn(c)) return idSql(col);
      if (plan.prefixed.has(c.name)) return `'w' || k.k || '.' || ${col}`;
      return col;
    })
    .join(', ');
  const key = plan.table === 'workspaces' ? 'id' : 'workspace_id';
  return (
    `insert into "${plan.table}" (${names}) select ${values} from "${plan.table}" t ` +
    `cross join generate_series($1::int, $2::int) as k(k) where t."${key}" = '${template.replace(/'/g, "''")}'`
  );
}

/**
 * Copies `template` as copies number `from`..`to` (each workspace id is cloneId(n, template)), in
 * batches of `batch` copies per statement, each batch one transaction: a failure leaves whole
 * copies only. Returns the rows written per table.
 */
export async function cloneWorkspace(
  db: Kysely<Database>,
  template: string,
  options: {
    from: number;
    to: number;
    batch?: number;
    log?: (line: string) => void;
    /**
     * Skip the foreign-key triggers while copying (session_replication_role = replica; needs a
     * superuser): the bench's copies of a template whose references the tests check hold, about
     * twice as fast on the bench's millions of rows.
     */
    skipForeignKeyChecks?: boolean;
  },
): Promise<Record<string, number>> {
  const plan = await clonePlan(db);
  const batch = options.batch ?? 50;
  const written: Record<string, number> = {};
  for (let first = options.from; first <= options.to; first += batch) {
    const last = Math.min(options.to, first + batch - 1);
    const t0 = performance.now();
    await db.transaction().execute(async (trx) => {
      if (options.skipForeignKeyChecks) await sql`set local session_replication_role = replica`.execute(trx);
      for (const table of plan) {
        const result = await trx.executeQuery(CompiledQuery.raw(insertSql(table, template), [first, last]));
        written[table.table] = (written[table.table] ?? 0) + Number(result.numAffectedRows ?? 0);
      }
    });
    options.log?.(`  copies ${first}–${last} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return written;
}
