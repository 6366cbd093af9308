import {
  ZCreateClient,
  ZImportantDate,
  ZUpdateClient,
  type CreateClientInput,
  type UpdateClient,
} from '../../../shared/schemas/clients.js';
import { ZEmail, type Locale } from '../../../shared/schemas/common.js';
import {
  IMPORT_MAX_FILE_BYTES,
  type CommitImport,
  type ImportAction,
  type ImportClientDraft,
  type ImportCommitted,
  type ImportField,
  type ImportParsed,
  type ImportPreviewed,
  type ImportRowPreview,
  type PreviewImport,
} from '../../../shared/schemas/imports.js';
import { toE164 } from '../../../shared/phone.js';
import { AppError, fieldError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/http.js';
import { translate } from '../../lib/i18n.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import * as clients from '../clients/clients.service.js';
import { detectFormat, guessMapping, parseCsv, parseVcf, parseXlsx, type ParsedFile } from './imports.parsers.js';

type Scope = { workspaceId: string };

export function tooLarge(): AppError {
  return new AppError('payload_too_large', {
    fields: [{ path: 'file', code: 'file_too_large', params: { limit: IMPORT_MAX_FILE_BYTES / 1024 / 1024 } }],
  });
}

/** Step 1: the file's headers, a guessed mapping and its rows. */
export async function parseImportFile(bytes: Buffer, fileName: string, sheet?: string): Promise<ImportParsed> {
  if (bytes.length > IMPORT_MAX_FILE_BYTES) throw tooLarge();
  if (bytes.length === 0) throw fieldError('file', 'required');
  let parsed: ParsedFile;
  try {
    const format = detectFormat(bytes, fileName);
    parsed = format === 'xlsx' ? await parseXlsx(bytes, sheet) : format === 'vcf' ? parseVcf(bytes) : parseCsv(bytes);
  } catch {
    throw fieldError('file', 'unreadable_file');
  }
  return { ...parsed, mapping: guessMapping(parsed.headers) };
}

/** "14/03/1985", "14.3.85", "1985-03-14", "19850314", "--03-14": Israeli files are read day first. */
export function readBirthday(raw: string): { month: number; day: number; year: number | null } | null {
  const v = raw.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(v);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (m) return { year: null, month: Number(m[1]), day: Number(m[2]) };
  m = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?$/.exec(v);
  if (m) {
    let year = m[3] ? Number(m[3]) : null;
    if (year !== null && year < 100) year += year > 30 ? 1900 : 2000;
    return { day: Number(m[1]), month: Number(m[2]), year };
  }
  return null;
}

function firstPiece(v: string, sep: RegExp): string {
  return (
    v
      .split(sep)
      .map((s) => s.trim())
      .find(Boolean) ?? ''
  ).trim();
}

type RowDraft = { input: CreateClientInput | null; problems: ImportRowPreview['problems'] };

/** One row → the CreateClient body it becomes, or the reasons it cannot. */
export function rowDraft(row: string[], mapping: (ImportField | null)[], locale: Locale): RowDraft {
  const values: Partial<Record<ImportField, string[]>> = {};
  mapping.forEach((field, i) => {
    const v = (row[i] ?? '').trim();
    if (field && v) (values[field] ??= []).push(v);
  });
  const one = (f: ImportField) => values[f]?.[0] ?? '';
  const problems: RowDraft['problems'] = [];
  const problem = (field: string, code: string, params: Record<string, string | number> = {}) =>
    problems.push({ field, code, message: translate(locale, `validation.${code}`, params) });

  const company = one('company');
  const name = one('name') || company;
  const notes = [
    ...(one('name') && company ? [`${translate(locale, 'imports.company')}: ${company}`] : []),
    ...(values.notes ?? []),
  ].join('\n');

  const rawPhone = firstPiece(one('phone'), /:::|[,;/]/);
  const phone = rawPhone ? toE164(rawPhone) : null;
  if (rawPhone && !phone) problem('phone', 'invalid_phone');

  const rawEmail = firstPiece(one('email'), /:::|[,;\s]/);
  const email = rawEmail && ZEmail.safeParse(rawEmail).success ? rawEmail.toLowerCase() : null;
  if (rawEmail && !email) problem('email', 'invalid_email');

  const importantDates: ImportClientDraft['importantDates'] = [];
  const rawBirthday = one('birthday');
  if (rawBirthday) {
    const b = readBirthday(rawBirthday);
    const checked = b && ZImportantDate.safeParse({ kind: 'birthday', ...b });
    if (b && checked?.success) importantDates.push({ kind: 'birthday', ...b });
    else problem('birthday', 'invalid_date');
  }

  const tags = [
    ...new Set(
      (values.tags ?? [])
        .flatMap((t) => t.split(/:::|[,;]/))
        .map((t) => t.replace(/^\*\s*/, '').trim())
        .filter((t) => t && t !== 'myContacts' && t.length <= 40),
    ),
  ].slice(0, 20);

  if (!name) problem('name', 'required');
  const input: CreateClientInput = {
    kind: one('name') ? 'person' : 'organization',
    name,
    phone,
    email,
    address: one('address') || null,
    notes: notes || null,
    tags,
    importantDates,
  };
  if (problems.length === 0) {
    const result = ZCreateClient.safeParse(input);
    if (!result.success)
      for (const issue of result.error.issues) problem(issue.path.join('.'), issue.message, { limit: 0 });
  }
  return { input: problems.length ? null : input, problems };
}

function toDraft(input: CreateClientInput): ImportClientDraft {
  return {
    kind: input.kind ?? 'person',
    name: input.name,
    phone: input.phone ?? null,
    email: input.email ?? null,
    address: input.address ?? null,
    notes: input.notes ?? null,
    tags: input.tags ?? [],
    importantDates: (input.importantDates ?? []) as ImportClientDraft['importantDates'],
  };
}

/** Step 2: what each row becomes, bad rows with reasons, duplicates (existing and in the file). */
export async function previewImport(
  deps: Deps,
  scope: Scope,
  locale: Locale,
  input: PreviewImport,
): Promise<ImportPreviewed & { inputs: (CreateClientInput | null)[] }> {
  const drafts = input.rows.map((row) => rowDraft(row, input.mapping, locale));
  const phones = drafts.flatMap((d) => (d.input?.phone ? [d.input.phone] : []));
  const emails = drafts.flatMap((d) => (d.input?.email ? [d.input.email] : []));
  const existing = await clients.findClientsByContact(deps, scope, { phones, emails });
  const byPhone = new Map<string, (typeof existing)[number]>();
  const byEmail = new Map<string, (typeof existing)[number]>();
  for (const c of existing) {
    for (const p of [c.phone, c.whatsapp]) if (p && !byPhone.has(p)) byPhone.set(p, c);
    if (c.email && !byEmail.has(c.email.toLowerCase())) byEmail.set(c.email.toLowerCase(), c);
  }
  const seenPhone = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  const rows: ImportRowPreview[] = drafts.map((d, index) => {
    if (!d.input) return { index, draft: null, problems: d.problems, duplicate: null, proposed: 'skip' };
    const { phone, email } = d.input;
    let duplicate: ImportRowPreview['duplicate'] = null;
    const found = (phone && byPhone.get(phone)) || (email && byEmail.get(email)) || null;
    if (found)
      duplicate = {
        of: 'existing',
        clientId: found.id,
        clientName: found.name,
        rowIndex: null,
        by: phone && byPhone.get(phone) === found ? 'phone' : 'email',
      };
    else {
      const earlier = (phone && seenPhone.get(phone)) ?? (email && seenEmail.get(email)) ?? null;
      if (typeof earlier === 'number')
        duplicate = {
          of: 'file',
          clientId: null,
          clientName: null,
          rowIndex: earlier,
          by: phone && seenPhone.get(phone) === earlier ? 'phone' : 'email',
        };
    }
    if (phone && !seenPhone.has(phone)) seenPhone.set(phone, index);
    if (email && !seenEmail.has(email)) seenEmail.set(email, index);
    const proposed: ImportAction = duplicate ? (duplicate.of === 'existing' ? 'merge' : 'skip') : 'create';
    return { index, draft: toDraft(d.input), problems: [], duplicate, proposed };
  });
  return {
    rows,
    inputs: drafts.map((d) => d.input),
    counts: {
      ready: rows.filter((r) => r.draft && !r.duplicate).length,
      bad: rows.filter((r) => !r.draft).length,
      duplicates: rows.filter((r) => r.duplicate).length,
    },
  };
}

/** Blanks filled from the row; notes appended; tags joined; the birthday added when there is none. */
async function mergeInto(deps: Deps, scope: Scope, clientId: string, input: CreateClientInput): Promise<void> {
  const current = await clients.getClient(deps, scope, clientId);
  const changes: UpdateClient = {};
  if (!current.phone && input.phone) changes.phone = input.phone;
  if (!current.email && input.email) changes.email = input.email;
  if (!current.address && input.address) changes.address = input.address;
  if (input.notes && !(current.notes ?? '').includes(input.notes))
    changes.notes = [current.notes, input.notes].filter(Boolean).join('\n\n').slice(0, 10_000);
  const tags = [...new Set([...current.tags, ...(input.tags ?? [])])].slice(0, 20);
  if (tags.length !== current.tags.length) changes.tags = tags;
  const birthday = input.importantDates?.[0];
  if (birthday && !current.importantDates.some((d) => d.kind === 'birthday') && current.importantDates.length < 20)
    changes.importantDates = ZUpdateClient.parse({
      importantDates: [...current.importantDates, birthday],
    }).importantDates;
  if (Object.keys(changes).length) await clients.updateClient(deps, scope, clientId, changes);
}

/** Step 3: the user's decisions, applied in one transaction: all rows or none. */
export async function commitImport(
  deps: Deps,
  scope: Scope,
  locale: Locale,
  input: CommitImport,
): Promise<ImportCommitted> {
  const decided = new Map<number, ImportAction>();
  for (const [i, d] of input.decisions.entries()) {
    if (d.index >= input.rows.length) throw fieldError(`decisions.${i}.index`, 'unknown_row');
    decided.set(d.index, d.action);
  }
  return inTransaction(deps, async (deps) => {
    const preview = await previewImport(deps, scope, locale, input);
    const createdFor = new Map<number, string>();
    const sum = { created: 0, merged: 0, skipped: 0 };
    // New clients first, all in a few multi-row inserts; a merge into an earlier row of the file
    // then finds that row's new id.
    const toCreate = preview.rows.filter(
      (row) => preview.inputs[row.index] && (decided.get(row.index) ?? row.proposed) === 'create',
    );
    const ids = await clients.createClients(
      deps,
      scope,
      toCreate.map((row) => ZCreateClient.parse(preview.inputs[row.index])),
    );
    toCreate.forEach((row, i) => createdFor.set(row.index, ids[i]!));
    sum.created = ids.length;
    for (const row of preview.rows) {
      const draft = preview.inputs[row.index];
      const action = decided.get(row.index) ?? row.proposed;
      if (!draft || action === 'skip') {
        sum.skipped++;
        continue;
      }
      if (action === 'create') continue;
      const target =
        row.duplicate?.clientId ?? (row.duplicate?.rowIndex != null ? createdFor.get(row.duplicate.rowIndex) : null);
      if (!target) throw fieldError(`rows.${row.index}`, 'nothing_to_merge');
      await mergeInto(deps, scope, target, draft);
      sum.merged++;
    }
    await recordAudit(deps, scope, { action: 'clients_imported', detail: sum });
    return sum;
  });
}
