import { z } from 'zod';

/** A cell as stored: text, a number, or nothing (flags are integers, JSON columns are text). */
const ZCell = z.union([z.string(), z.number(), z.null()]);
const ZRow = z.record(z.string(), ZCell);

/**
 * The whole workspace as one document (docs/decisions/013): rows as stored, snake_case columns, one
 * array per table, without `workspace_id`. Version 1 matches the schema up to migration 019.
 */
export const ZWorkspaceExport = z
  .object({
    format: z.literal('mila-export'),
    version: z.literal(1),
    exportedAt: z.string(),
    workspace: ZRow,
    tables: z.record(z.string(), z.array(ZRow)),
  })
  .meta({ id: 'WorkspaceExport' });
export type WorkspaceExport = z.infer<typeof ZWorkspaceExport>;

export const ZWorkspaceRestored = z
  .object({ tables: z.record(z.string(), z.number().int()) })
  .meta({ id: 'WorkspaceRestored', description: 'How many rows each table received' });
export type WorkspaceRestored = z.infer<typeof ZWorkspaceRestored>;

/** The largest export document a restore reads (it is held in memory while restoring; the imports routes cap their bodies at the same size). */
export const RESTORE_MAX_BYTES = 40 * 1024 * 1024;
