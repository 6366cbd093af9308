import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZApiError } from '../shared/errors.js';
import { ZQuote } from '../shared/schemas/quotes.js';
import { createClient, createQuote, portalPath, sendQuote } from './testing/api-helpers.js';
import { snapshotAll } from './testing/failure.js';
import { createTestContext, type ApiClient, type TestContext } from './testing/test-app.js';
import { testDialects } from './testing/test-db.js';

/**
 * Bodies that are not UTF-8 at the byte level: a decoder that is not strict would turn each bad
 * sequence into U+FFFD and store it as if the user had typed it. Every one is a 4xx with a JSON
 * error in the caller's language, nothing is stored, and nothing is a 500.
 */
const BROKEN: [string, number[]][] = [
  ['an overlong "/" (C0 AF)', [0xc0, 0xaf]],
  ['a lone continuation byte (80)', [0x80]],
  ['0xFF', [0xff]],
  ['a sequence cut short (E2 82)', [0xe2, 0x82]],
  ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
  ['a code point past U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
];

/** `{"<field>":"ab<bytes>cd", ...rest}` as raw bytes. */
function body(field: string, bytes: number[], rest: Record<string, unknown> = {}): Uint8Array {
  const head = Buffer.from(
    `{${Object.entries(rest)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`)
      .join('')}"${field}":"ab`,
  );
  return Buffer.concat([head, Buffer.from(bytes), Buffer.from('cd"}')]);
}

describe.each(testDialects())('invalid UTF-8 in a body ($label)', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId: string;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    clientId = (await createClient(api, { name: 'לקוח' })).id;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const send = (method: string, path: string, bytes: Uint8Array, contentType = 'application/json') =>
    ctx.app.request(path, {
      method,
      body: new Uint8Array(bytes),
      headers: {
        'content-type': contentType,
        'accept-language': 'en',
        cookie: api.cookie ?? '',
        'x-csrf-token': api.csrfToken ?? '',
      },
    });

  it.skipIf(skip)('refuses every broken sequence on several write routes with a 4xx JSON error', async () => {
    const routes: [string, string, string, Record<string, unknown>][] = [
      ['POST', '/api/v1/clients', 'name', {}],
      ['PATCH', `/api/v1/clients/${clientId}`, 'name', {}],
      ['POST', '/api/v1/commitments', 'title', { clientId, dueDate: '2026-12-01' }],
      ['POST', '/api/v1/interactions', 'summary', { clientId, channel: 'phone', direction: 'in' }],
      ['POST', '/api/v1/quotes', 'title', { clientId, items: [] }],
      ['POST', '/api/v1/imports/preview', 'kind', {}],
    ];
    const before = await snapshotAll(ctx.db);
    const wrong: string[] = [];
    for (const [method, path, field, rest] of routes)
      for (const [name, bytes] of BROKEN) {
        const res = await send(method, path, body(field, bytes, rest));
        const text = await res.text();
        const json: unknown = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
        const error = ZApiError.safeParse(json).data?.error;
        if (res.status !== 422 || error?.fields?.[0]?.code !== 'invalid_encoding' || !error.fields[0].message)
          wrong.push(`${method} ${path} with ${name}: ${res.status} ${text.slice(0, 200)}`);
      }
    expect(wrong).toEqual([]);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('still takes the same text when it is valid UTF-8 (Hebrew, emoji)', async () => {
    const res = await send('POST', '/api/v1/clients', Buffer.from(JSON.stringify({ name: 'דנה 👋' }), 'utf8'));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { name: string }).name).toBe('דנה 👋');
  });

  it.skipIf(skip)('refuses broken bytes in the client page’s accept form; the quote stays open', async () => {
    const quote = await createQuote(api, clientId);
    const { url } = await sendQuote(api, quote.id);
    const form = Buffer.concat([Buffer.from('name='), Buffer.from([0xff, 0xc0, 0xaf]), Buffer.from('&agree=yes')]);
    const res = await ctx.app.request(`${portalPath(url!)}/accept`, {
      method: 'POST',
      body: new Uint8Array(form),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
    });
    expect(res.status).toBe(422);
    expect((await api.get(`/api/v1/quotes/${quote.id}`, ZQuote)).body.status).toBe('sent');
  });
});
