/**
 * Load over real HTTP with autocannon: one endpoint at N connections for a duration (or a fixed
 * number of requests, for writes that use something up), every response time kept so the
 * percentiles are exact; a bare node:http "hello" server for the ceiling; the server's peak RSS
 * (all of its processes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { freePort, startServer, type Server, type Store } from '../../src/server/testing/crash-drill.js';
import { processTree } from '../../src/server/testing/processes.js';
import { percentile, type Kind, type LoadResult } from './report.js';

export type Endpoint = {
  view: string;
  kind: Kind;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fixed request, or one built per request (e.g. the next quote link to accept). */
  path: string | (() => string);
  body?: string | (() => string);
  /**
   * The client pages limit requests per address: a benchmark of many clients sends each request
   * from its own (X-Forwarded-For, trusted by the bench's server), not 20 connections from one.
   */
  distinctAddresses?: boolean;
  /** Writes that use up a row (accept, mark kept): that many requests instead of a duration. */
  amount?: number;
};

export async function measure(
  url: string,
  endpoint: Endpoint,
  options: { connections: number; seconds: number; dialect: string; scale: number },
): Promise<LoadResult> {
  const times: number[] = [];
  const method = endpoint.method ?? 'GET';
  const dynamic =
    typeof endpoint.path === 'function' || typeof endpoint.body === 'function' || Boolean(endpoint.distinctAddresses);
  let address = 0;
  const nextAddress = () => {
    address += 1;
    return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
  };
  const first = typeof endpoint.path === 'function' ? '/' : endpoint.path;
  const amount = endpoint.amount ? Math.max(endpoint.amount, options.connections) : undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${first}`,
        connections: options.connections,
        ...(amount ? { amount } : { duration: options.seconds }),
        method,
        headers: endpoint.headers ?? {},
        ...(typeof endpoint.body === 'string' ? { body: endpoint.body } : {}),
        timeout: 30,
        ...(dynamic
          ? {
              requests: [
                {
                  method,
                  setupRequest: (req: autocannon.Request) => ({
                    ...req,
                    path: typeof endpoint.path === 'function' ? endpoint.path() : endpoint.path,
                    ...(typeof endpoint.body === 'function' ? { body: endpoint.body() } : {}),
                    ...(endpoint.distinctAddresses
                      ? { headers: { ...req.headers, 'x-forwarded-for': nextAddress() } }
                      : {}),
                  }),
                },
              ],
            }
          : {}),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  const seconds = result.duration || options.seconds;
  return {
    dialect: options.dialect,
    scale: options.scale,
    view: endpoint.view,
    kind: endpoint.kind,
    connections: options.connections,
    requests: times.length,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx - result['3xx'],
    rps: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

/** A bare node:http "hello" in its own process (as the server is), for the machine's ceiling. */
export async function helloServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => s.end('hello')).listen(${port}, '127.0.0.1', () => console.log('up'))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`hello server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The server's peak resident set in MB, from /proc: the process and every process under it (the
 * workers of decision 019, a PDF browser), each one's peak (VmHWM) summed; null where there is no /proc.
 */
export function peakRssMb(pid: number): number | null {
  const peak = (p: number) => {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  };
  const tree = processTree(pid);
  if (tree.length === 0) return null;
  try {
    return tree.reduce((sum, p) => {
      try {
        return sum + peak(p);
      } catch {
        return sum; // ended meanwhile
      }
    }, 0);
  } catch {
    return null;
  }
}

/** Signs in as the owner (as the web app does) and returns the cookie and the CSRF token. */
export async function signIn(
  url: string,
  credentials: { email: string; password: string },
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!res.ok) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

/** The real server on `store` with `workers` processes, once every worker listens. */
export async function startWithWorkers(store: Store, workers: number): Promise<Server> {
  const server = await startServer(store, { env: { MILA_WORKERS: String(workers) } });
  const deadline = Date.now() + 60_000;
  while (workers > 1 && !server.output().includes(`serving with ${workers} worker processes`)) {
    if (Date.now() > deadline) throw new Error(`the workers did not all start in 60 s:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return server;
}
