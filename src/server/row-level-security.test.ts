import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../shared/schemas/accounts.js';
import { ZClientList } from '../shared/schemas/clients.js';
import { asWorkspace, ensureRowLevelSecurity, tenantTables } from './db/row-level-security.js';
import { populate } from './testing/populate.js';
import { createTestContext, type TestContext } from './testing/test-app.js';
import { testDialects } from './testing/test-db.js';

const postgres = testDialects().find((d) => d.dialect === 'postgres')!;

/**
 * The second line of tenant isolation (issue 14): raw SQL as the app role, scoped to workspace B,
 * sees and writes none of workspace A's rows, in every tenant table, whatever the query says.
 */
describe.skipIf(postgres.skip)(`row-level security in hosted mode (${postgres.label})`, () => {
  let ctx: TestContext;
  let a: string;
  let b: string;
  beforeEach(async () => {
    ctx = await createTestContext('postgres', { config: { mode: 'hosted' } });
    const owner = await ctx.owner();
    a = (await owner.get('/api/v1/me', ZMe)).body.workspace.id;
    await populate(owner);
    const other = await ctx.otherWorkspace();
    b = other.workspaceId;
    await populate(other.api);
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('covers every table keyed by workspace, and is idempotent', async () => {
    const tables = await tenantTables(ctx.deps.db.kysely);
    expect(tables).toEqual(expect.arrayContaining(['clients', 'commitments', 'interactions', 'quotes', 'payments']));
    expect(tables).not.toContain('users');
    expect(await ensureRowLevelSecurity(ctx.deps.db)).toEqual(tables);
  });

  it('as workspace B, raw SQL reads and writes nothing of A', async () => {
    const db = ctx.deps.db.kysely;
    const tables = await tenantTables(db);
    const ofA: Record<string, number> = {};
    for (const table of tables) {
      const r = await sql<{
        n: string;
      }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${a}`.execute(db);
      ofA[table] = Number(r.rows[0]!.n);
    }
    expect(Object.values(ofA).filter((n) => n > 0).length).toBeGreaterThan(15);

    await asWorkspace(db, b, async (scoped) => {
      for (const table of tables) {
        const seen = await sql<{
          n: string;
        }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${a}`.execute(scoped);
        expect(Number(seen.rows[0]!.n), table).toBe(0);
        const changed =
          await sql`update ${sql.table(table)} set workspace_id = workspace_id where workspace_id = ${a}`.execute(
            scoped,
          );
        expect(Number(changed.numAffectedRows ?? 0), table).toBe(0);
      }
      const own = await sql<{ n: string }>`select count(*) as n from clients`.execute(scoped);
      expect(Number(own.rows[0]!.n)).toBeGreaterThan(0);
      // Writing a row into A is refused by the policy's check.
      await expect(
        sql`update clients set workspace_id = ${a} where workspace_id = ${b}`.execute(scoped),
      ).rejects.toThrow(/row-level security/);
    });

    // The pooled connection came back as it was: the connecting role, no workspace set.
    const role = await sql<{
      r: string;
      w: string | null;
    }>`select current_user as r, current_setting('mila.workspace_id', true) as w`.execute(db);
    expect(role.rows[0]!.r).not.toBe('mila_app');
    expect(role.rows[0]!.w ?? '').toBe('');
  });

  it('signed-in requests run as the app role, and the API works as before', async () => {
    const api = ctx.client();
    const res = await api.post(
      '/api/v1/auth/login',
      { email: 'other@example.com', password: 'correct horse battery' },
      ZMe,
    );
    expect(res.status).toBe(200);
    expect((await api.get('/api/v1/clients', ZClientList)).body.items.length).toBeGreaterThan(0);
    const exported = await api.request('GET', '/api/v1/exports/workspace.json');
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).not.toContain(a);

    // Proof that the request ran as the app role: without its grant on clients the list fails,
    // while the connecting role (which owns the table) could still read it.
    await sql`revoke select on clients from mila_app`.execute(ctx.deps.db.kysely);
    try {
      expect((await api.request('GET', '/api/v1/clients')).status).toBe(500);
    } finally {
      await sql`grant select on clients to mila_app`.execute(ctx.deps.db.kysely);
    }
    expect((await api.request('GET', '/api/v1/clients')).status).toBe(200);
  });
});
