import { z } from 'zod';
import { toE164 } from '../phone.js';
import { locales, weekdays } from '../lists.js';
export { locales, weekdays };

// Zod's JIT probes `new Function`; under the web app's Content-Security-Policy (no 'unsafe-eval')
// the browser reports every such probe as a violation. Every schema module imports this one first,
// so switching the JIT off here happens before any schema is built, in the browser and the server
// alike (our payloads are small; the interpreter is fast enough).
z.config({ jitless: true });

/**
 * Building blocks for the resource schemas. Custom errors carry a validation *code* (not prose):
 * the API and the forms turn it into a message in the user's language from the catalogs.
 */
export const ZId = z.string().uuid({ error: 'invalid_id' }).meta({ example: '0197a4c2-7b1e-7c3a-9f10-2a4b6c8d0e1f' });
export const ZIsoDateTime = z.string().meta({ format: 'date-time', example: '2026-11-23T10:00:00.000Z' });

export const ZLocale = z.enum(locales, { error: 'invalid_choice' });
export type Locale = z.infer<typeof ZLocale>;

export const channels = ['phone', 'whatsapp', 'email', 'sms', 'meeting', 'other'] as const;
export const ZChannel = z.enum(channels, { error: 'invalid_choice' });
export type Channel = z.infer<typeof ZChannel>;

const OVERRIDES = new Set(['\u202D', '\u202E']); // LRO, RLO: reorder what follows, paired or not
const EMBEDDINGS = new Set(['\u202A', '\u202B']); // LRE, RLE … closed by PDF U+202C
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']); // LRI, RLI, FSI … closed by PDI U+2069
// C0 and C1 controls and DEL; tab and line feed are handled apart.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text as stored (ASVS 5 V2.2.1, bidi spoofing): control characters removed (tab and new line kept
 * in multi-line text, else they become a space); the bidi overrides LRO/RLO removed outright (they
 * reverse what follows: "‮fdp.exe" shows as "exe.pdf"); embeddings and isolates kept only where
 * opened and closed on the same line, an unpaired opener or closer removed. Mila's own isolates
 * (`<bdi>`, FSI…PDI around names in messages) are added at output, after this.
 */
export function cleanText(value: string, multiline: boolean): string {
  const text = value.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
  const lines = (multiline ? text : text.replace(/[\n\t]/g, ' ')).split('\n');
  return lines.map(balanceBidi).join('\n');
}

function balanceBidi(line: string): string {
  const chars = [...line];
  const keep = chars.map(() => true);
  const open: { index: number; kind: 'embedding' | 'isolate' }[] = [];
  chars.forEach((ch, i) => {
    if (OVERRIDES.has(ch)) keep[i] = false;
    else if (EMBEDDINGS.has(ch)) open.push({ index: i, kind: 'embedding' });
    else if (ISOLATES.has(ch)) open.push({ index: i, kind: 'isolate' });
    else if (ch === '\u202C' || ch === '\u2069') {
      const kind = ch === '\u202C' ? 'embedding' : 'isolate';
      if (open.at(-1)?.kind === kind) open.pop();
      else keep[i] = false;
    }
  });
  for (const { index } of open) keep[index] = false;
  return chars.filter((_, i) => keep[i]).join('');
}

/** Longer fields (notes, messages, reasons) may hold several lines; shorter ones are one line. */
const isMultiline = (max: number) => max >= 500;

/** A required line of text: cleaned, trimmed, at least one character. */
export function requiredText(max: number) {
  return z
    .string({ error: 'required' })
    .overwrite((v) => cleanText(v, isMultiline(max)))
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'too_long' });
}

/** Optional free text: cleaned; blank becomes null so the database holds one kind of "nothing". */
export function optionalText(max: number) {
  return z
    .string({ error: 'invalid_type' })
    .overwrite((v) => cleanText(v, isMultiline(max)))
    .trim()
    .max(max, { error: 'too_long' })
    .nullish()
    .transform((v) => (v ? v : null));
}

export const ZEmail = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(254, { error: 'too_long' })
  .pipe(z.email({ error: 'invalid_email' }))
  .transform((v) => v.toLowerCase());

