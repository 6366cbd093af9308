/**
 * The web budget in the bench report: `size-limit` (.size-limit.js, @size-limit/file, gzip) over the
 * JavaScript dist/web/index.html loads before the first screen. Needs a build (`npm run build:web`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { WebSize } from './report.js';

export function webSize(): WebSize {
  if (!fs.existsSync('dist/web/index.html')) return { skipped: 'no build in dist/web: run npm run build:web' };
  const run = spawnSync('node_modules/.bin/size-limit', ['--json'], { encoding: 'utf8' });
  try {
    const [entry] = JSON.parse(run.stdout) as { name: string; passed: boolean; size: number; sizeLimit: number }[];
    if (!entry) return { skipped: 'size-limit reported nothing' };
    return { name: entry.name, bytes: entry.size, limitBytes: entry.sizeLimit, passed: entry.passed };
  } catch {
    return { skipped: `size-limit failed: ${(run.stderr || run.stdout).slice(0, 300)}` };
  }
}
