import { createRoute, z } from '@hono/zod-openapi';
import { ZId } from '../../../shared/schemas/common.js';
import {
  ZCommitment,
  ZCommitmentList,
  ZCommitmentListQuery,
  ZCompleteCommitment,
  ZCreateCommitment,
  ZRenegotiateCommitment,
  ZUpdateCommitment,
  ZWordKeeping,
} from '../../../shared/schemas/commitments.js';
import { ZMessageDraft, ZRenegotiated } from '../../../shared/schemas/messages.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { renegotiateWithNotice } from '../messages/renegotiate.service.js';
import * as commitments from './commitments.service.js';
import { createCommitment } from './record-commitment.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });
const ZWordKeepingQuery = z.object({
  days: z.coerce.number({ error: 'invalid_number' }).int().optional(),
  clientId: ZId.optional(),
});

export const commitmentRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/commitments',
      tags: ['commitments'],
      summary: 'Promises, mine and the clients’ (open soonest-due first)',
      request: { query: ZCommitmentListQuery },
      responses: { 200: jsonResponse(ZCommitmentList, 'Commitments'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await commitments.listCommitments(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/commitments',
      tags: ['commitments'],
      summary: 'Record a promise (by me to a client, or by a client to me)',
      request: jsonBody(ZCreateCommitment),
      responses: { 201: jsonResponse(ZCommitment, 'The commitment'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await createCommitment(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/commitments/word-keeping',
      tags: ['commitments'],
      summary: 'Word-keeping rate over 30/90/365 days, overall or for one client',
      request: { query: ZWordKeepingQuery },
      responses: { 200: jsonResponse(ZWordKeeping, 'Rates'), ...errorResponses(401, 422) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(
        await commitments.wordKeeping(c.get('deps'), requireAuth(c), {
          days: query.days ?? 90,
          clientId: query.clientId,
        }),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/commitments/{id}',
      tags: ['commitments'],
      summary: 'One commitment with its history of due-time changes',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZCommitment, 'The commitment'), ...errorResponses(401, 404) },
    }),
    async (c) => c.json(await commitments.getCommitment(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/commitments/{id}',
      tags: ['commitments'],
      summary: 'Reword a commitment (the due time changes only by renegotiating)',
      request: { params: idParam, ...jsonBody(ZUpdateCommitment) },
      responses: { 200: jsonResponse(ZCommitment, 'The commitment'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await commitments.updateCommitment(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/commitments/{id}/complete',
      tags: ['commitments'],
      summary: 'Done (kept, or kept late: decided by the time)',
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: ZCompleteCommitment } }, required: false },
      },
      responses: { 200: jsonResponse(ZCommitment, 'The commitment'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await commitments.completeCommitment(
          c.get('deps'),
          requireAuth(c),
          c.req.valid('param').id,
          // The body is optional: without one, it is done now.
          c.req.valid('json') ?? {},
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/commitments/{id}/reopen',
      tags: ['commitments'],
      summary: 'Undo done or cancelled',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZCommitment, 'The commitment'), ...errorResponses(401, 403, 404) },
    }),
    async (c) =>
      c.json(await commitments.reopenCommitment(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/commitments/{id}/cancel',
      tags: ['commitments'],
      summary: 'No longer relevant (agreed with the client); leaves the rate',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZCommitment, 'The commitment'), ...errorResponses(401, 403, 404) },
    }),
    async (c) =>
      c.json(await commitments.cancelCommitment(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/commitments/{id}/renegotiate',
      tags: ['commitments'],
      summary: '"I haven’t forgotten you": a new due time, optionally with the message to the client',
      request: { params: idParam, ...jsonBody(ZRenegotiateCommitment.extend({ message: ZMessageDraft.optional() })) },
      responses: {
        200: jsonResponse(ZRenegotiated, 'The commitment and the message'),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) =>
      c.json(
        await renegotiateWithNotice(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
