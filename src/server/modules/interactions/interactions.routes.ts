import { createRoute, z } from '@hono/zod-openapi';
import { ZId } from '../../../shared/schemas/common.js';
import {
  ZCreateInteraction,
  ZInteraction,
  ZInteractionCreated,
  ZInteractionList,
  ZInteractionListQuery,
  ZUpdateInteraction,
} from '../../../shared/schemas/interactions.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import * as interactions from './interactions.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });

export const interactionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/interactions',
      tags: ['interactions'],
      summary: 'The contact log, newest first (by client, or those waiting for my reply)',
      request: { query: ZInteractionListQuery },
      responses: { 200: jsonResponse(ZInteractionList, 'Contacts'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await interactions.listInteractions(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/interactions',
      tags: ['interactions'],
      summary: 'Log a contact, with the promises made in it (one step)',
      request: jsonBody(ZCreateInteraction),
      responses: { 201: jsonResponse(ZInteractionCreated, 'Logged'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await interactions.createInteraction(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/interactions/{id}',
      tags: ['interactions'],
      summary: 'One contact',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZInteraction, 'The contact'), ...errorResponses(401, 404) },
    }),
    async (c) => c.json(await interactions.getInteraction(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/interactions/{id}',
      tags: ['interactions'],
      summary: 'Correct a contact, or add the meeting summary to it',
      request: { params: idParam, ...jsonBody(ZUpdateInteraction) },
      responses: { 200: jsonResponse(ZInteraction, 'The contact'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await interactions.updateInteraction(
          c.get('deps'),
          requireAuth(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/interactions/{id}/handled',
      tags: ['interactions'],
      summary: 'Mark a contact as answered (it leaves "waiting for my reply")',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZInteraction, 'The contact'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await interactions.markReplied(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/interactions/{id}',
      tags: ['interactions'],
      summary: 'Delete a contact logged by mistake',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await interactions.deleteInteraction(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
