import { z } from 'zod';
import { ZId } from './common.js';

/** The client fields a column of an imported file can fill. */
export const importFields = ['name', 'company', 'phone', 'email', 'birthday', 'notes', 'tags', 'address'] as const;
export const ZImportField = z.enum(importFields, { error: 'invalid_choice' });
export type ImportField = z.infer<typeof ZImportField>;

export const importFormats = ['csv', 'xlsx', 'vcf'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Bounds: the browser sends the parsed rows back on preview and commit. */
export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_MAX_COLUMNS = 100;
export const IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024;

const ZCell = z.string({ error: 'invalid_type' }).max(10_000, { error: 'too_long' });
const ZRow = z.array(ZCell).max(IMPORT_MAX_COLUMNS, { error: 'too_many' });
const ZRows = z.array(ZRow).max(IMPORT_MAX_ROWS, { error: 'too_many' });
/** One entry per column: the field it fills, or null when the column is left out. */
const ZMapping = z.array(ZImportField.nullable()).max(IMPORT_MAX_COLUMNS, { error: 'too_many' });

export const ZImportParsed = z
  .object({
    format: z.enum(importFormats),
    encoding: z.string().nullable().meta({ description: 'CSV only: the text encoding detected' }),
    delimiter: z.string().nullable().meta({ description: 'CSV only: the column separator detected' }),
    sheets: z.array(z.string()).meta({ description: 'xlsx only: the sheet names; the first (or chosen) is read' }),
    headers: z.array(z.string()),
    mapping: ZMapping,
    rows: z.array(z.array(z.string())),
  })
  .meta({ id: 'ImportParsed' });
export type ImportParsed = z.infer<typeof ZImportParsed>;

export const ZPreviewImport = z.object({ mapping: ZMapping, rows: ZRows }).meta({ id: 'PreviewImport' });
export type PreviewImport = z.output<typeof ZPreviewImport>;
export type PreviewImportInput = z.input<typeof ZPreviewImport>;

export const importActions = ['create', 'merge', 'skip'] as const;
export const ZImportAction = z.enum(importActions, { error: 'invalid_choice' });
export type ImportAction = z.infer<typeof ZImportAction>;

export const ZImportClientDraft = z
  .object({
    kind: z.enum(['person', 'organization']),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    notes: z.string().nullable(),
    tags: z.array(z.string()),
    importantDates: z.array(
      z.object({ kind: z.literal('birthday'), month: z.number(), day: z.number(), year: z.number().nullable() }),
    ),
  })
  .meta({ id: 'ImportClientDraft', description: 'What the row becomes (a CreateClient body)' });
export type ImportClientDraft = z.infer<typeof ZImportClientDraft>;

export const ZImportProblem = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const ZImportDuplicate = z.object({
  of: z.enum(['existing', 'file']),
  clientId: ZId.nullable(),
  clientName: z.string().nullable(),
  rowIndex: z.number().int().nullable().meta({ description: 'file: the earlier row with the same phone or e-mail' }),
  by: z.enum(['phone', 'email']),
});

export const ZImportRowPreview = z.object({
  index: z.number().int(),
  draft: ZImportClientDraft.nullable(),
  problems: z.array(ZImportProblem),
  duplicate: ZImportDuplicate.nullable(),
  proposed: ZImportAction,
});
export type ImportRowPreview = z.infer<typeof ZImportRowPreview>;

export const ZImportPreviewed = z
  .object({
    rows: z.array(ZImportRowPreview),
    counts: z.object({ ready: z.number().int(), bad: z.number().int(), duplicates: z.number().int() }),
  })
  .meta({ id: 'ImportPreviewed' });
export type ImportPreviewed = z.infer<typeof ZImportPreviewed>;

export const ZImportDecision = z.object({ index: z.number().int().min(0), action: ZImportAction });

export const ZCommitImport = z
  .object({
    mapping: ZMapping,
    rows: ZRows,
    decisions: z
      .array(ZImportDecision)
      .max(IMPORT_MAX_ROWS, { error: 'too_many' })
      .default([])
      .meta({ description: 'Rows not listed take the proposed action' }),
  })
  .meta({ id: 'CommitImport' });
export type CommitImport = z.output<typeof ZCommitImport>;
export type CommitImportInput = z.input<typeof ZCommitImport>;

export const ZImportCommitted = z
  .object({ created: z.number().int(), merged: z.number().int(), skipped: z.number().int() })
  .meta({ id: 'ImportCommitted' });
export type ImportCommitted = z.infer<typeof ZImportCommitted>;
