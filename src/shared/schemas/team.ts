import { z } from 'zod';
import { ZCurrentPassword, ZLinkToken, ZMemberRole, ZNewPassword } from './accounts.js';
import { ZEmail, ZId, ZIsoDateTime, requiredText } from './common.js';

/** Someone who works in the workspace. */
export const ZMember = z
  .object({
    userId: ZId,
    name: z.string(),
    email: z.string(),
    role: ZMemberRole,
    joinedAt: ZIsoDateTime,
    /** The signed-in user (who cannot remove themselves or change their own role). */
    me: z.boolean(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof ZMember>;

/** An invitation not yet accepted. */
export const ZInvitation = z
  .object({
    id: ZId,
    email: z.string(),
    role: ZMemberRole,
    createdAt: ZIsoDateTime,
    expiresAt: ZIsoDateTime,
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof ZInvitation>;

export const ZTeam = z.object({ members: z.array(ZMember), invitations: z.array(ZInvitation) }).meta({ id: 'Team' });
export type Team = z.infer<typeof ZTeam>;

/** Roles an owner can give: another owner too (a business may have two). */
export const ZInvite = z.object({ email: ZEmail, role: ZMemberRole }).meta({ id: 'InviteInput' });
export type Invite = z.output<typeof ZInvite>;
export type InviteInput = z.input<typeof ZInvite>;

/**
 * A new invitation. The link is returned once, for the owner to pass on by hand when e-mail is off
 * or did not arrive; only its hash is kept.
 */
export const ZInvitationSent = z
  .object({ invitation: ZInvitation, link: z.string(), emailed: z.boolean() })
  .meta({ id: 'InvitationSent' });
export type InvitationSent = z.infer<typeof ZInvitationSent>;

export const ZChangeRole = z.object({ role: ZMemberRole }).meta({ id: 'ChangeRoleInput' });
export type ChangeRole = z.output<typeof ZChangeRole>;
export type ChangeRoleInput = z.input<typeof ZChangeRole>;

/** What the invitation page shows before accepting (the token in the path is the credential). */
export const ZInvitationPreview = z
  .object({
    workspaceName: z.string(),
    invitedBy: z.string().nullable(),
    email: z.string(),
    role: ZMemberRole,
    /** The address already has an account: accepting asks for its password, not a new one. */
    hasAccount: z.boolean(),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof ZInvitationPreview>;

/** Accepting: a new account (name and a new password) or the existing account's password. */
export const ZAcceptInvitation = z
  .discriminatedUnion('account', [
    z.object({ token: ZLinkToken, account: z.literal('new'), name: requiredText(120), password: ZNewPassword }),
    z.object({
      token: ZLinkToken,
      account: z.literal('existing'),
      password: ZCurrentPassword,
    }),
  ])
  .meta({ id: 'AcceptInvitationInput' });
export type AcceptInvitation = z.output<typeof ZAcceptInvitation>;
export type AcceptInvitationInput = z.input<typeof ZAcceptInvitation>;

/** A workspace I belong to, for the switcher. */
export const ZMyWorkspace = z
  .object({ id: ZId, name: z.string(), role: ZMemberRole, current: z.boolean() })
  .meta({ id: 'MyWorkspace' });
export type MyWorkspace = z.infer<typeof ZMyWorkspace>;
export const ZMyWorkspaceList = z.object({ items: z.array(ZMyWorkspace) }).meta({ id: 'MyWorkspaceList' });
export type MyWorkspaceList = z.infer<typeof ZMyWorkspaceList>;

export const ZSwitchWorkspace = z.object({ workspaceId: ZId }).meta({ id: 'SwitchWorkspaceInput' });
export type SwitchWorkspace = z.output<typeof ZSwitchWorkspace>;
export type SwitchWorkspaceInput = z.input<typeof ZSwitchWorkspace>;

/** Deleting the workspace for good: its name typed again, and the owner's password. */
export const ZDeleteWorkspace = z
  .object({
    confirmName: z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'too_long' }),
    currentPassword: ZCurrentPassword,
  })
  .meta({ id: 'DeleteWorkspaceInput' });
export type DeleteWorkspace = z.output<typeof ZDeleteWorkspace>;
export type DeleteWorkspaceInput = z.input<typeof ZDeleteWorkspace>;
