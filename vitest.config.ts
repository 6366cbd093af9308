import { defineConfig } from 'vitest/config';

// Two projects: "unit" (service + API tests in-process, on SQLite and PostgreSQL) and "e2e"
// (journeys in Debian's Chromium against a real server). `npm test` runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: ['src/server/testing/global-setup.ts'],
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
          // Vitest's default on a 2-core machine is one worker; these suites mostly wait on
          // SQLite files, PostgreSQL and child processes, so two files at a time use both cores.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
