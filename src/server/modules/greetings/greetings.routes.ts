import { createRoute } from '@hono/zod-openapi';
import {
  ZHolidayGreetings,
  ZHolidayGreetingsQuery,
  ZHolidayGreetingsSent,
  ZSendHolidayGreetings,
} from '../../../shared/schemas/greetings.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { holidayGreetings, sendHolidayGreetings } from './greetings.service.js';

export const greetingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/greetings/holidays',
      tags: ['greetings'],
      summary: 'The coming holiday and a greeting for each client of the group, in their language; nothing is sent',
      request: { query: ZHolidayGreetingsQuery },
      responses: { 200: jsonResponse(ZHolidayGreetings, 'Greetings to review'), ...errorResponses(401, 422) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(await holidayGreetings(c.get('deps'), auth, auth, c.req.valid('query')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/greetings/holidays/send',
      tags: ['greetings'],
      summary: 'Send the reviewed holiday greetings (e-mail queued, never on Shabbat or a holiday; WhatsApp links)',
      request: jsonBody(ZSendHolidayGreetings),
      responses: {
        201: jsonResponse(ZHolidayGreetingsSent, 'Queued or ready to open'),
        ...errorResponses(401, 403, 422),
      },
    }),
    async (c) => c.json(await sendHolidayGreetings(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  );
