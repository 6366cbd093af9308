import { randomBytes } from 'node:crypto';
import type { Deps } from '../lib/http.js';
import { purgeExpired } from '../modules/accounts/accounts.service.js';
import { purgeOldHits } from '../modules/limits/limits.service.js';
import { pruneAuditEvents } from '../modules/audit/audit.service.js';
import { deliverOutbox } from '../modules/messages/outbox.service.js';
import { deliverWebhooks } from '../modules/webhooks/webhooks.service.js';
import { runDailyBackup } from './daily-backup.js';
import { sendDigests } from './digest.js';
import { acquireLease, lastRuns, releaseLease } from './lease.js';
import { createReminders } from './reminders.js';

/** `leaseMs`: how long a run may take before another process may take the job over. */
type Job = { name: string; everyMs: number; leaseMs?: number; run: (deps: Deps) => Promise<unknown> };

export const jobs: Job[] = [
  { name: 'outbox', everyMs: 10_000, run: deliverOutbox },
  { name: 'reminders', everyMs: 60_000, run: createReminders },
  { name: 'digest', everyMs: 60_000, run: sendDigests },
  // After reminders: a promise they find broken is announced in the same round.
  { name: 'webhooks', everyMs: 10_000, run: deliverWebhooks },
  {
    name: 'housekeeping',
    everyMs: 6 * 3_600_000,
    run: async (deps) => {
      await purgeExpired(deps);
      await purgeOldHits(deps);
      await pruneAuditEvents(deps);
    },
  },
  // Checked every 15 minutes, done once a day at the quiet hour (MILA_BACKUP_DIR; off when unset).
  { name: 'backup', everyMs: 15 * 60_000, leaseMs: 60 * 60_000, run: runDailyBackup },
];

const LEASE_MS = 5 * 60_000;

/**
 * Runs every job whose interval has passed and whose lease this process wins. The state lives in
 * the database, so a restart resumes where things were and two processes share the work.
 */
export async function runDueJobs(deps: Deps, owner: string): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const now = deps.clock.now();
    if (
      !(await acquireLease(deps.db.kysely, {
        name: job.name,
        owner,
        now,
        ttlMs: job.leaseMs ?? LEASE_MS,
        everyMs: job.everyMs,
      }))
    )
      continue;
    try {
      await job.run(deps);
      ran.push(job.name);
    } catch (error) {
      deps.logger.error(`job ${job.name} failed`, { error });
    } finally {
      await releaseLease(deps.db.kysely, { name: job.name, owner, now: deps.clock.now() });
    }
  }
  return ran;
}

export function startScheduler(deps: Deps, tickMs = 5_000): { stop: () => Promise<void> } {
  const owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(deps, owner).catch((error: unknown) => deps.logger.error('scheduler tick failed', { error }));
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * How late each job is: seconds since it was due (last run + interval), 0 when on time. A job
 * that never ran counts from the Unix epoch, so a scheduler that never started shows at once.
 */
export async function jobLagSeconds(deps: Deps): Promise<{ name: string; seconds: number }[]> {
  const runs = new Map((await lastRuns(deps.db.kysely)).map((r) => [r.name, r.lastRunAt]));
  const now = deps.clock.now().getTime();
  return jobs.map((job) => {
    const last = runs.get(job.name);
    const due = (last ? Date.parse(last) : 0) + job.everyMs;
    return { name: job.name, seconds: Math.max(0, Math.round((now - due) / 1000)) };
  });
}
