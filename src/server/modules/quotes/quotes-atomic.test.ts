import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import type { Client } from '../../../shared/schemas/clients.js';
import { ZQuote, ZQuoteSent } from '../../../shared/schemas/quotes.js';
import { createApp } from '../../app.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/http.js';
import { createClient } from '../../testing/api-helpers.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { ApiClient, createTestContext, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { decideByToken } from './acceptance.service.js';
import { reportMistake } from './mistake.service.js';
import { duplicateQuote } from './quotes.service.js';
import { sendQuote } from './send-quote.service.js';
import { ZCommitment } from '../../../shared/schemas/commitments.js';

const draft = (clientId: string) => ({
  clientId,
  title: 'מיתוג לקפה הגפן',
  items: [
    { description: 'עיצוב לוגו', quantity: 1, unit: 'פרויקט', unitPrice: 350_000 },
    { description: 'שעות ייעוץ', quantity: 2.5, unit: 'שעה', unitPrice: 45_000 },
  ],
  validUntil: '2026-12-31',
});

const origin = { origin: 'http://localhost' };
const reissue = (message?: { channel: 'email' | 'whatsapp' | 'sms'; body: string }) => ({
  mode: 'reissue' as const,
  reason: 'המע״מ חושב פעמיים',
  changes: { discount: null, reason: null },
  goodwill: null,
  message: message && { subject: null, ...message },
});

/**
 * Each multi-step quote action changes all of its rows or none (decision 006): its last write is
 * made to fail, and every row of every table is as it was before.
 */
