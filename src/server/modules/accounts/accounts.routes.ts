import { createRoute } from '@hono/zod-openapi';
import {
  ZBusinessProfile,
  ZChangePassword,
  ZCompleteSignIn,
  ZSessionList,
  ZSessionsEnded,
  ZLogIn,
  ZMe,
  ZSecondStepRequired,
  ZSetUpWorkspace,
  ZSetupStatus,
  ZUpdateBusinessProfile,
  ZUpdateMe,
} from '../../../shared/schemas/accounts.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { clientIp } from '../../lib/client-ip.js';
import { clearSessionCookie, writeSessionCookie } from '../../lib/session-cookie.js';
import * as accounts from './accounts.service.js';
import { answerSignIn } from './sign-in-response.js';

export const accountRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/setup',
      tags: ['accounts'],
      summary: 'Whether first-run setup is done, and whether the caller is signed in',
      responses: { 200: jsonResponse(ZSetupStatus, 'Setup status') },
    }),
    async (c) => c.json(await accounts.setupStatus(c.get('deps'), c.get('auth')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/setup',
      tags: ['accounts'],
      summary: 'First run: create the owner account and the business profile (once)',
      request: jsonBody(ZSetUpWorkspace),
      responses: { 201: jsonResponse(ZMe, 'Set up and signed in'), ...errorResponses(409, 422) },
    }),
    async (c) => {
      const result = await accounts.setup(c.get('deps'), c.req.valid('json'), {
        userAgent: c.req.header('user-agent') ?? null,
      });
      writeSessionCookie(c, result.token);
      return c.json(result.me, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['accounts'],
      summary: 'Sign in with email and password',
      description:
        'With two-step sign-in on, a right password makes no session: 202 with a challenge for POST /auth/login/second-step.',
      request: jsonBody(ZLogIn),
      responses: {
        200: jsonResponse(ZMe, 'Signed in'),
        202: jsonResponse(ZSecondStepRequired, 'Password right; a code from the app is needed'),
        ...errorResponses(401, 422, 429),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const result = await accounts.login(c.get('deps'), input, {
        ip: clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
      });
      return answerSignIn(c, result);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login/second-step',
      tags: ['accounts'],
      summary: 'Second step of signing in: a code from the app, or a recovery code',
      request: jsonBody(ZCompleteSignIn),
      responses: { 200: jsonResponse(ZMe, 'Signed in'), ...errorResponses(401, 422, 429) },
    }),
    async (c) => {
      const result = await accounts.completeSignIn(c.get('deps'), c.req.valid('json'), {
        ip: clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
      });
      writeSessionCookie(c, result.token);
      return c.json(result.me, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['accounts'],
      summary: 'Sign out (ends this session)',
      responses: { 204: { description: 'Signed out' }, ...errorResponses(401) },
    }),
    async (c) => {
      await accounts.logout(c.get('deps'), requireAuth(c));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/sessions',
      tags: ['accounts'],
      summary: 'My signed-in browsers and devices (this one marked)',
      responses: { 200: jsonResponse(ZSessionList, 'Sessions'), ...errorResponses(401) },
    }),
    async (c) => c.json(await accounts.listSessions(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/sessions/end-others',
      tags: ['accounts'],
      summary: 'Sign out everywhere else (every session but this one)',
      responses: { 200: jsonResponse(ZSessionsEnded, 'Ended'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await accounts.endOtherSessions(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags: ['accounts'],
      summary: 'Change my password (the current one first); every other session ends',
      request: jsonBody(ZChangePassword),
      responses: { 200: jsonResponse(ZSessionsEnded, 'Changed'), ...errorResponses(401, 403, 422, 429) },
    }),
    async (c) =>
      c.json(
        await accounts.changePassword(c.get('deps'), requireAuth(c), c.req.valid('json'), { ip: clientIp(c) }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['accounts'],
      summary: 'The signed-in user, their workspace and the CSRF token',
      responses: { 200: jsonResponse(ZMe, 'Me'), ...errorResponses(401) },
    }),
    async (c) => c.json(await accounts.getMe(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/me',
      tags: ['accounts'],
      summary: 'Change my name, language or how Mila addresses me',
      request: jsonBody(ZUpdateMe),
      responses: { 200: jsonResponse(ZMe, 'Me'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await accounts.updateMe(c.get('deps'), requireAuth(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/workspace',
      tags: ['accounts'],
      summary: 'The business profile',
      responses: { 200: jsonResponse(ZBusinessProfile, 'Business profile'), ...errorResponses(401) },
    }),
    async (c) => c.json(await accounts.getBusinessProfile(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/workspace',
      tags: ['accounts'],
      summary: 'Change the business profile (any subset of fields)',
      request: jsonBody(ZUpdateBusinessProfile),
      responses: { 200: jsonResponse(ZBusinessProfile, 'Business profile'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await accounts.updateBusinessProfile(c.get('deps'), requireAuth(c), c.req.valid('json')), 200),
  );
