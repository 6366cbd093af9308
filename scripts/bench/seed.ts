/**
 * The benchmark's data, shared by run.ts and import.ts: one workspace set up through the accounts
 * service, clients, quotes and projects through their services (from the tests' factories), and the
 * bulk of the activity (contacts, promises, payments, time) inserted in batches with the columns
 * the services write, because the services would take minutes. Deterministic: fixed seeds.
 */
import { sql, type Insertable } from 'kysely';
import { loadConfig } from '../../src/server/config.js';
import type { Db } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { systemClock } from '../../src/server/lib/clock.js';
import { newId } from '../../src/server/lib/ids.js';
import { createLogger } from '../../src/server/lib/logger.js';
import { parseInput } from '../../src/server/lib/validate.js';
import { createWorkspaceWithOwner, setup } from '../../src/server/modules/accounts/accounts.service.js';
import { createClient } from '../../src/server/modules/clients/clients.service.js';
import type { CommitmentTable } from '../../src/server/modules/commitments/commitments.table.js';
import { rebuildWordRollups } from '../../src/server/modules/commitments/commitments.service.js';
import { rebuildContactMonths } from '../../src/server/modules/interactions/interactions.service.js';
import type { InteractionTable } from '../../src/server/modules/interactions/interactions.table.js';
import { createProject } from '../../src/server/modules/projects/projects.service.js';
import { issueQuote } from '../../src/server/modules/quotes/quote-links.service.js';
import { createQuote } from '../../src/server/modules/quotes/quotes.service.js';
import { attachmentRenderers } from '../../src/server/portal/attachments.js';
import { demoClients, projectInput, quoteInput, seededRandom, setupInput } from '../../src/server/testing/factories.js';
import { ZSetUpWorkspace } from '../../src/shared/schemas/accounts.js';
import { ZCreateClient } from '../../src/shared/schemas/clients.js';
import type { Channel } from '../../src/shared/schemas/common.js';
import { ZCreateProject } from '../../src/shared/schemas/projects.js';
import { ZCreateQuote } from '../../src/shared/schemas/quotes.js';

export type Sizes = {
  clients: number;
  contacts: number;
  quotes: number;
  projects: number;
  promises: number;
  payments: number;
  timeEntries: number;
};

/** The heavy dataset at 1× (issue #13). */
export const HEAVY: Sizes = {
  clients: 3000,
  contacts: 150_000,
  quotes: 5000,
  projects: 1000,
  promises: 20_000,
  payments: 9000,
  timeEntries: 30_000,
};

const ENV: Record<keyof Sizes, string> = {
  clients: 'BENCH_CLIENTS',
  contacts: 'BENCH_CONTACTS',
  quotes: 'BENCH_QUOTES',
  projects: 'BENCH_PROJECTS',
  promises: 'BENCH_PROMISES',
  payments: 'BENCH_PAYMENTS',
  timeEntries: 'BENCH_TIME_ENTRIES',
};

/**
 * The sizes at `scale` (1, 3, 10 …). BENCH_CLIENTS=300 shrinks every size in proportion (a smoke
 * run); each BENCH_<SIZE> sets that one size at 1× exactly.
 */
export function sizesAt(scale: number, env: NodeJS.ProcessEnv = process.env): Sizes {
  const factor = env.BENCH_CLIENTS ? Number(env.BENCH_CLIENTS) / HEAVY.clients : 1;
  const out = {} as Sizes;
  for (const key of Object.keys(HEAVY) as (keyof Sizes)[]) {
    const base = env[ENV[key]] ? Number(env[ENV[key]]) : HEAVY[key] * factor;
    out[key] = Math.max(1, Math.round(base * scale));
  }
  return out;
}

/** The deps a script hands the services: silent, no scheduler, no mail. */
export function scriptDeps(db: Db) {
  return {
    db,
    config: { ...loadConfig({}), logLevel: 'silent' as const, scheduler: false },
    clock: systemClock,
    logger: createLogger('silent'),
    mailer: null,
    attachments: attachmentRenderers(),
  };
}
export type ScriptDeps = ReturnType<typeof scriptDeps>;

