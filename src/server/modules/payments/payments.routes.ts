import { createRoute, z } from '@hono/zod-openapi';
import { ZId } from '../../../shared/schemas/common.js';
import { ZMessageComposed } from '../../../shared/schemas/messages.js';
import { ZMoneyOverview } from '../../../shared/schemas/money.js';
import {
  ZClientBalance,
  ZCreatePaymentItem,
  ZCreateTimeEntry,
  ZPayment,
  ZPaymentList,
  ZPaymentItem,
  ZPaymentItemList,
  ZRecordPayment,
  ZRunningTimer,
  ZScheduleFromQuote,
  ZStartTimer,
  ZTimeEntry,
  ZTimeEntryList,
  ZUpdateTimeEntry,
} from '../../../shared/schemas/payments.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import * as payments from './payments.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });
const ZItemQuery = z.object({
  clientId: ZId.optional(),
  state: z.enum(['all', 'overdue'], { error: 'invalid_choice' }).optional(),
});

export const paymentRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/money/overview',
      tags: ['payments'],
      summary: 'The Money section: owed per client (oldest first), late payments, received this month, time this week',
      responses: { 200: jsonResponse(ZMoneyOverview, 'Overview'), ...errorResponses(401) },
    }),
    async (c) => c.json(await payments.moneyOverview(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/payment-items',
      tags: ['payments'],
      summary: 'The payment schedule (with what was received against each line)',
      request: { query: ZItemQuery },
      responses: { 200: jsonResponse(ZPaymentItemList, 'Schedule'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await payments.listPaymentItems(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/payment-items',
      tags: ['payments'],
      summary: 'A scheduled payment, by hand',
      request: jsonBody(ZCreatePaymentItem),
      responses: { 201: jsonResponse(ZPaymentItem, 'Scheduled'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await payments.createPaymentItem(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/payment-items/from-quote',
      tags: ['payments'],
      summary: 'Split an accepted quote into scheduled payments (e.g. 50% / 50%)',
      request: jsonBody(ZScheduleFromQuote),
      responses: { 201: jsonResponse(ZPaymentItemList, 'Scheduled'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await payments.scheduleFromQuote(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/payment-items/{id}/reminder',
      tags: ['payments'],
      summary: 'A polite payment reminder, filled in (send it with POST /messages)',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZMessageComposed, 'Filled template'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(await payments.composePaymentReminder(c.get('deps'), auth, auth, c.req.valid('param').id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/payment-items/{id}',
      tags: ['payments'],
      summary: 'Cancel a scheduled payment (kept, marked cancelled)',
      request: { params: idParam },
      responses: { 204: { description: 'Cancelled' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await payments.cancelPaymentItem(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/payments',
      tags: ['payments'],
      summary: 'Payments received, newest first',
      request: { query: z.object({ clientId: ZId.optional() }) },
      responses: { 200: jsonResponse(ZPaymentList, 'Payments'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await payments.listPayments(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/payments',
      tags: ['payments'],
      summary: 'Record a payment received (partial too)',
      request: jsonBody(ZRecordPayment),
      responses: { 201: jsonResponse(ZPayment, 'Recorded'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await payments.recordPayment(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/payments/{id}',
      tags: ['payments'],
      summary: 'Delete a payment recorded by mistake',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await payments.deletePayment(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/balance',
      tags: ['payments'],
      summary: 'Quoted, accepted, scheduled, received, outstanding and overdue for a client',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZClientBalance, 'Balance'), ...errorResponses(401, 404, 422) },
    }),
    async (c) => c.json(await payments.clientBalance(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/time-entries',
      tags: ['time'],
      summary: 'Time entries, newest first, with the total',
      request: { query: z.object({ clientId: ZId.optional(), projectId: ZId.optional() }) },
      responses: { 200: jsonResponse(ZTimeEntryList, 'Entries'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await payments.listTimeEntries(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/time-entries',
      tags: ['time'],
      summary: 'Log time by hand',
      request: jsonBody(ZCreateTimeEntry),
      responses: { 201: jsonResponse(ZTimeEntry, 'Logged'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await payments.createTimeEntry(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/time-entries/{id}',
      tags: ['time'],
      summary: 'Correct a time entry',
      request: { params: idParam, ...jsonBody(ZUpdateTimeEntry) },
      responses: { 200: jsonResponse(ZTimeEntry, 'Saved'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await payments.updateTimeEntry(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/time-entries/{id}',
      tags: ['time'],
      summary: 'Delete a time entry',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await payments.deleteTimeEntry(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/timer',
      tags: ['time'],
      summary: 'The running timer, if any (it survives reloads and restarts)',
      responses: { 200: jsonResponse(ZRunningTimer, 'Timer'), ...errorResponses(401) },
    }),
    async (c) => c.json({ running: await payments.runningTimer(c.get('deps'), requireAuth(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/timer/start',
      tags: ['time'],
      summary: 'Start the timer (stops a running one first)',
      request: jsonBody(ZStartTimer),
      responses: { 201: jsonResponse(ZTimeEntry, 'Running'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await payments.startTimer(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/timer/stop',
      tags: ['time'],
      summary: 'Stop the timer',
      responses: { 200: jsonResponse(ZTimeEntry, 'Stopped'), ...errorResponses(401, 403, 409) },
    }),
    async (c) => c.json(await payments.stopTimer(c.get('deps'), requireAuth(c)), 200),
  );
