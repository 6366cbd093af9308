import { strFromU8, unzipSync } from 'fflate';
import type { KyselyPlugin } from 'kysely';
import Papa from 'papaparse';
import { ZQuoteList } from '../../../shared/schemas/quotes.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZWorkspaceExport, ZWorkspaceRestored, type WorkspaceExport } from '../../../shared/schemas/exports.js';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZCommitment, ZWordKeeping } from '../../../shared/schemas/commitments.js';
import { createClient } from '../../testing/api-helpers.js';
import { populate } from '../../testing/populate.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { newId } from '../../lib/ids.js';
import type { Deps } from '../../lib/http.js';
import { EXCLUDED_TABLES, EXPORT_TABLES } from './exports.catalog.js';
import { insertRows, tableColumns } from './exports.queries.js';
import { workspaceJson } from './exports.service.js';

async function download(api: ApiClient, path: string): Promise<Response> {
  return api.app.request(path, { headers: { cookie: api.cookie ?? '', 'accept-language': 'he' } });
}

async function exportDoc(api: ApiClient): Promise<WorkspaceExport> {
  const res = await download(api, '/api/v1/exports/workspace.json');
  expect(res.status).toBe(200);
  return ZWorkspaceExport.parse(JSON.parse(await res.text()));
}

/** The document with every id replaced by its order of first appearance, and the moments of export dropped. */
function canonical(doc: WorkspaceExport): unknown {
  const labels = new Map<string, string>();
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const label = (v: unknown) =>
    typeof v === 'string'
      ? v.replace(UUID, (m) => {
          if (!labels.has(m)) labels.set(m, `#${labels.size}`);
          return labels.get(m)!;
        })
      : v;
  const { users: _users, ...tables } = doc.tables;
  const walk = (rows: Record<string, unknown>[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, label(v)])));
  const { id: _id, ...workspace } = doc.workspace;
  return { workspace, tables: Object.fromEntries(Object.entries(tables).map(([k, rows]) => [k, walk(rows)])) };
}

/** Counts the rows each query of `table` returned, through the same connection. */
function countingDeps(deps: Deps, table: string) {
  const pages: number[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      const sqlText = JSON.stringify(args.result.rows[0] ?? {});
      if (args.result.rows.length && sqlText.includes('"position"') && sqlText.includes('"role"') && table)
        pages.push(args.result.rows.length);
      return args.result;
    },
  };
  return { deps: { ...deps, db: { ...deps.db, kysely: deps.db.kysely.withPlugin(plugin) } }, pages };
}

