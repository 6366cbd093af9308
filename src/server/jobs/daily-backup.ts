import fs from 'node:fs';
import path from 'node:path';
import { localDate, toLocal } from '../../shared/time/zoned.js';
import { backupDatabase, type BackupResult } from '../db/backup.js';
import type { ConnectOptions } from '../db/connect.js';
import type { Deps } from '../lib/http.js';
import { allWorkspaces } from '../modules/accounts/accounts.service.js';
import { claimRun, hasRun } from './lease.js';

/** The quiet hour, in the workspace's time zone: after it, once per local day. */
export const BACKUP_HOUR = 3;
const DEFAULT_TIME_ZONE = 'Asia/Jerusalem';
/** Only these names are daily backups: manual ones (`mila backup`) are never pruned. */
const DAILY = /^mila-daily-\d{4}-\d{2}-\d{2}\.(db|pgdump)$/;

/**
 * The daily backup (MILA_BACKUP_DIR set): once per local day at or after 03:00, in the time zone
 * of the (first) workspace. The run key is claimed only after the copy is checked and in place,
 * so a failed backup (logged by the scheduler) is tried again on the job's next run; then all but
 * the newest MILA_BACKUP_KEEP daily copies are deleted. The job lease keeps it to one process.
 */
export async function runDailyBackup(deps: Deps): Promise<BackupResult | null> {
  const dir = deps.config.backupDir;
  if (!dir) return null;
  const now = deps.clock.now();
  const timeZone = (await allWorkspaces(deps))[0]?.timeZone ?? DEFAULT_TIME_ZONE;
  if (toLocal(now, timeZone).hour < BACKUP_HOUR) return null;
  const date = localDate(now, timeZone);
  const runKey = `backup:${date}`;
  if (await hasRun(deps.db.kysely, runKey)) return null;
  const source = backupSource(deps);
  const file = path.join(dir, `mila-daily-${date}.${source.kind === 'sqlite' ? 'db' : 'pgdump'}`);
  // A file of today's name without the run key: a copy made before a crash. Made again.
  fs.rmSync(file, { force: true });
  const result = await backupDatabase(source, file);
  await claimRun(deps.db.kysely, { runKey, workspaceId: null, now });
  pruneDailyBackups(dir, deps.config.backupKeep);
  deps.logger.info('daily backup written', { file: result.file, bytes: result.bytes });
  return result;
}

/** Keeps the newest `keep` daily backups (their names sort by date) and leftovers of none. */
export function pruneDailyBackups(dir: string, keep: number): string[] {
  const names = fs.readdirSync(dir);
  const daily = names.filter((n) => DAILY.test(n)).sort();
  const gone = [
    ...daily.slice(0, Math.max(0, daily.length - keep)),
    ...names.filter((n) => /^mila-daily-.*\.partial$/.test(n)),
  ];
  for (const name of gone) fs.rmSync(path.join(dir, name), { force: true });
  return gone;
}

/** The database this process uses, as the backup code takes it. */
function backupSource(deps: Deps): ConnectOptions {
  if (deps.db.dialect === 'sqlite') return { kind: 'sqlite', file: path.join(deps.config.dataDir, 'mila.db') };
  if (!deps.config.databaseUrl) throw new Error('no DATABASE_URL to back up');
  return {
    kind: 'postgres',
    url: deps.config.databaseUrl,
    ...(deps.db.schema ? { searchPath: deps.db.schema } : {}),
  };
}
