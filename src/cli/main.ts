/**
 * `mila`: the operator's command line (package.json `bin`; `npx mila --help` in the checkout).
 * It reads the same environment as the server (DATABASE_URL, MILA_DATA_DIR), so it works on the
 * database `npm start` uses. Exit codes: 0 done, 1 refused or failed (the reason on stderr),
 * 2 wrong usage (commander's own).
 */
import { Command, CommanderError } from 'commander';
import { AppError } from '../server/lib/app-error.js';
import { errorBody } from '../server/lib/http.js';
import { BackupError } from '../server/db/backup.js';
import { cliContext } from './context.js';
import { registerBackup } from './commands/backup.js';
import { registerExport, registerImportWorkspace } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerSeedDemo } from './commands/seed-demo-command.js';
import { registerUser } from './commands/user.js';

const ctx = cliContext();
const program = new Command('mila')
  .description(ctx.t('description'))
  .helpOption('-h, --help', ctx.t('helpOption'))
  .helpCommand('help [command]', ctx.t('helpCommand'))
  .showHelpAfterError()
  .exitOverride();

registerMigrate(program, ctx);
registerUser(program, ctx);
registerImportWorkspace(registerImport(program, ctx), ctx);
registerExport(program, ctx);
registerSeedDemo(program, ctx);
registerBackup(program, ctx);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  process.stderr.write(`${describe(error)}\n`);
  process.exit(1);
}

/** A refusal in the operator's language: the message and each field's reason. */
function describe(error: unknown): string {
  if (error instanceof AppError) {
    const body = errorBody(ctx.locale, error).error;
    return [body.message, ...(body.fields ?? []).map((f) => `  ${f.path}: ${f.message}`)].join('\n');
  }
  if (error instanceof BackupError) return ctx.t('backupFailed', { reason: error.message });
  return ctx.t('failed', { reason: error instanceof Error ? error.message : String(error) });
}
