import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluateHosted,
  percentile,
  toMarkdown,
  type BenchReport,
  type HostedLoad,
  type LoadResult,
} from './report.js';
import { HEAVY, sizesAt } from './seed.js';

const load = (overrides: Partial<LoadResult>): LoadResult => ({
  dialect: 'sqlite',
  scale: 1,
  view: 'client list',
  kind: 'list',
  connections: 20,
  requests: 100,
  errors: 0,
  non2xx: 0,
  rps: 100,
  p50: 5,
  p95: 10,
  p99: 12,
  ...overrides,
});

const report = (parts: Partial<BenchReport>): BenchReport => ({
  startedAt: '2026-12-02T08:00:00.000Z',
  machine: { cores: 2, loadAverage: [1.5, 1, 0.5], node: 'v20.19.0', commit: 'abc1234', platform: 'linux x64' },
  settings: { seconds: 10, scales: [1, 10], dialects: ['sqlite'] },
  sizes: { 'sqlite 1×': { clients: 3000 } },
  seedSeconds: { 'sqlite 1×': 12.3 },
  ceiling: [],
  load: [],
  raw: [],
  rss: [],
  web: { skipped: 'no build' },
  misses: [],
  ...parts,
});

describe('percentile', () => {
  it('takes the nearest rank of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentile([], 95)).toBe(0);
    expect(samples[0]).toBe(5); // not sorted in place
  });
});

describe('budgets', () => {
  it('holds the heavy views to 50 ms and records and writes to 25 ms at 20 connections', () => {
    const misses = evaluate(
      report({
        load: [
          load({ view: 'Today', p95: 49 }),
          load({ view: 'client list', p95: 51 }),
          load({ view: 'create contact', kind: 'write', p95: 26 }),
          load({ view: 'create contact', kind: 'write', connections: 1, p95: 80 }),
          load({ view: 'timeline', kind: 'list', p95: 70 }),
        ],
      }),
    );
    expect(misses).toEqual([
      'sqlite 1× client list @20: p95 51.0 ms > 50 ms',
      'sqlite 1× create contact @20: p95 26.0 ms > 25 ms',
    ]);
  });

  it('allows the API 1.5× its raw SQL or raw + 2 ms, whichever is larger', () => {
    const misses = evaluate(
      report({
        load: [
          load({ view: 'Today', connections: 1, p50: 2.9 }),
          load({ view: 'quotes list', connections: 1, p50: 16 }),
        ],
        raw: [
          { dialect: 'sqlite', scale: 1, view: 'Today', statements: 5, p50: 1 },
          { dialect: 'sqlite', scale: 1, view: 'quotes list', statements: 5, p50: 10 },
        ],
      }),
    );
    expect(misses).toEqual(['sqlite 1× quotes list: API 16.0 ms > 15.0 ms (raw SQL 10.0 ms, ratio 1.6)']);
  });

  it('holds the 50,000-row import to a minute and the streamed export to the memory budget', () => {
    const imp = {
      rows: 50_000,
      megabytes: 4,
      parseMs: 20_000,
      previewMs: 15_000,
      commitMs: 20_000,
      created: 1,
      ready: 1,
    };
    const exp = {
      dialect: 'sqlite',
      scale: 1,
      file: 'workspace.zip',
      bytes: 1,
      seconds: 1,
      peakRssBeforeMb: 180,
      peakRssAfterMb: 240,
    };
    expect(evaluate(report({ imports: [imp], exports: [exp] }))).toEqual([]);
    expect(
      evaluate(report({ imports: [{ ...imp, commitMs: 26_000 }], exports: [{ ...exp, peakRssAfterMb: 320 }] })),
    ).toEqual(['import 50000 rows: 61.0 s > 60 s', 'sqlite 1× export workspace.zip: server peak RSS 320 MB > 300 MB']);
    expect(toMarkdown(report({ imports: [imp], exports: [exp] }))).toContain('| workspace.zip | sqlite | 1× |');
  });

  it('checks 10× against 50 ms p95 and 1.5× its 1× time, RSS, errors and the web size', () => {
    const misses = evaluate(
      report({
        load: [
          load({ view: 'Today', connections: 1, p50: 10 }),
          load({ view: 'Today', connections: 1, scale: 10, p50: 16, p95: 55 }),
          load({ view: 'search "דנ"', connections: 1, errors: 1, non2xx: 2 }),
        ],
        rss: [{ dialect: 'sqlite', scale: 1, peakMb: 301 }],
        web: { name: 'initial', bytes: 345_000, limitBytes: 250_000, passed: false },
      }),
    );
    expect(misses).toEqual([
      'sqlite 10× Today @1: p95 55.0 ms > 50 ms',
      'sqlite 10× Today @1: p50 16.0 ms > 1.5× its 1× time (10.0 ms)',
      'sqlite 1× search "דנ" @1: 1 errors, 2 non-2xx answers',
      'sqlite 1×: server peak RSS 301 MB > 300 MB',
      'web: initial JavaScript 345.0 kB gzipped > 250.0 kB',
    ]);
  });
});

