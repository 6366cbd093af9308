import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import type { Client } from '../../../shared/schemas/clients.js';
import { ZCommitment, type Commitment } from '../../../shared/schemas/commitments.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/http.js';
import type { Logger } from '../../lib/logger.js';
import { createClient } from '../../testing/api-helpers.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import type { TestSmtpServer } from '../../testing/smtp.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { deliverOutbox } from './outbox.service.js';
import { renegotiateWithNotice } from './renegotiate.service.js';
import { sendMessage } from './send.service.js';

describe.each(testDialects())('messages: atomic sends and attachments on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let smtp: TestSmtpServer;
  let client: Client;
  let commitment: Commitment;
  let scope: { workspaceId: string };

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect, { mail: true });
    smtp = ctx.smtp!;
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    client = await createClient(api, { name: 'רונית לוי', email: 'ronit@example.co.il', phone: '054-7654321' });
    commitment = (
      await api.post(
        '/api/v1/commitments',
        {
          clientId: client.id,
          title: 'הצעת מחיר למיתוג',
          dueDate: '2026-11-23',
          dueTime: '17:00',
        },
        ZCommitment,
      )
    ).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const notice = (channel: 'email' | 'whatsapp' | 'sms') => ({
    dueDate: '2026-11-24',
    dueTime: '12:00',
    reason: null,
    message: { channel, subject: 'לא שכחתי', body: 'ההצעה תגיע מחר בצהריים.' },
  });

  it.skipIf(skip)('renegotiating with notice: the last write fails, the deadline and history stay', async () => {
    const before = await snapshotAll(ctx.db);
    // Linking the message to its log entry is the last write of the whole action.
    const failing = failingWrites(ctx.deps, { table: 'messages', kind: 'update' });
    await expect(renegotiateWithNotice(failing, scope, commitment.id, notice('email'))).rejects.toBeInstanceOf(
      InjectedFailure,
    );
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('renegotiating with an e-mail notice and no mailer: a 422, nothing moved', async () => {
    const before = await snapshotAll(ctx.db);
    const error = await renegotiateWithNotice(
      { ...ctx.deps, mailer: null },
      scope,
      commitment.id,
      notice('email'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 422,
      options: { fields: [{ path: 'channel', code: 'email_not_configured' }] },
    });
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('sending a message: message, outbox row and log entry together, or nothing', async () => {
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'messages', kind: 'update' });
    await expect(
      sendMessage(failing, scope, {
        kind: 'client_reminder',
        clientId: client.id,
        channel: 'email',
        subject: null,
        body: 'תזכורת קטנה',
      }),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  const capture = () => {
    const lines: { message: string; data?: Record<string, unknown> }[] = [];
    const logger: Logger = {
      info: () => {},
      error: (message, data) => {
        lines.push({ message, data });
      },
    };
    return { lines, logger };
  };
  const mailWith = (deps: Deps, kind: string) =>
    sendMessage(deps, scope, {
      kind: 'client_reminder',
      clientId: client.id,
      channel: 'email',
      subject: 'מצורף',
      body: 'הקובץ מצורף',
      attachment: { kind, ref: 'ref-1' },
    });

  it.skipIf(skip)('attaches what the renderer wired into deps draws, for exactly the stored ref', async () => {
    const refs: string[] = [];
    const deps: Deps = {
      ...ctx.deps,
      attachments: {
        note: async (_deps, ref) => {
          refs.push(ref);
          return { filename: 'note.txt', content: Buffer.from('שלום'), contentType: 'text/plain' };
        },
      },
    };
    await mailWith(deps, 'note');
    expect(await deliverOutbox(deps)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(refs).toEqual(['ref-1']);
    expect(smtp.received[0]!.attachments.map((a) => a.filename)).toEqual(['note.txt']);
  });

  it.skipIf(skip)('an attachment kind nobody renders is logged as a warning, never dropped in silence', async () => {
    const { lines, logger } = capture();
    const deps: Deps = { ...ctx.deps, logger, attachments: {} };
    await mailWith(deps, 'quote_pdf');
    expect(await deliverOutbox(deps)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.attachments).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toMatch(/^warning: no renderer/);
    expect(lines[0]!.data).toMatchObject({ attachmentKind: 'quote_pdf' });
  });
});
