import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../src/shared/schemas/accounts.js';
import { ZClient, ZClientList } from '../../src/shared/schemas/clients.js';
import { setupInput } from '../../src/server/testing/factories.js';
import { populate } from '../../src/server/testing/populate.js';
import { createTestContext, type TestContext } from '../../src/server/testing/test-app.js';
import { testDialects } from '../../src/server/testing/test-db.js';
import { clonePlan, clonePrefix, cloneId, cloneWorkspace } from './clone.js';

const postgres = testDialects().find((d) => d.dialect === 'postgres')!;

/**
 * The hosted bench's cloner on a tiny shape: one workspace with one of everything (populate), two
 * copies made in SQL, three workspaces in all, in hosted mode (row-level security on).
 */
// A few seconds each on a quiet machine; the limits are for a shared, loaded one.
describe.skipIf(postgres.skip)(`workspace cloner (${postgres.label}, hosted)`, () => {
  let ctx: TestContext;
  let template: string;
  beforeEach(async () => {
    ctx = await createTestContext('postgres', { config: { mode: 'hosted' } });
    const owner = await ctx.owner();
    template = (await owner.get('/api/v1/me', ZMe)).body.workspace.id;
    await populate(owner);
  }, 60_000);
  afterEach(async () => {
    await ctx.close();
  });

  it('copies every table row for row, with ids of their own, and each copy sees only itself', async () => {
    const db = ctx.deps.db.kysely;
    const written = await cloneWorkspace(db, template, { from: 1, to: 2 });
    const copies = [1, 2].map((n) => cloneId(n, template));
    const plan = await clonePlan(db);
    const tables = plan.map((p) => p.table).filter((t) => t !== 'workspaces');
    expect(tables).toEqual(expect.arrayContaining(['clients', 'commitments', 'quotes', 'users', 'memberships']));
    expect(plan[0]!.table).toBe('workspaces');

    const count = async (table: string, workspace: string) =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${workspace}`.execute(db)
        ).rows[0]!.n,
      );
    const ofTemplate: Record<string, number> = {};
    for (const table of tables) {
      ofTemplate[table] = await count(table, template);
      for (const copy of copies) expect(await count(table, copy), `${table} in ${copy}`).toBe(ofTemplate[table]);
      expect(written[table] ?? 0, table).toBe(2 * ofTemplate[table]!);
    }
    // populate() leaves rows in most tables: the equalities above are not 0 = 0.
    expect(Object.values(ofTemplate).filter((n) => n > 0).length).toBeGreaterThan(20);

    // No row shares an id with another, in any table that has one.
    for (const { table, columns } of plan) {
      if (!columns.some((c) => c.name === 'id')) continue;
      const r = await sql<{
        n: string;
        d: string;
      }>`select count(*) as n, count(distinct id) as d from ${sql.table(table)}`.execute(db);
      expect(Number(r.rows[0]!.d), table).toBe(Number(r.rows[0]!.n));
    }
    const workspaces = await db.selectFrom('workspaces').select('id').execute();
    expect(workspaces.map((w) => w.id).sort()).toEqual([template, ...copies].sort());

    // The second copy's owner signs in with the template owner's password, through the API in hosted mode.
    const own = setupInput().owner;
    const api = ctx.client();
    const login = await api.post(
      '/api/v1/auth/login',
      { email: `${clonePrefix(2)}${own.email}`, password: own.password },
      ZMe,
    );
    expect(login.status).toBe(200);
    expect(login.body.workspace.id).toBe(copies[1]);
    const templateClients = await db.selectFrom('clients').select('id').where('workspace_id', '=', template).execute();
    const listed = await api.get('/api/v1/clients?limit=200', ZClientList);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c) => c.id).sort()).toEqual(templateClients.map((c) => cloneId(2, c.id)).sort());
    // Another copy's client (and the template's) is not found from here.
    const first = templateClients[0]!.id;
    expect((await api.get(`/api/v1/clients/${cloneId(2, first)}`, ZClient)).status).toBe(200);
    expect((await api.get(`/api/v1/clients/${cloneId(1, first)}`, ZClient)).status).toBe(404);
    expect((await api.get(`/api/v1/clients/${first}`, ZClient)).status).toBe(404);
  }, 90_000);

  it('refuses to make the same copy twice (its ids are a function of its number)', async () => {
    const db = ctx.deps.db.kysely;
    await cloneWorkspace(db, template, { from: 1, to: 1 });
    await expect(cloneWorkspace(db, template, { from: 1, to: 1 })).rejects.toThrow(/duplicate key/);
    // The failed batch was one transaction: still one copy's rows.
    const n = await db
      .selectFrom('clients')
      .select(db.fn.countAll().as('n'))
      .where('workspace_id', '=', cloneId(1, template))
      .executeTakeFirstOrThrow();
    const t = await db
      .selectFrom('clients')
      .select(db.fn.countAll().as('n'))
      .where('workspace_id', '=', template)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(Number(t.n));
  }, 90_000);
});
