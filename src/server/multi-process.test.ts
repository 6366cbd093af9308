import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';
import { ZMe } from '../shared/schemas/accounts.js';
import { ZClient } from '../shared/schemas/clients.js';
import { ZCommitment, ZCommitmentList } from '../shared/schemas/commitments.js';
import { ZToday } from '../shared/schemas/insights.js';
import { ZInteractionCreated, ZInteractionList } from '../shared/schemas/interactions.js';
import { ZMessageSent } from '../shared/schemas/messages.js';
import { ZWebhookEndpointCreated } from '../shared/schemas/webhooks.js';
import { israeliDayKind } from '../shared/time/israel-calendar.js';
import { addDays, localDate } from '../shared/time/zoned.js';
import { freePort, openStore, startServer, type Server, type Store } from './testing/crash-drill.js';
import { clientInput, setupInput } from './testing/factories.js';
import { nginxMissing, startNginx, type Nginx } from './testing/nginx.js';
import { testDatabaseUrl } from './testing/postgres.js';
import { bundledServerArgs } from './testing/server-bundle.js';
import { TestSmtpServer } from './testing/smtp.js';

/**
 * Several processes (issue #14): three real app processes on one PostgreSQL database, started at
 * the same moment with the scheduler on in each, behind Debian's nginx. Three loops run the
 * keep-your-word journey through the proxy with one signed-in session (every other "kept" tapped
 * twice at once) while one process at a time is SIGKILLed and restarted on its port: first the one
 * sending a webhook (held by the receiver), then the one sending an e-mail (held after DATA by the
 * SMTP server), then one at a random moment. Checked afterwards from the database,
 * the logs of every process and nginx's access log: migrations applied once; every write answered
 * 2xx stored; the only failures are requests in flight on a killed process (502 or a cut socket),
 * never a 4xx/5xx from a live one; every answer's request id, made by nginx, is on the log line of
 * the one process nginx says answered it, and all three answered the same session; each digest,
 * e-mail, reminder and webhook exists once and was received once — a second copy only of what a
 * kill cut off mid-send, with the same Message-ID / Mila-Delivery id for the receiver to drop.
 *
 * Jobs run every 10 s to 60 s; instead of waiting, the drill makes a job due by clearing its
 * `last_run_at` (the interval passing sooner), and a lease held by a killed process is expired the
 * same way (its 5 minutes passing sooner). Neither touches how processes claim work.
 */
const pgUrl = inject('postgresUrl');
const skip = pgUrl ? nginxMissing() : `no PostgreSQL server at ${testDatabaseUrl()}`;
if (skip) console.log(`SKIPPED several-processes drill (three processes behind nginx): ${skip}`);

const SLOTS = 3;
const LOOPS = 3;
/** Acknowledged writes to wait for before each kill and while the victim is down. */
const WRITES_BETWEEN = 12;
/** Promises late on arrival (each one a reminder and a broken-promise webhook): well below the 500 one run reads. */
const LATE_MAX = 40;
const ZONE = 'Asia/Jerusalem';

type Instance = { slot: number; port: number; pid: number; server: Server; closed: Promise<void> };

/** One request of the journey, with the order of events around it (ticks) to tell which kill cut it. */
type Call = {
  tag: string;
  method: string;
  path: string;
  start: number;
  end: number;
  status: number | null;
  requestId: string | null;
  error: string | null;
};

type Kill = { slot: number; port: number; pid: number; signalled: number; exited: number; why: string };

type Hook = { delivery: string; event: string; body: string; signature: string };

/** The webhook receiver: answers 200, or holds one request unanswered while the drill kills its sender. */
class HookReceiver {
  readonly received: Hook[] = [];
  private hold: ((hook: Hook) => void) | null = null;
  private readonly server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hook = {
        delivery: String(req.headers['mila-delivery']),
        event: String(req.headers['mila-event']),
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(req.headers['mila-signature']),
      };
      this.received.push(hook);
      const hold = this.hold;
      this.hold = null;
      if (hold) hold(hook);
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  url = '';

