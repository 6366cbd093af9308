/**
 * `npm run test:crash`: the long crash drill — by default 1,000 SIGKILL cycles on SQLite and, when
 * a server answers at TEST_DATABASE_URL, 1,000 on PostgreSQL. `npm test` runs 20 of each.
 * Usage: npm run test:crash -- [cycles] [sqlite|postgres]
 */
import { runCrashDrill, type CrashDialect } from '../src/server/testing/crash-drill.js';
import { postgresReachable, testDatabaseUrl } from '../src/server/testing/postgres.js';

const cycles = Number(process.argv[2] ?? 1000);
const only = process.argv[3] as CrashDialect | undefined;
const postgresUrl = testDatabaseUrl();
const dialects: CrashDialect[] = only ? [only] : ['sqlite', 'postgres'];

let failed = false;
for (const dialect of dialects) {
  if (dialect === 'postgres' && !(await postgresReachable(postgresUrl))) {
    console.log(`[postgres] SKIPPED: no server at ${postgresUrl}`);
    continue;
  }
  const started = Date.now();
  const report = await runCrashDrill({
    dialect,
    cycles,
    postgresUrl,
    onCycle: (cycle, acknowledged) => {
      if (cycle % 50 === 0) console.log(`[${dialect}] ${cycle}/${cycles} cycles, ${acknowledged} writes acknowledged`);
    },
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(
    `[${dialect}] ${report.cycles} SIGKILLs in ${minutes} min: ${report.acknowledged} writes acknowledged, ` +
      `${report.interrupted} cut off; lost ${report.lost.length}, half-applied ${report.halfApplied.length}, ` +
      `integrity findings ${report.integrity.length}`,
  );
  for (const line of [...report.lost, ...report.halfApplied, ...report.integrity]) console.log(`  ${line}`);
  failed ||= report.lost.length + report.halfApplied.length + report.integrity.length > 0;
}
process.exit(failed ? 1 : 0);
