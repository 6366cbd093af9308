import { createRoute, z } from '@hono/zod-openapi';
import { ZId } from '../../../shared/schemas/common.js';
import {
  ZCalendarFeed,
  ZCalendarFeedStatus,
  ZClientHealth,
  ZClientHealthList,
  ZClientHealthListQuery,
  ZClientHealthQuery,
  ZInsightsOverview,
  ZInsightsOverviewQuery,
  ZToday,
} from '../../../shared/schemas/insights.js';
import { createRouter, errorResponses, publicOrigin, requireAuth } from '../../lib/http.js';
import { jsonResponse } from '../../lib/openapi.js';
import { calendarFeedEnabled, regenerateCalendarToken, revokeCalendarToken } from '../accounts/accounts.service.js';
import * as health from './health.service.js';
import * as insights from './insights.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });

export const insightRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/today',
      tags: ['insights'],
      summary: 'Today: my promises due today and late, what clients owe me, who waits for my reply',
      responses: { 200: jsonResponse(ZToday, 'Today'), ...errorResponses(401) },
    }),
    async (c) => c.json(await insights.today(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/calendar-feed',
      tags: ['insights'],
      summary: 'Whether my private calendar feed is on (its URL is never shown again)',
      responses: { 200: jsonResponse(ZCalendarFeedStatus, 'Status'), ...errorResponses(401) },
    }),
    async (c) => c.json({ enabled: await calendarFeedEnabled(c.get('deps'), requireAuth(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/calendar-feed',
      tags: ['insights'],
      summary: 'Create (or replace) my private calendar feed URL',
      responses: { 201: jsonResponse(ZCalendarFeed, 'The feed URL (shown once)'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const token = await regenerateCalendarToken(c.get('deps'), requireAuth(c));
      return c.json({ url: `${publicOrigin(c)}/feeds/calendar/${token}.ics` }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/calendar-feed',
      tags: ['insights'],
      summary: 'Turn the calendar feed off (the URL stops working)',
      responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403) },
    }),
    async (c) => {
      await revokeCalendarToken(c.get('deps'), requireAuth(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/insights/clients/{id}/health',
      tags: ['insights'],
      summary:
        'Is this client worth it: revenue against effort, the warning signs with their evidence, a score with every reason',
      request: { params: idParam, query: ZClientHealthQuery },
      responses: { 200: jsonResponse(ZClientHealth, 'The client’s health'), ...errorResponses(401, 404, 422) },
    }),
    async (c) =>
      c.json(
        await health.clientHealth(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/insights/health',
      tags: ['insights'],
      summary: 'Every active client’s health score, main signals, revenue, hours and rate: sorted, filtered, paged',
      request: { query: ZClientHealthListQuery },
      responses: { 200: jsonResponse(ZClientHealthList, 'Clients'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await health.clientHealthList(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/insights/overview',
      tags: ['insights'],
      summary:
        'The Insights page: revenue against effort, word-keeping and money owed over time, who costs the most energy',
      request: { query: ZInsightsOverviewQuery },
      responses: { 200: jsonResponse(ZInsightsOverview, 'Insights'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await health.insightsOverview(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  );
