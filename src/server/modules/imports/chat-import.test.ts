import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZChatCommitted, ZChatPreview, type ChatPromiseChoice } from '../../../shared/schemas/chat-import.js';
import { ZCommitmentList } from '../../../shared/schemas/commitments.js';
import { ZInteractionList } from '../../../shared/schemas/interactions.js';
import { createClient } from '../../testing/api-helpers.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { commitChat } from './chat-import.service.js';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'whatsapp', name)));

describe.each(testDialects())('WhatsApp chat import on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId: string;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    clientId = (await createClient(api, { name: 'דנה לוי' })).id;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function send(
    client: ApiClient,
    step: 'preview' | 'commit',
    id: string,
    bytes: Uint8Array,
    fields: Record<string, string> = {},
    locale = 'he',
  ) {
    const form = new FormData();
    form.set('file', new File([bytes.slice()], 'chat.txt'));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const res = await client.app.request(`/api/v1/imports/whatsapp/${id}/${step}`, {
      method: 'POST',
      headers: { 'accept-language': locale, cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '' },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  const preview = async (bytes: Uint8Array, me?: string) => {
    const res = await send(api, 'preview', clientId, bytes, me ? { me } : {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ZChatPreview.parse(res.body);
  };

  it.skipIf(skip)('offers the authors, then previews conversations and promises, then imports them', async () => {
    const first = await preview(fixture('android-he.txt'));
    expect(first.authors).toEqual([
      { name: 'דנה לוי', count: 5 },
      { name: 'נועה', count: 3 },
    ]);
    expect(first.promises).toEqual([]);

    const p = await preview(fixture('android-he.txt'), 'נועה');
    expect(p).toMatchObject({ messages: 8, newMessages: 8, duplicates: 0, conversations: 2 });
    // 11.1.2026 10:02 in Israel (UTC+2).
    expect(p.from).toBe('2026-01-11T08:02:00.000Z');
    expect(p.promises.map((x) => [x.direction, x.sentence, x.dueDate, x.dueTime])).toEqual([
      ['mine', 'אשלח לך הצעת מחיר עד יום חמישי', '2026-01-15', null],
      ['mine', 'כן, אחזור אלייך מחר ב-10', '2026-01-14', '10:00'],
      ['theirs', 'מעולה, אשלח לך את הלוגו הישן מחר', '2026-01-14', null],
    ]);

    const kept: ChatPromiseChoice = {
      key: p.promises[0]!.key,
      direction: 'mine',
      title: 'הצעת מחיר ללוגו',
      dueDate: '2026-01-15',
      dueTime: '12:00',
    };
    const done = await send(api, 'commit', clientId, fixture('android-he.txt'), {
      me: 'נועה',
      promises: JSON.stringify([kept]),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(ZChatCommitted.parse(done.body)).toEqual({ conversations: 2, messages: 8, skipped: 0, commitments: 1 });

    const log = await api.get(`/api/v1/interactions?clientId=${clientId}`, ZInteractionList);
    const [late, early] = log.body.items;
    expect(log.body.items).toHaveLength(2);
    expect(early).toMatchObject({ channel: 'whatsapp', direction: 'in', afterHours: false, source: 'import' });
    expect(early!.summary).toContain('דנה לוי: היי נועה, צריכה לוגו חדש לסטודיו');
    expect(early!.summary).toContain('ועוד 2 הודעות');
    // Tuesday 21:40: the client wrote outside the agreed hours, and spoke last.
    expect(late).toMatchObject({ direction: 'in', afterHours: true, needsReply: true });
    expect(early!.needsReply).toBe(false);

    const promises = await api.get(`/api/v1/commitments?clientId=${clientId}&state=all`, ZCommitmentList);
    expect(promises.body.items).toHaveLength(1);
    expect(promises.body.items[0]).toMatchObject({
      title: 'הצעת מחיר ללוגו',
      dueDate: '2026-01-15',
      interactionId: early!.id,
    });
  });

  it.skipIf(skip)('the same chat again, its zip, or the other phone’s export adds nothing', async () => {
    const first = await send(api, 'commit', clientId, fixture('android-he.txt'), { me: 'נועה' });
    expect(first.status).toBe(200);
    const again = await preview(fixture('android-he.txt'), 'נועה');
    expect(again).toMatchObject({ newMessages: 0, duplicates: 8, conversations: 0, promises: [] });
    const zipped = zipSync({ '_chat.txt': fixture('ios-he.txt') });
    const other = await preview(zipped, 'נועה גרפיקה');
    expect(other).toMatchObject({ newMessages: 0, duplicates: 8, conversations: 0 });
    const res = await send(api, 'commit', clientId, zipped, { me: 'נועה גרפיקה' });
    expect(ZChatCommitted.parse(res.body)).toEqual({ conversations: 0, messages: 0, skipped: 8, commitments: 0 });
    const log = await api.get(`/api/v1/interactions?clientId=${clientId}`, ZInteractionList);
    expect(log.body.items).toHaveLength(2);
  });

  it.skipIf(skip)('a client of another workspace is not found; its keys are its own', async () => {
    const { api: other } = await ctx.otherWorkspace();
    const res = await send(other, 'preview', clientId, fixture('android-he.txt'));
    expect(res.status).toBe(404);
    await send(api, 'commit', clientId, fixture('android-he.txt'), { me: 'נועה' });
    const theirClient = (await createClient(other, { name: 'דנה' })).id;
    const theirs = await send(other, 'preview', theirClient, fixture('android-he.txt'), { me: 'נועה' });
    expect(ZChatPreview.parse(theirs.body)).toMatchObject({ newMessages: 8, duplicates: 0 });
  });

  it.skipIf(skip)('a file that is not a chat, an unknown author or promise: 422 with the reason', async () => {
    const csv = await send(api, 'preview', clientId, new TextEncoder().encode('name,phone\nדנה,050\n'));
    expect(csv.status).toBe(422);
    expect(JSON.stringify(csv.body)).toContain('לא נראה כמו ייצוא צ׳אט');
    const en = await send(api, 'preview', clientId, new Uint8Array([0xff, 0xfe, 0x00]), {}, 'en');
    expect(en.status).toBe(422);
    expect(JSON.stringify(en.body)).toContain('Upload a WhatsApp chat export');
    const who = await send(api, 'preview', clientId, fixture('android-he.txt'), { me: 'מישהו' });
    expect(who.status).toBe(422);
    expect(JSON.stringify(who.body)).toContain('"path":"me"');
    const bad = await send(api, 'commit', clientId, fixture('android-he.txt'), {
      me: 'נועה',
      promises: JSON.stringify([{ key: 'nope', direction: 'mine', title: 'x', dueDate: '2026-01-15', dueTime: null }]),
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('promises.0.key');
  });

  it.skipIf(skip)('refuses a file over 20 MB with 413', async () => {
    const res = await send(api, 'preview', clientId, new Uint8Array(20 * 1024 * 1024 + 200 * 1024).fill(0x61));
    expect(res.status).toBe(413);
    expect(JSON.stringify(res.body)).toContain('הקובץ גדול מדי');
  });

  it.skipIf(skip)('imports all of it or nothing', async () => {
    const scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'chat_import_messages', kind: 'insert' });
    await expect(
      commitChat(failing, scope, 'he', { clientId, bytes: fixture('android-he.txt'), me: 'נועה', promises: [] }),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('the share target holds the file for the signed-in user, once', async () => {
    const form = new FormData();
    form.set('file', new File([fixture('android-he.txt')], 'WhatsApp Chat with Dana.txt'));
    const res = await api.app.request('/share-target', {
      method: 'POST',
      headers: { cookie: api.cookie ?? '', 'sec-fetch-site': 'none' },
      body: form,
    });
    expect(res.status).toBe(303);
    const token = new URL(res.headers.get('location')!, 'http://x').searchParams.get('shared')!;
    expect(token.length).toBeGreaterThan(40);
    const { api: other } = await ctx.otherWorkspace();
    expect((await other.request('GET', `/api/v1/imports/whatsapp/shared/${token}`)).status).toBe(422);
    const got = await api.app.request(`/api/v1/imports/whatsapp/shared/${token}`, {
      headers: { cookie: api.cookie ?? '' },
    });
    expect(got.status).toBe(200);
    expect(decodeURIComponent(got.headers.get('x-file-name')!)).toBe('WhatsApp Chat with Dana.txt');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(fixture('android-he.txt'));
    const twice = await api.app.request(`/api/v1/imports/whatsapp/shared/${token}`, {
      headers: { cookie: api.cookie ?? '' },
    });
    expect(twice.status).toBe(422);

    const cross = await api.app.request('/share-target', {
      method: 'POST',
      headers: { cookie: api.cookie ?? '', 'sec-fetch-site': 'cross-site' },
      body: form,
    });
    expect(cross.status).toBe(403);
    const anonymous = await api.app.request('/share-target', { method: 'POST', body: form });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/login');
  });
});
