import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZClient } from '../../../shared/schemas/clients.js';
import { ZInvitationSent, ZMyWorkspaceList } from '../../../shared/schemas/team.js';
import { clientInput } from '../../testing/factories.js';
import { populate } from '../../testing/populate.js';
import { createTestContext, noContent, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

const PASSWORD = 'orange tulip ladder 93';

describe.each(testDialects())('deleting a workspace on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  /** Rows per table of one workspace: every table with a workspace_id, the workspace row itself included. */
  async function rowsOf(workspaceId: string): Promise<Record<string, number>> {
    const db = ctx.deps.db.kysely;
    const schema = ctx.deps.db.schema;
    const tables = (await db.introspection.getTables()).filter((t) =>
      schema ? t.schema === schema : !t.schema || t.schema === 'public',
    );
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const column =
        t.name === 'workspaces' ? 'id' : t.columns.some((c) => c.name === 'workspace_id') ? 'workspace_id' : null;
      if (!column) continue;
      const row = await sql<{
        n: number | string;
      }>`select count(*) as n from ${sql.table(t.name)} where ${sql.ref(column)} = ${workspaceId}`.execute(db);
      counts[t.name] = Number(row.rows[0]!.n);
    }
    return counts;
  }

  async function join(owner: ApiClient, email: string, role: 'assistant' | 'viewer', existing = false) {
    const sent = await owner.post('/api/v1/team/invitations', { email, role }, ZInvitationSent);
    const token = sent.body.link.split('/invite/')[1];
    const api = ctx.client();
    const res = await api.post(
      '/api/v1/invitations/accept',
      existing
        ? { token, account: 'existing', password: PASSWORD }
        : { token, account: 'new', name: email, password: PASSWORD },
      ZMe,
    );
    expect(res.status).toBe(200);
    return api;
  }

  it.skipIf(skip)(
    'takes every row of the workspace and nothing of another; accounts of other workspaces stay',
    async () => {
      const owner = await ctx.owner();
      const a = (await owner.get('/api/v1/me', ZMe)).body.workspace.id;
      await populate(owner);
      const other = await ctx.otherWorkspace();
      await populate(other.api);
      // Dana's account is made in A and she also works in B; Rina belongs to A only.
      const dana = await join(owner, 'dana@example.com', 'assistant');
      await join(other.api, 'dana@example.com', 'viewer', true);
      await join(owner, 'rina@example.com', 'viewer');
      await dana.post('/api/v1/clients', clientInput({ name: 'לקוח של דנה' }), ZClient);

      const before = await rowsOf(a);
      const otherBefore = await rowsOf(other.workspaceId);
      expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThan(20);

      const mismatch = await owner.request('POST', '/api/v1/workspace/delete', {
        confirmName: 'סטודיו אחר',
        currentPassword: 'correct horse battery',
      });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body).toMatchObject({
        error: { fields: [{ path: 'confirmName', code: 'confirm_name_mismatch' }] },
      });
      const wrongPassword = await owner.request('POST', '/api/v1/workspace/delete', {
        confirmName: 'סטודיו נועה לעיצוב',
        currentPassword: 'not my password at all',
      });
      expect(wrongPassword.status).toBe(422);
      // Nothing is gone; only the wrong password is on record.
      expect(await rowsOf(a)).toEqual({ ...before, audit_events: before.audit_events! + 1 });
      expect(
        (await dana.request('POST', '/api/v1/workspace/delete', { confirmName: 'x', currentPassword: PASSWORD }))
          .status,
      ).toBe(403);

      const deleted = await owner.post(
        '/api/v1/workspace/delete',
        { confirmName: ' סטודיו נועה לעיצוב ', currentPassword: 'correct horse battery' },
        noContent,
      );
      expect(deleted.status).toBe(204);
      const after = await rowsOf(a);
      expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      expect(await rowsOf(other.workspaceId)).toEqual({
        ...otherBefore,
        // Dana's account moved here (its home is gone) with her membership.
        users: otherBefore.users! + 1,
      });

      const users = await ctx.deps.db.kysely.selectFrom('users').select('email').orderBy('email').execute();
      expect(users.map((u) => u.email)).toEqual(['dana@example.com', 'other@example.com']);
      expect((await owner.request('GET', '/api/v1/me')).status).toBe(401);
      // Dana signs in again and lands in the workspace she still belongs to.
      const again = ctx.client();
      const signIn = await again.post('/api/v1/auth/login', { email: 'dana@example.com', password: PASSWORD }, ZMe);
      expect(signIn.body.workspace.id).toBe(other.workspaceId);
      expect((await again.get('/api/v1/me/workspaces', ZMyWorkspaceList)).body.items).toHaveLength(1);
    },
  );
});