/** A migrated database with one workspace and its owner (setupInput()'s e-mail and password). */
export async function openWorkspace(db: Db) {
  await migrateToLatest(db);
  const deps = scriptDeps(db);
  const session = await setup(deps, ZSetUpWorkspace.parse(setupInput()), { userAgent: 'bench' });
  return { deps, session, scope: { workspaceId: session.me.workspace.id }, userId: session.me.user.id };
}

/** One more workspace in a migrated database (the hosted bench's huge one), its owner `email`. */
async function addWorkspace(db: Db, email: string) {
  await migrateToLatest(db);
  const deps = scriptDeps(db);
  const { workspaceId, userId } = await createWorkspaceWithOwner(deps, setupInput({ owner: { email } }));
  return { deps, scope: { workspaceId }, userId };
}

export type Seeded = {
  workspaceId: string;
  /** The first client: the one the client page and timeline views open. */
  clientId: string;
  /** Quote links (`/q/<token>`), each for its own quote waiting for the client's answer. */
  links: string[];
  /** My open promises, for "mark kept". */
  openPromises: string[];
  seconds: number;
};

/**
 * Seeds the heavy dataset at `sizes` into `db` (a fresh database) and prepares `links` quote
 * links. Seeding skips the per-commit flush (SQLite `synchronous=OFF` on this connection; on
 * PostgreSQL the caller turns `synchronous_commit` off for the database): the server that is
 * measured afterwards opens its own connection with the normal durability.
 */
