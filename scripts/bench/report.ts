/**
 * The pure side of the bench: percentiles, the budgets of issue #13 and their evaluation, and
 * the Markdown report. No I/O here (bench.test.ts covers it).
 */

/** Nearest-rank percentile of unsorted samples (ms); 0 for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export type Kind = 'list' | 'record' | 'write';

/** One endpoint measured over HTTP at one concurrency. */
export type LoadResult = {
  dialect: string;
  scale: number;
  view: string;
  kind: Kind;
  connections: number;
  requests: number;
  errors: number;
  /** Answers outside 2xx/3xx. */
  non2xx: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
};

/** A list view's own SQL, replayed in-process one statement at a time. */
export type RawResult = { dialect: string; scale: number; view: string; statements: number; p50: number };

/** The client import, 50,000 rows (issue #11): each step's time. */
export type ImportResult = {
  rows: number;
  megabytes: number;
  parseMs: number;
  previewMs: number;
  commitMs: number;
  created: number;
  ready: number;
};

/** One workspace export downloaded from the running server with the heavy dataset. */
export type ExportResult = {
  dialect: string;
  scale: number;
  file: string;
  bytes: number;
  seconds: number;
  peakRssBeforeMb: number | null;
  peakRssAfterMb: number | null;
};

export type WebSize = { name: string; bytes: number; limitBytes: number; passed: boolean } | { skipped: string };

export type BenchReport = {
  startedAt: string;
  machine: { cores: number; loadAverage: number[]; node: string; commit: string; platform: string };
  /** Server processes that serve (MILA_WORKERS, decision 019); RSS sums them with their primary. */
  settings: { seconds: number; scales: number[]; dialects: string[]; workers?: number };
  sizes: Record<string, Record<string, number>>;
  seedSeconds: Record<string, number>;
  ceiling: LoadResult[];
  load: LoadResult[];
  raw: RawResult[];
  /** Peak RSS of the server (VmHWM), MB, per dialect and scale. */
  rss: { dialect: string; scale: number; peakMb: number }[];
  /** Data in and out (issue #11): the import of 50,000 rows, and the exports with their memory. */
  imports?: ImportResult[];
  exports?: ExportResult[];
  web: WebSize;
  misses: string[];
};

/** Issue #13's budgets: heavy dataset, 2 cores. */
export const BUDGETS = {
  /** p95 at 20 concurrent for the heavy views (Today, client list, search, client page, quotes list). */
  heavyP95Ms: 50,
  /** p95 at 20 concurrent for single-record reads and writes. */
  recordP95Ms: 25,
  /** API time ≤ max(ratio × raw SQL, raw + slack) for list views (p50 at 1 concurrent). */
  rawRatio: 1.5,
  rawSlackMs: 2,
  /** At 10×: p95 at 1 concurrent, and p50 growth against 1×. */
  stressP95Ms: 50,
  growthRatio: 1.5,
  rssMb: 300,
  /** A 50,000-row client import, parse + preview + commit. */
  importMs: 60_000,
} as const;

