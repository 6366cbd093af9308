import { createRoute, z } from '@hono/zod-openapi';
import { ZId, ZLocale } from '../../../shared/schemas/common.js';
import { ZNotificationList } from '../../../shared/schemas/messages.js';
import {
  ZComposeMessage,
  ZMarkNotificationsRead,
  ZMessageComposed,
  ZMessageKind,
  ZMessageTemplate,
  ZMessageTemplateList,
  ZOutbox,
  ZSendMessage,
  ZMessageSent,
  ZUpdateTemplate,
} from '../../../shared/schemas/messages.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';
import { outboxStatus } from './outbox.service.js';
import { sendMessage } from './send.service.js';
import { compose, listTemplates, resetTemplate, updateTemplate } from './templates.service.js';
import { composeAgreedChannel } from './agreed-channel.service.js';

const templateParams = z.object({
  kind: ZMessageKind.meta({ param: { name: 'kind', in: 'path' } }),
  locale: ZLocale.meta({ param: { name: 'locale', in: 'path' } }),
});

export const messageRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/message-templates',
      tags: ['messages'],
      summary: 'Every client-facing template in both languages (yours, or the built-in default)',
      responses: {
        200: jsonResponse(ZMessageTemplateList, 'Templates'),
        ...errorResponses(401),
      },
    }),
    async (c) => c.json(await listTemplates(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/message-templates/{kind}/{locale}',
      tags: ['messages'],
      summary: 'Write your own version of a template',
      request: { params: templateParams, ...jsonBody(ZUpdateTemplate) },
      responses: { 200: jsonResponse(ZMessageTemplate, 'The template'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => {
      const { kind, locale } = c.req.valid('param');
      return c.json(await updateTemplate(c.get('deps'), requireAuth(c), kind, locale, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/message-templates/{kind}/{locale}',
      tags: ['messages'],
      summary: 'Back to the built-in template',
      request: { params: templateParams },
      responses: { 200: jsonResponse(ZMessageTemplate, 'The default template'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => {
      const { kind, locale } = c.req.valid('param');
      return c.json(await resetTemplate(c.get('deps'), requireAuth(c), kind, locale), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/messages/compose',
      tags: ['messages'],
      summary: 'Fill a template for a client (their language, their channel); nothing is sent',
      request: jsonBody(ZComposeMessage),
      responses: { 200: jsonResponse(ZMessageComposed, 'The filled-in message'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(await compose(c.get('deps'), auth, auth, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/messages',
      tags: ['messages'],
      summary: 'Send by e-mail (outbox) or get the WhatsApp / SMS link; logged as an outgoing contact',
      request: jsonBody(ZSendMessage),
      responses: { 201: jsonResponse(ZMessageSent, 'Sent or ready to open'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await sendMessage(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/outbox',
      tags: ['messages'],
      summary: 'Recent e-mail and its delivery status',
      responses: { 200: jsonResponse(ZOutbox, 'Outbox'), ...errorResponses(401) },
    }),
    async (c) => c.json(await outboxStatus(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      tags: ['messages'],
      summary: 'In-app reminders, newest first, with the unread count',
      responses: { 200: jsonResponse(ZNotificationList, 'Notifications'), ...errorResponses(401) },
    }),
    async (c) => c.json(await listNotifications(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read',
      tags: ['messages'],
      summary: 'Mark reminders read (some, or "all")',
      request: jsonBody(ZMarkNotificationsRead),
      responses: { 204: { description: 'Marked' }, ...errorResponses(401, 403, 422) },
    }),
    async (c) => {
      await markNotificationsRead(c.get('deps'), requireAuth(c), c.req.valid('json').ids);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/agreed-channel/compose',
      tags: ['messages'],
      summary: 'Compose the message that tells the client the agreed channel and service hours; nothing is sent',
      request: { params: z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) }) },
      responses: {
        200: jsonResponse(ZMessageComposed, 'The filled-in message'),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(await composeAgreedChannel(c.get('deps'), auth, auth, c.req.valid('param').id), 200);
    },
  );
