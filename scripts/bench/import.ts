/**
 * `tsx scripts/bench/import.ts [rows]`: one CSV of 50,000 clients (default) parsed, previewed and
 * committed on SQLite in memory; prints the time of each step. Its own script (not in run.ts yet).
 */
import { connect } from '../../src/server/db/connect.js';
import { commitImport, parseImportFile, previewImport } from '../../src/server/modules/imports/imports.service.js';
import { openWorkspace } from './seed.js';

const ROWS = Number(process.argv[2] ?? 50_000);

async function main() {
  const db = connect({ kind: 'sqlite', file: ':memory:' });
  const { deps, scope } = await openWorkspace(db);
  const lines = ['שם,טלפון,אימייל,יום הולדת,תגיות'];
  for (let i = 0; i < ROWS; i++) {
    const phone = `05${(i % 8) + 0}${String(1_000_000 + i).slice(-7)}`;
    lines.push(`לקוח ${i},${phone},c${i}@example.com,${(i % 28) + 1}/${(i % 12) + 1}/1980,VIP`);
  }
  const file = Buffer.from(lines.join('\n'), 'utf8');
  const t0 = performance.now();
  const parsed = await parseImportFile(file, 'bench.csv');
  const t1 = performance.now();
  const preview = await previewImport(deps, scope, 'he', { mapping: parsed.mapping, rows: parsed.rows });
  const t2 = performance.now();
  const done = await commitImport(deps, scope, 'he', { mapping: parsed.mapping, rows: parsed.rows, decisions: [] });
  const t3 = performance.now();
  const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
  console.log(
    `import ${ROWS} rows (${(file.length / 1024 / 1024).toFixed(1)} MB): parse ${ms(t0, t1)}, ` +
      `preview ${ms(t1, t2)} (${preview.counts.ready} ready), commit ${ms(t2, t3)} ` +
      `(${done.created} created, ${done.skipped} skipped)`,
  );
  await db.close();
}

await main();
