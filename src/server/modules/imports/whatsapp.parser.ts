import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { parseString } from 'whatsapp-chat-parser';

/** A chat's wall-clock time as the exporting phone wrote it (its own zone: Israel for our users). */
export type ChatLocalTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export type ChatMessage = {
  /** Position among the chat's messages (system lines left out), in file order. */
  index: number;
  local: ChatLocalTime;
  author: string;
  /** The text with bidi marks removed; empty for a media placeholder. */
  text: string;
  media: boolean;
};

export type ParsedChat = {
  messages: ChatMessage[];
  authors: { name: string; count: number }[];
  dayFirst: boolean;
  /** Lines WhatsApp wrote itself (encryption notice, group changes, missed calls, deleted messages). */
  systemLines: number;
};

export class ChatFileError extends Error {
  constructor(readonly reason: 'unreadable_chat' | 'not_a_chat') {
    super(reason);
  }
}

/** LRM, RLM, the embeddings and isolates, BOM: WhatsApp sprinkles them around dates, names and placeholders. */
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The chat's text from an export: the .txt itself, or the .zip "Export chat" makes (`_chat.txt` on
 * iOS, `WhatsApp Chat with X.txt` / `צ'אט WhatsApp עם X.txt` on Android), media files ignored.
 */
export function chatText(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, { filter: (f) => /\.txt$/i.test(f.name) && !f.name.startsWith('__MACOSX/') });
    } catch {
      throw new ChatFileError('unreadable_chat');
    }
    const names = Object.keys(files);
    const name = names.find((n) => /(^|\/)_chat\.txt$/i.test(n)) ?? names.find((n) => /whatsapp/i.test(n)) ?? names[0];
    if (!name) throw new ChatFileError('not_a_chat');
    return decode(files[name]!);
  }
  return decode(bytes);
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ChatFileError('unreadable_chat');
  }
}

const DATE_AT_LINE_START = /^\s*\[?(\d{1,4})[./-](\d{1,2})[./-](\d{2,4})[,\s]/gm;

/**
 * Day or month first. A first number above 12 settles it as day-first, a second one above 12 as
 * month-first; when every date could be read both ways, day-first (Israeli and European phones).
 */
export function detectDayFirst(text: string): boolean | null {
  let monthFirst = false;
  for (const m of text.matchAll(DATE_AT_LINE_START)) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    if (m[1]!.length === 4) return null;
    if (first > 12) return true;
    if (second > 12) monthFirst = true;
  }
  return !monthFirst;
}

const SYSTEM_TEXTS = [
  /end-to-end encrypted/i,
  /מוצפנות מקצה לקצה/,
  /^missed (voice|video|group voice|group video) call/i,
  /שיחת (ה)?(וידאו|קולית|קול) (שלא נענתה|שלא נענו|שהוחמצה)/,
  /^(this message was deleted|you deleted this message)\.?$/i,
  /^(ההודעה הזו נמחקה|הודעה זו נמחקה|מחקת את ההודעה הזו|מחקת הודעה זו)\.?$/,
  /disappearing messages/i,
  /הודעות (זמניות|נעלמות)/,
  /security code (with .+ )?changed/i,
  /קוד האבטחה .*השתנה/,
  /^null$/,
];

const MEDIA_TEXTS = [
  /^<media omitted>$/i,
  /^<המדיה לא נכללה>$/,
  /^(image|video|audio|sticker|gif|document|contact card|photo) omitted$/i,
  /^(התמונה|הסרטון|השמע|האודיו|הקובץ|המסמך|המדבקה|ה-?gif|ה־gif|כרטיס איש הקשר|הקלטת האודיו) (הושמט|הושמטה)$/i,
  /^<attached: [^>]+>$/i,
  /^<מצורף: [^>]+>$/,
  /^.+\.(jpe?g|png|webp|gif|mp4|opus|ogg|m4a|pdf|vcf|docx?) \((file attached|הקובץ מצורף|קובץ מצורף)\)$/i,
];

const EDITED = /\s*<(this message was edited|ההודעה נערכה|הודעה זו נערכה)>\s*$/i;

export function isMediaPlaceholder(text: string): boolean {
  return MEDIA_TEXTS.some((re) => re.test(text));
}

/** A WhatsApp export's messages, authors with their counts, and the date order it was read in. */
export function parseChat(raw: string): ParsedChat {
  const text = raw.replace(BIDI_MARKS, '').replace(/\r\n?/g, '\n');
  const dayFirst = detectDayFirst(text);
  const parsed = parseString(text, { daysFirst: dayFirst });
  const messages: ChatMessage[] = [];
  const counts = new Map<string, number>();
  let systemLines = 0;
  for (const m of parsed) {
    const body = m.message.replace(/[\u00a0\u202f]/g, ' ').trim();
    const author = m.author?.replace(/[\u00a0\u202f]/g, ' ').trim() ?? '';
    if (!author || SYSTEM_TEXTS.some((re) => re.test(body))) {
      systemLines += 1;
      continue;
    }
    const cleaned = body.replace(EDITED, '').trim();
    const media = isMediaPlaceholder(cleaned);
    messages.push({
      index: messages.length,
      // The parser builds Dates from the file's wall-clock in this process's zone: read it back the same way.
      local: {
        year: m.date.getFullYear(),
        month: m.date.getMonth() + 1,
        day: m.date.getDate(),
        hour: m.date.getHours(),
        minute: m.date.getMinutes(),
        second: m.date.getSeconds(),
      },
      author,
      text: media ? '' : cleaned,
      media,
    });
    counts.set(author, (counts.get(author) ?? 0) + 1);
  }
  if (messages.length === 0) throw new ChatFileError('not_a_chat');
  const authors = [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count);
  return { messages, authors, dayFirst: dayFirst ?? false, systemLines };
}

export type ChatRole = 'me' | 'client';

/** The text as both phones agree on it: NFC, one space for any run of white space, media as one token. */
export function normaliseText(message: Pick<ChatMessage, 'text' | 'media'>): string {
  if (message.media) return '<media>';
  return message.text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The stable key of a message (decision 012): its minute (iOS writes seconds, Android does not),
 * who wrote it as a role (each phone names the authors its own way), its normalised text, and how
 * many identical messages came before it in that minute ("ok", "ok").
 */
export function messageKey(message: ChatMessage, role: ChatRole, occurrence: number): string {
  const l = message.local;
  const minute = `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
  return createHash('sha256')
    .update(`${minute}\n${role}\n${normaliseText(message)}\n${occurrence}`)
    .digest('hex');
}

/** Keys for all messages, counting repeats of the same minute, role and text. */
export function messageKeys(messages: ChatMessage[], roleOf: (m: ChatMessage) => ChatRole): string[] {
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const role = roleOf(m);
    const l = m.local;
    const base = `${l.year}-${l.month}-${l.day} ${l.hour}:${l.minute}|${role}|${normaliseText(m)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return messageKey(m, role, n);
  });
}
