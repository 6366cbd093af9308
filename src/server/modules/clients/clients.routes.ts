import { createRoute, z } from '@hono/zod-openapi';
import { ZId } from '../../../shared/schemas/common.js';
import {
  ZClient,
  ZClientList,
  ZClientListQuery,
  ZCreateClient,
  ZTagList,
  ZUpdateClient,
} from '../../../shared/schemas/clients.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import * as clients from './clients.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });

export const clientRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients',
      tags: ['clients'],
      summary: 'List clients: search (Hebrew-aware), filters, sort, paging',
      request: { query: ZClientListQuery },
      responses: { 200: jsonResponse(ZClientList, 'A page of clients'), ...errorResponses(401, 422) },
    }),
    // The validator reads repeated keys (?status=lead&status=active) as arrays.
    async (c) => c.json(await clients.listClients(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/tags',
      tags: ['clients'],
      summary: 'Tags in use, with how many active clients carry each',
      responses: { 200: jsonResponse(ZTagList, 'Tags'), ...errorResponses(401) },
    }),
    async (c) => c.json(await clients.listTags(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients',
      tags: ['clients'],
      summary: 'Add a client',
      request: jsonBody(ZCreateClient),
      responses: { 201: jsonResponse(ZClient, 'The new client'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await clients.createClient(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}',
      tags: ['clients'],
      summary: 'One client with contacts, dates and tags',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZClient, 'The client'), ...errorResponses(401, 404) },
    }),
    async (c) => c.json(await clients.getClient(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/clients/{id}',
      tags: ['clients'],
      summary: 'Change a client (any subset; lists replace the stored list)',
      request: { params: idParam, ...jsonBody(ZUpdateClient) },
      responses: { 200: jsonResponse(ZClient, 'The client'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await clients.updateClient(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/clients/{id}',
      tags: ['clients'],
      summary: 'Archive a client (kept with its history; restore undoes it)',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZClient, 'The archived client'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await clients.archiveClient(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/restore',
      tags: ['clients'],
      summary: 'Restore an archived client',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZClient, 'The restored client'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await clients.restoreClient(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  );
