import { Zip, ZipDeflate, strToU8 } from 'fflate';
import Papa from 'papaparse';
import type { ClientListQuery } from '../../../shared/schemas/clients.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { WorkspaceExport } from '../../../shared/schemas/exports.js';
import { AppError, fieldError } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Auth, Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { translate } from '../../lib/i18n.js';
import { inTransaction } from '../../lib/transaction.js';
import { clientNames, listClients } from '../clients/clients.service.js';
import { rebuildWordRollups } from '../commitments/commitments.service.js';
import { listPayments } from '../payments/payments.service.js';
import { fillQuoteListColumns } from '../quotes/quotes.service.js';
import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  USER_COLUMNS,
  WORKSPACE_COLUMNS,
  type ExportTable,
} from './exports.catalog.js';
import * as q from './exports.queries.js';
import { recordAudit } from '../audit/audit.service.js';

export const EXPORT_PAGE_SIZE = 1000;
type Scope = { workspaceId: string };
type PageOptions = { pageSize?: number };

/** The users "table" of an export: who the owner was, no secrets; restore maps them to the restoring user. */
const USERS: ExportTable = { name: 'users', key: ['id'] };
const ALL_TABLES: readonly ExportTable[] = [USERS, ...EXPORT_TABLES];

/** A table read page by page (keyset, `pageSize` rows at a time): never the whole table in memory. */
export async function* tablePages(
  deps: Deps,
  { workspaceId }: Scope,
  table: ExportTable,
  { pageSize = EXPORT_PAGE_SIZE }: PageOptions = {},
): AsyncGenerator<q.Row[]> {
  let after: unknown[] | null = null;
  for (;;) {
    const rows = await q.readPage(deps.db.kysely, {
      workspaceId,
      table: table.name,
      key: table.key,
      after,
      limit: pageSize,
      ...(table === USERS ? { columns: [...USER_COLUMNS, 'workspace_id'] } : {}),
    });
    if (!rows.length) return;
    const last: q.Row = rows[rows.length - 1]!;
    after = table.key.map((k) => last[k]);
    // Every row is in this workspace: the column says nothing, and a restore sets its own.
    for (const row of rows) delete row.workspace_id;
    yield rows;
    if (rows.length < pageSize) return;
  }
}

async function exportColumns(deps: Deps): Promise<Map<string, string[]>> {
  const all = await q.tableColumns(deps.db.kysely, { schema: deps.db.schema });
  const out = new Map<string, string[]>();
  for (const t of EXPORT_TABLES)
    out.set(
      t.name,
      (all.get(t.name) ?? []).filter((c) => c !== 'workspace_id'),
    );
  out.set('users', [...USER_COLUMNS]);
  return out;
}

async function workspaceProfile(deps: Deps, { workspaceId }: Scope): Promise<q.Row> {
  const row = await q.findWorkspaceRow(deps.db.kysely, { workspaceId });
  if (!row) throw new AppError('not_found');
  return Object.fromEntries([['id', row.id], ...WORKSPACE_COLUMNS.map((c) => [c, row[c]])]);
}

const encoder = new TextEncoder();

/**
 * The whole workspace as one JSON document (format `mila-export`, version 1), produced as it is
 * read: each page of each table is written and dropped before the next is read.
 */
/** An export is noted when it starts (a download may be cut off; what matters is that it was asked for). */
export async function noteExport(deps: Deps, scope: Scope, format: 'zip' | 'json'): Promise<void> {
  await recordAudit(deps, scope, { action: 'workspace_exported', detail: { format } });
}

export function workspaceJson(deps: Deps, scope: Scope, options: PageOptions = {}): ReadableStream<Uint8Array> {
  async function* parts(): AsyncGenerator<string> {
    const head = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: isoNow(deps.clock),
      workspace: await workspaceProfile(deps, scope),
    };
    yield JSON.stringify(head).slice(0, -1) + ',"tables":{';
    let firstTable = true;
    for (const table of ALL_TABLES) {
      yield `${firstTable ? '' : ','}${JSON.stringify(table.name)}:[`;
      firstTable = false;
      let firstRow = true;
      for await (const page of tablePages(deps, scope, table, options)) {
        yield (firstRow ? '' : ',') + page.map((r) => JSON.stringify(r)).join(',');
        firstRow = false;
      }
      yield ']';
    }
    yield '}}';
  }
  return streamOf(parts(), (text) => (text === undefined ? [] : [encoder.encode(text)]));
}

/** A value as a spreadsheet cell: text as is (formulas neutralised by papaparse), numbers as numbers. */
function csvPage(columns: string[], rows: q.Row[], header: boolean): string {
  return Papa.unparse(
    { fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) },
    // A cell starting with = + - @ (or tab / CR) gets a leading ' so a spreadsheet never runs it.
    { header, escapeFormulae: true, newline: '\r\n' },
  );
}

