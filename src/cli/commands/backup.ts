import path from 'node:path';
import type { Command } from 'commander';
import { backupDatabase, backupFileName, restoreDatabase } from '../../server/db/backup.js';
import type { CliContext } from '../context.js';

/**
 * `mila backup [file]` copies the database while Mila runs; `mila restore <file> --yes` puts a
 * backup back (Mila stopped). Without a file name the backup goes to MILA_DATA_DIR/backups/.
 */
export function registerBackup(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description(ctx.t('backup.description'))
    .argument('[file]', ctx.t('backup.file'))
    .action(async (file: string | undefined) => {
      const target = file ?? path.join(ctx.config.dataDir, 'backups', backupFileName(ctx.connection.kind));
      const result = await backupDatabase(ctx.connection, path.resolve(target));
      ctx.out(ctx.t('backup.done', { file: result.file, size: (result.bytes / 1024 / 1024).toFixed(1) }));
    });

  program
    .command('restore')
    .description(ctx.t('restore.description'))
    .argument('<file>', ctx.t('restore.file'))
    .option('--yes', ctx.t('restore.yes'))
    .action(async (file: string, options: { yes?: boolean }) => {
      if (!options.yes) throw new Error(ctx.t('restore.confirm'));
      const { keptAs } = await restoreDatabase(ctx.connection, path.resolve(file));
      ctx.out(ctx.t('restore.done', { file }));
      if (keptAs) ctx.out(ctx.t('restore.keptAs', { file: keptAs }));
    });
}
