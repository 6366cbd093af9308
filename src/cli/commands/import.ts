import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { allWorkspaces } from '../../server/modules/accounts/accounts.service.js';
import { commitImport, parseImportFile, previewImport } from '../../server/modules/imports/imports.service.js';
import { AppError, notFound } from '../../server/lib/app-error.js';
import type { Deps } from '../../server/lib/http.js';
import type { ImportAction } from '../../shared/schemas/imports.js';
import { withDeps, type CliContext } from '../context.js';

/**
 * `mila import clients <file>`: the web import without the screens. The columns are mapped as the
 * preview guesses them; duplicates of existing clients are merged and repeats inside the file
 * skipped, unless `--duplicates` says otherwise; bad rows are listed and left out. All or nothing.
 */
export function registerImport(program: Command, ctx: CliContext): Command {
  const importCommand = program.command('import').description(ctx.t('import.description'));
  importCommand
    .command('clients')
    .description(ctx.t('import.clients.description'))
    .argument('<file>', ctx.t('import.clients.file'))
    .addOption(
      new Option('--duplicates <action>', ctx.t('import.clients.duplicates')).choices(['merge', 'skip', 'create']),
    )
    .option('--dry-run', ctx.t('import.clients.dryRun'))
    .option('--workspace <id>', ctx.t('workspaceOption'))
    .action(async (file: string, options: { duplicates?: ImportAction; dryRun?: boolean; workspace?: string }) => {
      const bytes = fs.readFileSync(file);
      await withDeps(ctx, async (deps) => {
        const scope = { workspaceId: await chooseWorkspace(deps, options.workspace, ctx) };
        const parsed = await parseImportFile(bytes, path.basename(file));
        const input = { mapping: parsed.mapping, rows: parsed.rows };
        const preview = await previewImport(deps, scope, ctx.locale, input);
        const mapped = parsed.headers
          .map((h, i) => (parsed.mapping[i] ? `${h} → ${parsed.mapping[i]}` : null))
          .filter(Boolean)
          .join(', ');
        ctx.out(ctx.t('import.clients.mapping', { mapping: mapped || '—' }));
        for (const row of preview.rows.filter((r) => !r.draft))
          ctx.out(
            ctx.t('import.clients.badRow', {
              row: row.index + 2,
              reasons: row.problems.map((p) => p.message).join('; '),
            }),
          );
        ctx.out(ctx.t('import.clients.counts', preview.counts));
        if (options.dryRun) return;
        const decisions = options.duplicates
          ? preview.rows.filter((r) => r.duplicate).map((r) => ({ index: r.index, action: options.duplicates! }))
          : [];
        const done = await commitImport(deps, scope, ctx.locale, { ...input, decisions });
        ctx.out(ctx.t('import.clients.done', done));
      });
    });
  return importCommand;
}

/** Self-hosted Mila has one workspace; with several (hosted), the operator names one. */
export async function chooseWorkspace(deps: Deps, wanted: string | undefined, ctx: CliContext): Promise<string> {
  const workspaces = await allWorkspaces(deps);
  if (wanted) {
    if (!workspaces.some((w) => w.id === wanted)) throw notFound();
    return wanted;
  }
  if (workspaces.length === 0) throw new AppError('setup_required');
  if (workspaces.length > 1) throw new Error(ctx.t('chooseWorkspace', { count: workspaces.length }));
  return workspaces[0]!.id;
}
