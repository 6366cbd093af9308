import { createRoute } from '@hono/zod-openapi';
import { ZAuditEventList, ZAuditListQuery } from '../../../shared/schemas/audit.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonResponse } from '../../lib/openapi.js';
import * as audit from './audit.service.js';

export const auditRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/audit-events',
    tags: ['audit'],
    summary: 'The record of sensitive actions: sign-ins and failures, settings, exports, keys, deletions',
    request: { query: ZAuditListQuery },
    responses: { 200: jsonResponse(ZAuditEventList, 'Newest first'), ...errorResponses(401, 403, 422) },
  }),
  async (c) => c.json(await audit.listAuditEvents(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
);
