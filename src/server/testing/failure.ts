import {
  DeleteQueryNode,
  InsertQueryNode,
  TableNode,
  UpdateQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Db } from '../db/database.js';
import type { Deps } from '../lib/http.js';

type Write = 'insert' | 'update' | 'delete';

/** Thrown by `failingWrites` where the chosen write would have run. */
export class InjectedFailure extends Error {
  constructor(readonly table: string) {
    super(`injected failure: write to ${table}`);
  }
}

function tableOf(node: OperationNode | undefined): string | null {
  if (!node) return null;
  if (TableNode.is(node)) return node.table.identifier.name;
  if ('table' in node) return tableOf((node as { table: OperationNode }).table);
  if ('froms' in node) return tableOf((node as { froms: OperationNode[] }).froms[0]);
  return null;
}

function writeOf(node: RootOperationNode): { kind: Write; table: string | null } | null {
  if (InsertQueryNode.is(node)) return { kind: 'insert', table: tableOf(node.into) };
  if (UpdateQueryNode.is(node)) return { kind: 'update', table: tableOf(node.table) };
  if (DeleteQueryNode.is(node)) return { kind: 'delete', table: tableOf(node.from) };
  return null;
}

/** Fails the chosen write (the `nth` one, 1 by default) before it reaches the database. */
class FailWrite implements KyselyPlugin {
  private seen = 0;
  constructor(private readonly target: { table: string; kind?: Write; nth?: number }) {}
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const write = writeOf(node);
    if (write && write.table === this.target.table && (!this.target.kind || write.kind === this.target.kind)) {
      this.seen += 1;
      if (this.seen === (this.target.nth ?? 1)) throw new InjectedFailure(this.target.table);
    }
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

/**
 * The same deps, except that the chosen write throws: how a test makes the last step of a
 * multi-step action fail, to prove that the steps before it are rolled back.
 */
export function failingWrites(deps: Deps, target: { table: string; kind?: Write; nth?: number }): Deps {
  return { ...deps, db: { ...deps.db, kysely: deps.db.kysely.withPlugin(new FailWrite(target)) } };
}

/**
 * Every row of every table of the database, in a stable order: compare a snapshot before and
 * after a failed action to see that nothing at all was written.
 */
export async function snapshotAll(db: Db): Promise<Record<string, unknown[]>> {
  const tables = (await db.kysely.introspection.getTables())
    .filter((t) => !t.isView && (db.dialect === 'sqlite' || !db.schema || t.schema === db.schema))
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = (await db.kysely
      .selectFrom(table as never)
      .selectAll()
      .execute()) as Record<string, unknown>[];
    snapshot[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return snapshot;
}
