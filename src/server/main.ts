import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { connect, connectionFromConfig } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './lib/clock.js';
import { createLogger } from './lib/logger.js';
import { purgeExpired } from './modules/accounts/accounts.service.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = connect(connectionFromConfig(config));
await migrateToLatest(db);

const deps = { db, config, clock: systemClock, logger };
const app = createApp(deps);

// Housekeeping until the scheduler (commitments issue) takes over: expired sessions, old failures.
// SQLite's `pragma optimize` refreshes planner statistics as tables grow (PostgreSQL has autovacuum).
const housekeeping = async () => {
  try {
    await purgeExpired(deps);
    if (db.dialect === 'sqlite') await sql`pragma optimize`.execute(db.kysely);
  } catch (error) {
    logger.error('housekeeping failed', { error });
  }
};
await housekeeping();
setInterval(() => void housekeeping(), 6 * 3_600_000).unref();
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const where = db.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
  logger.info(`Mila is running on http://localhost:${info.port} (${where})`);
});

// Finish in-flight requests and close the database cleanly on Ctrl+C or a service stop.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      void db.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
