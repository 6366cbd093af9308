import type { Command } from 'commander';
import { connect } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import type { CliContext } from '../context.js';

/** `mila migrate`: brings the database up to date (the server also does this when it starts). */
export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description(ctx.t('migrate.description'))
    .action(async () => {
      const db = connect(ctx.connection);
      try {
        const result = await migrateToLatest(db);
        const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
        ctx.out(applied.length ? ctx.t('migrate.applied', { names: applied.join(', ') }) : ctx.t('migrate.upToDate'));
      } finally {
        await db.close();
      }
    });
}
