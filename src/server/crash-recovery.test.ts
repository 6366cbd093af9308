import { describe, expect, it } from 'vitest';
import { runCrashDrill } from './testing/crash-drill.js';
import { postgresReachable, testDatabaseUrl } from './testing/postgres.js';

/**
 * SIGKILL under concurrent writes, 20 times, on each database: every acknowledged write survives,
 * no multi-row change is found by half, SQLite's own checks are clean. `npm run test:crash` runs
 * the long drill (1,000 cycles).
 */
const CYCLES = 20;
const pgUrl = testDatabaseUrl();
const pgUp = await postgresReachable(pgUrl);

describe('crash recovery (the real server, killed with SIGKILL)', () => {
  it(
    'SQLite: nothing acknowledged is lost, nothing is half-written, the file is sound',
    { timeout: 300_000 },
    async () => {
      const report = await runCrashDrill({ dialect: 'sqlite', cycles: CYCLES });
      expect(report.lost).toEqual([]);
      expect(report.halfApplied).toEqual([]);
      expect(report.integrity).toEqual([]);
      // The drill must have done something worth checking: writes acknowledged and writes cut off.
      expect(report.acknowledged).toBeGreaterThan(CYCLES);
      expect(report.interrupted).toBeGreaterThan(0);
    },
  );

  it(
    'SQLite with two worker processes: the same, with both writing when the power goes',
    { timeout: 300_000 },
    async () => {
      const report = await runCrashDrill({ dialect: 'sqlite', cycles: CYCLES, workers: 2 });
      expect(report.lost).toEqual([]);
      expect(report.halfApplied).toEqual([]);
      expect(report.integrity).toEqual([]);
      expect(report.acknowledged).toBeGreaterThan(CYCLES);
      expect(report.interrupted).toBeGreaterThan(0);
    },
  );

  it.skipIf(!pgUp)(
    'PostgreSQL: nothing acknowledged is lost, nothing is half-written',
    { timeout: 300_000 },
    async () => {
      const report = await runCrashDrill({ dialect: 'postgres', cycles: CYCLES, postgresUrl: pgUrl });
      expect(report.lost).toEqual([]);
      expect(report.halfApplied).toEqual([]);
      expect(report.acknowledged).toBeGreaterThan(CYCLES);
      expect(report.interrupted).toBeGreaterThan(0);
    },
  );
});