export async function seedHeavy(
  db: Db,
  sizes: Sizes,
  options: {
    links: number;
    log?: (line: string) => void;
    /** Another workspace beside those there, its owner this e-mail (the first-run setup otherwise). */
    ownerEmail?: string;
  },
): Promise<Seeded> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  if (db.dialect === 'sqlite') await sql`pragma synchronous = OFF`.execute(db.kysely);
  const { deps, scope, userId } = options.ownerEmail
    ? await addWorkspace(db, options.ownerEmail)
    : await openWorkspace(db);
  const step = (what: string, t0: number) => log(`  ${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  let t0 = performance.now();
  const clientIds: string[] = [];
  for (const input of demoClients(sizes.clients))
    clientIds.push((await createClient(deps, scope, ZCreateClient.parse(input))).id);
  step(`${sizes.clients} clients (service)`, t0);

  t0 = performance.now();
  const random = seededRandom(7);
  const now = Date.now();
  const ago = (days: number) => new Date(now - Math.floor(random() * days * 86_400_000)).toISOString();
  const pick = () => clientIds[Math.floor(random() * clientIds.length)]!;
  const channels: Channel[] = ['phone', 'whatsapp', 'email', 'meeting', 'sms'];
  await insertBulk(db, 'interactions', sizes.contacts, (n): Insertable<InteractionTable> => {
    const at = ago(365);
    const incoming = random() < 0.5;
    return {
      id: newId(),
      workspace_id: scope.workspaceId,
      // Round robin: every client has its share, the first one included.
      client_id: clientIds[n % clientIds.length]!,
      contact_id: null,
      channel: channels[n % channels.length]!,
      direction: incoming ? 'in' : 'out',
      occurred_at: at,
      summary: 'שיחת מעקב על הפרויקט',
      agreed: null,
      next_steps: null,
      after_hours: random() < 0.1 ? 1 : 0,
      duration_minutes: random() < 0.3 ? 20 : null,
      needs_reply: incoming ? 1 : 0,
      replied_at: incoming && random() < 0.98 ? at : null,
      source: 'manual',
      message_id: null,
      created_at: at,
    };
  });
  const nowIso = new Date(now).toISOString();
  await insertBulk(db, 'commitments', sizes.promises, (n): Insertable<CommitmentTable> => {
    const due = new Date(now + Math.floor((random() - 0.7) * 120 * 86_400_000)).toISOString();
    const done = due < nowIso && random() < 0.85 ? due : null;
    return {
      id: newId(),
      workspace_id: scope.workspaceId,
      client_id: n < clientIds.length ? clientIds[n]! : pick(),
      interaction_id: null,
      quote_id: null,
      project_id: null,
      direction: n % 2 === 0 ? 'mine' : 'theirs',
      title: 'הצעת מחיר',
      notes: null,
      due_date: due.slice(0, 10),
      due_time: null,
      due_at: due,
      original_due_at: due,
      late_change: 0,
      change_count: 0,
      completed_at: done,
      cancelled_at: null,
      created_at: due,
      updated_at: due,
    };
  });
  await insertBulk(db, 'payments', sizes.payments, () => ({
    id: newId(),
    workspace_id: scope.workspaceId,
    client_id: pick(),
    amount: 50_000 + Math.floor(random() * 500_000),
    currency: 'ILS',
    received_on: ago(365).slice(0, 10),
    created_at: ago(365),
  }));
  await insertBulk(db, 'time_entries', sizes.timeEntries, () => {
    const at = ago(365);
    return {
      id: newId(),
      workspace_id: scope.workspaceId,
      user_id: userId,
      client_id: pick(),
      started_at: at,
      ended_at: at,
      minutes: 30 + Math.floor(random() * 120),
      created_at: at,
    };
  });
  // Contacts and promises went in past their services, so the rollups those keep are built once here (decisions 008, 016).
  await rebuildContactMonths(deps, scope);
  await rebuildWordRollups(deps, scope);
  step(
    `${sizes.contacts} contacts, ${sizes.promises} promises, ${sizes.payments} payments, ${sizes.timeEntries} time entries (bulk)`,
    t0,
  );

  // Quotes and projects through their services (numbering, versions, totals, deliverables).
  t0 = performance.now();
  const quoteIds: string[] = [];
  for (let i = 0; i < sizes.quotes; i++) {
    const input = parseInput(ZCreateQuote, quoteInput(clientIds[i % clientIds.length]!, { validUntil: '2099-12-31' }));
    quoteIds.push((await createQuote(deps, scope, input)).id);
  }
  for (let i = 0; i < sizes.projects; i++)
    await createProject(deps, scope, parseInput(ZCreateProject, projectInput(clientIds[(i * 7) % clientIds.length]!)));
  step(`${sizes.quotes} quotes, ${sizes.projects} projects (service)`, t0);

  // Links for the quote page and the accept write: the newest quotes, each sent once.
  const links: string[] = [];
  for (const quoteId of quoteIds.slice(-options.links).reverse())
    links.push(`/q/${(await issueQuote(deps, scope, quoteId)).token}`);

  const open = await db.kysely
    .selectFrom('commitments')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('direction', '=', 'mine')
    .where('completed_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .orderBy('id')
    .execute();

  // Fresh tables have no planner statistics yet; in production autovacuum/ANALYZE provides them.
  if (db.dialect === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
  else {
    await sql`pragma optimize`.execute(db.kysely);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.kysely);
  }
  return {
    workspaceId: scope.workspaceId,
    clientId: clientIds[0]!,
    links,
    openPromises: open.map((r) => r.id),
    seconds: (performance.now() - started) / 1000,
  };
}

type BulkTable = 'interactions' | 'commitments' | 'payments' | 'time_entries';

async function insertBulk(db: Db, table: BulkTable, count: number, row: (n: number) => object): Promise<void> {
  let batch: object[] = [];
  const flush = async () => {
    if (batch.length)
      await db.kysely
        .insertInto(table)
        .values(batch as never)
        .execute();
    batch = [];
  };
  for (let n = 0; n < count; n++) {
    batch.push(row(n));
    if (batch.length >= 500) await flush();
  }
  await flush();
}
