/**
 * `npm test`: every check a change must pass, in order, with one closing line that sums them:
 * lint, typecheck, the web build and its size budget, then the unit/API suites (SQLite +
 * PostgreSQL) and the browser journeys. Lint, typecheck, build and budget count as one check each;
 * Vitest reports its own tests.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Step = { name: string; command: string[]; vitestReport?: string };

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-test-'));
const steps: Step[] = [
  { name: 'lint (eslint + prettier)', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'web build', command: ['npx', 'vite', 'build', '--logLevel', 'warn'] },
  // Issue #13's budget for the first screen's JavaScript (.size-limit.js): over it, the run fails.
  // Reads the build just made; takes about a second.
  { name: 'web budget (size-limit, initial JS ≤ 250 kB gz)', command: ['npx', 'size-limit'] },
  {
    name: 'unit + API (SQLite, PostgreSQL)',
    command: [
      'npx',
      'vitest',
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(reportDir, 'unit.json')}`,
    ],
    vitestReport: path.join(reportDir, 'unit.json'),
  },
  {
    name: 'browser journeys (Chromium)',
    command: [
      'npx',
      'vitest',
      'run',
      '--project',
      'e2e',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(reportDir, 'e2e.json')}`,
    ],
    vitestReport: path.join(reportDir, 'e2e.json'),
  },
];

type VitestJson = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTests: number;
  success: boolean;
};

let passed = 0;
let failed = 0;
let skipped = 0;
const summary: string[] = [];

for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.command[0]!, step.command.slice(1), { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.vitestReport) {
    const report = fs.existsSync(step.vitestReport)
      ? (JSON.parse(fs.readFileSync(step.vitestReport, 'utf8')) as VitestJson)
      : null;
    if (!report) {
      failed += 1;
      summary.push(`✗ ${step.name}: no report (exit ${result.status}) ${seconds}s`);
      continue;
    }
    // A suite that crashed outside any test still fails the run.
    const crashed = result.status !== 0 && report.numFailedTests === 0 ? 1 : 0;
    passed += report.numPassedTests;
    failed += report.numFailedTests + crashed;
    skipped += report.numPendingTests;
    summary.push(
      `${result.status === 0 ? '✓' : '✗'} ${step.name}: ${report.numPassedTests} passed, ${report.numFailedTests + crashed} failed, ${report.numPendingTests} skipped (${seconds}s)`,
    );
  } else if (result.status === 0) {
    passed += 1;
    summary.push(`✓ ${step.name} (${seconds}s)`);
  } else {
    failed += 1;
    summary.push(`✗ ${step.name} (exit ${result.status}, ${seconds}s)`);
  }
}

fs.rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
