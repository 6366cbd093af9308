import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { ZClientListQuery } from '../../../shared/schemas/clients.js';
import { RESTORE_MAX_BYTES, ZWorkspaceExport, ZWorkspaceRestored } from '../../../shared/schemas/exports.js';
import { AppError } from '../../lib/app-error.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import * as exports from './exports.service.js';

const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().meta({ format: 'binary' }) } },
});

const stamp = () => new Date().toISOString().slice(0, 10);

export const exportRoutes = createRouter();
exportRoutes.use(
  '/imports/workspace-json',
  bodyLimit({
    maxSize: RESTORE_MAX_BYTES,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  }),
);
exportRoutes
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/workspace.zip',
      tags: ['exports'],
      summary: 'Everything in the workspace as a ZIP of CSV files, one per table (UTF-8 with BOM)',
      description:
        'Streamed as it is read. Column names are the stored (English, snake_case) names; cells starting with = + - @ get a leading apostrophe.',
      responses: { 200: binary('application/zip', 'The ZIP file'), ...errorResponses(401) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      await exports.noteExport(c.get('deps'), auth, 'zip');
      return c.body(exports.workspaceZip(c.get('deps'), auth), 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="mila-export-${stamp()}.zip"`,
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/workspace.json',
      tags: ['exports'],
      summary: 'Everything in the workspace as one JSON document (format mila-export, version 1)',
      description: 'Streamed as it is read; restore it into an empty workspace with POST /imports/workspace-json.',
      responses: { 200: jsonResponse(ZWorkspaceExport, 'The export document'), ...errorResponses(401) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      await exports.noteExport(c.get('deps'), auth, 'json');
      return c.body(exports.workspaceJson(c.get('deps'), auth), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="mila-export-${stamp()}.json"`,
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/imports/workspace-json',
      tags: ['exports'],
      summary: 'Restore an export document into this (empty) workspace: one transaction, all or nothing',
      description:
        'Every id is replaced by a new one and every reference rewritten. A workspace with data answers 409.',
      request: jsonBody(ZWorkspaceExport),
      responses: {
        200: jsonResponse(ZWorkspaceRestored, 'What was restored'),
        ...errorResponses(401, 403, 409, 413, 422),
      },
    }),
    async (c) => c.json(await exports.restoreWorkspace(c.get('deps'), requireAuth(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/clients.csv',
      tags: ['exports'],
      summary: 'The client list as filtered (same filters as GET /clients), as CSV with headers in your language',
      request: { query: ZClientListQuery.omit({ limit: true, offset: true }) },
      responses: { 200: binary('text/csv', 'The CSV file'), ...errorResponses(401, 422) },
    }),
    async (c) => {
      const csv = await exports.clientsCsv(c.get('deps'), requireAuth(c), c.get('locale'), c.req.valid('query'));
      return c.body(csv, 200, csvHeaders('clients')) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/payments.csv',
      tags: ['exports'],
      summary: 'Payments received, as CSV with headers in your language',
      responses: { 200: binary('text/csv', 'The CSV file'), ...errorResponses(401) },
    }),
    async (c) => {
      const csv = await exports.paymentsCsv(c.get('deps'), requireAuth(c), c.get('locale'));
      return c.body(csv, 200, csvHeaders('payments')) as never;
    },
  );

function csvHeaders(name: string) {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="mila-${name}-${stamp()}.csv"`,
  };
}
