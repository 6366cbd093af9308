import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe, ZSecondStepRequired } from '../../../shared/schemas/accounts.js';
import { ZClient, ZClientList } from '../../../shared/schemas/clients.js';
import { ZApiTokenCreated } from '../../../shared/schemas/tokens.js';
import {
  ZInvitationPreview,
  ZInvitationSent,
  ZMyWorkspaceList,
  ZTeam,
  type InviteInput,
} from '../../../shared/schemas/team.js';
import { clientInput } from '../../testing/factories.js';
import { createTestContext, noContent, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

const PASSWORD = 'orange tulip ladder 93';

describe.each(testDialects())('team members and roles on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect, { mail: true });
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const tokenOf = (link: string) => link.split('/invite/')[1]!;

  async function invite(owner: ApiClient, input: InviteInput) {
    const res = await owner.post('/api/v1/team/invitations', input, ZInvitationSent);
    expect(res.status).toBe(201);
    return res.body;
  }

  /** A new account through an invitation, signed in to the inviting workspace. */
  async function joinAsNew(owner: ApiClient, input: InviteInput, name = 'דנה לוי') {
    const sent = await invite(owner, input);
    const api = ctx.client();
    const res = await api.post(
      '/api/v1/invitations/accept',
      { token: tokenOf(sent.link), account: 'new', name, password: PASSWORD },
      ZMe,
    );
    expect(res.status).toBe(200);
    return { api, me: res.body };
  }

  it.skipIf(skip)('an invitation is e-mailed, shows what it is for, and makes a signed-in assistant once', async () => {
    const owner = await ctx.owner();
    const sent = await invite(owner, { email: 'Dana@Example.com', role: 'assistant' });
    expect(sent).toMatchObject({ emailed: true, invitation: { email: 'dana@example.com', role: 'assistant' } });
    const mail = ctx.smtp!.received.at(-1)!;
    expect(mail.to).toMatchObject({ text: 'dana@example.com' });
    expect(mail.text).toContain(sent.link);
    expect(mail.subject).toContain('סטודיו נועה לעיצוב');

    const visitor = ctx.client();
    const preview = await visitor.post(
      '/api/v1/invitations/preview',
      { token: tokenOf(sent.link) },
      ZInvitationPreview,
    );
    expect(preview.body).toEqual({
      workspaceName: 'סטודיו נועה לעיצוב',
      invitedBy: 'נועה כהן',
      email: 'dana@example.com',
      role: 'assistant',
      hasAccount: false,
    });

    const accepted = await visitor.post(
      '/api/v1/invitations/accept',
      { token: tokenOf(sent.link), account: 'new', name: 'דנה לוי', password: PASSWORD },
      ZMe,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email: 'dana@example.com', role: 'assistant', emailConfirmed: true });
    expect(accepted.body.workspace.name).toBe('סטודיו נועה לעיצוב');

    const again = await ctx
      .client({ locale: 'en' })
      .post(
        '/api/v1/invitations/accept',
        { token: tokenOf(sent.link), account: 'new', name: 'x', password: PASSWORD },
        ZMe,
      );
    expect(again.status).toBe(422);
    expect(again.error.fields).toEqual([expect.objectContaining({ path: 'token', code: 'link_invalid' })]);

    const team = await owner.get('/api/v1/team', ZTeam);
    expect(team.body.members.map((m) => [m.email, m.role, m.me])).toEqual([
      ['noa@noa-design.co.il', 'owner', true],
      ['dana@example.com', 'assistant', false],
    ]);
    expect(team.body.invitations).toEqual([]);
  });

  it.skipIf(skip)(
    'an assistant does the daily work but not the business settings, team, exports or webhooks',
    async () => {
      const owner = await ctx.owner();
      const { api: assistant } = await joinAsNew(owner, { email: 'dana@example.com', role: 'assistant' });
      expect((await assistant.post('/api/v1/clients', clientInput(), ZClient)).status).toBe(201);
      for (const [method, path, body] of [
        ['PATCH', '/api/v1/workspace', { name: 'חדש' }],
        ['GET', '/api/v1/team', undefined],
        ['GET', '/api/v1/exports/workspace.json', undefined],
        ['GET', '/api/v1/webhooks', undefined],
        ['GET', '/api/v1/audit-events', undefined],
      ] as const) {
        const res = await assistant.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body).toMatchObject({ error: { code: 'role_forbidden' } });
      }
      expect((await assistant.request('GET', '/api/v1/workspace')).status).toBe(200);
    },
  );

  it.skipIf(skip)('a viewer only looks, and still manages their own account', async () => {
    const owner = await ctx.owner();
    await owner.post('/api/v1/clients', clientInput(), ZClient);
    const { api: viewer } = await joinAsNew(owner, { email: 'rina@example.com', role: 'viewer' }, 'רינה');
    expect((await viewer.get('/api/v1/clients', ZClientList)).body.items).toHaveLength(1);
    const write = await viewer.request('POST', '/api/v1/clients', clientInput({ name: 'לקוח של צופה' }));
    expect(write.status).toBe(403);
    expect((await owner.get('/api/v1/clients', ZClientList)).body.items).toHaveLength(1);
    expect((await viewer.patch('/api/v1/me', { locale: 'en' }, ZMe)).body.user.locale).toBe('en');
  });

  it.skipIf(skip)('a workspace always keeps an owner, and a removed member is signed out at once', async () => {
    const owner = await ctx.owner();
    const me = (await owner.get('/api/v1/me', ZMe)).body.user;
    const demote = await owner.request('PATCH', `/api/v1/team/members/${me.id}`, { role: 'assistant' });
    expect(demote.status).toBe(409);
    expect(demote.body).toMatchObject({ error: { code: 'last_owner' } });
    expect((await owner.request('DELETE', `/api/v1/team/members/${me.id}`)).status).toBe(409);

    const { api: assistant, me: dana } = await joinAsNew(owner, { email: 'dana@example.com', role: 'assistant' });
    const promoted = await owner.patch(`/api/v1/team/members/${dana.user.id}`, { role: 'owner' }, ZTeam);
    expect(promoted.body.members.find((m) => m.userId === dana.user.id)?.role).toBe('owner');
    // Now there are two owners, the first may step down.
    expect((await owner.patch(`/api/v1/team/members/${me.id}`, { role: 'assistant' }, ZTeam)).status).toBe(200);
    expect((await owner.request('GET', '/api/v1/team')).status).toBe(403);

    expect((await assistant.delete(`/api/v1/team/members/${me.id}`, noContent)).status).toBe(204);
    expect((await owner.request('GET', '/api/v1/clients')).status).toBe(401);
    const signIn = await ctx
      .client({ locale: 'en' })
      .request('POST', '/api/v1/auth/login', { email: 'noa@noa-design.co.il', password: 'correct horse battery' });
    expect(signIn.status).toBe(403);
    expect(signIn.body).toMatchObject({ error: { code: 'no_workspace' } });
  });

  it.skipIf(skip)("a removed member's API tokens stay dead, even when they are invited back", async () => {
    const owner = await ctx.owner();
    const { api: dana, me } = await joinAsNew(owner, { email: 'dana@example.com', role: 'assistant' });
    const created = await dana.post('/api/v1/tokens', { name: 'sync' }, ZApiTokenCreated);
    const bearer = () =>
      ctx.app.request('/api/v1/clients', { headers: { authorization: `Bearer ${created.body.token}` } });
    expect((await bearer()).status).toBe(200);
    expect((await owner.delete(`/api/v1/team/members/${me.user.id}`, noContent)).status).toBe(204);
    expect((await bearer()).status).toBe(401);
    expect((await dana.request('GET', '/api/v1/clients')).status).toBe(401);

    const back = await invite(owner, { email: 'dana@example.com', role: 'assistant' });
    const rejoined = await ctx
      .client()
      .post('/api/v1/invitations/accept', { token: tokenOf(back.link), account: 'existing', password: PASSWORD }, ZMe);
    expect(rejoined.status).toBe(200);
    expect((await bearer()).status).toBe(401);
  });

  it.skipIf(skip)(
    'an existing account joins by its password, lists both workspaces and switches between them',
    async () => {
      const owner = await ctx.owner();
      await owner.post('/api/v1/clients', clientInput({ name: 'לקוח של נועה' }), ZClient);
      const other = await ctx.otherWorkspace();
      await other.api.post('/api/v1/clients', clientInput({ name: 'לקוח של אחר' }), ZClient);
      const sent = await invite(owner, { email: 'other@example.com', role: 'viewer' });
      const visitor = ctx.client();
      const preview = await visitor.post(
        '/api/v1/invitations/preview',
        { token: tokenOf(sent.link) },
        ZInvitationPreview,
      );
      expect(preview.body.hasAccount).toBe(true);
      const wrong = await visitor.request('POST', '/api/v1/invitations/accept', {
        token: tokenOf(sent.link),
        account: 'existing',
        password: 'not the password at all',
      });
      expect(wrong.status).toBe(401);
      const joined = await visitor.post(
        '/api/v1/invitations/accept',
        { token: tokenOf(sent.link), account: 'existing', password: 'correct horse battery' },
        ZMe,
      );
      expect(joined.body.workspace.name).toBe('סטודיו נועה לעיצוב');
      expect(joined.body.user.role).toBe('viewer');
      expect((await visitor.get('/api/v1/clients', ZClientList)).body.items.map((c) => c.name)).toEqual([
        'לקוח של נועה',
      ]);

      const mine = await visitor.get('/api/v1/me/workspaces', ZMyWorkspaceList);
      expect(mine.body.items.map((w) => [w.role, w.current])).toEqual(
        expect.arrayContaining([
          ['viewer', true],
          ['owner', false],
        ]),
      );
      const home = mine.body.items.find((w) => !w.current)!;
      const switched = await visitor.put('/api/v1/me/workspace', { workspaceId: home.id }, ZMe);
      expect(switched.body.user.role).toBe('owner');
      expect((await visitor.get('/api/v1/clients', ZClientList)).body.items.map((c) => c.name)).toEqual([
        'לקוח של אחר',
      ]);

      // A workspace one does not belong to is not found, like any other id from outside.
      const outside = await other.api.request('PUT', '/api/v1/me/workspace', { workspaceId: sent.invitation.id });
      expect(outside.status).toBe(404);
    },
  );

  it.skipIf(skip)(
    'an existing account with two-step sign-in on joins, and its code lands it in the workspace it joined',
    async () => {
      const owner = await ctx.owner();
      const ownerWorkspace = (await owner.get('/api/v1/me', ZMe)).body.workspace;
      await ctx.otherWorkspace();
      await ctx.deps.db.kysely
        .updateTable('users')
        .set({ totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' })
        .where('email', '=', 'other@example.com')
        .execute();
      const sent = await invite(owner, { email: 'other@example.com', role: 'assistant' });
      const res = await ctx
        .client()
        .post(
          '/api/v1/invitations/accept',
          { token: tokenOf(sent.link), account: 'existing', password: 'correct horse battery' },
          ZSecondStepRequired,
        );
      expect(res.status).toBe(202);
      expect(res.headers.get('set-cookie')).toBeNull();
      const team = await owner.get('/api/v1/team', ZTeam);
      expect(team.body.members.map((m) => m.email)).toContain('other@example.com');

      // The second step finishes what the invitation started: the session is in the workspace joined,
      // not the account's own.
      const code = await generate({
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        epoch: Math.floor(ctx.clock.now().getTime() / 1000),
      });
      const joined = ctx.client();
      const signedIn = await joined.post(
        '/api/v1/auth/login/second-step',
        { challenge: res.body.challenge, method: 'totp', code },
        ZMe,
      );
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.workspace.id).toBe(ownerWorkspace.id);
      expect(signedIn.body.user.role).toBe('assistant');
    },
  );

  it.skipIf(skip)('ids from another workspace are not found, and invitations expire and can be withdrawn', async () => {
    const owner = await ctx.owner();
    const other = await ctx.otherWorkspace();
    const otherMe = (await other.api.get('/api/v1/me', ZMe)).body.user;
    expect((await owner.request('PATCH', `/api/v1/team/members/${otherMe.id}`, { role: 'viewer' })).status).toBe(404);
    expect((await owner.request('DELETE', `/api/v1/team/members/${otherMe.id}`)).status).toBe(404);

    const sent = await invite(owner, { email: 'late@example.com', role: 'viewer' });
    expect((await other.api.request('DELETE', `/api/v1/team/invitations/${sent.invitation.id}`)).status).toBe(404);
    ctx.clock.advance(8 * 86_400_000);
    const late = await ctx.client().request('POST', '/api/v1/invitations/preview', { token: tokenOf(sent.link) });
    expect(late.status).toBe(422);

    const second = await invite(owner, { email: 'late@example.com', role: 'viewer' });
    expect((await owner.delete(`/api/v1/team/invitations/${second.invitation.id}`, noContent)).status).toBe(204);
    const withdrawn = await ctx
      .client()
      .request('POST', '/api/v1/invitations/preview', { token: tokenOf(second.link) });
    expect(withdrawn.status).toBe(422);
  });
});
