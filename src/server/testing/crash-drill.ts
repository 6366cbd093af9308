/**
 * The crash drill: the real server (its own process, its own database) takes concurrent writes
 * and is killed with SIGKILL at a random moment, again and again. The client side keeps a log of
 * every write the server acknowledged (a 2xx); after each restart every one of them must still be
 * there, with all of its rows, and the database must pass its own integrity checks. Writes that
 * were in flight at the kill may land or not, but never by half.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { z } from 'zod';
import { ZMe } from '../../shared/schemas/accounts.js';
import { ZClient } from '../../shared/schemas/clients.js';
import { ZCommitment } from '../../shared/schemas/commitments.js';
import { ZInteraction, ZInteractionCreated } from '../../shared/schemas/interactions.js';
import { ZPayment, ZPaymentList } from '../../shared/schemas/payments.js';
import { ZQuote, ZQuoteSent } from '../../shared/schemas/quotes.js';
import { alive, processTree } from './processes.js';
import { bundledServerArgs } from './server-bundle.js';
import { clientInput, commitmentInput, paymentInput, quoteInput, seededRandom, setupInput } from './factories.js';

export type CrashDialect = 'sqlite' | 'postgres';

export type CrashReport = {
  dialect: CrashDialect;
  cycles: number;
  /** Writes the server answered 2xx to, over every cycle. */
  acknowledged: number;
  /** Requests cut off by a kill (their outcome is unknown, and either outcome is allowed). */
  interrupted: number;
  /** Acknowledged writes missing or changed after a restart: must be empty. */
  lost: string[];
  /** Multi-row changes found with only some of their rows: must be empty. */
  halfApplied: string[];
  /** What SQLite's integrity_check and foreign_key_check reported: must be empty. */
  integrity: string[];
};

type Acknowledged =
  | { kind: 'contact'; id: string; commitmentIds: string[] }
  | { kind: 'promise'; id: string }
  | { kind: 'kept'; id: string }
  | { kind: 'accepted'; id: string }
  | { kind: 'payment'; id: string; clientId: string; amount: number };

export type Store = { env: Record<string, string>; sqliteFile?: string; pgUrl?: string; drop: () => Promise<void> };

const MARK = 'crash-drill';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function openStore(dialect: CrashDialect, postgresUrl: string): Promise<Store> {
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-crash-'));
    return {
      env: { MILA_DATA_DIR: dataDir, DATABASE_URL: '' },
      sqliteFile: path.join(dataDir, 'mila.db'),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  // A database of its own (not a schema): the server is started with nothing but DATABASE_URL.
  const name = `mila_crash_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    pgUrl: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export type Server = { url: string; child: ChildProcess; output: () => string };

let clientCount = 0;
/** A different documentation address (RFC 5737) for each accepting client. */
function nextClientAddress(): string {
  clientCount += 1;
  return `198.51.${100 + (Math.floor(clientCount / 250) % 100)}.${(clientCount % 250) + 1}`;
}

/**
 * `port`: a fixed one (a proxy's upstream is restarted on the port it had); `env` is laid over the
 * drill's settings (the several-processes drill turns the scheduler on).
 */
export async function startServer(
  store: Store,
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<Server> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, await bundledServerArgs(), {
    env: {
      ...process.env,
      ...store.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Its log is kept (and shown when a step fails), not printed.
      MILA_LOG: 'info',
      MILA_SCHEDULER: 'off',
      // One process, so that a SIGKILL is the whole server's crash (decision 019 covers workers).
      MILA_WORKERS: '1',
      // The drill plays many clients accepting quotes, as from behind a proxy: each from its own
      // address (X-Forwarded-For), so the client pages' per-address limit sees many clients, not one.
      MILA_TRUST_PROXY: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${output}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return { url, child, output: () => output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * SIGKILL to the server and every process under it at once (its workers too, decision 019): the
 * machine losing power, not a primary dying alone. Returns once all have ended.
 */
export async function kill(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  const tree = processTree(server.child.pid!);
  for (const pid of tree) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
  server.child.kill('SIGKILL');
  await exited;
  const deadline = Date.now() + 10_000;
  while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** The owner's session: the cookie and the CSRF token every write echoes (sessions live in the database). */
export type Session = { cookie: string; csrf: string };

export class Api {
  constructor(
    public url: string,
    private readonly session: Session,
  ) {}

  async get<T extends z.ZodType>(pathname: string, schema: T): Promise<{ status: number; body: z.infer<T> | null }> {
    const res = await fetch(`${this.url}${pathname}`, { headers: { cookie: this.session.cookie } });
    return { status: res.status, body: res.ok ? schema.parse(await res.json()) : (await res.text(), null) };
  }

  /** The running server's log, quoted when a request fails. */
  log: () => string = () => '';

  /** A signed-in JSON POST, the answer as it came (the fault drills look at refusals too). */
  postRaw(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.url}${pathname}`, {
      method: 'POST',
      headers: {
        cookie: this.session.cookie,
        origin: this.url,
        'content-type': 'application/json',
        'x-csrf-token': this.session.csrf,
        ...headers,
      },
      body: JSON.stringify(body),
    });
  }

  async post<T extends z.ZodType>(pathname: string, body: unknown, schema: T): Promise<z.infer<T>> {
    const res = await this.postRaw(pathname, body);
    if (!res.ok)
      throw new Error(`POST ${pathname} answered ${res.status}: ${await res.text()}\n${this.log().slice(-4000)}`);
    return schema.parse(await res.json());
  }

  /** The client's accept on the quote page, as its form posts it (no session). */
  async accept(link: string): Promise<void> {
    const res = await fetch(`${this.url}${new URL(link).pathname}/accept`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: this.url,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': nextClientAddress(),
      },
      body: new URLSearchParams({ name: 'הלקוח', agree: 'yes' }),
    });
    if (res.status !== 303) throw new Error(`accepting answered ${res.status}: ${await res.text()}`);
  }
}

