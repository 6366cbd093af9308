import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Option, type Command } from 'commander';
import { workspaceOwners } from '../../server/modules/accounts/accounts.service.js';
import {
  noteExport,
  restoreWorkspace,
  workspaceJson,
  workspaceZip,
} from '../../server/modules/exports/exports.service.js';
import { AppError, fieldError } from '../../server/lib/app-error.js';
import type { Auth } from '../../server/lib/http.js';
import { ZWorkspaceExport } from '../../shared/schemas/exports.js';
import { withDeps, type CliContext } from '../context.js';
import { chooseWorkspace } from './import.js';

type Format = 'zip' | 'json';

/**
 * `mila export <file>` writes the workspace as the web's export does (a ZIP of CSV files or one
 * JSON document, streamed to disk); `mila import workspace <file.json>` restores such a document
 * into an empty workspace, as the web's restore does. Neither overwrites anything.
 */
export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description(ctx.t('export.description'))
    .argument('<file>', ctx.t('export.file'))
    .addOption(new Option('--format <format>', ctx.t('export.format')).choices(['zip', 'json']))
    .option('--workspace <id>', ctx.t('workspaceOption'))
    .action(async (file: string, options: { format?: Format; workspace?: string }) => {
      const target = path.resolve(file);
      const format: Format = options.format ?? (target.toLowerCase().endsWith('.json') ? 'json' : 'zip');
      if (fs.existsSync(target)) throw new Error(ctx.t('export.exists', { file: target }));
      await withDeps(ctx, async (deps) => {
        const scope = { workspaceId: await chooseWorkspace(deps, options.workspace, ctx) };
        await noteExport(deps, scope, format === 'json' ? 'json' : 'zip');
        const stream = format === 'json' ? workspaceJson(deps, scope) : workspaceZip(deps, scope);
        // 'wx': a file that appeared meanwhile is still never overwritten.
        const out = fs.createWriteStream(target, { flags: 'wx' });
        try {
          await pipeline(Readable.fromWeb(stream as WebReadableStream<Uint8Array>), out);
        } catch (error) {
          fs.rmSync(target, { force: true });
          throw error;
        }
        const size = (fs.statSync(target).size / 1024 / 1024).toFixed(1);
        ctx.out(ctx.t('export.done', { file: target, size }));
      });
    });
}

export function registerImportWorkspace(importCommand: Command, ctx: CliContext): void {
  importCommand
    .command('workspace')
    .description(ctx.t('import.workspace.description'))
    .argument('<file>', ctx.t('import.workspace.file'))
    .option('--workspace <id>', ctx.t('workspaceOption'))
    .action(async (file: string, options: { workspace?: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        throw fieldError('file', 'invalid_type');
      }
      const doc = ZWorkspaceExport.safeParse(raw);
      if (!doc.success) throw fieldError(doc.error.issues[0]?.path.join('.') || 'file', 'invalid_type');
      await withDeps(ctx, async (deps) => {
        const workspaceId = await chooseWorkspace(deps, options.workspace, ctx);
        const owner = (await workspaceOwners(deps, { workspaceId }))[0];
        if (!owner) throw new AppError('setup_required');
        // The restore needs only who restores into which workspace; there is no session here.
        const auth = { workspaceId, userId: owner.id, userLocale: owner.locale } as Auth;
        const done = await restoreWorkspace(deps, auth, doc.data);
        const rows = Object.values(done.tables).reduce((a, b) => a + b, 0);
        ctx.out(ctx.t('import.workspace.done', { rows, tables: Object.keys(done.tables).length }));
      });
    });
}
