import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { connect, connectionFromConfig } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { startScheduler } from './jobs/scheduler.js';
import { systemClock } from './lib/clock.js';
import { createLogger } from './lib/logger.js';
import { createMailer } from './mail/mailer.js';
import { attachmentRenderers } from './portal/attachments.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = connect(connectionFromConfig(config));
await migrateToLatest(db);

const mailer = createMailer(config.smtpUrl, config.mailFrom);
const deps = { db, config, clock: systemClock, logger, mailer, attachments: attachmentRenderers() };
const app = createApp(deps);
// The scheduler (outbox, reminders, digest, housekeeping) keeps its state in the database.
const scheduler = config.scheduler ? startScheduler(deps) : null;

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const where = db.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
  logger.info(
    `Mila is running on http://localhost:${info.port} (${where}${mailer ? ', e-mail on' : ', e-mail off: set MILA_SMTP_URL'})`,
  );
});

// Finish in-flight requests and jobs, then close the database cleanly on Ctrl+C or a service stop.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 5000).unref();
    server.close(() => {
      void (scheduler?.stop() ?? Promise.resolve())
        .then(() => {
          mailer?.close();
          return db.close();
        })
        .then(() => process.exit(0));
    });
  });
}