  holdNext(): Promise<Hook> {
    return new Promise((resolve) => (this.hold = resolve));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/mila`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Waits for `check` to hold, polling; fails with `what` (and `detail`) after a deadline no healthy run comes near. */
async function until(what: string, check: () => Promise<boolean> | boolean, detail = () => ''): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${detail()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The JSON lines of a process's output (pino writes one object a line). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.skipIf(skip !== null)('three app processes behind nginx on one PostgreSQL', () => {
  const instances: Instance[] = [];
  let store: Store | null = null;
  let pool: pg.Pool | null = null;
  let nginx: Nginx | null = null;
  let smtp: TestSmtpServer | null = null;
  let hooks: HookReceiver | null = null;
  // The journey loops and the job nudger, stopped here too when the test fails half-way.
  let stopping = false;
  const background: Promise<unknown>[] = [];
  afterAll(async () => {
    stopping = true;
    await Promise.allSettled(background);
    for (const instance of instances) instance.server.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.closed));
    await nginx?.stop();
    await pool?.end();
    await smtp?.stop();
    await hooks?.stop();
    await store?.drop();
  });

  it('keeps every acknowledged write, the session and the request id, and does each job once', async () => {
    const startedAt = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => phases.push(`${name} ${((Date.now() - startedAt) / 1000).toFixed(1)}`);
    const ports: number[] = [];
    while (ports.length < SLOTS + 1) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    const proxyPort = ports.pop()!;
    const proxy = `http://127.0.0.1:${proxyPort}`;
    smtp = await new TestSmtpServer().start();
    hooks = await new HookReceiver().start();
    store = await openStore('postgres', pgUrl!);
    pool = new pg.Pool({ connectionString: store.pgUrl, max: 3 });
    const db = pool;
    const rows = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];

    // --- Three processes started at once on the fresh database: one runs the migrations. ---
    await bundledServerArgs(); // built before, so the three spawn in the same instant
    const env = { MILA_SCHEDULER: 'on', MILA_SMTP_URL: smtp.url, MILA_PUBLIC_URL: proxy };
    const live: Instance[] = [];
    const launch = async (slot: number): Promise<Instance> => {
      const server = await startServer(store!, { port: ports[slot]!, env });
      const closed = new Promise<void>((resolve) => {
        if (server.child.exitCode !== null || server.child.signalCode !== null) resolve();
        else server.child.once('close', () => resolve());
      });
      const instance = { slot, port: ports[slot]!, pid: server.child.pid!, server, closed };
      instances.push(instance);
      live[slot] = instance;
      return instance;
    };
    await Promise.all(Array.from({ length: SLOTS }, (_, slot) => launch(slot)));
    const migrations = await rows<{ name: string; n: number }>(
      'select name, count(*)::int as n from kysely_migration group by name order by name',
    );
    expect(migrations.length).toBeGreaterThan(10);
    expect(migrations.filter((m) => m.n !== 1)).toEqual([]);
    for (const port of ports) {
      const ready = await fetch(`http://127.0.0.1:${port}/api/v1/ready`);
      expect(await ready.json(), `process on ${port}`).toEqual({ status: 'ready' });
    }

    phase('started');
    nginx = await startNginx(proxyPort, ports);
    const proxyLogs = nginx;

