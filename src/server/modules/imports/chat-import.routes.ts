import { createRoute, z } from '@hono/zod-openapi';
import type { Context, HonoRequest } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  CHAT_MAX_FILE_BYTES,
  ZChatCommitted,
  ZChatPreview,
  ZChatPromiseChoices,
  type ChatPromiseChoice,
} from '../../../shared/schemas/chat-import.js';
import { ZId } from '../../../shared/schemas/common.js';
import { AppError, fieldError } from '../../lib/app-error.js';
import { createRouter, errorResponses, requireAuth, type AppEnv } from '../../lib/http.js';
import { jsonResponse } from '../../lib/openapi.js';
import * as chats from './chat-import.service.js';
import { collectSharedFile, shareFile } from './chat-share.js';

const uploadLimit = bodyLimit({
  maxSize: CHAT_MAX_FILE_BYTES + 64 * 1024,
  onError: () => {
    throw chats.chatTooLarge();
  },
});

type Upload = { bytes: Uint8Array; me: string | null; promises: ChatPromiseChoice[] };

/** multipart/form-data: `file`, `me` (the author who is the user), `promises` (JSON, on commit). */
async function readUpload(req: HonoRequest): Promise<Upload> {
  if (!(req.header('content-type') ?? '').startsWith('multipart/form-data')) throw fieldError('file', 'required');
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw fieldError('file', 'unreadable_chat');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw fieldError('file', 'required');
  const me = form.get('me');
  const rawPromises = form.get('promises');
  let promises: ChatPromiseChoice[] = [];
  if (typeof rawPromises === 'string' && rawPromises) {
    let json: unknown;
    try {
      json = JSON.parse(rawPromises);
    } catch {
      throw fieldError('promises', 'invalid_type');
    }
    const parsed = ZChatPromiseChoices.safeParse(json);
    if (!parsed.success)
      throw new AppError('validation_failed', {
        fields: parsed.error.issues.map((i) => ({
          path: ['promises', ...i.path].join('.'),
          code: i.message && /^[a-z_]+$/.test(i.message) ? i.message : 'invalid',
          params: {},
        })),
      });
    promises = parsed.data;
  }
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    me: typeof me === 'string' && me ? me : null,
    promises,
  };
}

const ZClientParam = z.object({ clientId: ZId });
const multipart = {
  body: {
    content: {
      'multipart/form-data': {
        schema: z.object({
          file: z.any().meta({ type: 'string', format: 'binary', description: 'The .txt or .zip "Export chat" made' }),
          me: z.string().optional().meta({ description: 'The author who is the user (from the first preview)' }),
          promises: z.string().optional().meta({ description: 'Commit: JSON array of the promises to keep' }),
        }),
      },
    },
    required: true,
  },
};

export const chatImportRoutes = createRouter();
chatImportRoutes.use('/imports/whatsapp/:clientId/*', uploadLimit);
// Another workspace's client is a 404 whatever the body: the id is resolved before the upload is judged.
chatImportRoutes.use('/imports/whatsapp/:clientId/*', async (c, next) => {
  const clientId = c.req.param('clientId');
  if (clientId && ZId.safeParse(clientId).success) await chats.requireClient(c.get('deps'), requireAuth(c), clientId);
  await next();
});
chatImportRoutes
  .openapi(
    createRoute({
      method: 'post',
      path: '/imports/whatsapp/{clientId}/preview',
      tags: ['imports'],
      summary:
        'Read a WhatsApp chat export: its authors; with `me`, the conversations, duplicates and promises it would add',
      request: { params: ZClientParam, ...multipart },
      responses: { 200: jsonResponse(ZChatPreview, 'The preview'), ...errorResponses(401, 404, 413, 422) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { clientId } = c.req.valid('param');
      const upload = await readUpload(c.req);
      return c.json(await chats.previewChat(c.get('deps'), auth, { clientId, ...upload }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/imports/whatsapp/{clientId}/commit',
      tags: ['imports'],
      summary: 'Import the chat into the client’s contact log, with the promises kept: one transaction',
      request: { params: ZClientParam, ...multipart },
      responses: { 200: jsonResponse(ZChatCommitted, 'What was added'), ...errorResponses(401, 404, 413, 422) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { clientId } = c.req.valid('param');
      const upload = await readUpload(c.req);
      return c.json(await chats.commitChat(c.get('deps'), auth, c.get('locale'), { clientId, ...upload }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/imports/whatsapp/shared/{token}',
      tags: ['imports'],
      summary: 'The file shared into Mila from the phone (Web Share Target), once, for the user who shared it',
      request: { params: z.object({ token: z.string().min(20).max(100) }) },
      responses: {
        200: { description: 'The file', content: { 'application/octet-stream': { schema: z.any() } } },
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const file = await collectSharedFile(auth, c.req.valid('param').token, c.get('deps').clock.now().getTime());
      if (!file) throw fieldError('file', 'share_expired');
      return c.body(file.bytes.slice().buffer, 200, {
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
      });
    },
  );

/**
 * The Web Share Target (decision 012): the phone's share sheet POSTs the exported chat here as a
 * top-level navigation, which cannot carry our X-CSRF-Token. It rides on the session cookie
 * (SameSite=Lax: a cross-site POST does not send it), refuses what the browser says came from
 * another site, and only holds the file under a one-time token for the same user: nothing is
 * imported until that user picks the client and confirms in the app, through the CSRF-checked API.
 */
export async function shareTarget(c: Context<AppEnv>): Promise<Response> {
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') throw new AppError('csrf_failed');
  const auth = c.get('auth');
  if (!auth) return c.redirect('/login?shared=expired', 303);
  let file: FormDataEntryValue | null = null;
  try {
    const form = await c.req.raw.formData();
    file = form.getAll('file').find((f) => typeof f !== 'string') ?? null;
  } catch {
    file = null;
  }
  if (!file || typeof file === 'string') return c.redirect('/imports/whatsapp?shared=none', 303);
  const token = await shareFile(
    auth,
    { name: file.name || 'chat.txt', bytes: new Uint8Array(await file.arrayBuffer()) },
    c.get('deps').clock.now().getTime(),
  );
  return c.redirect(`/imports/whatsapp?shared=${token}`, 303);
}
