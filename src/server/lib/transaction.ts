import type { Deps } from './http.js';

/**
 * The one transaction convention. Service functions take `deps` and run their queries on
 * `deps.db.kysely`; an action that changes several rows wraps its steps in `inTransaction`, and
 * every service it calls inside receives the transaction's `deps`, so all of it commits or none.
 * Re-entrant: inside a transaction it joins the one already open (SQLite has one connection, so a
 * second, nested transaction would wait for itself).
 */
export async function inTransaction<T>(deps: Deps, work: (deps: Deps) => Promise<T>): Promise<T> {
  if (deps.db.kysely.isTransaction) return work(deps);
  return deps.db.kysely.transaction().execute((trx) => work({ ...deps, db: { ...deps.db, kysely: trx } }));
}