describe.each(testDialects())('quote actions are atomic on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  let scope: { workspaceId: string };

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect, { mail: true });
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    client = await createClient(api, { name: 'קפה הגפן', email: 'gefen@example.co.il', phone: '052-1112233' });
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const newQuote = async () => (await api.post('/api/v1/quotes', draft(client.id), ZQuote)).body;
  const sent = async () => {
    const quote = await newQuote();
    const res = await api.post(
      `/api/v1/quotes/${quote.id}/send`,
      { channel: 'whatsapp', body: '{{link}}' },
      ZQuoteSent,
    );
    return { quote: res.body.quote, url: res.body.url! };
  };
  /** A promise that sending a quote keeps ("הצעה…"): the last write of a send. */
  const quotePromise = () =>
    api.post(
      '/api/v1/commitments',
      { clientId: client.id, title: 'הצעת מחיר מתוקנת', dueDate: '2026-11-26' },
      ZCommitment,
    );
  const withoutMailer = (deps: Deps): Deps => ({ ...deps, mailer: null });

  it.skipIf(skip)('re-issuing after a mistake: the last write fails, nothing changed', async () => {
    const { quote } = await sent();
    await quotePromise();
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'commitments', kind: 'update' });
    await expect(
      reportMistake(failing, scope, quote.id, reissue({ channel: 'whatsapp', body: 'סליחה, {{link}}' }), origin),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('re-issuing by e-mail without a mailer: a 422 and v1 untouched', async () => {
    const { quote } = await sent();
    const before = await snapshotAll(ctx.db);
    const error = await reportMistake(
      withoutMailer(ctx.deps),
      scope,
      quote.id,
      reissue({ channel: 'email', body: 'סליחה, {{link}}' }),
      origin,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 422,
      options: { fields: [{ path: 'channel', code: 'email_not_configured' }] },
    });
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('honouring a mistake: the message fails to log, nothing changed', async () => {
    const { quote } = await sent();
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'messages', kind: 'update' });
    await expect(
      reportMistake(
        failing,
        scope,
        quote.id,
        {
          mode: 'honour',
          reason: 'שכחתי את שעות הייעוץ',
          absorbedAmount: 90_000,
          message: { channel: 'whatsapp', subject: null, body: 'המחיר בתוקף הפעם' },
        },
        origin,
      ),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)(
    'through the API: the failed re-issue answers 422, and v1 stays sent with its link working',
    async () => {
      const { quote, url } = await sent();
      ctx.deps.mailer?.close();
      const noMail = new ApiClient(createApp(withoutMailer(ctx.deps)));
      const res = await noMail.post(
        `/api/v1/quotes/${quote.id}/mistake`,
        reissue({ channel: 'email', body: 'סליחה, {{link}}' }),
        ZQuoteSent,
        { cookie: api.cookie!, 'x-csrf-token': api.csrfToken! },
      );
      expect(res.status).toBe(422);
      expect(res.error.fields?.[0]).toMatchObject({ path: 'channel', code: 'email_not_configured' });
      const after = (await api.get(`/api/v1/quotes/${quote.id}`, ZQuote)).body;
      expect(after.versions.map((v) => [v.version, v.status])).toEqual([[1, 'sent']]);
      expect(after.errorHandling).toBeNull();
      expect(after.current.discount).toEqual(quote.current.discount);
      expect((await ctx.app.request(new URL(url).pathname)).status).toBe(200);
    },
  );

  it.skipIf(skip)('accepting: project, promises and the owner’s e-mail together, or nothing', async () => {
    const { quote, url } = await sent();
    const token = new URL(url).pathname.split('/').pop()!;
    const before = await snapshotAll(ctx.db);
    // The owner's e-mail is the last write of an acceptance.
    const failing = failingWrites(ctx.deps, { table: 'outbox', kind: 'insert' });
    await expect(
      decideByToken(failing, token, { accept: true, name: 'דוד הגפן' }, { ip: '127.0.0.1', userAgent: null }),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);

    // The promises fail instead: the version is not left accepted without its project.
    const noPromises = failingWrites(ctx.deps, { table: 'commitments', kind: 'insert', nth: 3 });
    await expect(
      decideByToken(noPromises, token, { accept: true, name: 'דוד הגפן' }, { ip: '127.0.0.1', userAgent: null }),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);

    // And it still works afterwards; a second answer is a 409 that changes nothing.
    const accepted = await decideByToken(
      ctx.deps,
      token,
      { accept: true, name: 'דוד הגפן' },
      { ip: '1', userAgent: null },
    );
    expect(accepted).toMatchObject({ kind: 'accepted', quote: { id: quote.id, status: 'accepted' } });
    const afterAccept = await snapshotAll(ctx.db);
    const again = await decideByToken(
      ctx.deps,
      token,
      { accept: false, reason: null },
      { ip: '1', userAgent: null },
    ).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'conflict', status: 409 });
    expect(await snapshotAll(ctx.db)).toEqual(afterAccept);
  });

  it.skipIf(skip)('declining: the owner’s e-mail fails, the quote stays open', async () => {
    const { url } = await sent();
    const token = new URL(url).pathname.split('/').pop()!;
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'outbox', kind: 'insert' });
    await expect(
      decideByToken(failing, token, { accept: false, reason: 'יקר מדי' }, { ip: '127.0.0.1', userAgent: null }),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('sending: the kept promise fails, so the quote is not issued and no message logged', async () => {
    const quote = await newQuote();
    await quotePromise();
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'commitments', kind: 'update' });
    await expect(
      sendQuote(failing, scope, quote.id, { channel: 'email', subject: 'הצעה', body: '{{link}}' }, origin),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('sending where the client cannot be reached: a 422 and the quote still a draft', async () => {
    const quote = await newQuote();
    const before = await snapshotAll(ctx.db);
    const noMail = await sendQuote(
      withoutMailer(ctx.deps),
      scope,
      quote.id,
      { channel: 'email', subject: null, body: 'x' },
      origin,
    ).catch((e: unknown) => e);
    expect(noMail).toMatchObject({
      status: 422,
      options: { fields: [{ path: 'channel', code: 'email_not_configured' }] },
    });
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('duplicating: the version fails, so no number is used up', async () => {
    const quote = await newQuote();
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'quote_versions', kind: 'insert' });
    await expect(duplicateQuote(failing, scope, quote.id, {})).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
    expect((await duplicateQuote(ctx.deps, scope, quote.id, {})).number).toBe('2026-002');
  });
});