describe.each(testDialects())('export and restore on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let other: TestContext | null = null;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect);
  });
  afterEach(async () => {
    await other?.close();
    other = null;
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('keeps every tenant table either exported or excluded on purpose', async () => {
    const columns = await tableColumns(ctx.db.kysely, { schema: ctx.db.schema });
    const tenant = [...columns].filter(([, cols]) => cols.includes('workspace_id')).map(([name]) => name);
    const covered = new Set([...EXPORT_TABLES.map((t) => t.name), ...EXCLUDED_TABLES, 'users']);
    expect(tenant.filter((t) => !covered.has(t))).toEqual([]);
  });

  it.skipIf(skip)('downloads a ZIP of CSV files with a BOM, Hebrew intact and formulas neutralised', async () => {
    const api = await ctx.owner();
    await populate(api);
    await createClient(api, { name: '=HYPERLINK("http://evil.example","לחצו")', notes: '@SUM(A1)' });
    const res = await download(api, '/api/v1/exports/workspace.zip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="mila-export-.*\.zip"/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['workspace.csv', 'users.csv', 'clients.csv', 'client_contacts.csv', 'payments.csv']),
    );
    const clients = files['clients.csv']!;
    expect([...clients.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(strFromU8(clients), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields?.slice(0, 3)).toEqual(['id', 'kind', 'name']);
    expect(parsed.meta.fields).not.toContain('workspace_id');
    const names = parsed.data.map((r) => r.name);
    expect(names).toContain(`'=HYPERLINK("http://evil.example","לחצו")`);
    expect(parsed.data.map((r) => r.notes)).toContain("'@SUM(A1)");
    const contacts = Papa.parse<Record<string, string>>(strFromU8(files['client_contacts.csv']!), {
      header: true,
      skipEmptyLines: true,
    });
    expect(contacts.data.map((r) => r.name)).toContain('דנה');
    // An empty table still says its columns.
    expect(strFromU8(files['offboardings.csv']!).split('\r\n')[0]).toContain('client_id');
    // No secrets leave: the users file has no password hash.
    expect(strFromU8(files['users.csv']!)).not.toContain('password_hash');
    expect(strFromU8(files['users.csv']!)).not.toContain('$argon2');
  });

  it.skipIf(skip)('reads tables in pages and streams: the first bytes leave before the last page is read', async () => {
    const api = await ctx.owner();
    const client = await createClient(api);
    const me = await api.get('/api/v1/me', ZMe);
    const workspaceId = me.body.workspace.id;
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      id: newId(),
      workspace_id: workspaceId,
      client_id: client.id,
      position: i,
      name: `איש קשר ${i}`,
      role: 'r',
      created_at: '2026-11-01T00:00:00.000Z',
    }));
    await insertRows(ctx.db.kysely, { table: 'client_contacts', rows });
    const { deps, pages } = countingDeps(ctx.deps, 'client_contacts');
    const reader = workspaceJson(deps, { workspaceId }, { pageSize: 1000 }).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(pages).toEqual([]); // nothing of the big table read yet
    let text = new TextDecoder().decode(first.value);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      text += new TextDecoder().decode(next.value);
    }
    expect(pages).toEqual([1000, 1000, 500]);
    const doc = ZWorkspaceExport.parse(JSON.parse(text));
    expect(doc.tables.client_contacts).toHaveLength(2_500);
    expect(doc.tables.client_contacts![0]).not.toHaveProperty('workspace_id');
  });

  it.skipIf(skip)('restores an export into an empty workspace of a fresh install: exported again, equal', async () => {
    const api = await ctx.owner();
    const ids = await populate(api);
    expect((await api.post(`/api/v1/commitments/${ids.commitment}/complete`, {}, ZCommitment)).status).toBe(200);
    await createClient(api, { name: 'שני', tags: ['ותיק', 'VIP'] });
    const first = await exportDoc(api);
    expect(first.format).toBe('mila-export');
    expect(first.version).toBe(1);
    expect(first.tables.clients!.length).toBe(2);

    other = await createTestContext(dialect);
    const target = await other.owner({ business: { name: 'אחר' } });
    const restored = await target.post('/api/v1/imports/workspace-json', first, ZWorkspaceRestored);
    expect(restored.status).toBe(200);
    expect(restored.body.tables.clients).toBe(2);
    const second = await exportDoc(target);
    expect(canonical(second)).toEqual(canonical(first));
    // New ids everywhere: none of the first install's ids survived.
    const oldIds = new Set(first.tables.clients!.map((c) => c.id));
    expect(second.tables.clients!.some((c) => oldIds.has(c.id))).toBe(false);
    // And the restored workspace works through the API.
    const clients = await target.request('GET', '/api/v1/clients');
    expect(JSON.stringify(clients.body)).toContain('שני');
    // The rollups of kept promises are not exported: the restore rebuilds them from the promises.
    other.clock.set(ctx.clock.now().toISOString());
    const words = async (client: ApiClient) =>
      (await client.get('/api/v1/commitments/word-keeping?days=365', ZWordKeeping)).body;
    const kept = await words(api);
    expect(kept.mine.due).toBe(1);
    expect(await words(target)).toEqual(kept);
  });

  it.skipIf(skip)('restores into a second workspace of the same install without touching the first', async () => {
    const api = await ctx.owner();
    const ids = await populate(api);
    const doc = await exportDoc(api);
    const { api: second } = await ctx.otherWorkspace();
    const res = await second.post('/api/v1/imports/workspace-json', doc, ZWorkspaceRestored);
    expect(res.status).toBe(200);
    // A reference pointing out of the document cannot reach the first workspace's rows.
    const mine = await second.request('GET', `/api/v1/clients/${ids.client}`);
    expect(mine.status).toBe(404);
    const again = await exportDoc(api);
    expect(canonical(again)).toEqual(canonical(doc));
  });

  it.skipIf(skip)('an export from before the quotes list columns restores with them derived', async () => {
    const api = await ctx.owner();
    await populate(api);
    const doc = await exportDoc(api);
    expect(doc.tables.quote_versions!.length).toBeGreaterThan(0);
    // As an export made before migration 022 looks: no title, validity, currency or search text.
    for (const row of doc.tables.quote_versions!)
      for (const column of ['title', 'valid_until', 'currency', 'search_text']) delete row[column];
    const { api: second } = await ctx.otherWorkspace();
    expect((await second.post('/api/v1/imports/workspace-json', doc, ZWorkspaceRestored)).status).toBe(200);
    const list = await second.get('/api/v1/quotes', ZQuoteList);
    expect(list.body.items.length).toBeGreaterThan(0);
    const first = list.body.items[0]!;
    expect(first.title).not.toBe('');
    expect(first.currency).toBe('ILS');
    const found = await second.get(`/api/v1/quotes?q=${encodeURIComponent(first.title)}`, ZQuoteList);
    expect(found.body.items.map((q) => q.id)).toContain(first.id);
  });

  it.skipIf(skip)('refuses a workspace that has data with a clear 409, and restores nothing', async () => {
    const api = await ctx.owner();
    await populate(api);
    const doc = await exportDoc(api);
    const res = await api.post('/api/v1/imports/workspace-json', doc, ZWorkspaceRestored);
    expect(res.status).toBe(409);
    expect(res.error.code).toBe('workspace_not_empty');
    expect(res.error.message).toContain('ריקה');
    expect((await exportDoc(api)).tables.clients).toHaveLength(1);
  });

  it.skipIf(skip)('is all or nothing, and checks what it is given', async () => {
    const api = await ctx.owner();
    await populate(api);
    const doc = await exportDoc(api);
    other = await createTestContext(dialect);
    const target = await other.owner();
    // A broken row late in the order (a payment of a client that is not there) undoes everything.
    const broken = structuredClone(doc);
    broken.tables.payments![0]!.client_id = newId();
    expect((await target.post('/api/v1/imports/workspace-json', broken, ZWorkspaceRestored)).status).toBe(422);
    expect((await exportDoc(target)).tables.clients).toEqual([]);

    const column = structuredClone(doc);
    column.tables.clients![0]!.password_hash = 'x';
    const bad = await target.post('/api/v1/imports/workspace-json', column, ZWorkspaceRestored);
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.[0]?.path).toBe('tables.clients.0.password_hash');

    const id = structuredClone(doc);
    id.tables.clients![0]!.id = 'not-an-id';
    expect((await target.post('/api/v1/imports/workspace-json', id, ZWorkspaceRestored)).status).toBe(422);
    const table = structuredClone(doc);
    table.tables.sessions = [{ id: newId() }];
    expect((await target.post('/api/v1/imports/workspace-json', table, ZWorkspaceRestored)).status).toBe(422);
    const version = { ...doc, version: 2 };
    expect((await target.post('/api/v1/imports/workspace-json', version, ZWorkspaceRestored)).status).toBe(422);
    expect((await target.post('/api/v1/imports/workspace-json', doc, ZWorkspaceRestored)).status).toBe(200);
  });

  it.skipIf(skip)('needs a signed-in caller', async () => {
    await ctx.owner();
    const res = await ctx.app.request('/api/v1/exports/workspace.zip');
    expect(res.status).toBe(401);
  });
});

