/**
 * `npm run bench`: seeds a workspace with 3,000 clients and measures the main client views through
 * the in-process API (routing, auth, validation, SQL, JSON), on SQLite and, when one answers at
 * TEST_DATABASE_URL, on PostgreSQL. Budget: p95 ≤ 50 ms per view. Exits non-zero over budget.
 * The contact log gets 150,000 interactions and every client two promises, written in bulk
 * (the services would take minutes) with the same columns the services write.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import type { CommitmentTable } from '../../src/server/modules/commitments/commitments.table.js';
import type { InteractionTable } from '../../src/server/modules/interactions/interactions.table.js';
import pg from 'pg';
import { createApp } from '../../src/server/app.js';
import { connect } from '../../src/server/db/connect.js';
import type { Db } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { systemClock } from '../../src/server/lib/clock.js';
import { createLogger } from '../../src/server/lib/logger.js';
import { loadConfig } from '../../src/server/config.js';
import { setup } from '../../src/server/modules/accounts/accounts.service.js';
import { createClient } from '../../src/server/modules/clients/clients.service.js';
import { rebuildContactMonths } from '../../src/server/modules/interactions/interactions.service.js';
import { createQuote } from '../../src/server/modules/quotes/quotes.service.js';
import { attachmentRenderers } from '../../src/server/portal/attachments.js';
import { parseInput } from '../../src/server/lib/validate.js';
import { ZCreateQuote } from '../../src/shared/schemas/quotes.js';
import { demoClients, seededRandom, setupInput } from '../../src/server/testing/factories.js';
import { ZSetUpWorkspace } from '../../src/shared/schemas/accounts.js';
import { ZCreateClient } from '../../src/shared/schemas/clients.js';
import type { Channel } from '../../src/shared/schemas/common.js';
import { newId } from '../../src/server/lib/ids.js';
import { postgresReachable, testDatabaseUrl } from '../../src/server/testing/postgres.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 3000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 150_000);
const QUOTES = Number(process.env.BENCH_QUOTES ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BUDGET_MS = 50;

type Result = { dialect: string; view: string; p50: number; p95: number; max: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function benchDialect(label: string, db: Db): Promise<Result[]> {
  await migrateToLatest(db);
  const deps = {
    db,
    config: { ...loadConfig({}), logLevel: 'silent' as const, scheduler: false },
    clock: systemClock,
    logger: createLogger('silent'),
    mailer: null,
    attachments: attachmentRenderers(),
  };
  const session = await setup(deps, ZSetUpWorkspace.parse(setupInput()), { userAgent: 'bench' });
  const scope = { workspaceId: session.me.workspace.id };
  const started = Date.now();
  const inputs = demoClients(CLIENTS);
  const clientIds: string[] = [];
  for (const input of inputs) clientIds.push((await createClient(deps, scope, ZCreateClient.parse(input))).id);
  const firstId = clientIds[0]!;
  await bulkActivity(db, scope.workspaceId, clientIds);
  // The contacts went in past the service, so the monthly rollup it keeps is built once here (decision 008).
  await rebuildContactMonths(deps, scope);
  // Quotes go through the service (numbering, versions, totals), one for each of the first clients.
  for (const clientId of clientIds.slice(0, QUOTES)) {
    // A script parses at its own entry point: services take the validated input.
    const input = parseInput(ZCreateQuote, {
      clientId,
      title: 'מיתוג',
      items: [
        { description: 'לוגו', quantity: 1, unitPrice: 350_000 },
        { description: 'שעות ייעוץ', quantity: 2.5, unitPrice: 45_000 },
      ],
      validUntil: '2030-12-31',
    });
    await createQuote(deps, scope, input);
  }
  // Fresh tables have no planner statistics yet; in production autovacuum/ANALYZE provides them.
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  else await sql`pragma optimize`.execute(db.kysely);
  console.log(
    `[${label}] seeded ${CLIENTS} clients and ${INTERACTIONS} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const app = createApp(deps);
  const headers = { cookie: `mila_session=${session.token}`, 'accept-language': 'he' };
  const views: Record<string, string> = {
    'client list (first page, by name)': '/api/v1/clients?limit=50',
    'client list (recent, page 20)': '/api/v1/clients?sort=recent&limit=50&offset=1000',
    'search "כהן"': `/api/v1/clients?q=${encodeURIComponent('כהן')}`,
    'search 2 letters "דנ"': `/api/v1/clients?q=${encodeURIComponent('דנ')}`,
    'filter status + tag': `/api/v1/clients?status=active&tag=${encodeURIComponent('תל אביב')}`,
    'tags with counts': '/api/v1/clients/tags',
    'client page': `/api/v1/clients/${firstId}`,
    Today: '/api/v1/today',
    'client timeline (contacts)': `/api/v1/interactions?clientId=${firstId}&limit=50`,
    'client promises': `/api/v1/commitments?clientId=${firstId}&state=all`,
    'waiting for my reply': '/api/v1/interactions?awaitingReply=true',
    'word-keeping (365 days)': '/api/v1/commitments/word-keeping?days=365',
    'quotes list': '/api/v1/quotes',
    'client money (balance)': `/api/v1/clients/${firstId}/balance`,
    'client health (90 days)': `/api/v1/insights/clients/${firstId}/health?period=90`,
    'health of every client (list)': '/api/v1/insights/health?period=90',
    'client list by health (worst first)': '/api/v1/insights/health?period=90&sort=score&limit=50',
    'client list at risk (page 2)': '/api/v1/insights/health?period=90&filter=at_risk&sort=score&limit=50&offset=50',
    'Insights page (365 days)': '/api/v1/insights/overview?period=365',
  };
  const results: Result[] = [];
  for (const [view, url] of Object.entries(views)) {
    for (let i = 0; i < 10; i++) await app.request(url, { headers }); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const res = await app.request(url, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${view}: HTTP ${res.status}`);
    }
    times.sort((a, b) => a - b);
    results.push({ dialect: label, view, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! });
  }
  return results;
}

/** 50 contacts per client over the last year and two promises each (some late, some kept). */
async function bulkActivity(db: Db, workspaceId: string, clientIds: string[]): Promise<void> {
  const now = Date.now();
  const random = seededRandom(7);
  const channels: Channel[] = ['phone', 'whatsapp', 'email', 'meeting', 'sms'];
  let contacts: Insertable<InteractionTable>[] = [];
  let promises: Insertable<CommitmentTable>[] = [];
  const flushContacts = async () => {
    if (contacts.length) await db.kysely.insertInto('interactions').values(contacts).execute();
    contacts = [];
  };
  const flushPromises = async () => {
    if (promises.length) await db.kysely.insertInto('commitments').values(promises).execute();
    promises = [];
  };
  let n = 0;
  for (const clientId of clientIds) {
    for (let i = 0; i < INTERACTIONS / clientIds.length; i++) {
      const at = new Date(now - Math.floor(random() * 365 * 86_400_000)).toISOString();
      const incoming = random() < 0.5;
      contacts.push({
        id: newId(),
        workspace_id: workspaceId,
        client_id: clientId,
        contact_id: null,
        channel: channels[n % 5]!,
        direction: incoming ? 'in' : 'out',
        occurred_at: at,
        summary: 'שיחת מעקב על הפרויקט',
        agreed: null,
        next_steps: null,
        after_hours: random() < 0.1 ? 1 : 0,
        needs_reply: incoming ? 1 : 0,
        replied_at: incoming && random() < 0.98 ? at : null,
        source: 'manual',
        message_id: null,
        created_at: at,
      });
      n += 1;
      if (contacts.length >= 500) await flushContacts();
    }
  }
  await flushContacts();
  for (const clientId of clientIds) {
    for (let i = 0; i < 2; i++) {
      const due = new Date(now + Math.floor((random() - 0.7) * 60 * 86_400_000)).toISOString();
      const done = due < new Date(now).toISOString() && random() < 0.9 ? due : null;
      promises.push({
        id: newId(),
        workspace_id: workspaceId,
        client_id: clientId,
        interaction_id: null,
        quote_id: null,
        project_id: null,
        direction: i === 0 ? 'mine' : 'theirs',
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
      });
      if (promises.length >= 500) await flushPromises();
    }
  }
  await flushPromises();
}

