import type { MemberRole, Me } from '../../../shared/schemas/accounts.js';
import type {
  AcceptInvitation,
  ChangeRole,
  DeleteWorkspace,
  Invitation,
  InvitationPreview,
  InvitationSent,
  Invite,
  MyWorkspaceList,
  Team,
} from '../../../shared/schemas/team.js';
import { AppError, fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import { secretToken, sha256Hex } from '../../lib/crypto.js';
import type { Auth, Deps } from '../../lib/http.js';
import { translate } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { revokeMemberTokens } from '../tokens/tokens.service.js';
import { sendAccountMail } from './account-mail.js';
import * as q from './accounts.queries.js';
import {
  checkCurrentPassword,
  checkNewPassword,
  afterPassword,
  getMe,
  hashPassword,
  newUserRow,
  startSession,
  verifyPassword,
  type LoginResult,
} from './accounts.service.js';
import type { InvitationRow } from './accounts.table.js';
import * as tq from './team.queries.js';

/** An invitation link works for a week. */
const INVITATION_MS = 7 * 86_400_000;

function toInvitation(row: InvitationRow): Invitation {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.created_at, expiresAt: row.expires_at };
}

export async function getTeam(deps: Deps, auth: Auth): Promise<Team> {
  const db = deps.db.kysely;
  const members = await q.listUsers(db, auth);
  const invitations = await tq.listOpenInvitations(db, { workspaceId: auth.workspaceId, now: isoNow(deps.clock) });
  return {
    members: members.map((m) => ({
      userId: m.id,
      name: m.name,
      email: m.email,
      role: m.role,
      joinedAt: m.joined_at,
      me: m.id === auth.userId,
    })),
    invitations: invitations.map(toInvitation),
  };
}

/**
 * An invitation to an address, with a role. A newer invitation to the same address replaces the
 * older one. The link is e-mailed when e-mail is set up, and returned this once either way, for the
 * owner to pass on by hand.
 */
export async function invite(deps: Deps, auth: Auth, input: Invite, origin: string): Promise<InvitationSent> {
  const token = secretToken();
  const now = deps.clock.now();
  const row: InvitationRow = {
    id: newId(),
    workspace_id: auth.workspaceId,
    email: input.email,
    role: input.role,
    token_hash: sha256Hex(token),
    invited_by: auth.userId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + INVITATION_MS).toISOString(),
    accepted_at: null,
  };
  const { inviter, workspace } = await inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const members = await q.listUsers(db, auth);
    if (members.some((m) => m.email === input.email)) throw fieldError('email', 'already_member');
    await tq.deleteOpenInvitationsFor(db, { workspaceId: auth.workspaceId, email: input.email });
    await tq.insertInvitation(db, row);
    await recordAudit(deps, auth, { action: 'member_invited', target: input.email, detail: { role: input.role } });
    const workspace = await q.findWorkspace(db, auth);
    return { inviter: members.find((m) => m.id === auth.userId), workspace };
  });
  const link = `${origin}/invite/${token}`;
  const locale = workspace?.locale ?? 'he';
  const emailed = await sendAccountMail(deps, {
    to: input.email,
    locale,
    kind: 'invitation',
    link,
    params: {
      inviter: inviter?.name ?? '',
      workspace: workspace?.name ?? '',
      role: translate(locale, `accountMail.roles.${input.role}`),
    },
  });
  return { invitation: toInvitation(row), link, emailed };
}

export async function withdrawInvitation(deps: Deps, auth: Auth, invitationId: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    if (!(await tq.deleteInvitation(deps.db.kysely, { workspaceId: auth.workspaceId, id: invitationId })))
      throw notFound();
    await recordAudit(deps, auth, { action: 'invitation_withdrawn' });
  });
}

/** A workspace always keeps an owner: the last one can be neither demoted nor removed. */
async function keepAnOwner(deps: Deps, auth: Auth, userId: string, nextRole: MemberRole | null) {
  const db = deps.db.kysely;
  await tq.lockTeam(db, auth);
  const member = await q.findUser(db, { workspaceId: auth.workspaceId, userId });
  if (!member) throw notFound();
  const owners = await tq.listOwnerIds(db, auth);
  if (member.role === 'owner' && nextRole !== 'owner' && owners.length === 1) throw new AppError('last_owner');
  return member;
}