describe('hosted budgets', () => {
  const hosted = (overrides: Partial<HostedLoad>): HostedLoad => ({
    ...load({ dialect: 'postgres' }),
    target: 'small',
    ...overrides,
  });
  it('holds the small and the huge workspace alike at 20 connections, the huge one at 1 too, not the one-process runs', () => {
    const misses = evaluateHosted({
      load: [
        hosted({ view: 'Today', p95: 49 }),
        hosted({ view: 'Today', target: 'huge', scale: 10, p95: 51 }),
        hosted({ view: 'create contact', kind: 'write', p95: 26 }),
        hosted({ view: 'client list', target: 'huge', scale: 10, connections: 1, p95: 60 }),
        hosted({ view: 'client list', target: 'small', connections: 1, p95: 60 }),
        hosted({ view: 'Today', target: 'one process, small', p95: 500 }),
        hosted({ view: 'quotes list', non2xx: 3 }),
      ],
      rss: [{ process: 2, peakMb: 301 }],
    });
    expect(misses).toEqual([
      'hosted huge (10×) Today @20: p95 51.0 ms > 50 ms',
      'hosted small (1×) create contact @20: p95 26.0 ms > 25 ms',
      'hosted huge (10×) client list @1: p95 60.0 ms > 50 ms',
      'hosted small (1×) quotes list @20: 0 errors, 3 non-2xx answers',
      'hosted process 2: peak RSS 301 MB > 300 MB',
    ]);
  });
});

describe('report', () => {
  it('writes the machine, a row per run, the growth table and the misses', () => {
    const r = report({
      load: [
        load({ view: 'Today', connections: 1, p50: 10 }),
        load({ view: 'Today', connections: 1, scale: 10, p50: 12 }),
      ],
      misses: ['web: too big'],
    });
    const md = toMarkdown(r);
    expect(md).toContain('2 cores, load average at start 1.5 / 1.0 / 0.5, Node v20.19.0');
    expect(md).toContain('| sqlite | 10× | Today | 1 | 12.0 |');
    expect(md).toContain('| db | view | 1× | 10× |');
    expect(md).toContain('| sqlite | Today | 10.0 | 12.0 |');
    expect(md).toContain('- MISSED: web: too big');
    expect(toMarkdown(report({}))).toContain('All budgets met.');
  });
});

describe('sizes', () => {
  it('scales the heavy dataset, and BENCH_CLIENTS shrinks every size in proportion', () => {
    expect(sizesAt(1, {})).toEqual(HEAVY);
    expect(sizesAt(10, {}).contacts).toBe(1_500_000);
    const small = sizesAt(1, { BENCH_CLIENTS: '300', BENCH_QUOTES: '20' });
    expect(small).toMatchObject({ clients: 300, contacts: 15_000, quotes: 20, promises: 2000 });
    expect(sizesAt(3, { BENCH_CLIENTS: '300' }).clients).toBe(900);
  });
});
