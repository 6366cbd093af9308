import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZClient, ZClientList } from '../../../shared/schemas/clients.js';
import {
  ZImportCommitted,
  ZImportParsed,
  ZImportPreviewed,
  type ImportParsed,
} from '../../../shared/schemas/imports.js';
import { ZWebhookEndpointCreated } from '../../../shared/schemas/webhooks.js';
import { createClient } from '../../testing/api-helpers.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { parseCsv, parseVcf, parseXlsx } from './imports.parsers.js';
import { commitImport, readBirthday } from './imports.service.js';

const googleCsv = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(
    'Name,Given Name,Family Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value\n' +
      'דנה לוי,דנה,לוי,1985-03-14,"לקוחה ותיקה, ממליצה",* myContacts ::: VIP,* Home,Dana@Example.com,Mobile,050-123-4567\n' +
      'יואב כהן,יואב,כהן,,,* myContacts,,,Mobile,052-765-4321\n',
    'utf8',
  ),
]);
const outlookCsv = iconv.encode(
  'First Name,Last Name,E-mail Address,Mobile Phone,Birthday\nרותם,שגיא,rotem@example.co.il,054-111-2222,14/3/1990\n',
  'windows-1255',
);
const hebrewSemicolon = Buffer.from(
  'שם;טלפון;דוא"ל;חברה;הערות;יום הולדת\nנועה;03-555-1234;noa@example.com;סטודיו נועה;מעצבת;01.02.1988\n',
  'utf8',
);
const vcards = Buffer.from(
  [
    'BEGIN:VCARD',
    'VERSION:2.1',
    'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D7=9C=D7=95=D7=99;=D7=93=D7=A0=D7=94',
    'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D7=93=D7=A0=D7=94 =D7=9C=D7=95=',
    '=D7=99',
    'TEL;CELL:050-1234567',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Acme\\, Ltd',
    'NOTE:a long note that is folded',
    '  over two lines',
    'EMAIL;TYPE=INTERNET:office@acme.example',
    'BDAY:1979-11-02',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:4.0',
    'FN:Moshe',
    'TEL;TYPE=cell;VALUE=uri:tel:+972-52-555-0000',
    'BDAY:--0704',
    'END:VCARD',
    '',
  ].join('\r\n'),
  'utf8',
);

