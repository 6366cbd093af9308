import { createRoute, z } from '@hono/zod-openapi';
import { ZMe, ZSecondStepRequired } from '../../../shared/schemas/accounts.js';
import { ZId } from '../../../shared/schemas/common.js';
import {
  ZAcceptInvitation,
  ZChangeRole,
  ZDeleteWorkspace,
  ZInvitationPreview,
  ZInvitationSent,
  ZInvite,
  ZMyWorkspaceList,
  ZSwitchWorkspace,
  ZTeam,
} from '../../../shared/schemas/team.js';
import { ZLinkToken } from '../../../shared/schemas/accounts.js';
import { clientIp } from '../../lib/client-ip.js';
import { createRouter, errorResponses, publicOrigin, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { clearSessionCookie } from '../../lib/session-cookie.js';
import { answerSignIn } from './sign-in-response.js';
import * as team from './team.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });
const userParam = z.object({ userId: ZId.meta({ param: { name: 'userId', in: 'path' } }) });
const ZPreviewInvitation = z.object({ token: ZLinkToken }).meta({ id: 'PreviewInvitationInput' });

export const teamRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/team',
      tags: ['team'],
      summary: "The workspace's members and open invitations (owners)",
      responses: { 200: jsonResponse(ZTeam, 'Team'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await team.getTeam(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/team/invitations',
      tags: ['team'],
      summary: 'Invite someone by e-mail with a role; the link is returned once (and e-mailed when e-mail is on)',
      request: jsonBody(ZInvite),
      responses: { 201: jsonResponse(ZInvitationSent, 'Invited'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await team.invite(c.get('deps'), requireAuth(c), c.req.valid('json'), publicOrigin(c)), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/team/invitations/{id}',
      tags: ['team'],
      summary: 'Withdraw an invitation not yet accepted',
      request: { params: idParam },
      responses: { 204: { description: 'Withdrawn' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await team.withdrawInvitation(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/team/members/{userId}',
      tags: ['team'],
      summary: "Change a member's role (a workspace always keeps an owner)",
      request: { params: userParam, ...jsonBody(ZChangeRole) },
      responses: { 200: jsonResponse(ZTeam, 'Team'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await team.changeRole(c.get('deps'), requireAuth(c), c.req.valid('param').userId, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/team/members/{userId}',
      tags: ['team'],
      summary: 'Remove a member: their sessions here end at once (their account stays)',
      request: { params: userParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      await team.removeMember(c.get('deps'), requireAuth(c), c.req.valid('param').userId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations/preview',
      tags: ['team'],
      summary: 'What an invitation link is for (the token is the credential; it travels in the body, not the URL)',
      request: jsonBody(ZPreviewInvitation),
      responses: { 200: jsonResponse(ZInvitationPreview, 'Invitation'), ...errorResponses(422) },
    }),
    async (c) => c.json(await team.previewInvitation(c.get('deps'), c.req.valid('json').token), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations/accept',
      tags: ['team'],
      summary: 'Accept an invitation: a new account, or the existing one by its password; signed in to the workspace',
      request: jsonBody(ZAcceptInvitation),
      responses: {
        200: jsonResponse(ZMe, 'Joined and signed in'),
        202: jsonResponse(ZSecondStepRequired, 'Joined; the account needs its second step to sign in'),
        ...errorResponses(401, 422, 429),
      },
    }),
    async (c) => {
      const result = await team.acceptInvitation(c.get('deps'), c.req.valid('json'), {
        ip: clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
      });
      return answerSignIn(c, result);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/workspaces',
      tags: ['team'],
      summary: 'The workspaces I belong to, this one marked',
      responses: { 200: jsonResponse(ZMyWorkspaceList, 'Workspaces'), ...errorResponses(401) },
    }),
    async (c) => c.json(await team.listMyWorkspaces(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/me/workspace',
      tags: ['team'],
      summary: 'Work in another workspace I belong to (this session moves there)',
      request: jsonBody(ZSwitchWorkspace),
      responses: { 200: jsonResponse(ZMe, 'Me, in that workspace'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(await team.switchWorkspace(c.get('deps'), requireAuth(c), c.req.valid('json').workspaceId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/workspace/delete',
      tags: ['team'],
      summary: "Delete the workspace and every row of it, for good (its name typed again, and the owner's password)",
      request: jsonBody(ZDeleteWorkspace),
      responses: { 204: { description: 'Deleted; signed out' }, ...errorResponses(401, 403, 422, 429) },
    }),
    async (c) => {
      await team.deleteWorkspace(c.get('deps'), requireAuth(c), c.req.valid('json'), { ip: clientIp(c) });
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