export const ZOptionalEmail = z
  .union([z.literal(''), z.null(), ZEmail], { error: 'invalid_email' })
  .optional()
  .transform((v) => (v ? v : null));

/** Any phone the user types (050-1234567, +972 50 123 4567); stored as E.164. */
export const ZOptionalPhone = z
  .string({ error: 'invalid_phone' })
  .trim()
  .max(40, { error: 'invalid_phone' })
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const e164 = toE164(v);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'invalid_phone' });
      return z.NEVER;
    }
    return e164;
  })
  .meta({ type: 'string', example: '+972501234567' });

export type Weekday = (typeof weekdays)[number];

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid_time' });

export const ZTimeRange = z
  .object({ from: ZClock, to: ZClock })
  .refine((r) => r.from < r.to, { error: 'time_range', path: ['to'] });

/** Service hours for each weekday: zero or more ranges; an empty day is a day off. */
export const ZWeeklyHours = z
  .object({
    sun: z.array(ZTimeRange).max(4),
    mon: z.array(ZTimeRange).max(4),
    tue: z.array(ZTimeRange).max(4),
    wed: z.array(ZTimeRange).max(4),
    thu: z.array(ZTimeRange).max(4),
    fri: z.array(ZTimeRange).max(4),
    sat: z.array(ZTimeRange).max(4),
  })
  .meta({ id: 'WeeklyHours' });
export type WeeklyHours = z.infer<typeof ZWeeklyHours>;

/** The Israeli default: Sunday–Thursday 09:00–18:00, Friday short, Saturday rest. */
export const defaultServiceHours: WeeklyHours = {
  sun: [{ from: '09:00', to: '18:00' }],
  mon: [{ from: '09:00', to: '18:00' }],
  tue: [{ from: '09:00', to: '18:00' }],
  wed: [{ from: '09:00', to: '18:00' }],
  thu: [{ from: '09:00', to: '18:00' }],
  fri: [{ from: '09:00', to: '13:00' }],
  sat: [],
};

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const ZTimeZone = z
  .string({ error: 'invalid_timezone' })
  .refine(isValidTimeZone, { error: 'invalid_timezone' })
  .meta({ example: 'Asia/Jerusalem' });

export const ZCurrency = z
  .string({ error: 'invalid_currency' })
  .regex(/^[A-Z]{3}$/, { error: 'invalid_currency' })
  .meta({ example: 'ILS' });

/**
 * The years a date in Mila may fall in: wide enough for a birthday or a founding year, narrow enough
 * that date arithmetic (a day after, a month of reminders) never leaves the four-digit calendar.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/**
 * Whether a date or an instant (ISO string, YYYY-… first) falls in the years Mila accepts. What is
 * not shaped like a date passes here: the format check beside it says `invalid_date`, once.
 */
export function inDateRange(v: string): boolean {
  if (!/^\d{4}-/.test(v)) return true;
  const year = Number(v.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A day on the workspace's calendar (no time, no zone): what a person means by "Thursday the 26th". */
export const ZLocalDate = z
  .string({ error: 'invalid_date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid_date' })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    },
    { error: 'invalid_date' },
  )
  .refine(inDateRange, { error: 'date_out_of_range' })
  .meta({ example: '2026-11-26' });

export const ZLocalTime = z
  .string({ error: 'invalid_time' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid_time' })
  .meta({ example: '17:00' });

/** Offset paging for the lists: a page of up to 200 rows (50 unless asked), from `offset`. */
export const ZPageLimit = z.coerce
  .number({ error: 'invalid_number' })
  .int()
  .min(1, { error: 'too_small' })
  .max(200, { error: 'too_big' })
  .default(50);
export const ZPageOffset = z.coerce
  .number({ error: 'invalid_number' })
  .int()
  .min(0, { error: 'too_small' })
  .max(1_000_000, { error: 'too_big' })
  .default(0);

/** The next page's offset, or null at the end: what every paged list answers as `nextOffset`. */
export function nextOffsetOf(offset: number, rows: number, total: number): number | null {
  return offset + rows < total ? offset + rows : null;
}