    // --- First run through the proxy: setup, then a sign-in whose cookie every loop uses. ---
    const owner = setupInput({ business: { digestTime: '00:00' } });
    const setup = await fetch(`${proxy}/api/v1/setup`, {
      method: 'POST',
      headers: { origin: proxy, 'content-type': 'application/json' },
      body: JSON.stringify(owner),
    });
    expect(setup.status, await setup.clone().text()).toBe(201);
    const login = await fetch(`${proxy}/api/v1/auth/login`, {
      method: 'POST',
      headers: { origin: proxy, 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.owner.email, password: owner.owner.password }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = ZMe.parse(await (await fetch(`${proxy}/api/v1/me`, { headers: { cookie } })).json());
    const headers = { cookie, origin: proxy, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
    const endpoint = await fetch(`${proxy}/api/v1/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: hooks.url, events: ['commitment.kept', 'commitment.broken'] }),
    });
    expect(endpoint.status, await endpoint.clone().text()).toBe(201);
    const { secret } = ZWebhookEndpointCreated.parse(await endpoint.json());

    // --- The journey, from LOOPS loops, every request through nginx. ---
    let ticks = 0;
    const calls: Call[] = [];
    const unexpected: string[] = [];
    const stale: string[] = [];
    const acked = { clients: [] as string[], contacts: [] as string[], promises: [] as string[], kept: [] as string[] };
    const messages: string[] = [];
    let writes = 0;
    let lateSent = 0;
    let sequence = 0;

    const send = async <T extends z.ZodType>(
      method: 'GET' | 'POST',
      pathname: string,
      schema: T,
      body?: unknown,
    ): Promise<z.infer<T> | null> => {
      const call: Call = {
        tag: `drill-${++sequence}`,
        method,
        path: pathname,
        start: ++ticks,
        end: 0,
        status: null,
        requestId: null,
        error: null,
      };
      calls.push(call);
      try {
        const res = await fetch(`${proxy}${pathname}`, {
          method,
          headers: { ...headers, 'x-drill-tag': call.tag },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        call.status = res.status;
        call.requestId = res.headers.get('x-request-id');
        const text = await res.text();
        call.end = ++ticks;
        if (res.ok) {
          if (method === 'POST') writes += 1;
          return schema.parse(JSON.parse(text)) as z.infer<T>;
        }
        if (res.status !== 502) unexpected.push(`${method} ${pathname} answered ${res.status}: ${text.slice(0, 300)}`);
        return null;
      } catch (error) {
        call.end = ++ticks;
        call.error = String((error as Error).cause ?? error);
        return null;
      }
    };

    const today = localDate(new Date(), ZONE);
    const journey = async (loop: number, round: number): Promise<void> => {
      const client = await send('POST', '/api/v1/clients', ZClient, clientInput({ name: `לקוח ${loop}-${round}` }));
      if (!client) return;
      acked.clients.push(client.id);
      const late = lateSent < LATE_MAX && round % 3 === 0;
      if (late) lateSent += 1;
      const contact = await send('POST', '/api/v1/interactions', ZInteractionCreated, {
        clientId: client.id,
        channel: 'phone',
        direction: 'out',
        summary: `שיחה ${loop}-${round}`,
        commitments: [
          { title: 'לשלוח הצעת מחיר', dueDate: addDays(today, 7) },
          ...(late ? [{ direction: 'theirs', title: 'לשלוח את הלוגו', dueDate: addDays(today, -1) }] : []),
        ],
      });
      if (!contact) return;
      acked.contacts.push(contact.interaction.id);
      acked.promises.push(...contact.commitments.map((c) => c.id));
      const mine = contact.commitments.find((c) => c.direction === 'mine')!;
      // Every other time tapped twice at once, as on a phone: two processes answer the same "kept".
      const taps = await Promise.all(
        Array.from({ length: round % 2 === 0 ? 2 : 1 }, () =>
          send('POST', `/api/v1/commitments/${mine.id}/complete`, ZCommitment, {}),
        ),
      );
      if (taps.some((kept) => kept === null)) return;
      acked.kept.push(mine.id);
      if (round % 4 === 1) {
        const sent = await send('POST', '/api/v1/messages', ZMessageSent, {
          kind: 'meeting_summary',
          clientId: client.id,
          interactionId: contact.interaction.id,
          channel: 'email',
          subject: 'סיכום השיחה',
          body: 'היי,\n\nכמו שסיכמנו: הצעת המחיר תגיע עד שבוע הבא.',
        });
        if (!sent) return;
        messages.push(sent.message.id);
      }
      if (!(await send('GET', '/api/v1/today', ZToday))) return;
      if (!(await send('GET', `/api/v1/clients/${client.id}`, ZClient))) return;
      // Read back through whichever process answers: what another one wrote a moment ago is there.
      const promises = await send('GET', `/api/v1/commitments?clientId=${client.id}&state=all`, ZCommitmentList);
      if (promises && !promises.items.some((c) => c.id === mine.id && c.completedAt !== null))
        stale.push(`kept promise ${mine.id} not kept on the client page`);
      const contacts = await send('GET', `/api/v1/interactions?clientId=${client.id}`, ZInteractionList);
      if (contacts && !contacts.items.some((i) => i.id === contact.interaction.id))
        stale.push(`contact ${contact.interaction.id} missing from the client page`);
    };
    let drilling = true;
    const loops = Array.from({ length: LOOPS }, async (_, loop) => {
      for (let round = 0; drilling && !stopping; round++)
        await journey(loop, round).catch((error: unknown) => unexpected.push(`the journey broke: ${String(error)}`));
    });
    background.push(...loops);

    // Outbox and webhooks due at every scheduler tick of every process: three compete all along.
    const nudgeJobs = (names: string[]) =>
      db.query('update job_leases set last_run_at = null where name = any($1)', [names]);
    let nudging = true;
    const nudger = (async () => {
      while (nudging && !stopping) {
        await nudgeJobs(['outbox', 'webhooks']);
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    background.push(nudger);

    const ownerOf = (lockedBy: string | null) => {
      const pid = Number(lockedBy?.split('-')[0]);
      return instances.find((i) => i.pid === pid) ?? null;
    };
    /** Makes the jobs due, waits until each has run since, and says which processes ran them. */
    const runJobsNow = async (names: string[]): Promise<Instance[]> => {
      const since = new Date().toISOString();
      await nudgeJobs(names);
      let done: { name: string; locked_by: string | null }[] = [];
      await until(`${names.join(', ')} to run`, async () => {
        done = await rows<{ name: string; locked_by: string | null }>(
          'select name, locked_by from job_leases where name = any($1) and last_run_at > $2 and locked_until <= $3',
          [names, since, new Date().toISOString()],
        );
        return done.length === names.length;
      });
      return done.map((d) => ownerOf(d.locked_by)).filter((i): i is Instance => i !== null);
    };
    const writesGrow = async (what: string, by: number) => {
      const target = writes + by;
      await until(`${by} more acknowledged writes ${what}`, () => {
        if (unexpected.length) throw new Error(`a live process refused a request:\n${unexpected.join('\n')}`);
        return writes >= target;
      });
    };

    const kills: Kill[] = [];
    const cut = { jobs: [] as string[], mail: [] as string[], hooks: [] as string[] };
    /** What the receivers had in hand, unanswered, when its sender was killed: it must come twice. */
    const held = { mail: [] as string[], hooks: [] as string[] };
    /**
     * After a kill: what the dead process held. Its leases stay taken until they expire (5 min);
     * here they expire now, and the rows it had claimed with them are freed in the same
     * transaction (only a lease holder claims rows, so no live process can hold one of them).
     */
    const expireLeasesOf = async (victim: Instance) => {
      const client = await db.connect();
      try {
        await client.query('begin');
        const now = new Date().toISOString();
        const leases = (
          await client.query<{ name: string }>(
            'select name from job_leases where locked_by like $1 and locked_until > $2 for update',
            [`${victim.pid}-%`, now],
          )
        ).rows.map((r) => r.name);
        if (leases.includes('outbox'))
          cut.mail.push(
            ...(
              await client.query<{ message_key: string }>(
                "update outbox set locked_until = null where status = 'pending' and locked_until > $1 returning message_key",
                [now],
              )
            ).rows.map((r) => r.message_key),
          );
        if (leases.includes('webhooks'))
          cut.hooks.push(
            ...(
              await client.query<{ id: string }>(
                "update webhook_deliveries set locked_until = null where status = 'pending' and locked_until > $1 returning id",
                [now],
              )
            ).rows.map((r) => r.id),
          );
        await client.query('update job_leases set locked_until = $2 where locked_by like $1 and locked_until > $3', [
          `${victim.pid}-%`,
          new Date(0).toISOString(),
          now,
        ]);
        await client.query('commit');
        cut.jobs.push(...leases);
      } finally {
        client.release();
      }
    };
    const killSlot = async (slot: number, why: string) => {
      const victim = live[slot]!;
      const kill: Kill = { slot, port: victim.port, pid: victim.pid, signalled: ++ticks, exited: 0, why };
      const exited = new Promise((r) => victim.server.child.once('exit', r));
      victim.server.child.kill('SIGKILL');
      await exited;
      kill.exited = ++ticks;
      kills.push(kill);
      await expireLeasesOf(victim);
    };
    const leaseHolder = async (job: string): Promise<number> => {
      const [lease] = await rows<{ locked_by: string }>(
        'select locked_by from job_leases where name = $1 and locked_until > $2',
        [job, new Date().toISOString()],
      );
      const slot = ownerOf(lease?.locked_by ?? null)?.slot ?? null;
      if (slot === null) throw new Error(`no live process holds the ${job} lease: ${JSON.stringify(lease)}`);
      return slot;
    };

    phase('setup');
    // --- Kill one process at a time, and restart it on its port. ---
    // The webhook sender and the e-mail sender are killed in the middle of a delivery, then one more
    // at a random moment of the journey. While one is down the others run the jobs.
    const steps = ['webhook', 'mail'];
    /** The processes (pids) that ran the jobs made due while one was down. */
    const jobRunners = new Map<number, Instance>();
    for (let round = 0; round < steps.length; round++) {
      const step = steps[round]!;
      await writesGrow('with three processes', WRITES_BETWEEN);
      if (step === 'webhook') {
        let hook: Hook | null = null;
        void hooks.holdNext().then((h) => (hook = h));
        await until('a webhook delivery to hold', () => hook !== null);
        await killSlot(await leaseHolder('webhooks'), 'sending a webhook');
        held.hooks.push(hook!.delivery);
      } else if (step === 'mail') {
        const hold = smtp.holdNext();
        let key: string | null = null;
        void hold.mail.then((m) => (key = (m.messageId ?? '').replace(/^<|>$/g, '')));
        await until('an e-mail to hold', () => key !== null);
        await killSlot(await leaseHolder('outbox'), 'sending an e-mail');
        hold.release();
        held.mail.push(key!);
      } else {
        await killSlot(Number(step.split(':')[1]), 'at a random moment of the journey');
      }
      phase(`${step} killed`);
      const victim = kills.at(-1)!.slot;
      // With it down, the others take writes; then it restarts on its port while the jobs made due
      // run elsewhere (or in the new process: never in the dead one).
      const [runners, back] = await Promise.all([
        runJobsNow(['reminders', 'digest']),
        writesGrow('with one process down', WRITES_BETWEEN).then(() => launch(victim)),
      ]);
      for (const runner of runners) {
        expect(runner.pid).not.toBe(kills.at(-1)!.pid);
        jobRunners.set(runner.pid, runner);
      }
      // The third kill: the one process that ran those jobs so far, if only one did (then another
      // must), else one not killed yet.
      if (step === 'mail') {
        const fresh = [0, 1, 2].find((slot) => !kills.some((k) => k.slot === slot)) ?? 0;
        steps.push(`plain:${jobRunners.size < 2 ? [...jobRunners.values()][0]!.slot : fresh}`);
      }
      phase('restarted');
      await until('the restarted process to answer through nginx', () =>
        back.server.output().includes('"message":"request"'),
      );
      phase(step);
    }
    drilling = false;
    await Promise.all(loops);

    // --- Settle: the last reminders and digest, then every e-mail and webhook delivered. ---
    await runJobsNow(['reminders', 'digest']);
    await until(
      'the outbox and the webhook deliveries to drain',
      async () => {
        const [left] = await rows<{ n: number }>(
          "select (select count(*) from outbox where status = 'pending') + (select count(*) from webhook_deliveries where status = 'pending') as n",
        );
        return Number(left!.n) === 0;
      },
      () => live.map((i) => i.server.output().slice(-2000)).join('\n'),
    );
    phase('drained');
    nudging = false;
    await nudger;
    await nginx.stop();
    // A graceful stop of the three: every log line is in, and each exits 0.
    for (const instance of live) instance.server.child.kill('SIGTERM');
    await Promise.all(instances.map((i) => i.closed));
    for (const instance of live) expect(instance.server.child.exitCode, instance.server.output().slice(-3000)).toBe(0);

    // --- The requests: only the ones in flight on a killed process failed, and only at the socket or 502. ---
    expect(unexpected).toEqual([]);
    expect(stale).toEqual([]);
    const access = new Map<string, { requestId: string; status: number; upstreams: string[] }>();
    for (const line of proxyLogs.accessLog().split('\n')) {
      const m = /^(\S+) (\d+) "([^"]*)" "[^"]*" \S+ "([^"]*)"$/.exec(line);
      if (m) access.set(m[4]!, { requestId: m[1]!, status: Number(m[2]), upstreams: m[3]!.split(/, /) });
    }
    const failed = calls.filter((c) => c.error !== null || c.status === 502);
    for (const call of failed) {
      const at = kills.find((k) => call.start < k.exited && call.end > k.signalled);
      expect(at, `${call.method} ${call.path} failed outside any kill: ${call.error ?? call.status}`).toBeDefined();
      const line = access.get(call.tag);
      if (line && call.status === 502) expect(line.upstreams.at(-1), at!.why).toBe(`127.0.0.1:${at!.port}`);
    }
    // A loop has at most two requests in flight (the double tap): at most two cut per loop and kill.
    expect(failed.length).toBeLessThanOrEqual(2 * LOOPS * kills.length);

    // --- Request ids: nginx's, on the log line of the process nginx says answered. ---
    const logged = new Map<string, { slot: number; pid: number; status: unknown; method: unknown }[]>();
    const errors: string[] = [];
    for (const instance of instances) {
      for (const line of logLines(instance.server.output())) {
        if (line.level === 'error') errors.push(JSON.stringify(line));
        if (line.message !== 'request' || typeof line.requestId !== 'string') continue;
        const seen = logged.get(line.requestId) ?? [];
        seen.push({ slot: instance.slot, pid: instance.pid, status: line.status, method: line.method });
        logged.set(line.requestId, seen);
      }
    }
    expect(errors).toEqual([]);
    const answeredBy = new Map<number, number>();
    const answeringPids = new Set<number>();
    const answered = calls.filter((c) => c.status !== null && c.status < 300 && c.error === null);
    for (const call of answered) {
      expect(call.requestId, call.tag).toMatch(/^[0-9a-f]{32}$/); // nginx's $request_id, kept by Mila
      const line = access.get(call.tag);
      expect(line?.requestId, call.tag).toBe(call.requestId);
      const seen = logged.get(call.requestId!) ?? [];
      const upstream = line!.upstreams.at(-1);
      const by = seen.filter((s) => `127.0.0.1:${ports[s.slot]}` === upstream && s.status === call.status);
      expect(by, `${call.method} ${call.path} ${call.requestId}: ${JSON.stringify(seen)}`).toHaveLength(1);
      expect(by[0]!.method).toBe(call.method);
      // Another line with the id only from a process killed with it in hand (a GET nginx then sent on).
      const killedPids = new Set(kills.map((k) => k.pid));
      expect(seen.filter((s) => s !== by[0] && !killedPids.has(s.pid))).toEqual([]);
      answeredBy.set(by[0]!.slot, (answeredBy.get(by[0]!.slot) ?? 0) + 1);
      answeringPids.add(by[0]!.pid);
    }
    // One session, answered by all three slots and by every process that ever ran.
    expect([...answeredBy.keys()].sort()).toEqual([0, 1, 2]);
    expect(instances.filter((i) => !answeringPids.has(i.pid)).map((i) => i.pid)).toEqual([]);

    // --- Every acknowledged write is stored. ---
    const missing = async (table: string, ids: string[], where = '') => {
      const found = await rows<{ id: string }>(`select id from ${table} where id = any($1)${where}`, [ids]);
      const set = new Set(found.map((r) => r.id));
      return ids.filter((id) => !set.has(id));
    };
    expect(await missing('clients', acked.clients)).toEqual([]);
    expect(await missing('interactions', acked.contacts)).toEqual([]);
    expect(await missing('commitments', acked.promises)).toEqual([]);
    expect(await missing('commitments', acked.kept, ' and completed_at is not null')).toEqual([]);
    expect(await missing('messages', messages)).toEqual([]);

    // --- Each job's work once: rows in the database, and what the receivers got. ---
    const count = <T>(items: T[], key: (item: T) => string) => {
      const map = new Map<string, number>();
      for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
      return map;
    };
    // E-mail: the outbox row per message (digest or client mail) and its Message-ID received once;
    // twice only for the one a kill cut off after DATA.
    const outbox = await rows<{ message_key: string; status: string; purpose: string }>(
      'select message_key, status, purpose from outbox',
    );
    expect(outbox.filter((o) => o.status !== 'sent')).toEqual([]);
    const mails = count(smtp.received, (m) => (m.messageId ?? '').replace(/^<|>$/g, ''));
    expect([...mails.keys()].sort()).toEqual(outbox.map((o) => o.message_key).sort());
    // A copy cut by a kill at a random moment may have got past DATA (2) or not (1).
    const copiesAllowed = (key: string, cutOff: string[], heldBack: string[]) =>
      heldBack.includes(key) ? [2] : cutOff.includes(key) ? [1, 2] : [1];
    for (const row of outbox)
      expect(copiesAllowed(row.message_key, cut.mail, held.mail), row.message_key).toContain(
        mails.get(row.message_key) ?? 0,
      );
    const mailed = new Set(
      (await rows<{ message_id: string }>('select message_id from outbox where message_id is not null')).map(
        (r) => r.message_id,
      ),
    );
    expect(messages.filter((id) => !mailed.has(id))).toEqual([]);
    const digests = await rows<{ run_key: string }>("select run_key from job_runs where run_key like 'digest:%'");
    expect(outbox.filter((o) => o.purpose === 'digest')).toHaveLength(digests.length);
    // One a local day (two if the drill ran over midnight), none on Shabbat or a holiday.
    const restDay = israeliDayKind(localDate(new Date(), ZONE)).kind === 'rest';
    if (!restDay) expect(digests.length).toBeGreaterThanOrEqual(1);
    expect(digests.length).toBeLessThanOrEqual(new Set([today, localDate(new Date(), ZONE)]).size);

    // Reminders: one per late promise of theirs, and one broken-promise webhook with it.
    const late = await rows<{ id: string }>(
      "select id from commitments where direction = 'theirs' and completed_at is null and due_at < $1",
      [new Date().toISOString()],
    );
    expect(late.length).toBeGreaterThan(0);
    const reminders = count(
      await rows<{ ref_id: string }>("select ref_id from notifications where kind = 'theirs_overdue'"),
      (r) => r.ref_id,
    );
    expect(late.filter((c) => reminders.get(c.id) !== 1)).toEqual([]);
    expect(reminders.size).toBe(late.length);

    // Webhooks: one delivery per event and thing, delivered, signed, received once (twice only if cut).
    const deliveries = await rows<{ id: string; event: string; payload: string; status: string }>(
      'select id, event, payload, status from webhook_deliveries',
    );
    expect(deliveries.filter((d) => d.status !== 'delivered')).toEqual([]);
    const perThing = count(deliveries, (d) => {
      const data = (JSON.parse(d.payload) as { data: { id: string } }).data;
      return `${d.event} ${data.id}`;
    });
    expect([...perThing.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const kept = await rows<{ id: string }>('select id from commitments where completed_at is not null');
    const expected = [...kept.map((c) => `commitment.kept ${c.id}`), ...late.map((c) => `commitment.broken ${c.id}`)];
    expect([...perThing.keys()].sort()).toEqual(expected.sort());
    const received = count(hooks.received, (h) => h.delivery);
    for (const delivery of deliveries)
      expect(copiesAllowed(delivery.id, cut.hooks, held.hooks), delivery.id).toContain(received.get(delivery.id) ?? 0);
    expect(received.size).toBe(deliveries.length);
    const byId = new Map(deliveries.map((d) => [d.id, d]));
    for (const hook of hooks.received) {
      const [t, v1] = hook.signature.split(',').map((p) => p.split('=')[1]);
      expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${hook.body}`).digest('hex'));
      expect(hook.body).toBe(byId.get(hook.delivery)?.payload);
    }
    // The two kills in the middle of a delivery cut off what was held, and it was sent again.
    expect(cut.hooks).toEqual(expect.arrayContaining(held.hooks));
    expect(cut.mail).toEqual(expect.arrayContaining(held.mail));
    expect(jobRunners.size).toBeGreaterThanOrEqual(2);

    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(
      `several-processes drill: ${calls.length} requests through nginx (${writes} writes acknowledged), ` +
        `answered by slot ${[...answeredBy].map(([s, n]) => `${s}: ${n}`).join(', ')}; ${kills.length} kills, ` +
        `${failed.length} requests cut (${failed.filter((c) => c.method === 'GET').length} GET); ` +
        `${smtp.received.length} e-mails (${digests.length} digest) for ${outbox.length} outbox rows, ` +
        `${hooks.received.length} webhooks for ${deliveries.length} deliveries, ${late.length} reminders; ` +
        `cut mid-send and sent again: ${cut.mail.length} e-mail, ${cut.hooks.length} webhook; ` +
        `jobs run by ${jobRunners.size} processes (slots ${[...new Set([...jobRunners.values()].map((i) => i.slot))].sort().join(', ')})${restDay ? ' (rest day: no digest)' : ''}; ${seconds} s (${phases.join(', ')})`,
    );
  }, 180_000);
});