async function xlsxBook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('ריק');
  const sheet = book.addWorksheet('לקוחות');
  sheet.addRow(['שם', 'נייד', 'אימייל', 'יום הולדת']);
  sheet.addRow(['אורי', '0501112233', 'uri@example.com', new Date(Date.UTC(1992, 5, 30))]);
  sheet.addRow(['מיכל', 972541234567, null, null]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('import parsers', () => {
  it('reads a Google Contacts CSV in UTF-8 with BOM and guesses the mapping', () => {
    const p = parseCsv(googleCsv);
    expect(p.encoding).toBe('utf-8-bom');
    expect(p.headers[0]).toBe('Name');
    expect(p.rows[0]![4]).toBe('לקוחה ותיקה, ממליצה');
  });
  it('reads an Outlook CSV in Windows-1255', () => {
    const p = parseCsv(outlookCsv);
    expect(p.encoding).toBe('windows-1255');
    expect(p.rows[0]![0]).toBe('רותם');
  });
  it('reads a semicolon CSV with Hebrew headers', () => {
    const p = parseCsv(hebrewSemicolon);
    expect(p.delimiter).toBe(';');
    expect(p.headers).toEqual(['שם', 'טלפון', 'דוא"ל', 'חברה', 'הערות', 'יום הולדת']);
  });
  it('reads vCards 2.1 (quoted-printable Hebrew), 3.0 (folded, escaped comma) and 4.0', () => {
    const p = parseVcf(vcards);
    expect(p.rows.map((r) => r[0])).toEqual(['דנה לוי', 'Acme, Ltd', 'Moshe']);
    expect(p.rows[1]![6]).toBe('a long note that is folded over two lines');
    expect(p.rows[1]![4]).toBe('1979-11-02');
    expect(p.rows[2]![4]).toBe('--0704');
  });
  it('reads the chosen xlsx sheet with numbers and dates', async () => {
    const p = await parseXlsx(await xlsxBook(), 'לקוחות');
    expect(p.sheets).toEqual(['ריק', 'לקוחות']);
    expect(p.rows).toEqual([
      ['אורי', '0501112233', 'uri@example.com', '1992-06-30'],
      ['מיכל', '972541234567', '', ''],
    ]);
  });
  it('reads birthdays day first', () => {
    expect(readBirthday('14/3/1985')).toEqual({ day: 14, month: 3, year: 1985 });
    expect(readBirthday('01.02.88')).toEqual({ day: 1, month: 2, year: 1988 });
    expect(readBirthday('--0704')).toEqual({ day: 4, month: 7, year: null });
    expect(readBirthday('yesterday')).toBeNull();
  });
});

describe.each(testDialects())('imports on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function upload(client: ApiClient, bytes: Buffer, fileName: string, locale = 'he') {
    const res = await client.app.request(`/api/v1/imports/parse?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'accept-language': locale,
        cookie: client.cookie ?? '',
        'x-csrf-token': client.csrfToken ?? '',
      },
      body: new Uint8Array(bytes),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  async function parsed(bytes: Buffer, fileName: string): Promise<ImportParsed> {
    const res = await upload(api, bytes, fileName);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ZImportParsed.parse(res.body);
  }

  it.skipIf(skip)('parses each format and guesses the mapping', async () => {
    expect((await parsed(googleCsv, 'contacts.csv')).mapping).toEqual([
      'name',
      null,
      null,
      'birthday',
      'notes',
      'tags',
      null,
      'email',
      null,
      'phone',
    ]);
    expect((await parsed(outlookCsv, 'outlook.csv')).mapping).toEqual(['name', null, 'email', 'phone', 'birthday']);
    expect((await parsed(hebrewSemicolon, 'x.csv')).mapping).toEqual([
      'name',
      'phone',
      'email',
      'company',
      'notes',
      'birthday',
    ]);
    const xl = await parsed(await xlsxBook(), 'book.xlsx');
    expect(xl.format).toBe('xlsx');
    expect(xl.rows).toEqual([]);
    expect((await parsed(vcards, 'all.vcf')).format).toBe('vcf');
  });

  it.skipIf(skip)('refuses a file over 20 MB with a field error in the user language', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1024 * 1024, 0x61);
    const he = await upload(api, big, 'big.csv');
    expect(he.status).toBe(413);
    expect(JSON.stringify(he.body)).toContain('הקובץ גדול מדי');
    const en = await upload(api, big, 'big.csv', 'en');
    expect(JSON.stringify(en.body)).toContain('The file is too large (up to 20 MB)');
  });

  it.skipIf(skip)('previews drafts, bad rows and duplicates (existing and in the file), then commits', async () => {
    const existing = await createClient(api, { name: 'דנה הקיימת', phone: '0501234567', tags: ['ותיקה'] });
    const mapping = ['name', 'phone', 'email', 'birthday', 'tags'] as const;
    const rows = [
      ['דנה לוי', '050-123-4567', 'dana@example.com', '14/03/1985', 'VIP'],
      ['יואב', '052-7654321', '', '', ''],
      ['יואב שוב', '+972 52 765 4321', '', '', ''],
      ['', '053-0000000', '', '', ''],
      ['טל', '12', 'not-an-email', '31/02/1990', ''],
    ];
    const res = await api.post('/api/v1/imports/preview', { mapping, rows }, ZImportPreviewed);
    expect(res.status, JSON.stringify(res.raw)).toBe(200);
    const p = res.body.rows;
    expect(p[0]!.duplicate).toMatchObject({ of: 'existing', clientId: existing.id, by: 'phone' });
    expect(p[0]!.proposed).toBe('merge');
    expect(p[0]!.draft).toMatchObject({ phone: '+972501234567', importantDates: [{ day: 14, month: 3, year: 1985 }] });
    expect(p[1]!.proposed).toBe('create');
    expect(p[2]!.duplicate).toMatchObject({ of: 'file', rowIndex: 1 });
    expect(p[2]!.proposed).toBe('skip');
    expect(p[3]!.problems.map((x) => x.field)).toEqual(['name']);
    expect(p[4]!.problems.map((x) => x.field)).toEqual(['phone', 'email', 'birthday']);
    expect(p[4]!.problems[0]!.message).toMatch(/[א-ת]/);
    expect(res.body.counts).toEqual({ ready: 1, bad: 2, duplicates: 2 });

    const done = await api.post(
      '/api/v1/imports/commit',
      { mapping, rows, decisions: [{ index: 2, action: 'merge' }] },
      ZImportCommitted,
    );
    expect(done.status, JSON.stringify(done.raw)).toBe(200);
    expect(done.body).toEqual({ created: 1, merged: 2, skipped: 2 });
    const list = await api.get('/api/v1/clients?sort=name', ZClientList);
    expect(list.body.items.map((c) => c.name).sort()).toEqual(['דנה הקיימת', 'יואב'].sort());
    const dana = list.body.items.find((c) => c.id === existing.id)!;
    expect(dana.tags).toEqual(expect.arrayContaining(['ותיקה', 'VIP']));
  });

  it.skipIf(skip)('looks duplicates up only in the caller workspace', async () => {
    await createClient(api, { name: 'דנה', phone: '0501234567' });
    const { api: other } = await ctx.otherWorkspace();
    const res = await other.post(
      '/api/v1/imports/preview',
      { mapping: ['name', 'phone'], rows: [['דנה', '050-1234567']] },
      ZImportPreviewed,
    );
    expect(res.status).toBe(200);
    expect(res.body.rows[0]!.duplicate).toBeNull();
    expect(res.body.rows[0]!.proposed).toBe('create');
  });

  it.skipIf(skip)(
    'a long file goes in as a few multi-row inserts: every client whole, searchable, announced',
    async () => {
      const hook = await api.post(
        '/api/v1/webhooks',
        { url: 'http://127.0.0.1:9/hook', events: ['client.created'] },
        ZWebhookEndpointCreated,
      );
      expect(hook.status).toBe(201);
      const rows = Array.from({ length: 1_201 }, (_, i) => [
        `לקוח ${i}`,
        `050${String(1_000_000 + i)}`,
        'VIP',
        '14/03/1985',
      ]);
      const done = await api.post(
        '/api/v1/imports/commit',
        { mapping: ['name', 'phone', 'tags', 'birthday'], rows },
        ZImportCommitted,
      );
      expect(done.status, JSON.stringify(done.raw)).toBe(200);
      expect(done.body).toEqual({ created: 1_201, merged: 0, skipped: 0 });
      const found = await api.get(`/api/v1/clients?q=${encodeURIComponent('0501001200')}`, ZClientList);
      expect(found.body.items.map((c) => c.name)).toEqual(['לקוח 1200']);
      const client = (await api.get(`/api/v1/clients/${found.body.items[0]!.id}`, ZClient)).body;
      expect(client).toMatchObject({ phone: '+972501001200', tags: ['VIP'] });
      expect(client.importantDates).toMatchObject([{ kind: 'birthday', day: 14, month: 3, year: 1985 }]);
      const deliveries = await ctx.db.kysely
        .selectFrom('webhook_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(deliveries.n)).toBe(1_201);
    },
  );

  it.skipIf(skip)('writes all rows or none', async () => {
    const scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'client_tags', kind: 'insert' });
    const input = {
      mapping: ['name', 'tags'] as ('name' | 'tags')[],
      rows: [
        ['אחת', ''],
        ['שתיים', 'VIP'],
      ],
      decisions: [],
    };
    await expect(commitImport(failing, scope, 'he', input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });
});
