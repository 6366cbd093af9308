import type { Server as HttpServer } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { connect, connectionFromConfig } from './db/connect.js';
import { prepareDatabase } from './db/prepare.js';
import { startScheduler } from './jobs/scheduler.js';
import { systemClock } from './lib/clock.js';
import { closePdfRenderer } from './lib/pdf.js';
import { createLogger } from './lib/logger.js';
import { createMailer } from './mail/mailer.js';
import { attachmentRenderers } from './portal/attachments.js';
import { createLifecycle } from './ops/ops.js';

/**
 * Migrations first (under their lock: with several workers the first runs them, the others find
 * them done, decision 019), then the app, the scheduler and the listener. SIGTERM / SIGINT stop it.
 */
export async function serveApp(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const db = connect(connectionFromConfig(config));
  await prepareDatabase(db, config);

  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const deps = { db, config, clock: systemClock, logger, mailer, attachments: attachmentRenderers() };
  const lifecycle = createLifecycle();
  const app = createApp(deps, { lifecycle });
  // The scheduler (outbox, reminders, digest, housekeeping) keeps its state in the database.
  const scheduler = config.scheduler ? startScheduler(deps) : null;

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const where = db.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
    logger.info(
      `Mila is running on http://localhost:${info.port} (${where}${mailer ? ', e-mail on' : ', e-mail off: set MILA_SMTP_URL'})`,
    );
  });

  /**
   * Graceful stop on SIGTERM / Ctrl+C, in order: stop accepting connections, let the requests in
   * flight finish (a PDF being printed too) up to a deadline, then stop the scheduler, close the
   * PDF browser, the mailer and the database. Idle keep-alive connections are closed as they become
   * idle, so clients open a new connection (to the next server) instead of finding this one gone.
   */
  const SHUTDOWN_DEADLINE_MS = Number(process.env.MILA_SHUTDOWN_SECONDS ?? 20) * 1000;
  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    // Ready answers 503 from here on; with a drain delay the proxy sees it before the listener closes.
    lifecycle.draining = true;
    logger.info(`Stopping (${signal}): finishing the requests in flight`);
    const deadline = setTimeout(() => {
      logger.error('Shutdown deadline passed: stopping with requests still open');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    if (config.drainDelayMs > 0) await new Promise((r) => setTimeout(r, config.drainDelayMs));
    const http = server as HttpServer;
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    const sweep = setInterval(() => http.closeIdleConnections(), 100);
    http.closeIdleConnections();
    await closed;
    clearInterval(sweep);
    await scheduler?.stop();
    await closePdfRenderer();
    mailer?.close();
    await db.close();
    logger.info('Stopped');
    process.exit(0);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
}
