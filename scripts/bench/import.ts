/**
 * `tsx scripts/bench/import.ts [rows]`: the client import alone (50,000 rows by default), the same
 * measure `npm run bench` takes; prints the time of each step.
 */
import { benchImport } from './data-in-out.js';

const r = await benchImport(Number(process.argv[2] ?? 50_000));
console.log(
  `import ${r.rows} rows (${r.megabytes.toFixed(1)} MB): parse ${Math.round(r.parseMs)} ms, ` +
    `preview ${Math.round(r.previewMs)} ms (${r.ready} ready), commit ${Math.round(r.commitMs)} ms (${r.created} created)`,
);