/**
 * The whole workspace as a ZIP of CSV files, one per table (UTF-8 with BOM, English column names
 * as stored), deflated and sent as it is read.
 */
export function workspaceZip(deps: Deps, scope: Scope, options: PageOptions = {}): ReadableStream<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  async function* files(): AsyncGenerator<null> {
    const columns = await exportColumns(deps);
    const profile = await workspaceProfile(deps, scope);
    const tables: [string, AsyncIterable<q.Row[]>][] = [
      ['workspace', single(profile)],
      ...ALL_TABLES.map((t): [string, AsyncIterable<q.Row[]>] => [t.name, tablePages(deps, scope, t, options)]),
    ];
    for (const [name, pages] of tables) {
      const file = new ZipDeflate(`${name}.csv`, { level: 6 });
      zip.add(file);
      const cols = name === 'workspace' ? Object.keys(profile) : columns.get(name)!;
      file.push(strToU8('\uFEFF' + csvPage(cols, [], true) + '\r\n'));
      yield null;
      for await (const page of pages) {
        file.push(strToU8(csvPage(cols, page, false) + '\r\n'));
        yield null;
      }
      file.push(new Uint8Array(0), true);
      yield null;
    }
    zip.end();
  }
  return streamOf(files(), () => {
    if (failure) throw failure;
    return out.splice(0);
  });
}

async function* single(row: q.Row): AsyncGenerator<q.Row[]> {
  yield [row];
}

/** A pull stream over an async generator: the next part is produced only when the reader wants more. */
function streamOf<T>(
  parts: AsyncGenerator<T>,
  drain: (part: T | undefined) => Uint8Array[],
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const next = await parts.next();
        const chunks = drain(next.done ? undefined : next.value);
        for (const c of chunks) if (c.length) controller.enqueue(c);
        if (next.done) return controller.close();
        if (chunks.some((c) => c.length)) return;
      }
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}

/** Per-list CSV (the client list as filtered, payments): the rows given, with their headers. */
function listCsv(header: string[], rows: q.Row[]): string {
  const keys = header.map((_, i) => String(i));
  return (
    '\uFEFF' +
    Papa.unparse(
      { fields: header, data: rows.map((r) => keys.map((k) => r[k] ?? '')) },
      { escapeFormulae: true, newline: '\r\n' },
    ) +
    '\r\n'
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const WHOLE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isIdColumn = (c: string) => c === 'id' || c.endsWith('_id');

/**
 * Restores an export into the caller's workspace, which must be empty: one transaction, all or
 * nothing. Every id in the document is replaced by a fresh one (in the same order, so keyset order
 * survives), and every mention of it — references, ids inside JSON text and keys — with it: nothing
 * restored can point at a row of another workspace. The exported owner becomes the restoring user.
 */
export async function restoreWorkspace(
  deps: Deps,
  auth: Auth,
  doc: WorkspaceExport,
): Promise<{ tables: Record<string, number> }> {
  const columns = await exportColumns(deps);
  const known = new Set(EXPORT_TABLES.map((t) => t.name));
  for (const name of Object.keys(doc.tables)) {
    if (name !== 'users' && !known.has(name)) throw fieldError(`tables.${name}`, 'unknown_field');
  }
  // Input checks first: names are columns of ours, ids are ids.
  for (const table of EXPORT_TABLES) {
    const allowed = new Set(columns.get(table.name));
    (doc.tables[table.name] ?? []).forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) {
        const path = `tables.${table.name}.${i}.${column}`;
        if (!allowed.has(column)) throw fieldError(path, 'unknown_field');
        if (value !== null && typeof value !== 'string' && typeof value !== 'number')
          throw fieldError(path, 'invalid_type');
        if (isIdColumn(column) && value !== null && !(typeof value === 'string' && WHOLE_UUID.test(value)))
          throw fieldError(path, 'invalid_type');
      }
    });
  }
  const fixed = new Map<string, string>();
  const oldWorkspaceId = doc.workspace.id;
  if (typeof oldWorkspaceId === 'string') fixed.set(oldWorkspaceId, auth.workspaceId);
  for (const u of doc.tables.users ?? []) if (typeof u.id === 'string') fixed.set(u.id, auth.userId);
  const mapping = remapIds(doc, fixed);
  const rewrite = (v: unknown) => (typeof v === 'string' ? v.replace(UUID, (m) => mapping.get(m) ?? m) : v);

  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    for (const table of EXPORT_TABLES)
      if (await q.hasAnyRow(db, { workspaceId: auth.workspaceId, table: table.name }))
        throw new AppError('workspace_not_empty');
    const changes = Object.fromEntries(
      WORKSPACE_COLUMNS.filter((c) => c in doc.workspace).map((c) => [c, rewrite(doc.workspace[c])]),
    );
    await q.updateWorkspace(db, {
      workspaceId: auth.workspaceId,
      changes: { ...changes, updated_at: isoNow(deps.clock) },
    });
    const counts: Record<string, number> = {};
    for (const table of EXPORT_TABLES) {
      const rows = (doc.tables[table.name] ?? []).map((row) => {
        const out: q.Row = { workspace_id: auth.workspaceId };
        for (const [k, v] of Object.entries(row)) out[k] = table.deferred?.includes(k) ? null : rewrite(v);
        return out;
      });
      await q.insertRows(db, { table: table.name, rows });
      for (const column of table.deferred ?? [])
        for (const row of doc.tables[table.name] ?? [])
          if (row[column] != null)
            await q.setColumn(db, {
              workspaceId: auth.workspaceId,
              table: table.name,
              column,
              id: String(rewrite(row.id)),
              value: rewrite(row[column]),
            });
      counts[table.name] = rows.length;
    }
    // An export made before the quotes list had its columns (migration 022) lacks them: derive them.
    await fillQuoteListColumns(deps, { workspaceId: auth.workspaceId });
    await rebuildWordRollups(deps, { workspaceId: auth.workspaceId });
    const restored = Object.values(counts).reduce((sum, n) => sum + n, 0);
    await recordAudit(deps, auth, { action: 'workspace_restored', detail: { rows: restored } });
    return { tables: counts };
  });
}

