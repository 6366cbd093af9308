import { createRoute, z } from '@hono/zod-openapi';
import { ZId } from '../../../shared/schemas/common.js';
import { ZMessageComposed, ZMessageDraft } from '../../../shared/schemas/messages.js';
import {
  ZComposeQuoteMessage,
  ZComposeTermsMessage,
  ZCreateQuote,
  ZDuplicateQuote,
  ZReportMistake,
  ZQuote,
  ZQuoteList,
  ZQuoteListQuery,
  ZQuoteSent,
  ZTermsTemplate,
  ZTermsTemplateList,
  ZSaveTermsTemplate,
  ZUpdateQuote,
} from '../../../shared/schemas/quotes.js';
import { AppError } from '../../lib/app-error.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { reportMistake } from './mistake.service.js';
import { revokeQuoteLinks } from './quote-links.service.js';
import {
  QUOTE_PDF,
  createQuote,
  duplicateQuote,
  getQuote,
  listQuoteSummaries,
  quotePdfRef,
  updateQuote,
} from './quotes.service.js';
import { composeQuoteMessage, sendQuote } from './send-quote.service.js';
import {
  composeTermsMessage,
  createTermsTemplate,
  deleteTermsTemplate,
  listTermsTemplates,
  updateTermsTemplate,
} from './terms.service.js';

const idParam = z.object({ id: ZId.meta({ param: { name: 'id', in: 'path' } }) });

export const quoteRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/terms-templates',
      tags: ['quotes'],
      summary: 'Terms templates (the built-in ones are created on first use)',
      responses: {
        200: jsonResponse(ZTermsTemplateList, 'Templates'),
        ...errorResponses(401),
      },
    }),
    async (c) => c.json(await listTermsTemplates(c.get('deps'), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/terms-templates',
      tags: ['quotes'],
      summary: 'A new terms template',
      request: jsonBody(ZSaveTermsTemplate),
      responses: { 201: jsonResponse(ZTermsTemplate, 'Created'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await createTermsTemplate(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/terms-templates/{id}',
      tags: ['quotes'],
      summary: 'Rewrite a terms template',
      request: { params: idParam, ...jsonBody(ZSaveTermsTemplate) },
      responses: { 200: jsonResponse(ZTermsTemplate, 'Saved'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        await updateTermsTemplate(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/terms-templates/{id}',
      tags: ['quotes'],
      summary: 'Delete a terms template (quotes keep their own copy)',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await deleteTermsTemplate(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/quotes',
      tags: ['quotes'],
      summary: 'Quotes, a page at a time: searched, filtered by status and sorted (newest first by default)',
      request: { query: ZQuoteListQuery },
      responses: { 200: jsonResponse(ZQuoteList, 'Quotes'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await listQuoteSummaries(c.get('deps'), requireAuth(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/quotes',
      tags: ['quotes'],
      summary: 'A new quote (from scratch, a terms template or a meeting)',
      request: jsonBody(ZCreateQuote),
      responses: { 201: jsonResponse(ZQuote, 'The draft'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await createQuote(c.get('deps'), requireAuth(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/quotes/{id}',
      tags: ['quotes'],
      summary: 'A quote with all its versions',
      request: { params: idParam },
      responses: { 200: jsonResponse(ZQuote, 'The quote'), ...errorResponses(401, 404) },
    }),
    async (c) => c.json(await getQuote(c.get('deps'), requireAuth(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/quotes/{id}',
      tags: ['quotes'],
      summary: 'Edit (a draft in place; a sent quote gets a new version; an accepted one never changes)',
      request: { params: idParam, ...jsonBody(ZUpdateQuote) },
      responses: { 200: jsonResponse(ZQuote, 'The quote'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(await updateQuote(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/quotes/{id}/compose',
      tags: ['quotes'],
      summary: 'The message for this quote in the client’s language ({{link}} is filled when sending)',
      request: { params: idParam, ...jsonBody(ZComposeQuoteMessage) },
      responses: { 200: jsonResponse(ZMessageComposed, 'Filled template'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(
        await composeQuoteMessage(c.get('deps'), auth, auth, c.req.valid('param').id, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/quotes/{id}/send',
      tags: ['quotes'],
      summary: 'Send the quote: link, message, log; keeps "quote by…" promises',
      request: { params: idParam, ...jsonBody(ZMessageDraft) },
      responses: { 200: jsonResponse(ZQuoteSent, 'Sent'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await sendQuote(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json'), {
          origin: new URL(c.req.url).origin,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/quotes/{id}/mistake',
      tags: ['quotes'],
      summary: '"I made a mistake": honour the price, or re-issue with an apology',
      request: { params: idParam, ...jsonBody(ZReportMistake) },
      responses: { 200: jsonResponse(ZQuoteSent, 'Handled'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await reportMistake(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json'), {
          origin: new URL(c.req.url).origin,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/quotes/{id}/duplicate',
      tags: ['quotes'],
      summary: 'A new draft from this quote (optionally for another client)',
      request: { params: idParam, ...jsonBody(ZDuplicateQuote) },
      responses: { 201: jsonResponse(ZQuote, 'The new draft'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(await duplicateQuote(c.get('deps'), requireAuth(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/quotes/{id}/revoke-links',
      tags: ['quotes'],
      summary: 'Cut off every client link to this quote',
      request: { params: idParam },
      responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await revokeQuoteLinks(c.get('deps'), requireAuth(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/terms-message',
      tags: ['quotes'],
      summary: 'The "general terms" message for a client who never got them (send it with POST /messages)',
      request: { params: idParam, ...jsonBody(ZComposeTermsMessage) },
      responses: { 200: jsonResponse(ZMessageComposed, 'Filled template'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(
        await composeTermsMessage(c.get('deps'), auth, auth, c.req.valid('param').id, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/quotes/{id}/pdf',
      tags: ['quotes'],
      summary: 'The current version as PDF (404 where Chromium is not installed)',
      request: { params: idParam },
      responses: {
        200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const auth = requireAuth(c);
      const quote = await getQuote(deps, auth, c.req.valid('param').id);
      // The same renderer the outbox attaches with, wired into deps at start-up.
      const render = deps.attachments[QUOTE_PDF];
      const pdf = render ? await render(deps, quotePdfRef(auth, quote.id)) : null;
      if (!pdf) throw new AppError('not_found');
      return c.body(new Uint8Array(pdf.content), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${pdf.filename}"`,
      });
    },
  );
