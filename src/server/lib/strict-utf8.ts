import type { MiddlewareHandler } from 'hono';
import { AppError } from './app-error.js';
import type { AppEnv } from './http.js';

// Text bodies only: files (multipart, zip) are bytes and are checked by their own readers.
const TEXT_BODY = /^(application\/(json|x-www-form-urlencoded)|text\/)/i;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A text body must be valid UTF-8 (ASVS V2.2.1). The lenient decoding Hono does by default turns
 * an overlong form, a lone continuation byte or 0xFF into U+FFFD, which would be stored as if the
 * user had typed it; here it is a 422 field error instead. The strictly decoded text is put in
 * Hono's body cache, so the validators after this read exactly what was checked.
 */
export function strictUtf8(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !TEXT_BODY.test(type)) {
      await next();
      return;
    }
    const bytes = await c.req.arrayBuffer();
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new AppError('validation_failed', { fields: [{ path: '', code: 'invalid_encoding', params: {} }] });
    }
    // Hono keeps promises in its body cache (its type says values).
    (c.req.bodyCache as Record<string, Promise<unknown>>).text = Promise.resolve(text);
    await next();
  };
}
