import { createRoute, z } from '@hono/zod-openapi';
import { ZId } from '../../../shared/schemas/common.js';
import {
  ZCreateWebhookEndpoint,
  ZUpdateWebhookEndpoint,
  ZWebhookDeliveryList,
  ZWebhookDeliveryListQuery,
  ZWebhookEndpoint,
  ZWebhookEndpointCreated,
  ZWebhookEndpointList,
  ZWebhookTested,
} from '../../../shared/schemas/webhooks.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import * as webhooks from './webhooks.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });

export const webhookRoutes = createRouter();
webhookRoutes
  .openapi(
    createRoute({
      method: 'get',
      path: '/webhooks',
      tags: ['webhooks'],
      summary: 'Webhook endpoints (never their secrets)',
      responses: { 200: jsonResponse(ZWebhookEndpointList, 'Endpoints'), ...errorResponses(401) },
    }),
    async (c) => c.json(await webhooks.listWebhookEndpoints(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/webhooks',
      tags: ['webhooks'],
      summary: 'Add an endpoint: the answer holds its signing secret, shown this once',
      request: jsonBody(ZCreateWebhookEndpoint),
      responses: { 201: jsonResponse(ZWebhookEndpointCreated, 'The new endpoint'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await webhooks.createWebhookEndpoint(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/webhooks/{id}',
      tags: ['webhooks'],
      summary: 'Change the events of an endpoint, or pause / resume it',
      request: { params: idParam, ...jsonBody(ZUpdateWebhookEndpoint) },
      responses: { 200: jsonResponse(ZWebhookEndpoint, 'The endpoint'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await webhooks.updateWebhookEndpoint(
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
      method: 'delete',
      path: '/webhooks/{id}',
      tags: ['webhooks'],
      summary: 'Remove an endpoint and its delivery log',
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await webhooks.deleteWebhookEndpoint(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/webhooks/{id}/deliveries',
      tags: ['webhooks'],
      summary: 'The delivery log of an endpoint, newest first',
      request: { params: idParam, query: ZWebhookDeliveryListQuery },
      responses: { 200: jsonResponse(ZWebhookDeliveryList, 'Deliveries'), ...errorResponses(401, 404, 422) },
    }),
    async (c) =>
      c.json(
        await webhooks.listWebhookDeliveries(
          c.get('deps'),
          requireAuth(c),
          c.req.valid('param').id,
          c.req.valid('query'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/webhooks/{id}/test',
      tags: ['webhooks'],
      summary: 'Send a signed `ping` now and answer with the receiver’s status code',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZWebhookTested, 'The ping’s delivery'), ...errorResponses(401, 403, 404) },
    }),
    async (c) =>
      c.json(await webhooks.testWebhookEndpoint(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  );
