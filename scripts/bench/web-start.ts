/**
 * `tsx scripts/bench/web-start.ts [--web dist/web] [--runs 5] [--throttle 4]`: how long Today takes to
 * become visible in Chromium with the CPU slowed down (CDP Emulation.setCPUThrottlingRate), on the
 * bench's heavy dataset (the SQLite file scripts/bench/views-profile.ts keeps under the system's temp
 * dir; run that once first). Each run signs in, then opens / in a fresh browser context (cold: empty
 * HTTP cache, no service worker) and reloads it in the same context (warm: cache and service worker).
 * Printed per run and as the median: time to Today's sections (from navigation start), and when the
 * start chain's requests began (/setup, /me, /today, the Today chunk), to see what waits on what.
 * `--web` points at another build (e.g. a copy of main's dist/web) to compare before and after.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../src/server/lib/pdf.js';
import { setupInput } from '../../src/server/testing/factories.js';
import { percentile } from './report.js';

const { values: args } = parseArgs({
  options: {
    web: { type: 'string', default: 'dist/web' },
    runs: { type: 'string', default: '5' },
    throttle: { type: 'string', default: '4' },
    port: { type: 'string', default: '3917' },
  },
});
const runs = Number(args.runs);
const rate = Number(args.throttle);
const profileDir = process.env.BENCH_PROFILE_DIR ?? path.join(os.tmpdir(), 'mila-views-profile');
const seeded = path.join(profileDir, 'heavy.db');
if (!fs.existsSync(seeded)) throw new Error(`no ${seeded}: run tsx scripts/bench/views-profile.ts once to seed it`);

// A copy: the server migrates it at start, and other runs keep the seeded file as it is.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-web-start-'));
fs.copyFileSync(seeded, path.join(dataDir, 'mila.db'));
for (const suffix of ['-wal', '-shm'])
  if (fs.existsSync(seeded + suffix)) fs.copyFileSync(seeded + suffix, path.join(dataDir, `mila.db${suffix}`));

const url = `http://127.0.0.1:${args.port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  env: {
    ...process.env,
    PORT: args.port,
    HOST: '127.0.0.1',
    MILA_DATA_DIR: dataDir,
    MILA_WEB_DIR: path.resolve(args.web!),
    DATABASE_URL: '',
    MILA_SCHEDULER: 'off',
    MILA_LOG: 'silent',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

type Run = { visible: number; setup?: number; me?: number; today?: number; todayChunk?: number };

async function main() {
  for (let deadline = Date.now() + 120_000; ;) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const cold: Run[] = [];
  const warm: Run[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // bypassCSP: the page's CSP forbids the string-evaluated probes below (as in the e2e journeys).
      const context = await browser.newContext({
        baseURL: url,
        viewport: { width: 1280, height: 800 },
        bypassCSP: true,
      });
      const login = await context.request.post('/api/v1/auth/login', {
        headers: { origin: url },
        data: setupInput().owner,
      });
      if (!login.ok()) throw new Error(`sign-in answered ${login.status()}`);
      // Records the moment Today's sections replace the skeletons: its status line gets the day's counts then.
      // A returning user: the browser remembers it was signed in (the app's hint for its early requests),
      // while the HTTP cache is empty. A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
      await context.addInitScript(`
        localStorage.setItem('mila.signedIn', '1');
        new MutationObserver(() => {
          if (window.__todayVisible === undefined && document.querySelector('#main .visually-hidden[role="status"]')?.textContent)
            window.__todayVisible = performance.now();
        }).observe(document, { childList: true, subtree: true, characterData: true });
      `);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const measure = async (): Promise<Run> => {
        await page.waitForFunction('window.__todayVisible', null, {
          timeout: 60_000,
          polling: 100,
        });
        // A string as well (see above): when each request of the start chain began, from navigation start.
        return page.evaluate<Run>(`(() => {
          const entries = performance.getEntriesByType('resource');
          const start = (re) => entries.find((e) => re.test(e.name))?.startTime;
          return {
            visible: window.__todayVisible,
            setup: start(/\\/api\\/v1\\/setup$/),
            me: start(/\\/api\\/v1\\/me$/),
            today: start(/\\/api\\/v1\\/today$/),
            todayChunk: start(/\\/assets\\/today-page-[^/]+\\.js$/),
          };
        })()`);
      };
      await page.goto('/', { waitUntil: 'commit' });
      cold.push(
        await measure().catch(async (error: unknown) => {
          await page.screenshot({ path: path.join(os.tmpdir(), 'web-start-failed.png') });
          throw new Error(`Today did not appear at ${page.url()} (screenshot in the temp dir)`, { cause: error });
        }),
      );
      // Let the service worker install and take the page before the warm load.
      await page.evaluate(async () => {
        await navigator.serviceWorker?.ready;
      });
      await page.waitForLoadState('networkidle');
      await page.reload({ waitUntil: 'commit' });
      warm.push(await measure());
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const show = (label: string, list: Run[]) => {
    const fmt = (v: number | undefined) => (v === undefined ? '   -' : v.toFixed(0).padStart(5));
    for (const [i, r] of list.entries())
      console.log(
        `${label} #${i + 1}: Today visible ${fmt(r.visible)} ms | requests started: /setup ${fmt(r.setup)}  /me ${fmt(r.me)}  today chunk ${fmt(r.todayChunk)}  /today ${fmt(r.today)}`,
      );
    const med = (key: keyof Run) => {
      const values = list.map((r) => r[key]).filter((v): v is number => v !== undefined);
      return values.length ? percentile(values, 50) : undefined;
    };
    console.log(
      `${label} median: Today visible ${fmt(med('visible'))} ms | /setup ${fmt(med('setup'))}  /me ${fmt(med('me'))}  today chunk ${fmt(med('todayChunk'))}  /today ${fmt(med('today'))}\n`,
    );
  };
  console.log(
    `\n${args.web}, CPU throttled ${rate}×, ${runs} runs, load average ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`,
  );
  show('cold', cold);
  show('warm', warm);
}

try {
  await main();
} finally {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
}
