import { createRoute, z } from '@hono/zod-openapi';
import { ZId } from '../../../shared/schemas/common.js';
import { ZApiToken, ZApiTokenCreated, ZApiTokenList, ZCreateApiToken } from '../../../shared/schemas/tokens.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import * as tokens from './tokens.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });

export const tokenRoutes = createRouter();
tokenRoutes
  .openapi(
    createRoute({
      method: 'get',
      path: '/tokens',
      tags: ['tokens'],
      summary: 'My personal API tokens (never the tokens themselves)',
      responses: { 200: jsonResponse(ZApiTokenList, 'Tokens'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await tokens.listApiTokens(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: ['tokens'],
      summary: 'Create a personal API token: the answer holds the token, shown this once',
      request: jsonBody(ZCreateApiToken),
      responses: { 201: jsonResponse(ZApiTokenCreated, 'The new token'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await tokens.createApiToken(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tokens/{id}/revoke',
      tags: ['tokens'],
      summary: 'Revoke a token: it stops working at once',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZApiToken, 'The revoked token'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await tokens.revokeApiToken(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  );
