import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.js';
import { createLogger } from './lib/logger.js';
import { serveSharedFiles } from './modules/imports/chat-share.js';

/** A worker that dies sooner than this after starting is crash-looping: wait before the next. */
const QUICK_DEATH_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The primary of several processes (decision 019). It forks one worker, which runs the migrations
 * (under their lock) before it listens, then the other `config.workers - 1`; they share the port
 * (node:cluster hands each new connection to the next worker in turn). It serves nothing and loads
 * neither the app nor a database driver (a light process, ~45 MB): a
 * worker that dies is replaced, and SIGTERM / SIGINT is passed to every worker, which drains as a
 * single process does (main.ts's graceful stop); the primary exits 0 once all have exited 0.
 * If the primary itself is killed, Node ends each worker as its IPC channel closes.
 */
export async function runPrimary(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);

  let stopping = false;
  let failed = false;
  let restartDelay = 0;
  const startedAt = new Map<number, number>();
  // Structured clone over IPC, so a shared file's bytes cross as they are (chat-share.ts).
  cluster.setupPrimary({ serialization: 'advanced' });
  const fork = () => {
    const worker = cluster.fork();
    serveSharedFiles(worker);
    startedAt.set(worker.id, Date.now());
  };

  let listening = 0;
  const serving = new Set<number>();
  cluster.on('listening', (worker) => {
    listening += 1;
    // The first worker has run the migrations (under their lock) before listening: now the rest.
    if (listening === 1 && !stopping) for (let i = 1; i < config.workers; i++) fork();
    serving.add(worker.id);
    logger.info('worker listening', { worker: worker.process.pid });
    if (listening === config.workers) logger.info(`Mila is serving with ${config.workers} worker processes`);
  });
  cluster.on('exit', (worker: Worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      // A worker still starting when the signal came dies of it, with nothing in flight: not a failure.
      if (code !== 0 && (serving.has(worker.id) || signal === null)) failed = true;
      serving.delete(worker.id);
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('Stopped');
        process.exit(failed ? 1 : 0);
      }
      return;
    }
    serving.delete(worker.id);
    // Before any worker listened this is a failed start (port taken, data directory unreadable):
    // exit as a single process would, rather than retry for ever.
    if (listening === 0) {
      logger.error('a worker failed to start; stopping', { worker: worker.process.pid, code, signal });
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGKILL');
      process.exit(1);
    }
    // Anything else is a crash (or a kill from outside): keep the number of workers up, backing off
    // while workers die right after starting (a broken data directory), so the log stays readable.
    restartDelay = lived < QUICK_DEATH_MS ? Math.min(Math.max(restartDelay * 2, 1000), MAX_RESTART_DELAY_MS) : 0;
    logger.error('worker exited; starting another', { worker: worker.process.pid, code, signal, restartDelay });
    // Never at once: Ctrl+C reaches a worker and this process together, and the stop may come next.
    setTimeout(() => {
      if (!stopping) fork();
    }, restartDelay || 100);
  });

  fork();

  const shutdownMs = (Number(process.env.MILA_SHUTDOWN_SECONDS ?? 20) + 5) * 1000 + config.drainDelayMs;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`Stopping (${signal}): each worker finishes its requests in flight`);
    // Ctrl+C reaches the workers from the terminal already; a second signal is harmless (they stop once).
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    // The workers keep their own deadline; this one only covers a worker that hangs past it.
    setTimeout(() => {
      logger.error('Shutdown deadline passed: killing the workers still running');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, shutdownMs).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
}