/** Old id → new id for every id-shaped text in the document, the new ones in the old ones' order. */
function remapIds(doc: WorkspaceExport, fixed: Map<string, string>): Map<string, string> {
  const found = new Set<string>();
  const collect = (v: unknown) => {
    if (typeof v === 'string') for (const m of v.matchAll(UUID)) if (!fixed.has(m[0])) found.add(m[0]);
  };
  for (const v of Object.values(doc.workspace)) collect(v);
  for (const [name, rows] of Object.entries(doc.tables))
    if (name !== 'users') for (const row of rows) for (const v of Object.values(row)) collect(v);
  const old = [...found].sort();
  const fresh = old.map(() => newId()).sort();
  const mapping = new Map(fixed);
  old.forEach((id, i) => mapping.set(id, fresh[i]!));
  return mapping;
}

const CLIENT_COLUMNS = [
  'name',
  'kind',
  'status',
  'phone',
  'whatsapp',
  'email',
  'tags',
  'archivedAt',
  'updatedAt',
] as const;
const PAYMENT_COLUMNS = ['receivedOn', 'client', 'amount', 'currency', 'method', 'note'] as const;

const headerRow = (locale: Locale, area: string, columns: readonly string[]) =>
  columns.map((c) => translate(locale, `exports.${area}.${c}`));

/**
 * The client list as the user filtered it, one CSV (BOM, headers in the user's language — it is a
 * view for people, unlike the workspace export's stable machine names). Read 200 at a time.
 */
export async function clientsCsv(
  deps: Deps,
  scope: Scope,
  locale: Locale,
  query: Omit<ClientListQuery, 'limit' | 'offset'>,
): Promise<string> {
  const rows: q.Row[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page = await listClients(deps, scope, { ...query, limit: 200, offset });
    for (const c of page.items)
      rows.push({
        ...c,
        kind: translate(locale, `exports.kinds.${c.kind}`),
        status: translate(locale, `exports.statuses.${c.status}`),
        tags: c.tags.join(', '),
      });
    offset = page.nextOffset;
  }
  await recordAudit(deps, scope, { action: 'csv_exported', detail: { list: 'clients', rows: rows.length } });
  return listCsv(
    headerRow(locale, 'clients', CLIENT_COLUMNS),
    rows.map((r) => rowByColumns(r, CLIENT_COLUMNS)),
  );
}

/** Payments received, newest first, with the client's name; amounts in major units (₪ 1234.50). */
export async function paymentsCsv(deps: Deps, scope: Scope, locale: Locale): Promise<string> {
  const { items } = await listPayments(deps, scope, {});
  const names = await clientNames(deps, scope, [...new Set(items.map((p) => p.clientId))]);
  const rows = items.map((p) => ({
    receivedOn: p.receivedOn,
    client: names.get(p.clientId) ?? '',
    amount: (p.amount / 100).toFixed(2),
    currency: p.currency,
    method: p.method,
    note: p.note,
  }));
  await recordAudit(deps, scope, { action: 'csv_exported', detail: { list: 'payments', rows: rows.length } });
  return listCsv(
    headerRow(locale, 'payments', PAYMENT_COLUMNS),
    rows.map((r) => rowByColumns(r, PAYMENT_COLUMNS)),
  );
}

function rowByColumns(row: q.Row, columns: readonly string[]): q.Row {
  return Object.fromEntries(columns.map((c, i) => [String(i), row[c] ?? '']));
}