export async function changeRole(deps: Deps, auth: Auth, userId: string, input: ChangeRole): Promise<Team> {
  await inTransaction(deps, async (deps) => {
    const member = await keepAnOwner(deps, auth, userId, input.role);
    if (member.role === input.role) return;
    await tq.setRole(deps.db.kysely, { workspaceId: auth.workspaceId, userId, role: input.role });
    await recordAudit(deps, auth, {
      action: 'member_role_changed',
      target: member.email,
      detail: { from: member.role, to: input.role },
    });
  });
  return getTeam(deps, auth);
}

/**
 * Someone leaves the team (an owner removes them, or they leave themselves): their sessions and API
 * tokens in this workspace end at once. Their account stays, with the other workspaces they belong to.
 */
export async function removeMember(deps: Deps, auth: Auth, userId: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    const member = await keepAnOwner(deps, auth, userId, null);
    await tq.deleteMembership(deps.db.kysely, { workspaceId: auth.workspaceId, userId });
    await tq.deleteWorkspaceSessions(deps.db.kysely, { workspaceId: auth.workspaceId, userId });
    const tokensRevoked = await revokeMemberTokens(deps, auth, userId);
    await recordAudit(deps, auth, { action: 'member_removed', target: member.email, detail: { tokensRevoked } });
  });
}

async function openInvitation(deps: Deps, token: string): Promise<InvitationRow> {
  const row = await tq.findOpenInvitationByToken(deps.db.kysely, {
    tokenHash: sha256Hex(token),
    now: isoNow(deps.clock),
  });
  if (!row) throw fieldError('token', 'link_invalid');
  return row;
}

/** What the invitation page shows; the token in the link is the credential. */
export async function previewInvitation(deps: Deps, token: string): Promise<InvitationPreview> {
  const db = deps.db.kysely;
  const row = await openInvitation(deps, token);
  const workspace = await q.findWorkspace(db, { workspaceId: row.workspace_id });
  if (!workspace) throw fieldError('token', 'link_invalid');
  const inviter = row.invited_by
    ? await q.findUser(db, { workspaceId: row.workspace_id, userId: row.invited_by })
    : null;
  const account = await q.findUserByEmail(db, { email: row.email });
  return {
    workspaceName: workspace.name,
    invitedBy: inviter?.name ?? null,
    email: row.email,
    role: row.role,
    hasAccount: account !== undefined,
  };
}

/**
 * Accepting an invitation. A new account is made with the invited address, counted as confirmed
 * (the link reached it), and signed in to the workspace. An existing account signs in as usual — its
 * password through the sign-in throttle, its second step if it has one — and joins the workspace.
 */
