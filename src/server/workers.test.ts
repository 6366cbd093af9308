import { randomUUID } from 'node:crypto';
import http from 'node:http';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ZClient } from '../shared/schemas/clients.js';
import { ZInteractionCreated } from '../shared/schemas/interactions.js';
import { ZMessageSent } from '../shared/schemas/messages.js';
import { openStore, startServer, type Server, type Store } from './testing/crash-drill.js';
import { clientInput, setupInput } from './testing/factories.js';
import { TestSmtpServer } from './testing/smtp.js';

/**
 * Several worker processes on one SQLite file (decision 019): the real server started with
 * MILA_WORKERS=2 and the scheduler on in both. Every request goes on a connection of its own
 * (node:cluster hands each new connection to the next worker), and its request id finds the
 * access-log line, and so the pid, of the worker that answered.
 */
type Answer = { status: number; text: string; pid: number };

function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function until(what: string, check: () => boolean | Promise<boolean>, detail = () => ''): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${detail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two worker processes on one SQLite file', () => {
  let store: Store | null = null;
  let server: Server | null = null;
  let smtp: TestSmtpServer | null = null;
  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await smtp?.stop();
    await store?.drop();
  });

  it('answers from two pids, reads what the other wrote, runs a job once, drains on SIGTERM and exits 0', async () => {
    smtp = await new TestSmtpServer().start();
    store = await openStore('sqlite', '');
    const srv = await startServer(store, {
      env: { MILA_WORKERS: '2', MILA_SCHEDULER: 'on', MILA_SMTP_URL: smtp.url, MILA_DRAIN_SECONDS: '1' },
    });
    server = srv;
    await until('both workers to listen', () => srv.output().includes('serving with 2 worker processes'), srv.output);
    const primary = srv.child.pid!;
    const url = new URL(srv.url);

    const pidOf = async (requestId: string): Promise<number> => {
      let pid = 0;
      await until(`the log line of ${requestId}`, () => {
        const line = logLines(srv.output()).find((l) => l.requestId === requestId && l.message === 'request');
        pid = Number(line?.pid ?? 0);
        return pid > 0;
      });
      return pid;
    };
    let session = { cookie: '', csrf: '' };
    const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
      const requestId = `workers-${randomUUID()}`;
      let payload: string | Buffer | undefined = body === undefined ? undefined : JSON.stringify(body);
      let type = 'application/json';
      if (body instanceof FormData) {
        const encoded = new Request('http://x', { method: 'POST', body });
        payload = Buffer.from(await encoded.arrayBuffer());
        type = encoded.headers.get('content-type')!;
      }
      const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path,
            method,
            // A connection per request: a kept-alive one would stay with one worker.
            agent: false,
            headers: {
              'x-request-id': requestId,
              origin: srv.url,
              ...(session.cookie ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
              ...(payload ? { 'content-type': type } : {}),
            },
          },
          (res) => {
            let data = '';
            res.on('data', (d: Buffer) => (data += d.toString()));
            res.on('end', () => {
              if (res.headers.location) data = res.headers.location;
              const setCookie = res.headers['set-cookie']?.[0];
              if (setCookie) session = { ...session, cookie: setCookie.split(';')[0]! };
              resolve({ status: res.statusCode ?? 0, text: data });
            });
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
      return { status, text, pid: await pidOf(requestId) };
    };

    // Sign-up on one worker; the session (in the database) is good on both.
    const setup = await call('POST', '/api/v1/setup', setupInput());
    expect(setup.status, setup.text).toBe(201);
    session.csrf = (JSON.parse(setup.text) as { csrfToken: string }).csrfToken;

    // Two distinct worker pids answer, neither of them the primary.
    const pids = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const me = await call('GET', '/api/v1/me');
      expect(me.status, me.text).toBe(200);
      pids.add(me.pid);
    }
    expect(pids.size).toBe(2);
    expect(pids.has(primary)).toBe(false);

    // A write answered by one worker is read by the other.
    const created = await call('POST', '/api/v1/clients', clientInput({ name: 'נכתב בתהליך אחד' }));
    expect(created.status, created.text).toBe(201);
    const client = ZClient.parse(JSON.parse(created.text));
    let read: Answer | null = null;
    for (let i = 0; i < 6 && (!read || read.pid === created.pid); i++)
      read = await call('GET', `/api/v1/clients/${client.id}`);
    expect(read!.pid).not.toBe(created.pid);
    expect(read!.status).toBe(200);
    expect(ZClient.parse(JSON.parse(read!.text)).name).toBe('נכתב בתהליך אחד');

    // A file shared from the phone on one worker is fetched, once, through the other (the primary
    // holds it): pairs are tried until one crosses, and every fetch must find its file.
    let crossed = 0;
    for (let i = 0; i < 6 && crossed === 0; i++) {
      const form = new FormData();
      form.set('file', new File([`צ'אט ${i}`], 'WhatsApp Chat.txt'));
      const shared = await call('POST', '/share-target', form);
      expect(shared.status, shared.text).toBe(303);
      const token = new URL(shared.text, srv.url).searchParams.get('shared')!;
      const fetched = await call('GET', `/api/v1/imports/whatsapp/shared/${token}`);
      expect(fetched.status, fetched.text).toBe(200);
      expect(fetched.text).toBe(`צ'אט ${i}`);
      if (fetched.pid !== shared.pid) crossed += 1;
      expect((await call('GET', `/api/v1/imports/whatsapp/shared/${token}`)).status).toBe(422);
    }
    expect(crossed).toBe(1);

    // A job done once: one e-mail in the outbox, with both workers' schedulers due to deliver it
    // again and again (each round made due at once by clearing last_run_at, as the drills do).
    const contact = await call('POST', '/api/v1/interactions', {
      clientId: client.id,
      channel: 'phone',
      direction: 'out',
      summary: 'שיחה',
    });
    expect(contact.status, contact.text).toBe(201);
    const interaction = ZInteractionCreated.parse(JSON.parse(contact.text)).interaction;
    const sent = await call('POST', '/api/v1/messages', {
      kind: 'meeting_summary',
      clientId: client.id,
      interactionId: interaction.id,
      channel: 'email',
      subject: 'סיכום השיחה',
      body: 'היי,\n\nכמו שסיכמנו.',
    });
    expect(sent.status, sent.text).toBe(201);
    const message = ZMessageSent.parse(JSON.parse(sent.text)).message;
    const file = new Database(store.sqliteFile!);
    try {
      const runners = new Set<string>();
      const deadline = Date.now() + 40_000;
      // Until both workers have run the outbox at least once after the message was queued.
      while (runners.size < 2 && Date.now() < deadline) {
        file.prepare("update job_leases set last_run_at = null where name = 'outbox'").run();
        await new Promise((r) => setTimeout(r, 300));
        const lease = file.prepare("select locked_by from job_leases where name = 'outbox'").get() as {
          locked_by: string | null;
        };
        if (lease.locked_by) runners.add(lease.locked_by.split('-')[0]!);
      }
      expect([...runners].sort()).toEqual([...pids].map(String).sort());
      await until('the e-mail to arrive', () => smtp!.received.length > 0);
      const outbox = file.prepare('select status from outbox where message_id = ?').all(message.id) as {
        status: string;
      }[];
      expect(outbox).toEqual([{ status: 'sent' }]);
    } finally {
      file.close();
    }
    expect(smtp.received.filter((m) => m.subject?.includes('סיכום השיחה'))).toHaveLength(1);

    // SIGTERM to the primary: each worker drains (ready 503 while still serving), then all exit 0.
    const exited = new Promise<number | null>((resolve) => srv.child.once('exit', (code) => resolve(code)));
    srv.child.kill('SIGTERM');
    await until(
      'both workers to drain',
      () =>
        logLines(srv.output()).filter((l) => l.message === 'Stopping (SIGTERM): finishing the requests in flight')
          .length === 2,
      srv.output,
    );
    const draining = await call('GET', '/api/v1/ready');
    expect(draining.status).toBe(503);
    expect(await exited).toBe(0);
    const stopped = logLines(srv.output()).filter((l) => l.message === 'Stopped');
    expect(new Set(stopped.map((l) => Number(l.pid)))).toEqual(new Set([...pids, primary]));
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 180_000);

  it('replaces a worker that dies, and the workers end with a killed primary', async () => {
    const own = await openStore('sqlite', '');
    const srv = await startServer(own, { env: { MILA_WORKERS: '2' } });
    try {
      await until('both workers to listen', () => srv.output().includes('serving with 2 worker processes'), srv.output);
      const workers = () =>
        logLines(srv.output())
          .filter((l) => l.message === 'worker listening')
          .map((l) => Number(l.worker));
      const [first, second] = workers();
      process.kill(first!, 'SIGKILL');
      await until('a third worker', () => workers().length === 3, srv.output);
      const third = workers()[2]!;
      expect([first, second]).not.toContain(third);
      expect(logLines(srv.output()).find((l) => l.message === 'worker exited; starting another')).toMatchObject({
        worker: first,
        signal: 'SIGKILL',
      });
      expect((await fetch(`${srv.url}/api/v1/health`)).status).toBe(200);
      // No orphans: Node ends a worker when its primary's IPC channel closes.
      srv.child.kill('SIGKILL');
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      await until('the workers to end', () => !alive(second!) && !alive(third));
    } finally {
      if (srv.child.exitCode === null) srv.child.kill('SIGKILL');
      await own.drop();
    }
  }, 120_000);
});
