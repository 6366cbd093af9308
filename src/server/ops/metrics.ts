import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { jobLagSeconds } from '../jobs/scheduler.js';
import type { AppEnv, Deps } from '../lib/http.js';
import { outboxDepthByStatus } from '../modules/messages/outbox.service.js';

export type Metrics = {
  observe: (route: string, method: string, status: number, ms: number) => void;
  handle: (c: Context<AppEnv>) => Promise<Response>;
};

/**
 * Prometheus metrics (decision 014), only when MILA_METRICS_TOKEN is set, and only to a scraper
 * that sends it as a Bearer token: behind a proxy every request comes from loopback, so "local
 * only" would publish them. A registry per app, so tests and several apps in one process do not mix.
 */
export function createMetrics(deps: Deps, token: string): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mila_' });
  const duration = new Histogram({
    name: 'mila_http_request_duration_seconds',
    help: 'HTTP requests by route pattern (as in the access log), method and status class',
    labelNames: ['route', 'method', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'mila_outbox_messages',
    help: 'E-mails in the outbox by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await outboxDepthByStatus(deps)) this.set({ status: row.status }, row.n);
    },
  });
  new Gauge({
    name: 'mila_job_lag_seconds',
    help: 'Seconds a scheduled job is past its due time (0 when on time)',
    labelNames: ['job'],
    registers: [registry],
    async collect() {
      for (const job of await jobLagSeconds(deps)) this.set({ job: job.name }, job.seconds);
    },
  });

  const expected = Buffer.from(`Bearer ${token}`);
  return {
    observe: (route, method, status, ms) =>
      duration.observe({ route, method, status_class: `${Math.floor(status / 100)}xx` }, ms / 1000),
    async handle(c) {
      const given = Buffer.from(c.req.header('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        c.header('WWW-Authenticate', 'Bearer');
        return c.text('Unauthorized', 401);
      }
      c.header('Cache-Control', 'no-store');
      return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
    },
  };
}