export async function acceptInvitation(
  deps: Deps,
  input: AcceptInvitation,
  meta: { ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const invitation = await openInvitation(deps, input.token);
  const existing = await q.findUserByEmail(deps.db.kysely, { email: invitation.email });
  if (input.account === 'new') {
    if (existing) throw fieldError('account', 'email_taken');
    const workspace = await q.findWorkspace(deps.db.kysely, { workspaceId: invitation.workspace_id });
    await checkNewPassword(input.password, [invitation.email, input.name, workspace?.name ?? ''], 'password');
    const passwordHash = await hashPassword(input.password);
    return inTransaction(deps, async (deps) => {
      const db = deps.db.kysely;
      const now = isoNow(deps.clock);
      if (!(await tq.markInvitationAccepted(db, { id: invitation.id, at: now })))
        throw fieldError('token', 'link_invalid');
      // The address is confirmed: the invitation's link reached it.
      const user = newUserRow(
        {
          workspace_id: invitation.workspace_id,
          email: invitation.email,
          name: input.name,
          password_hash: passwordHash,
          email_confirmed_at: now,
          locale: workspace?.locale ?? 'he',
          address_form: 'neutral',
        },
        now,
      );
      await q.insertUser(db, user);
      await join(deps, invitation, user.id, now);
      const member = await q.findUser(db, { workspaceId: invitation.workspace_id, userId: user.id });
      if (!member) throw notFound();
      const session = await startSession(
        deps,
        { ...member, workspaceId: invitation.workspace_id },
        { userAgent: meta.userAgent, failedSignIns: 0, lastFailedAt: null },
      );
      return { kind: 'session', ...session };
    });
  }
  if (!existing) throw fieldError('account', 'unknown_user');
  const user = await verifyPassword(deps, { email: invitation.email, password: input.password }, meta);
  await inTransaction(deps, async (deps) => {
    const now = isoNow(deps.clock);
    if (!(await tq.markInvitationAccepted(deps.db.kysely, { id: invitation.id, at: now })))
      throw fieldError('token', 'link_invalid');
    if (!(await tq.findMembership(deps.db.kysely, { workspaceId: invitation.workspace_id, userId: user.id })))
      await join(deps, invitation, user.id, now);
  });
  return afterPassword(deps, user, meta, invitation.workspace_id);
}

async function join(deps: Deps, invitation: InvitationRow, userId: string, now: string): Promise<void> {
  await tq.insertMembership(deps.db.kysely, {
    workspace_id: invitation.workspace_id,
    user_id: userId,
    role: invitation.role,
    created_at: now,
  });
  await recordAudit(
    deps,
    { workspaceId: invitation.workspace_id },
    { action: 'member_joined', userId, target: invitation.email, detail: { role: invitation.role } },
  );
}

export async function listMyWorkspaces(deps: Deps, auth: Auth): Promise<MyWorkspaceList> {
  const rows = await tq.listUserWorkspaces(deps.db.kysely, { userId: auth.userId });
  return { items: rows.map((r) => ({ id: r.id, name: r.name, role: r.role, current: r.id === auth.workspaceId })) };
}

/** This session moves to another workspace I belong to (an API token stays in its own). */
export async function switchWorkspace(deps: Deps, auth: Auth, workspaceId: string): Promise<Me> {
  if (auth.tokenId) throw new AppError('forbidden');
  const member = await q.findUser(deps.db.kysely, { workspaceId, userId: auth.userId });
  if (!member) throw notFound();
  await tq.setSessionWorkspace(deps.db.kysely, { sessionId: auth.sessionId, workspaceId });
  return getMe(deps, { ...auth, workspaceId, role: member.role });
}

/** Ids of workspace-keyed rows that no foreign key to the workspace removes by itself. */
const UNCASCADED_TABLES = ['chat_import_messages', 'job_runs'] as const;

/**
 * The owner deletes the workspace for good: its name typed again and the password. Every row of it
 * goes, in one transaction. Members whose account was made here but who work in other workspaces
 * too keep their account, moved to one of those; accounts that belonged only here go with it.
 */
export async function deleteWorkspace(
  deps: Deps,
  auth: Auth,
  input: DeleteWorkspace,
  meta: { ip: string },
): Promise<void> {
  const workspace = await q.findWorkspace(deps.db.kysely, auth);
  if (!workspace) throw notFound();
  if (input.confirmName.trim() !== workspace.name.trim()) throw fieldError('confirmName', 'confirm_name_mismatch');
  await checkCurrentPassword(deps, auth, input.currentPassword, meta);
  await inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    await tq.lockTeam(db, auth);
    for (const member of await q.listUsers(db, auth)) {
      if (member.workspace_id !== auth.workspaceId) continue;
      const elsewhere = (await tq.listUserWorkspaces(db, { userId: member.id })).find((w) => w.id !== auth.workspaceId);
      if (elsewhere) await tq.rehomeUser(db, { userId: member.id, workspaceId: elsewhere.id });
    }
    for (const table of UNCASCADED_TABLES) await tq.deleteWorkspaceRows(db, table, auth);
    await tq.deleteWorkspaceRow(db, auth);
  });
}