describe.each(testDialects())('per-list CSV on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  beforeEach(async () => {
    if (!skip) ctx = await createTestContext(dialect);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const csvOf = async (api: ApiClient, path: string, locale = 'he') => {
    const res = await api.app.request(path, { headers: { cookie: api.cookie ?? '', 'accept-language': locale } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return Papa.parse<string[]>(strFromU8(bytes), { skipEmptyLines: true }).data;
  };

  it.skipIf(skip)('exports the client list as filtered, headers in the caller’s language', async () => {
    const api = await ctx.owner();
    await createClient(api, { name: 'דנה לוי', status: 'active' });
    await createClient(api, { name: 'ליד חדש', status: 'lead' });
    await createClient(api, { name: '+972 חשוד', status: 'active' });
    const he = await csvOf(api, '/api/v1/exports/clients.csv?status=active');
    expect(he[0]![0]).toBe('שם');
    const names = he.slice(1).map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['דנה לוי', "'+972 חשוד"]));
    expect(names).not.toContain('ליד חדש');
    expect(he[1]![2]).toBe('פעיל');
    const en = await csvOf(api, '/api/v1/exports/clients.csv?q=%D7%9C%D7%99%D7%93', 'en');
    expect(en[0]![0]).toBe('Name');
    expect(en.slice(1).map((r) => r[0])).toEqual(['ליד חדש']);
  });

  it.skipIf(skip)('exports payments with client names and amounts in shekels', async () => {
    const api = await ctx.owner();
    const ids = await populate(api);
    const rows = await csvOf(api, '/api/v1/exports/payments.csv');
    expect(rows[0]).toEqual(['התקבל בתאריך', 'לקוח', 'סכום', 'מטבע', 'אמצעי תשלום', 'הערה']);
    expect(rows).toHaveLength(2);
    const payment = await api.request('GET', `/api/v1/payments?clientId=${ids.client}`);
    const amount = (payment.body as { items: { amount: number }[] }).items[0]!.amount;
    expect(Number(rows[1]![2])).toBe(amount / 100);
    expect(rows[1]![1]).not.toBe('');
  });
});
