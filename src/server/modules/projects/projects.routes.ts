import { createRoute, z } from '@hono/zod-openapi';
import { ZId } from '../../../shared/schemas/common.js';
import { ZMessageComposed } from '../../../shared/schemas/messages.js';
import {
  ZChangeRequest,
  ZChangeRequestList,
  ZChangeRequestDecided,
  ZRescheduled,
  ZColleague,
  ZColleagueList,
  ZSaveColleague,
  ZComposeDelay,
  ZComposeScope,
  ZAddMaterial,
  ZCreateProject,
  ZUpdateDeliverable,
  ZUpdateProject,
  ZCreateChangeRequest,
  ZDecideChangeRequest,
  ZProject,
  ZProjectList,
  ZProjectListQuery,
  ZRescheduleProject,
  ZSetTarget,
} from '../../../shared/schemas/projects.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import * as requests from './change-requests.service.js';
import * as projects from './projects.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });

export const projectRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects',
      tags: ['projects'],
      summary: 'Projects, a page at a time: searched, filtered by status and sorted (newest first by default)',
      request: { query: ZProjectListQuery },
      responses: { 200: jsonResponse(ZProjectList, 'Projects'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await projects.listProjectSummaries(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects',
      tags: ['projects'],
      summary: 'Start a project by hand',
      request: jsonBody(ZCreateProject),
      responses: { 201: jsonResponse(ZProject, 'The project'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await projects.createProject(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/projects/{id}',
      tags: ['projects'],
      summary: 'Rename a project or change its status',
      request: { params: idParam, ...jsonBody(ZUpdateProject) },
      responses: { 200: jsonResponse(ZProject, 'The project'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await projects.updateProject(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/projects/{id}/deliverables/{deliverableId}',
      tags: ['projects'],
      summary: 'Mark a deliverable done (or open) and give it its own target date',
      request: {
        params: idParam.extend({ deliverableId: ZId.meta({ param: { name: 'deliverableId', in: 'path' } }) }),
        ...jsonBody(ZUpdateDeliverable),
      },
      responses: { 200: jsonResponse(ZProject, 'The project'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { id, deliverableId } = c.req.valid('param');
      return c.json(
        await projects.updateDeliverable(c.get('deps'), requireAuth(c), id, deliverableId, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/materials',
      tags: ['projects'],
      summary: 'Something the client must supply, and by when',
      request: { params: idParam, ...jsonBody(ZAddMaterial) },
      responses: { 200: jsonResponse(ZProject, 'The project'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await projects.addMaterial(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}',
      tags: ['projects'],
      summary: 'A project with its delivery promise, deliverables and reschedule history',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZProject, 'The project'), ...errorResponses(401, 404) },
    }),
    async (c) => c.json(await projects.getProject(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/target',
      tags: ['projects'],
      summary: 'Set the first target date (my promise to deliver)',
      request: { params: idParam, ...jsonBody(ZSetTarget) },
      responses: { 200: jsonResponse(ZProject, 'The project'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await projects.setTarget(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/delay-notice',
      tags: ['projects'],
      summary: 'The delay notice for the client (status, reason, new date), filled in; nothing is sent',
      request: { params: idParam, ...jsonBody(ZComposeDelay) },
      responses: { 200: jsonResponse(ZMessageComposed, 'Filled template'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(
        await projects.composeDelayNotice(c.get('deps'), auth, auth, c.req.valid('param').id, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/reschedule',
      tags: ['projects'],
      summary: 'A deadline slips: cause, status and new date (required), with the notice to the client',
      request: { params: idParam, ...jsonBody(ZRescheduleProject) },
      responses: { 200: jsonResponse(ZRescheduled, 'Rescheduled'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await projects.reschedule(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/change-requests',
      tags: ['projects'],
      summary: 'Requests beyond the agreed scope, newest first',
      request: { params: idParam },
      responses: {
        200: jsonResponse(ZChangeRequestList, 'Requests'),
        ...errorResponses(401, 404),
      },
    }),
    async (c) => c.json(await requests.listChangeRequests(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/change-requests',
      tags: ['projects'],
      summary: 'Log a request from the client (what, when, channel)',
      request: { params: idParam, ...jsonBody(ZCreateChangeRequest) },
      responses: { 201: jsonResponse(ZChangeRequest, 'Logged'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await requests.createChangeRequest(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/change-requests/{id}/answer',
      tags: ['projects'],
      summary: 'The answer for a decision, in the client’s language; nothing is sent',
      request: { params: idParam, ...jsonBody(ZComposeScope) },
      responses: { 200: jsonResponse(ZMessageComposed, 'Filled template'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(
        await requests.composeScopeAnswer(c.get('deps'), auth, auth, c.req.valid('param').id, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/change-requests/{id}/decide',
      tags: ['projects'],
      summary:
        'In scope, or out of scope with a decision (goodwill, change order, deterrent price, subcontract, refer, decline)',
      request: { params: idParam, ...jsonBody(ZDecideChangeRequest) },
      responses: { 200: jsonResponse(ZChangeRequestDecided, 'Decided'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await requests.decideChangeRequest(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/colleagues',
      tags: ['projects'],
      summary: 'Subcontractors and people to refer clients to',
      responses: { 200: jsonResponse(ZColleagueList, 'Colleagues'), ...errorResponses(401) },
    }),
    async (c) => c.json(await requests.listColleagues(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/colleagues',
      tags: ['projects'],
      summary: 'Add a colleague',
      request: jsonBody(ZSaveColleague),
      responses: { 201: jsonResponse(ZColleague, 'Added'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await requests.createColleague(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/colleagues/{id}',
      tags: ['projects'],
      summary: 'Change a colleague',
      request: { params: idParam, ...jsonBody(ZSaveColleague) },
      responses: { 200: jsonResponse(ZColleague, 'Saved'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await requests.updateColleague(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/colleagues/{id}',
      tags: ['projects'],
      summary: 'Remove a colleague',
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await requests.deleteColleague(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
