/**
 * `npm run seed:demo`: fills a realistic Hebrew demo workspace. With no workspace yet it creates
 * one (owner demo@mila.local, password printed below); otherwise it adds clients to the first one.
 * Uses the same factories as the tests and the same services as the API.
 */
import { loadConfig } from '../src/server/config.js';
import { connect, connectionFromConfig } from '../src/server/db/connect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { systemClock } from '../src/server/lib/clock.js';
import { createLogger } from '../src/server/lib/logger.js';
import { createWorkspaceWithOwner } from '../src/server/modules/accounts/accounts.service.js';
import { createClient } from '../src/server/modules/clients/clients.service.js';
import { demoClients, setupInput } from '../src/server/testing/factories.js';
import { attachmentRenderers } from '../src/server/portal/attachments.js';
import { ZCreateClient, type CreateClientInput } from '../src/shared/schemas/clients.js';
import { hebrewMonths } from '../src/shared/time/hebrew-dates.js';

const DEMO_PASSWORD = 'mila-demo-password';
const count = Number(process.argv[2] ?? 60);

const config = loadConfig();
const db = connect(connectionFromConfig(config));
await migrateToLatest(db);
const deps = {
  db,
  config,
  clock: systemClock,
  logger: createLogger('silent'),
  mailer: null,
  attachments: attachmentRenderers(),
};

let workspace = await db.kysely.selectFrom('workspaces').select('id').orderBy('created_at').executeTakeFirst();
if (!workspace) {
  const created = await createWorkspaceWithOwner(
    deps,
    setupInput({ owner: { email: 'demo@mila.local', password: DEMO_PASSWORD, name: 'נועה כהן' } }),
  );
  workspace = { id: created.workspaceId };
  console.log(`Created the demo workspace. Sign in with demo@mila.local / ${DEMO_PASSWORD}`);
}

/**
 * The demo shows greetings too: a third of the people keep their birthday on the Hebrew calendar
 * (as many Israelis do), and active clients with a date are marked worth nurturing. Derived from
 * the row's place, so the factory's random sequence (shared with the bench) stays the same.
 */
let birthdays = 0;
function withGreetings(input: CreateClientInput, i: number): CreateClientInput {
  const dates = (input.importantDates ?? []).map((date) =>
    date.kind === 'birthday' && birthdays++ % 3 === 0
      ? { ...date, calendar: 'hebrew' as const, month: null, hebrewMonth: hebrewMonths[i % hebrewMonths.length]! }
      : date,
  );
  return { ...input, importantDates: dates, worthNurturing: dates.length > 0 && input.status === 'active' };
}

const scope = { workspaceId: workspace.id };
const created: string[] = [];
for (const [i, input] of demoClients(count).entries()) {
  // Every fifth client came through an earlier one: referrals are part of the story.
  const referredByClientId = i % 5 === 4 && created.length ? created[Math.floor(i / 2) % created.length]! : null;
  const client = await createClient(
    deps,
    scope,
    ZCreateClient.parse({ ...withGreetings(input, i), referredByClientId }),
  );
  created.push(client.id);
}
console.log(`Added ${created.length} demo clients.`);
await db.close();
