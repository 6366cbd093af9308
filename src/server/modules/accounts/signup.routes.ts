import { createRoute } from '@hono/zod-openapi';
import {
  ZConfirmEmail,
  ZEmailed,
  ZForgotPassword,
  ZMe,
  ZResetPassword,
  ZSetUpWorkspace,
} from '../../../shared/schemas/accounts.js';
import { clientIp } from '../../lib/client-ip.js';
import { createRouter, errorResponses, publicOrigin, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { writeSessionCookie } from '../../lib/session-cookie.js';
import * as signup from './signup.service.js';

export const signupRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/signup',
      tags: ['accounts'],
      summary: 'Hosted mode: sign up for a workspace of my own (a confirmation link is e-mailed)',
      request: jsonBody(ZSetUpWorkspace),
      responses: { 201: jsonResponse(ZMe, 'Signed up and signed in'), ...errorResponses(404, 422, 429) },
    }),
    async (c) => {
      const session = await signup.signUp(c.get('deps'), c.req.valid('json'), {
        ip: clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
        origin: publicOrigin(c),
      });
      writeSessionCookie(c, session.token);
      return c.json(session.me, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/confirm-email',
      tags: ['accounts'],
      summary: 'Confirm my e-mail address with the link it received (the token is the credential)',
      request: jsonBody(ZConfirmEmail),
      responses: { 204: { description: 'Confirmed' }, ...errorResponses(422) },
    }),
    async (c) => {
      await signup.confirmEmail(c.get('deps'), c.req.valid('json').token);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/confirm-email/resend',
      tags: ['accounts'],
      summary: 'Send the confirmation link again',
      responses: { 200: jsonResponse(ZEmailed, 'Whether it was sent'), ...errorResponses(401, 429) },
    }),
    async (c) => c.json(await signup.resendConfirmation(c.get('deps'), requireAuth(c), publicOrigin(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/forgot-password',
      tags: ['accounts'],
      summary: 'E-mail a password reset link, if the address has an account (the answer is the same either way)',
      request: jsonBody(ZForgotPassword),
      responses: { 202: { description: 'Sent if the account exists' }, ...errorResponses(404, 422, 429) },
    }),
    async (c) => {
      await signup.forgotPassword(c.get('deps'), c.req.valid('json'), {
        ip: clientIp(c),
        origin: publicOrigin(c),
      });
      return c.body(null, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/reset-password',
      tags: ['accounts'],
      summary: 'A new password through the e-mailed link; every session of the account ends',
      request: jsonBody(ZResetPassword),
      responses: { 204: { description: 'Changed; sign in with the new password' }, ...errorResponses(422) },
    }),
    async (c) => {
      await signup.resetPasswordByLink(c.get('deps'), c.req.valid('json'));
      return c.body(null, 204);
    },
  );
