import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { strictUtf8 } from '../../lib/strict-utf8.js';
import {
  IMPORT_MAX_FILE_BYTES,
  ZCommitImport,
  ZImportCommitted,
  ZImportParsed,
  ZImportPreviewed,
  ZPreviewImport,
} from '../../../shared/schemas/imports.js';
import { jsonBody, jsonResponse } from '../../lib/openapi.js';
import { createRouter, errorResponses, requireAuth } from '../../lib/http.js';
import { chatImportRoutes } from './chat-import.routes.js';
import * as imports from './imports.service.js';

const ZParseQuery = z.object({
  fileName: z.string().max(255).optional().meta({ description: 'Raw bodies: the file name (its extension helps)' }),
  sheet: z.string().max(100).optional().meta({ description: 'xlsx: the sheet to read (default: the first)' }),
});

/** Uploads up to 20 MB (a little more for multipart framing); larger ones answer 413 with a field error. */
const uploadLimit = bodyLimit({
  maxSize: IMPORT_MAX_FILE_BYTES + 64 * 1024,
  onError: () => {
    throw imports.tooLarge();
  },
});

async function uploaded(req: Request, fallbackName: string): Promise<{ bytes: Buffer; name: string }> {
  if ((req.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    const form = await req.formData();
    const file = form.get('file');
    if (!file || typeof file === 'string') return { bytes: Buffer.alloc(0), name: fallbackName };
    return { bytes: Buffer.from(await file.arrayBuffer()), name: file.name || fallbackName };
  }
  return { bytes: Buffer.from(await req.arrayBuffer()), name: fallbackName };
}

export const importRoutes = createRouter();
importRoutes.use('/imports/parse', uploadLimit);
/** Preview and commit carry the parsed rows back (up to 50,000): bounded here and by the schemas. */
importRoutes.use(
  '/imports/*',
  bodyLimit({
    maxSize: 2 * IMPORT_MAX_FILE_BYTES,
    onError: () => {
      throw imports.tooLarge();
    },
  }),
);
// The rows sent back are JSON and must be strict UTF-8; /imports/parse takes files in any encoding.
importRoutes.use('/imports/preview', strictUtf8());
importRoutes.use('/imports/commit', strictUtf8());
importRoutes
  .openapi(
    createRoute({
      method: 'post',
      path: '/imports/parse',
      tags: ['imports'],
      summary: 'Read a CSV/TSV, Excel (.xlsx) or vCard file: headers, a guessed mapping and the rows',
      description: 'Body: multipart/form-data with a `file` part, or the raw file bytes. Up to 20 MB.',
      request: { query: ZParseQuery },
      responses: { 200: jsonResponse(ZImportParsed, 'The parsed file'), ...errorResponses(401, 413, 422) },
    }),
    async (c) => {
      requireAuth(c);
      const query = c.req.valid('query');
      const { bytes, name } = await uploaded(c.req.raw, query.fileName ?? '');
      return c.json(await imports.parseImportFile(bytes, name, query.sheet), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/imports/preview',
      tags: ['imports'],
      summary: 'What each row becomes: drafts, bad rows with reasons, duplicates with a proposed action',
      request: jsonBody(ZPreviewImport),
      responses: { 200: jsonResponse(ZImportPreviewed, 'The preview'), ...errorResponses(401, 413, 422) },
    }),
    async (c) => {
      const { rows, counts } = await imports.previewImport(
        c.get('deps'),
        requireAuth(c),
        c.get('locale'),
        c.req.valid('json'),
      );
      return c.json({ rows, counts }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/imports/commit',
      tags: ['imports'],
      summary: 'Import the rows as decided (create / merge / skip): one transaction, all or nothing',
      request: jsonBody(ZCommitImport),
      responses: { 200: jsonResponse(ZImportCommitted, 'What was done'), ...errorResponses(401, 403, 413, 422) },
    }),
    async (c) =>
      c.json(await imports.commitImport(c.get('deps'), requireAuth(c), c.get('locale'), c.req.valid('json')), 200),
  );

// WhatsApp chats: their own uploads (a file each step) and limits.
importRoutes.route('/', chatImportRoutes);
