import {
  PostgresDialect,
  PostgresIntrospector,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type Kysely,
  type TableMetadata,
} from 'kysely';

/**
 * Kysely's PostgreSQL introspector reads the tables of every schema in the database (and calls
 * col_description on each), which fails with "schema … does not exist" when another connection
 * drops a schema meanwhile: parallel test runs, tenants in hosted mode. The migrator introspects
 * at every start, so Mila lists only the schemas on the connection's search path.
 */
class SearchPathIntrospector extends PostgresIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {
    super(db);
  }

  override async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const { rows } = await sql<{
      table: string;
      schema: string;
      kind: string;
      column: string | null;
      type: string | null;
      not_null: boolean | null;
      has_default: boolean | null;
    }>`
      select c.relname as table, ns.nspname as schema, c.relkind as kind, a.attname as column,
        t.typname as type, a.attnotnull as not_null, a.atthasdef as has_default
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_catalog.pg_type t on t.oid = a.atttypid
      where c.relkind in ('r', 'v', 'p') and ns.nspname = any(current_schemas(false))
      order by ns.nspname, c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata>();
    for (const row of rows) {
      if (!options.withInternalKyselyTables && row.table.startsWith('kysely_')) continue;
      const key = `${row.schema}.${row.table}`;
      const table = tables.get(key) ?? { name: row.table, schema: row.schema, isView: row.kind === 'v', columns: [] };
      if (row.column)
        table.columns.push({
          name: row.column,
          dataType: row.type ?? 'unknown',
          isNullable: !row.not_null,
          isAutoIncrementing: false,
          hasDefaultValue: !!row.has_default,
        });
      tables.set(key, table);
    }
    return [...tables.values()];
  }
}

export class SearchPathPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }
}
