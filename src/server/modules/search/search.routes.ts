import { createRoute } from '@hono/zod-openapi';
import { ZSearchQuery, ZSearchResults } from '../../../shared/schemas/search.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonResponse } from '../../lib/openapi.js';
import * as search from './search.service.js';

export const searchRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/search',
    tags: ['search'],
    summary: 'Search clients, contacts, quotes, projects and change requests at once, grouped and ranked',
    request: { query: ZSearchQuery },
    responses: { 200: jsonResponse(ZSearchResults, 'Results by kind'), ...errorResponses(401, 422) },
  }),
  async (c) => c.json(await search.search(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
);