export async function signUp(url: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(setupInput()),
  });
  if (!res.ok) throw new Error(`setup answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = ZMe.parse(await (await fetch(`${url}/api/v1/me`, { headers: { cookie } })).json());
  return { cookie, csrf: me.csrfToken };
}

/** Plain SQL on the drill's database while the server is down: the same text on both dialects. */
type Reader = {
  rows: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
};

async function openReader(store: Store): Promise<Reader> {
  if (store.sqliteFile) {
    const db = new Database(store.sqliteFile);
    return {
      rows: async <T>(text: string, params: unknown[] = []) =>
        db.prepare(text.replace(/\$\d+/g, '?')).all(...params) as T[],
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: store.pgUrl });
  await client.connect();
  return {
    rows: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
    close: () => client.end(),
  };
}

const placeholders = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

/** The ids of `table` among `ids` that are stored (read in chunks, so a long drill stays quick). */
async function storedIds(reader: Reader, table: string, ids: string[], where = ''): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await reader.rows<{ id: string }>(
      `select id from ${table} where id in (${placeholders(chunk.length)})${where}`,
      chunk,
    );
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** Every acknowledged write so far, looked up in the rows on disk. */
async function findLostOnDisk(reader: Reader, log: Acknowledged[]): Promise<string[]> {
  const ids = (kind: Acknowledged['kind']) => log.filter((w) => w.kind === kind).map((w) => w.id);
  const lost: string[] = [];
  const missing = (what: string, wanted: string[], found: Set<string>) => {
    for (const id of wanted) if (!found.has(id)) lost.push(`${what} ${id}`);
  };
  missing('contact', ids('contact'), await storedIds(reader, 'interactions', ids('contact')));
  const contactPromises = log.flatMap((w) => (w.kind === 'contact' ? w.commitmentIds : []));
  missing('promise of a contact', contactPromises, await storedIds(reader, 'commitments', contactPromises));
  missing('promise', ids('promise'), await storedIds(reader, 'commitments', ids('promise')));
  missing(
    'kept promise',
    ids('kept'),
    await storedIds(reader, 'commitments', ids('kept'), ' and completed_at is not null'),
  );
  const accepted = await storedIds(
    reader,
    'quotes',
    ids('accepted'),
    " and project_id is not null and exists (select 1 from quote_versions v where v.quote_id = quotes.id and v.status = 'accepted')",
  );
  missing('accepted quote', ids('accepted'), accepted);
  const payments = log.filter((w) => w.kind === 'payment');
  const stored = new Map<string, number>();
  for (let i = 0; i < payments.length; i += 500) {
    const chunk = payments.slice(i, i + 500).map((w) => w.id);
    const rows = await reader.rows<{ id: string; amount: number | string }>(
      `select id, amount from payments where id in (${placeholders(chunk.length)})`,
      chunk,
    );
    for (const row of rows) stored.set(row.id, Number(row.amount));
  }
  for (const w of payments) if (stored.get(w.id) !== w.amount) lost.push(`payment ${w.id}`);
  return lost;
}

/** The writes of the last cycle, read back through the API once the server is up again. */
async function findLostViaApi(api: Api, recent: Acknowledged[]): Promise<string[]> {
  const lost: string[] = [];
  for (const write of recent) {
    if (write.kind === 'contact' || write.kind === 'promise' || write.kind === 'kept') {
      const path = write.kind === 'contact' ? 'interactions' : 'commitments';
      const found = await api.get(`/api/v1/${path}/${write.id}`, write.kind === 'contact' ? ZInteraction : ZCommitment);
      if (found.status !== 200) lost.push(`${write.kind} ${write.id}: ${found.status}`);
    } else if (write.kind === 'accepted') {
      const found = await api.get(`/api/v1/quotes/${write.id}`, ZQuote);
      if (found.body?.status !== 'accepted') lost.push(`quote ${write.id}: ${found.body?.status ?? found.status}`);
    } else {
      const found = await api.get(`/api/v1/payments?clientId=${write.clientId}`, ZPaymentList);
      if (!found.body?.items.some((p: z.infer<typeof ZPayment>) => p.id === write.id)) lost.push(`payment ${write.id}`);
    }
  }
  return lost;
}

/** Invariants over the rows themselves: a multi-row change is all there or not at all. */
async function findHalfApplied(store: Store, reader: Reader): Promise<{ halfApplied: string[]; integrity: string[] }> {
  const halfApplied: string[] = [];
  const integrity: string[] = [];
  if (store.sqliteFile) {
    const check = await reader.rows<{ integrity_check: string }>('pragma integrity_check');
    if (check.map((r) => r.integrity_check).join() !== 'ok') integrity.push(...check.map((r) => r.integrity_check));
    for (const row of await reader.rows<object>('pragma foreign_key_check'))
      integrity.push(`foreign key: ${JSON.stringify(row)}`);
  }
  const contacts = await reader.rows<{ id: string; n: number | string }>(
    `select i.id, count(c.id) as n from interactions i left join commitments c on c.interaction_id = i.id
     where i.summary like '${MARK}%' group by i.id having count(c.id) <> 2`,
  );
  for (const row of contacts) halfApplied.push(`contact ${row.id} with ${row.n} of its 2 promises`);
  // An accepted version is one change with the project it starts and the quote pointing at it.
  const quotes = await reader.rows<{ id: string }>(
    `select v.quote_id as id from quote_versions v join quotes q on q.id = v.quote_id
     left join projects p on p.id = q.project_id where v.status = 'accepted' and p.id is null`,
  );
  for (const row of quotes) halfApplied.push(`accepted quote ${row.id} without its project`);
  return { halfApplied, integrity };
}

/**
 * Runs `cycles` rounds of: start the server, prepare quotes to accept, write from `writers`
 * concurrent loops, SIGKILL after a random 150–900 ms; then, with the server down, the database's own
 * checks, no change found by half, and every write acknowledged so far in the rows on disk; after
 * the restart, the last cycle's writes read back through the API. Deterministic in what it writes (a seeded random), not in when it kills.
 */
export async function runCrashDrill(options: {
  dialect: CrashDialect;
  cycles: number;
  writers?: number;
  postgresUrl?: string;
  /** Worker processes of the server (MILA_WORKERS); each kill takes them all at once. */
  workers?: number;
  onCycle?: (cycle: number, acknowledged: number) => void;
}): Promise<CrashReport> {
  const { dialect, cycles, writers = 6 } = options;
  const serverOptions = { env: { MILA_WORKERS: String(options.workers ?? 1) } };
  const random = seededRandom(cycles);
  const store = await openStore(dialect, options.postgresUrl ?? '');
  const report: CrashReport = {
    dialect,
    cycles,
    acknowledged: 0,
    interrupted: 0,
    lost: [],
    halfApplied: [],
    integrity: [],
  };
  const log: Acknowledged[] = [];
  const openPromises: string[] = [];
  let recent: Acknowledged[] = [];
  let server: Server | undefined;
  try {
    server = await startServer(store, serverOptions);
    const session = await signUp(server.url);
    const api = new Api(server.url, session);
    api.log = server.output;
    const clients: string[] = [];
    for (let i = 0; i < 3; i++) clients.push((await api.post('/api/v1/clients', clientInput(), ZClient)).id);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;

    for (let cycle = 1; cycle <= cycles; cycle++) {
      if (cycle > 1) {
        server = await startServer(store, serverOptions);
        api.url = server.url;
        api.log = server.output;
        report.lost.push(...(await findLostViaApi(api, recent)).map((l) => `cycle ${cycle}: ${l}`));
      }
      // Quotes waiting for the client, accepted during the load (acceptance is a multi-row change).
      // Each cycle's payments go to a client of their own, so reading them back through the
      // client's list (its newest 500) always covers them.
      const payer = (await api.post('/api/v1/clients', clientInput(), ZClient)).id;
      const links: { id: string; link: string }[] = [];
      for (let i = 0; i < 2; i++) {
        const quote = await api.post('/api/v1/quotes', quoteInput(pick(clients), { validUntil: '2099-12-31' }), ZQuote);
        const sent = await api.post(
          `/api/v1/quotes/${quote.id}/send`,
          { channel: 'whatsapp', body: '{{link}}' },
          ZQuoteSent,
        );
        links.push({ id: quote.id, link: sent.url! });
      }
      const cycleStart = log.length;
      let stopped = false;
      const write = async (): Promise<void> => {
        const roll = random();
        const clientId = pick(clients);
        if (roll < 0.35) {
          const created = await api.post(
            '/api/v1/interactions',
            {
              clientId,
              channel: 'phone',
              direction: 'out',
              summary: `${MARK} ${cycle}`,
              commitments: [
                { title: 'לשלוח הצעת מחיר', dueDate: '2099-01-10' },
                { direction: 'theirs', title: 'לשלוח את הלוגו', dueDate: '2099-01-11' },
              ],
            },
            ZInteractionCreated,
          );
          log.push({
            kind: 'contact',
            id: created.interaction.id,
            commitmentIds: created.commitments.map((c) => c.id),
          });
        } else if (roll < 0.6) {
          const promise = await api.post(
            '/api/v1/commitments',
            commitmentInput(clientId, { dueDate: '2099-02-01' }),
            ZCommitment,
          );
          openPromises.push(promise.id);
          log.push({ kind: 'promise', id: promise.id });
        } else if (roll < 0.75 && openPromises.length > 0) {
          const id = openPromises.splice(Math.floor(random() * openPromises.length), 1)[0]!;
          await api.post(`/api/v1/commitments/${id}/complete`, {}, ZCommitment);
          log.push({ kind: 'kept', id });
        } else if (roll < 0.85 && links.length > 0) {
          const quote = links.shift()!;
          await api.accept(quote.link);
          log.push({ kind: 'accepted', id: quote.id });
        } else {
          const amount = 1000 + Math.floor(random() * 100_000);
          const payment = await api.post('/api/v1/payments', paymentInput(payer, { amount }), ZPayment);
          log.push({ kind: 'payment', id: payment.id, clientId: payer, amount });
        }
        report.acknowledged += 1;
      };
      const failures: unknown[] = [];
      const loops = Array.from({ length: writers }, async () => {
        while (!stopped) {
          try {
            await write();
          } catch (error) {
            // A request cut off by the kill: its outcome is unknown; anything else is a real failure.
            if (stopped) report.interrupted += 1;
            else failures.push(error);
            if (failures.length) return;
          }
        }
      });
      await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 750)));
      stopped = true;
      await kill(server);
      await Promise.allSettled(loops);
      if (failures.length)
        throw new Error(`a write failed before the kill: ${String(failures[0])}\n${server.output()}`);
      const reader = await openReader(store);
      try {
        const found = await findHalfApplied(store, reader);
        report.halfApplied.push(...found.halfApplied.map((h) => `cycle ${cycle}: ${h}`));
        report.integrity.push(...found.integrity.map((h) => `cycle ${cycle}: ${h}`));
        report.lost.push(...(await findLostOnDisk(reader, log)).map((l) => `cycle ${cycle}: ${l}`));
      } finally {
        await reader.close();
      }
      recent = log.slice(cycleStart);
      options.onCycle?.(cycle, report.acknowledged);
    }
    // The last kill is checked too: one more start, every acknowledged write read back.
    server = await startServer(store);
    api.url = server.url;
    report.lost.push(...(await findLostViaApi(api, recent)).map((l) => `after the last kill: ${l}`));
    return report;
  } finally {
    if (server) await kill(server);
    await store.drop();
  }
}
