import { createRoute } from '@hono/zod-openapi';
import { ZCalendarFeed, ZCalendarFeedStatus, ZToday } from '../../../shared/schemas/insights.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonResponse } from '../../lib/openapi.js';
import { calendarFeedEnabled, regenerateCalendarToken, revokeCalendarToken } from '../accounts/accounts.service.js';
import * as insights from './insights.service.js';

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
      const deps = c.get('deps');
      const token = await regenerateCalendarToken(deps, requireAuth(c));
      const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
      return c.json({ url: `${origin}/feeds/calendar/${token}.ics` }, 201);
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
  );