const all: Result[] = [];
const sqlite = connect({ kind: 'sqlite', file: ':memory:' });
all.push(...(await benchDialect('sqlite', sqlite)));
await sqlite.close();

const url = testDatabaseUrl();
if (await postgresReachable(url)) {
  const schema = `mila_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('create extension if not exists pg_trgm');
  await admin.query(`create schema ${schema}`);
  const pgDb = connect({ kind: 'postgres', url, searchPath: `${schema},public` });
  try {
    all.push(...(await benchDialect('postgres', pgDb)));
  } finally {
    await pgDb.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
} else {
  console.log(`[postgres] SKIPPED: no server at ${url}`);
}

console.log(
  `\n${'dialect'.padEnd(10)}${'view'.padEnd(38)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}`,
);
for (const r of all) {
  const flag = r.p95 > BUDGET_MS ? '  OVER BUDGET' : '';
  console.log(
    `${r.dialect.padEnd(10)}${r.view.padEnd(38)}${r.p50.toFixed(2).padStart(9)}${r.p95.toFixed(2).padStart(9)}${r.max.toFixed(2).padStart(9)}${flag}`,
  );
}
const over = all.filter((r) => r.p95 > BUDGET_MS);
console.log(
  over.length
    ? `\n${over.length} view(s) over the ${BUDGET_MS} ms p95 budget`
    : `\nAll views within the ${BUDGET_MS} ms p95 budget`,
);
process.exit(over.length ? 1 : 0);
