import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/server/db/connect.js';
import type { Db } from '../../src/server/db/database.js';
import { isRead, recorder, type Statement } from './recorder.js';

/**
 * The raw SQL time replays what a request ran: one statement per query that ran, whole. It had
 * recorded every builder Kysely turned into a node, so a subquery built apart was replayed on its
 * own beside the statement that holds it.
 */
describe('the statement recorder', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('records each query that ran once, with its subqueries inside it', async () => {
    db = connect({ kind: 'sqlite', file: ':memory:' });
    await sql`create table t (id integer primary key, n integer)`.execute(db.kysely);
    await sql`insert into t (id, n) values (1, 10), (2, 20), (3, 30)`.execute(db.kysely);
    const seen: Statement[] = [];
    // A table the app's schema does not know: this test's own schema, for the one table.
    const kysely = db.kysely.withPlugin(recorder(db, seen)) as unknown as Kysely<{ t: { id: number; n: number } }>;
    const inner = kysely.selectFrom('t').select('id').where('n', '>', 15);
    const rows = await kysely.selectFrom('t').select('n').where('id', 'in', inner).orderBy('n').execute();
    expect(rows).toEqual([{ n: 20 }, { n: 30 }]);
    kysely.selectFrom('t').select('n').compile(); // compiled, never run
    expect(seen).toHaveLength(1);
    expect(seen[0]!.sql).toMatch(/^select "n" from "t" where "id" in \(select "id" from "t" where "n" > \?\)/);
    expect(seen[0]!.parameters).toEqual([15]);
    expect(isRead(seen[0]!)).toBe(true);
  });
});
