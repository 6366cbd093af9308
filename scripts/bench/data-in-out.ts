/**
 * Issue #11's measures: a 50,000-row client import (parse, preview, commit, in-process on SQLite in
 * memory, as the import routes run them), and the workspace export streamed over HTTP from the
 * running server with the heavy dataset, with the server's peak RSS before and after.
 */
import { connect } from '../../src/server/db/connect.js';
import { commitImport, parseImportFile, previewImport } from '../../src/server/modules/imports/imports.service.js';
import { peakRssMb } from './http-load.js';
import type { ExportResult, ImportResult } from './report.js';
import { openWorkspace } from './seed.js';

/** A CSV of `rows` clients in Hebrew, as a sheet saved from Excel would be. */
export function clientsCsv(rows: number): Buffer {
  const lines = ['שם,טלפון,אימייל,יום הולדת,תגיות'];
  for (let i = 0; i < rows; i++) {
    const phone = `05${i % 8}${String(1_000_000 + i).slice(-7)}`;
    lines.push(`לקוח ${i},${phone},c${i}@example.com,${(i % 28) + 1}/${(i % 12) + 1}/1980,VIP`);
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

export async function benchImport(rows: number): Promise<ImportResult> {
  const db = connect({ kind: 'sqlite', file: ':memory:' });
  try {
    const { deps, scope } = await openWorkspace(db);
    const file = clientsCsv(rows);
    const t0 = performance.now();
    const parsed = await parseImportFile(file, 'bench.csv');
    const t1 = performance.now();
    const preview = await previewImport(deps, scope, 'he', { mapping: parsed.mapping, rows: parsed.rows });
    const t2 = performance.now();
    const done = await commitImport(deps, scope, 'he', { mapping: parsed.mapping, rows: parsed.rows, decisions: [] });
    const t3 = performance.now();
    return {
      rows,
      megabytes: file.length / 1024 / 1024,
      parseMs: t1 - t0,
      previewMs: t2 - t1,
      commitMs: t3 - t2,
      created: done.created,
      ready: preview.counts.ready,
    };
  } finally {
    await db.close();
  }
}

/** Downloads one export to the end (counting bytes, keeping none) and notes the server's memory. */
export async function benchExport(
  url: string,
  cookie: string,
  pid: number,
  at: { dialect: string; scale: number },
  file: 'workspace.zip' | 'workspace.json',
): Promise<ExportResult> {
  const before = peakRssMb(pid);
  const t0 = performance.now();
  const res = await fetch(`${url}/api/v1/exports/${file}`, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`export ${file} answered ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return {
    ...at,
    file,
    bytes,
    seconds: (performance.now() - t0) / 1000,
    peakRssBeforeMb: before,
    peakRssAfterMb: peakRssMb(pid),
  };
}
