import { createRoute, z } from '@hono/zod-openapi';
import {
  ZConflict,
  ZConflictList,
  ZConflictListQuery,
  ZCreateClientType,
  ZCreateConflict,
  ZCreateIncident,
  ZIncident,
  ZIncidentList,
  ZIncidentListQuery,
  ZPlaybook,
  ZPlaybookList,
  ZPlaybookQuery,
  ZResetPlaybook,
  ZStubbornClientList,
  ZUpdateConflict,
  ZUpdateIncident,
  ZUpdatePlaybook,
} from '../../../shared/schemas/care.js';
import { ZId } from '../../../shared/schemas/common.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { stubbornClients } from './care.service.js';
import * as conflicts from './conflicts.service.js';
import * as incidents from './incidents.service.js';
import * as playbooks from './playbooks.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });
const typeParam = z.object({
  type: z
    .string()
    .min(1)
    .max(64)
    .meta({
      param: { name: 'type', in: 'path' },
      description: 'A built-in personality (lovely, businesslike, demanding, blunt, unsatisfied) or an added type’s id',
      example: 'unsatisfied',
    }),
});

export const careRoutes = createRouter()
  // ── Playbooks ──
  .openapi(
    createRoute({
      method: 'get',
      path: '/care/playbooks',
      tags: ['care'],
      summary: 'Playbooks of every client type: the built-in texts merged with the workspace’s edits, and added types',
      request: { query: ZPlaybookQuery },
      responses: { 200: jsonResponse(ZPlaybookList, 'Playbooks'), ...errorResponses(401, 422) },
    }),
    async (c) =>
      c.json(
        await playbooks.listPlaybooks(c.get('deps'), requireAuth(c), c.req.valid('query').locale ?? c.get('locale')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/care/playbooks/{type}',
      tags: ['care'],
      summary: 'One client type’s playbook (the client page’s type badge, the hint on quote screens)',
      request: { params: typeParam, query: ZPlaybookQuery },
      responses: { 200: jsonResponse(ZPlaybook, 'The playbook'), ...errorResponses(401, 404, 422) },
    }),
    async (c) =>
      c.json(
        await playbooks.getPlaybook(
          c.get('deps'),
          requireAuth(c),
          c.req.valid('param').type,
          c.req.valid('query').locale ?? c.get('locale'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/care/playbooks/{type}',
      tags: ['care'],
      summary: 'Rewrite a type’s playbook in one language (this workspace only)',
      request: { params: typeParam, ...jsonBody(ZUpdatePlaybook) },
      responses: { 200: jsonResponse(ZPlaybook, 'The playbook'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await playbooks.updatePlaybook(c.get('deps'), requireAuth(c), c.req.valid('param').type, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/care/playbooks/{type}/reset',
      tags: ['care'],
      summary: 'Back to the built-in text, in one language or all',
      request: {
        params: typeParam,
        body: { content: { 'application/json': { schema: ZResetPlaybook } }, required: false },
      },
      responses: { 200: jsonResponse(ZPlaybook, 'The playbook'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await playbooks.resetPlaybook(
          c.get('deps'),
          requireAuth(c),
          c.req.valid('param').type,
          c.req.valid('json') ?? {},
          c.get('locale'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/care/types',
      tags: ['care'],
      summary: 'Add a client type with its playbook (a playbook only until clients can carry added types)',
      request: jsonBody(ZCreateClientType),
      responses: { 201: jsonResponse(ZPlaybook, 'The new type’s playbook'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await playbooks.createClientType(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/care/types/{id}',
      tags: ['care'],
      summary: 'Remove an added client type and its playbook',
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      await playbooks.deleteClientType(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  // ── Mistakes ──
  .openapi(
    createRoute({
      method: 'get',
      path: '/care/incidents',
      tags: ['care'],
      summary: 'Mistakes with their prevention steps, newest first (filter by client, cause, status; paged)',
      request: { query: ZIncidentListQuery },
      responses: { 200: jsonResponse(ZIncidentList, 'A page of mistakes'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await incidents.listIncidents(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/care/incidents',
      tags: ['care'],
      summary: 'Record a mistake on a client (optionally a project of theirs)',
      request: jsonBody(ZCreateIncident),
      responses: { 201: jsonResponse(ZIncident, 'The mistake'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await incidents.createIncident(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/care/incidents/{id}',
      tags: ['care'],
      summary: 'One mistake',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZIncident, 'The mistake'), ...errorResponses(401, 404, 422) },
    }),
    async (c) => c.json(await incidents.getIncident(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/care/incidents/{id}',
      tags: ['care'],
      summary: 'Update a mistake: the fix, compensation, status, the client’s reaction…',
      request: { params: idParam, ...jsonBody(ZUpdateIncident) },
      responses: { 200: jsonResponse(ZIncident, 'The mistake'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await incidents.updateIncident(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/care/incidents/{id}',
      tags: ['care'],
      summary: 'Delete a mistake recorded by error',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      await incidents.deleteIncident(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  // ── Conflicts ──
  .openapi(
    createRoute({
      method: 'get',
      path: '/care/conflicts',
      tags: ['care'],
      summary: 'Conflict cases, newest first (filter by client, status, topic; paged)',
      request: { query: ZConflictListQuery },
      responses: { 200: jsonResponse(ZConflictList, 'A page of conflict cases'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await conflicts.listConflicts(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/care/conflicts',
      tags: ['care'],
      summary: 'Open a conflict worksheet: position → question → interest → options',
      request: jsonBody(ZCreateConflict),
      responses: { 201: jsonResponse(ZConflict, 'The conflict case'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await conflicts.createConflict(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/care/conflicts/{id}',
      tags: ['care'],
      summary: 'One conflict case',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZConflict, 'The conflict case'), ...errorResponses(401, 404, 422) },
    }),
    async (c) => c.json(await conflicts.getConflict(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/care/conflicts/{id}',
      tags: ['care'],
      summary: 'Update the worksheet: the chosen option, the outcome, the status…',
      request: { params: idParam, ...jsonBody(ZUpdateConflict) },
      responses: { 200: jsonResponse(ZConflict, 'The conflict case'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await conflicts.updateConflict(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/care/conflicts/{id}',
      tags: ['care'],
      summary: 'Delete a conflict case',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      await conflicts.deleteConflict(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/care/stubborn',
      tags: ['care'],
      summary: 'The five most stubborn clients: open conflicts + open mistakes + out-of-scope requests',
      responses: { 200: jsonResponse(ZStubbornClientList, 'Up to five clients'), ...errorResponses(401) },
    }),
    async (c) => c.json(await stubbornClients(c.get('deps'), requireAuth(c)), 200),
  );
