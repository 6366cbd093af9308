import chardet from 'chardet';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
// @ts-expect-error: vcf ships no types
import VCard from 'vcf';
import type { ImportField, ImportFormat } from '../../../shared/schemas/imports.js';

export type ParsedFile = {
  format: ImportFormat;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  headers: string[];
  rows: string[][];
};

export function detectFormat(bytes: Buffer, fileName: string): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  if (ext === 'vcf' || ext === 'vcard') return 'vcf';
  const head = bytes
    .subarray(0, 64)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (/^\s*BEGIN:VCARD/i.test(head)) return 'vcf';
  return 'csv';
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else what chardet sees; Hebrew files default to Windows-1255. */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const candidates = chardet.analyse(bytes).map((m) => m.name.toLowerCase());
    const hebrew = candidates.find((n) => n === 'windows-1255' || n === 'iso-8859-8' || n === 'iso-8859-8-i');
    const chosen = hebrew ? 'windows-1255' : (candidates.find((n) => iconv.encodingExists(n)) ?? 'windows-1255');
    // Latin guesses for bytes in the Hebrew range (0xE0–0xFA) are almost always Windows-1255 files.
    const encoding =
      !hebrew && /^(iso-8859-1|windows-1252)$/.test(chosen) && hasHebrewHighBytes(bytes) ? 'windows-1255' : chosen;
    return { text: iconv.decode(bytes, encoding), encoding };
  }
}

function hasHebrewHighBytes(bytes: Buffer): boolean {
  let n = 0;
  for (const b of bytes.subarray(0, 4096)) if (b >= 0xe0 && b <= 0xfa) n++;
  return n >= 3;
}

export function parseCsv(bytes: Buffer): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  const result = Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const all = result.data.map((r) => r.map((c) => (c ?? '').trim()));
  const [headers = [], ...rows] = all;
  return { format: 'csv', encoding, delimiter: result.meta.delimiter, sheets: [], headers, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return String(value.hyperlink).replace(/^mailto:/, '');
  return '';
}

export async function parseXlsx(bytes: Buffer, sheetName?: string): Promise<ParsedFile> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = book.worksheets.map((w) => w.name);
  const sheet = (sheetName ? book.getWorksheet(sheetName) : undefined) ?? book.worksheets[0];
  const all: string[][] = [];
  let width = 0;
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value).trim();
    });
    width = Math.max(width, cells.length);
    all.push(cells);
  });
  const filled = all.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  const [headers = [], ...rows] = filled;
  return { format: 'xlsx', encoding: null, delimiter: null, sheets, headers, rows };
}

type VProp = { valueOf(): string; encoding?: string; charset?: string; type?: string | string[] };

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  const raw = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '=' && /^[0-9A-F]{2}$/i.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(raw[i]!, 'utf8'));
  }
  return iconv.decode(Buffer.from(bytes), iconv.encodingExists(charset) ? charset : 'utf-8');
}

function unescapeValue(v: string): string {
  return v.replace(/\\([,;\\nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

function propText(prop: unknown): string {
  const first = (Array.isArray(prop) ? prop[0] : prop) as VProp | undefined;
  if (!first) return '';
  let value = String(first.valueOf());
  const types = ([] as string[]).concat(first.type ?? []);
  if (first.encoding?.toUpperCase() === 'QUOTED-PRINTABLE' || types.includes('quoted-printable'))
    value = decodeQuotedPrintable(value, first.charset ?? 'utf-8');
  return value.trim();
}

function allTexts(prop: unknown): string[] {
  return (Array.isArray(prop) ? prop : prop ? [prop] : []).map((p) => unescapeValue(propText(p))).filter(Boolean);
}

function joinSoftBreaks(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const last = out.length - 1;
    if (last >= 0 && /QUOTED-PRINTABLE/i.test(out[last]!) && out[last]!.endsWith('='))
      out[last] = out[last]!.slice(0, -1) + line;
    else out.push(line);
  }
  return out.join('\r\n');
}

const VCARD_HEADERS = ['Name', 'Company', 'Phone', 'E-mail', 'Birthday', 'Address', 'Notes'];

export function parseVcf(bytes: Buffer): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  // vCard 2.1 quoted-printable soft breaks ("=" at the end of a line) join before the parser unfolds lines.
  const joined = joinSoftBreaks(text.replace(/\r\n?/g, '\n'));
  const cards = (VCard.parse(joined) as { data: Record<string, unknown> }[]) ?? [];
  const rows = cards.map((card) => {
    const d = card.data;
    const n = propText(d.n)
      .split(';')
      .map(unescapeValue)
      .map((s) => s.trim());
    const name = unescapeValue(propText(d.fn)) || [n[1], n[2], n[0]].filter(Boolean).join(' ');
    const org = unescapeValue(propText(d.org).split(';')[0] ?? '');
    const adr = propText(d.adr)
      .split(';')
      .map(unescapeValue)
      .map((s) => s.trim())
      .filter(Boolean)
      .join(', ');
    return [
      name,
      org,
      allTexts(d.tel)[0] ?? '',
      allTexts(d.email)[0] ?? '',
      propText(d.bday),
      adr,
      allTexts(d.note).join('\n'),
    ];
  });
  return { format: 'vcf', encoding, delimiter: null, sheets: [], headers: VCARD_HEADERS, rows };
}

/** Common export headers (Google Contacts, Outlook, Hebrew spreadsheets) → the field they fill. */
const HEADER_FIELDS: [RegExp, ImportField][] = [
  [/^(e-?mail|email address|e-?mail( 1)? ?(- ?value|address)?|אימייל|דוא"?ל|דואר אלקטרוני|מייל)$/i, 'email'],
  [
    /^(phone|mobile|mobile phone|cell|phone( 1)? ?- ?value|primary phone|business phone|home phone|טלפון|נייד|טלפון נייד|פלאפון|סלולרי|מס(פר)? טלפון)$/i,
    'phone',
  ],
  [/^(birthday|birth ?date|date of birth|יום הולדת|תאריך לידה)$/i, 'birthday'],
  [/^(company|organization|organization name|organization( 1)? ?- ?name|חברה|שם החברה|עסק|ארגון)$/i, 'company'],
  [/^(notes?|comments?|הערות|הערה)$/i, 'notes'],
  [/^(tags?|labels|group membership|categories|תגיות|קבוצות|קטגוריות)$/i, 'tags'],
  [/^(address|home address|business street|address( 1)? ?- ?formatted|כתובת|עיר)$/i, 'address'],
  [/^(name|full name|display name|first name|given name|שם|שם מלא|שם פרטי|שם הלקוח|לקוח|איש קשר)$/i, 'name'],
];

export function guessMapping(headers: string[]): (ImportField | null)[] {
  const used = new Set<ImportField>();
  return headers.map((raw) => {
    const header = raw
      .replace(/^\uFEFF/, '')
      .trim()
      .replace(/\s+/g, ' ');
    const found = HEADER_FIELDS.find(([re]) => re.test(header))?.[1] ?? null;
    if (!found || (used.has(found) && found !== 'notes')) return null;
    used.add(found);
    return found;
  });
}
