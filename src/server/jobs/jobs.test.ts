import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { ZMe } from '../../shared/schemas/accounts.js';
import type { Client } from '../../shared/schemas/clients.js';
import { createClient, createCommitment } from '../testing/api-helpers.js';
import type { TestSmtpServer } from '../testing/smtp.js';
import { createTestContext, type ApiClient, type TestContext, noContent } from '../testing/test-app.js';
import { testDialects, testDeps } from '../testing/test-db.js';
import { listNotifications } from '../modules/messages/notifications.service.js';
import { createReminders } from './reminders.js';
import { runDueJobs } from './scheduler.js';

describe.each(testDialects())('the scheduler on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let client: Client;
  let workspaceId: string;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect, { mail: true });
    smtp = ctx.smtp!;
    api = await ctx.owner();
    workspaceId = (await api.get('/api/v1/me', ZMe)).body.workspace.id;
    ctx.clock.set('2026-11-23T04:00:00.000Z'); // Monday 06:00 in Israel; the digest is set for 07:30
    client = await createClient(api, { name: 'קליניקת אור' });
    await createCommitment(api, client.id, { title: 'סקיצות ללוגו', dueDate: '2026-11-23', dueTime: '10:00' });
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('sends the morning digest once, at its time, and not on Shabbat', async () => {
    await runDueJobs(ctx.deps, 'a');
    await runDueJobs(ctx.deps, 'a');
    expect(smtp.received).toHaveLength(0); // 06:00: too early

    ctx.clock.set('2026-11-23T05:31:00.000Z'); // 07:31
    await runDueJobs(ctx.deps, 'a'); // queues the digest and delivers the outbox in the same round
    ctx.clock.advance(11_000);
    await runDueJobs(ctx.deps, 'a');
    expect(smtp.received).toHaveLength(1);
    const digest = smtp.received[0]!;
    expect(digest.subject).toContain('מה מחכה היום');
    expect(digest.text).toContain('בוקר טוב נועה כהן');
    expect(digest.text).toContain('קליניקת אור: סקיצות ללוגו');

    ctx.clock.advance(2 * 3_600_000);
    await runDueJobs(ctx.deps, 'a');
    ctx.clock.advance(61_000);
    await runDueJobs(ctx.deps, 'a');
    expect(smtp.received).toHaveLength(1); // once a day

    ctx.clock.set('2026-11-28T06:00:00.000Z'); // Saturday 08:00
    await runDueJobs(ctx.deps, 'a');
    ctx.clock.advance(11_000);
    await runDueJobs(ctx.deps, 'a');
    expect(smtp.received).toHaveLength(1);
  });

  it.skipIf(skip)('creates each in-app reminder once: an hour before, and when late', async () => {
    ctx.clock.set('2026-11-23T07:10:00.000Z'); // 09:10, fifty minutes before the deadline
    await runDueJobs(ctx.deps, 'a');
    ctx.clock.advance(61_000);
    await runDueJobs(ctx.deps, 'a');
    let list = await listNotifications(ctx.deps, { workspaceId });
    expect(list.items.map((n) => n.kind)).toEqual(['due_soon']);
    expect(list.items[0]!.title).toBe('בקרוב: סקיצות ללוגו (קליניקת אור)');

    ctx.clock.set('2026-11-23T08:05:00.000Z'); // 10:05, late
    await runDueJobs(ctx.deps, 'a');
    ctx.clock.advance(61_000);
    await runDueJobs(ctx.deps, 'a');
    list = await listNotifications(ctx.deps, { workspaceId });
    expect(list.items.map((n) => n.kind).sort()).toEqual(['due_soon', 'overdue']);
    expect(list.unread).toBe(2);
    await api.post('/api/v1/notifications/read', { ids: 'all' }, noContent);
    expect((await listNotifications(ctx.deps, { workspaceId })).unread).toBe(0);
  });

  it.skipIf(skip)('reminds of every late promise, however long the backlog before it', async () => {
    // Five more late ones, two at the same minute: more than two pages of two.
    for (const [title, dueTime] of [
      ['א', '08:00'],
      ['ב', '08:00'],
      ['ג', '08:30'],
      ['ד', '09:00'],
      ['ה', '09:30'],
    ] as const) {
      await createCommitment(api, client.id, { title, dueDate: '2026-11-23', dueTime });
    }
    ctx.clock.set('2026-11-23T08:05:00.000Z'); // 10:05: all six late
    expect(await createReminders(ctx.deps, { pageSize: 2 })).toBe(6);
    const list = await listNotifications(ctx.deps, { workspaceId });
    expect(list.items.filter((n) => n.kind === 'overdue')).toHaveLength(6);
    expect(await createReminders(ctx.deps, { pageSize: 2 })).toBe(0); // once each
  });
});

describe('the scheduler with two processes on one PostgreSQL', () => {
  it.skipIf(inject('postgresUrl') === null)(
    'runs each job in one process only, and sends the digest once',
    async () => {
      const ctx = await createTestContext('postgres', { mail: true });
      const smtp = ctx.smtp!;
      const mailer = ctx.deps.mailer;
      const otherDb = ctx.db.reconnect();
      try {
        const api = await ctx.owner();
        ctx.clock.set('2026-11-23T05:31:00.000Z'); // 07:31, digest time
        const client = await createClient(api);
        await createCommitment(api, client.id, { title: 'משהו להיום', dueDate: '2026-11-23' });
        const second = testDeps(otherDb, ctx.clock, ctx.deps.config, mailer);
        const [a, b] = await Promise.all([runDueJobs(ctx.deps, 'process-a'), runDueJobs(second, 'process-b')]);
        expect([...a, ...b].filter((name) => name === 'digest')).toHaveLength(1);
        expect([...a, ...b].filter((name) => name === 'outbox')).toHaveLength(1);
        for (let round = 0; round < 3; round++) {
          ctx.clock.advance(61_000);
          await Promise.all([runDueJobs(ctx.deps, 'process-a'), runDueJobs(second, 'process-b')]);
        }
        expect(smtp.received).toHaveLength(1);
      } finally {
        await otherDb.close();
        await ctx.close();
      }
    },
  );
});