/** Views held to the 50 ms budget (the rest of the reads are single records, or not budgeted). */
export const HEAVY_VIEWS = new Set([
  'Today',
  'client list',
  'search "כהן"',
  'search "דנ"',
  'client page',
  'quotes list',
]);
/** Views in the 10× stress run and the growth table. */
export const STRESS_VIEWS = ['Today', 'client list', 'search "כהן"', 'search "דנ"'];

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
/** size-limit's units: 1 kB = 1,000 bytes. */
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Every budget missed, one line each (empty: all within budget). */
export function evaluate(
  report: Pick<BenchReport, 'load' | 'raw' | 'rss' | 'web'> & Partial<Pick<BenchReport, 'imports' | 'exports'>>,
): string[] {
  const misses: string[] = [];
  for (const r of report.load) {
    const where = `${r.dialect} ${r.scale}× ${r.view} @${r.connections}`;
    if (r.errors > 0 || r.non2xx > 0) misses.push(`${where}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
    if (r.scale === 1 && r.connections === 20) {
      const budget = HEAVY_VIEWS.has(r.view)
        ? BUDGETS.heavyP95Ms
        : r.kind === 'record' || r.kind === 'write'
          ? BUDGETS.recordP95Ms
          : null;
      if (budget !== null && r.p95 > budget) misses.push(`${where}: p95 ${ms(r.p95)} > ${budget} ms`);
    }
    if (r.scale === 10 && r.connections === 1 && r.p95 > BUDGETS.stressP95Ms)
      misses.push(`${where}: p95 ${ms(r.p95)} > ${BUDGETS.stressP95Ms} ms`);
    if (r.scale > 1 && r.connections === 1) {
      const base = report.load.find(
        (b) => b.scale === 1 && b.connections === 1 && b.dialect === r.dialect && b.view === r.view,
      );
      if (base && r.scale === 10 && r.p50 > base.p50 * BUDGETS.growthRatio)
        misses.push(`${where}: p50 ${ms(r.p50)} > ${BUDGETS.growthRatio}× its 1× time (${ms(base.p50)})`);
    }
  }
  for (const raw of report.raw) {
    const api = report.load.find(
      (r) => r.connections === 1 && r.dialect === raw.dialect && r.scale === raw.scale && r.view === raw.view,
    );
    if (!api) continue;
    const allowed = Math.max(raw.p50 * BUDGETS.rawRatio, raw.p50 + BUDGETS.rawSlackMs);
    if (api.p50 > allowed)
      misses.push(
        `${raw.dialect} ${raw.scale}× ${raw.view}: API ${ms(api.p50)} > ${ms(allowed)} (raw SQL ${ms(raw.p50)}, ratio ${(api.p50 / raw.p50).toFixed(1)})`,
      );
  }
  for (const r of report.rss)
    if (r.peakMb > BUDGETS.rssMb)
      misses.push(`${r.dialect} ${r.scale}×: server peak RSS ${r.peakMb.toFixed(0)} MB > ${BUDGETS.rssMb} MB`);
  for (const r of report.imports ?? []) {
    const total = r.parseMs + r.previewMs + r.commitMs;
    if (total > BUDGETS.importMs)
      misses.push(`import ${r.rows} rows: ${(total / 1000).toFixed(1)} s > ${BUDGETS.importMs / 1000} s`);
  }
  // The export streams: reading the whole workspace must not lift the server past its memory budget.
  for (const r of report.exports ?? [])
    if (r.peakRssAfterMb !== null && r.peakRssAfterMb > BUDGETS.rssMb)
      misses.push(
        `${r.dialect} ${r.scale}× export ${r.file}: server peak RSS ${r.peakRssAfterMb.toFixed(0)} MB > ${BUDGETS.rssMb} MB`,
      );
  if ('passed' in report.web && !report.web.passed)
    misses.push(`web: initial JavaScript ${kB(report.web.bytes)} gzipped > ${kB(report.web.limitBytes)}`);
  return misses;
}

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const f1 = (n: number) => n.toFixed(1);

/** A load run's columns after its name: connections, p50 / p95 / p99, req/s, requests, errors. */
const timings = (r: LoadResult) => [
  r.connections,
  f1(r.p50),
  f1(r.p95),
  f1(r.p99),
  Math.round(r.rps),
  r.requests,
  r.errors + r.non2xx,
];

/** The report as Markdown: machine, load results, API/raw ratios, growth, RSS, web, misses. */
export function toMarkdown(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [
    `# Mila bench — ${report.startedAt}`,
    '',
    `${m.cores} cores, load average at start ${m.loadAverage.map(f1).join(' / ')}, Node ${m.node}, ${m.platform}, commit ${m.commit}. ` +
      `${report.settings.seconds} s per run; scales ${report.settings.scales.join(', ')}×; ${report.settings.dialects.join(', ')}; ` +
      `${report.settings.workers ?? 1} worker process(es).`,
    '',
    '## Data',
    '',
    table(
      ['dataset', 'seeded in', ...Object.keys(Object.values(report.sizes)[0] ?? {})],
      Object.entries(report.sizes).map(([k, s]) => [k, `${f1(report.seedSeconds[k] ?? 0)} s`, ...Object.values(s)]),
    ),
    '',
    '## Over HTTP (autocannon)',
    '',
    table(
      ['db', 'scale', 'view', 'conn', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'requests', 'errors'],
      [...report.ceiling, ...report.load].map((r) => [r.dialect, `${r.scale}×`, r.view, ...timings(r)]),
    ),
    '',
    '## API against its raw SQL (list views, p50 at 1 concurrent)',
    '',
    table(
      ['db', 'scale', 'view', 'statements', 'raw SQL ms', 'API ms', 'API / raw'],
      report.raw.map((raw) => {
        const api = report.load.find(
          (r) => r.connections === 1 && r.dialect === raw.dialect && r.scale === raw.scale && r.view === raw.view,
        );
        return [
          raw.dialect,
          `${raw.scale}×`,
          raw.view,
          raw.statements,
          f1(raw.p50),
          api ? f1(api.p50) : '–',
          api && raw.p50 > 0 ? `${(api.p50 / raw.p50).toFixed(1)}×` : '–',
        ];
      }),
    ),
    '',
  ];
  const scales = [...new Set(report.load.map((r) => r.scale))].sort((a, b) => a - b);
  if (scales.length > 1) {
    out.push('## Growth (p50 ms at 1 concurrent)', '');
    const rows: (string | number)[][] = [];
    for (const dialect of report.settings.dialects)
      for (const view of STRESS_VIEWS) {
        const at = (s: number) =>
          report.load.find((r) => r.dialect === dialect && r.view === view && r.scale === s && r.connections === 1);
        if (!at(1)) continue;
        rows.push([dialect, view, ...scales.map((s) => (at(s) ? f1(at(s)!.p50) : '–'))]);
      }
    out.push(table(['db', 'view', ...scales.map((s) => `${s}×`)], rows), '');
  }
  out.push(
    '## Server memory',
    '',
    table(
      ['db', 'scale', 'peak RSS MB (all processes)'],
      report.rss.map((r) => [r.dialect, `${r.scale}×`, r.peakMb.toFixed(0)]),
    ),
    '',
    '## Data in and out',
    '',
    table(
      ['import', 'MB', 'parse ms', 'preview ms', 'commit ms', 'total s'],
      (report.imports ?? []).map((r) => [
        `${r.rows} rows`,
        r.megabytes.toFixed(1),
        Math.round(r.parseMs),
        Math.round(r.previewMs),
        Math.round(r.commitMs),
        ((r.parseMs + r.previewMs + r.commitMs) / 1000).toFixed(1),
      ]),
    ),
    '',
    table(
      ['export', 'db', 'scale', 'MB', 's', 'peak RSS before → after MB'],
      (report.exports ?? []).map((r) => [
        r.file,
        r.dialect,
        `${r.scale}×`,
        (r.bytes / 1024 / 1024).toFixed(1),
        r.seconds.toFixed(1),
        `${r.peakRssBeforeMb?.toFixed(0) ?? '–'} → ${r.peakRssAfterMb?.toFixed(0) ?? '–'}`,
      ]),
    ),
    '',
    '## Web',
    '',
    'skipped' in report.web
      ? `Initial JavaScript: not measured (${report.web.skipped}).`
      : `${report.web.name}: ${kB(report.web.bytes)} gzipped (budget ${kB(report.web.limitBytes)}) — ${report.web.passed ? 'within' : 'OVER'}.`,
    '',
    '## Budgets',
    '',
    report.misses.length ? report.misses.map((x) => `- MISSED: ${x}`).join('\n') : 'All budgets met.',
    '',
  );
  return out.join('\n');
}

/** The hosted shape (issue #14): which workspace a load run was for, and whether through the proxy. */
export type HostedTarget = 'small' | 'huge' | 'one process, small';
export type HostedLoad = LoadResult & { target: HostedTarget };

export type HostedReport = {
  startedAt: string;
  machine: BenchReport['machine'];
  settings: { seconds: number; processes: number; workspaces: number; smallScale: number; hugeScale: number };
  sizes: { small: Record<string, number>; huge: Record<string, number> };
  /** Seeding the small template and the huge workspace through the services, and the SQL copies. */
  seedSeconds: { small: number; huge: number; clone: number };
  rowsCopied: number;
  /** The database the servers ran on: bytes on disk, rows (planner estimates), the largest tables. */
  database: { bytes: number; rows: number; largest: { table: string; rows: number; bytes: number }[] };
  load: HostedLoad[];
  rss: { process: number; peakMb: number }[];
  /** One pass of the reminders job's reads over every workspace, in-process (the scheduler crosses workspaces). */
  schedulerSweep: { workspaces: number; ms: number } | null;
  loadAverageAtEnd: number[];
  misses: string[];
};

/**
 * Issue #13's budgets in the hosted shape, for the small and the huge workspace alike (issue #14):
 * p95 at 20 connections through the proxy ≤ 50 ms for the heavy views, ≤ 25 ms for the write; the
 * huge one at 1 connection also ≤ 50 ms (the 10× rule); no errors; each process within the RSS
 * budget. The one-process runs are a capacity figure, not budgeted.
 */
export function evaluateHosted(report: Pick<HostedReport, 'load' | 'rss'>): string[] {
  const misses: string[] = [];
  for (const r of report.load) {
    const where = `hosted ${r.target} (${r.scale}×) ${r.view} @${r.connections}`;
    if (r.errors > 0 || r.non2xx > 0) misses.push(`${where}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
    if (r.target === 'one process, small') continue;
    const budget = HEAVY_VIEWS.has(r.view) ? BUDGETS.heavyP95Ms : BUDGETS.recordP95Ms;
    if (r.connections === 20 && r.p95 > budget) misses.push(`${where}: p95 ${ms(r.p95)} > ${budget} ms`);
    if (r.target === 'huge' && r.connections === 1 && r.p95 > BUDGETS.stressP95Ms)
      misses.push(`${where}: p95 ${ms(r.p95)} > ${BUDGETS.stressP95Ms} ms`);
  }
  for (const r of report.rss)
    if (r.peakMb > BUDGETS.rssMb)
      misses.push(`hosted process ${r.process}: peak RSS ${r.peakMb.toFixed(0)} MB > ${BUDGETS.rssMb} MB`);
  return misses;
}

export function hostedToMarkdown(report: HostedReport): string {
  const m = report.machine;
  const s = report.settings;
  const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  return [
    `# Mila bench, hosted shape — ${report.startedAt}`,
    '',
    `${m.cores} cores, load average at start ${m.loadAverage.map(f1).join(' / ')}, at end ${report.loadAverageAtEnd.map(f1).join(' / ')}, ` +
      `Node ${m.node}, ${m.platform}, commit ${m.commit}. ${s.seconds} s per run. PostgreSQL, MILA_MODE=hosted ` +
      `(row-level security), ${s.processes} app processes behind nginx.`,
    '',
    '## Data',
    '',
    `${s.workspaces} small workspaces (${s.smallScale}× the heavy dataset each; one seeded through the services in ` +
      `${f1(report.seedSeconds.small)} s, ${s.workspaces - 1} SQL copies of it, ${report.rowsCopied} rows, in ` +
      `${f1(report.seedSeconds.clone)} s) and one huge workspace (${s.hugeScale}×, seeded in ${f1(report.seedSeconds.huge)} s). ` +
      `Database: ${gb(report.database.bytes)}, ${report.database.rows} rows.`,
    '',
    table(
      ['workspace', ...Object.keys(report.sizes.small)],
      [
        [`small (${s.smallScale}×)`, ...Object.values(report.sizes.small)],
        [`huge (${s.hugeScale}×)`, ...Object.values(report.sizes.huge)],
      ],
    ),
    '',
    table(
      ['largest tables', 'rows', 'size'],
      report.database.largest.map((t) => [t.table, t.rows, gb(t.bytes)]),
    ),
    '',
    '## Over HTTP (autocannon; through nginx unless "one process")',
    '',
    table(
      ['workspace', 'view', 'conn', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'requests', 'errors'],
      report.load.map((r) => [r.target, r.view, ...timings(r)]),
    ),
    '',
    '## Server memory',
    '',
    table(
      ['process', 'peak RSS MB'],
      report.rss.map((r) => [r.process, r.peakMb.toFixed(0)]),
    ),
    '',
    '## Scheduler',
    '',
    report.schedulerSweep
      ? `One pass of the reminders job's reads (every workspace's open promises due within the hour, one query each, ` +
        `in-process, servers stopped): ${report.schedulerSweep.workspaces} workspaces in ${Math.round(report.schedulerSweep.ms)} ms.`
      : 'Not measured.',
    '',
    '## Budgets',
    '',
    report.misses.length ? report.misses.map((x) => `- MISSED: ${x}`).join('\n') : 'All budgets met.',
    '',
  ].join('\n');
}
