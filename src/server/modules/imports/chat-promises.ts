/**
 * Promises in a chat (decision 012): a sentence in the first-person future ("אשלח", "I'll send")
 * with a time in it ("עד יום חמישי", "tomorrow at 10") is offered as a commitment, its due moment
 * resolved from the day the message was sent. Pure functions, no network, no model: rules a person
 * can read, each one table-tested.
 */

export type LocalDay = { year: number; month: number; day: number; hour: number; minute: number };

export type FoundPromise = {
  /** The sentence, as the title of the commitment. */
  sentence: string;
  dueDate: string;
  dueTime: string | null;
};

const HE_WEEKDAYS = ['ראשון', 'שני', 'שלישי', 'רביעי', 'חמישי', 'שישי', 'שבת'];
const EN_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** First-person future verbs (I / we), with an optional "and" / "that" prefix letter. */
const HE_VERBS = [
  'שלח',
  'חזור',
  'תקשר',
  'עביר',
  'כין',
  'בדוק',
  'עדכן',
  'סיים',
  'גיע',
  'חזיר',
  'כתוב',
  'סדר',
  'תאם',
  'בוא',
  'מסור',
  'ציג',
  'טפל',
  'סגור',
  'צלצל',
  'עלה',
  'שלים',
];
const HE_FUTURE = new RegExp(`(?:^|[\\s,(])(?:ו|ש|וש)?[אנ](?:${HE_VERBS.join('|')})(?=$|[\\s,.!:;)])`, 'u');
const EN_FUTURE =
  /\b(?:i(?:'ll| will| shall| am going to|'m going to)|we(?:'ll| will| are going to|'re going to))\s+(?:also\s+|definitely\s+|try to\s+)?(?!not\b|never\b|be\s+(?:late|away|off)\b)[a-z]+/i;

const pad = (n: number) => String(n).padStart(2, '0');

function dateString(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function plusDays(base: LocalDay, days: number): string {
  return dateString(base.year, base.month, base.day + days);
}

const weekdayOf = (base: LocalDay) => new Date(Date.UTC(base.year, base.month - 1, base.day)).getUTCDay();

/** The next such weekday after the day said (said on a Thursday, "Thursday" is next week's). */
function nextWeekday(base: LocalDay, weekday: number, nextWeek: boolean): string {
  const today = weekdayOf(base);
  if (nextWeek) return plusDays(base, 7 - today + weekday);
  const ahead = (weekday - today + 7) % 7 || 7;
  return plusDays(base, ahead);
}

/** "This week" ends on Thursday, the end of the Israeli work week; said on Friday or Saturday, on Saturday. */
function endOfWeek(base: LocalDay, nextWeek: boolean): string {
  const today = weekdayOf(base);
  if (nextWeek) return plusDays(base, 7 - today + 4);
  return plusDays(base, today <= 4 ? 4 - today : 6 - today);
}

/** Splits a message into sentences: lines, and ! ? or a full stop that is not inside a number. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[!?])\s+|(?<!\d)\.(?!\d)\s*|(?<=\d)\.\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isFirstPersonFuture(sentence: string): boolean {
  const s = sentence.replace(/[’‘]/g, "'");
  return HE_FUTURE.test(s) || EN_FUTURE.test(s);
}

type Due = { date: string | null; time: string | null; evening?: boolean };

/** The day named in a sentence, relative to the day it was said; null when it names none. */
export function dayIn(sentence: string, said: LocalDay): { date: string; evening: boolean } | null {
  const s = sentence.toLowerCase();
  const nextWeek = /(?:שבוע הבא|בשבוע הבא|next week|next (?:sun|mon|tues|wednes|thurs|fri|satur)day)/u.test(s);

  // An explicit date: 17.1, 17/1, 17.1.27, 17/01/2027 (day first). Without a year: the next one to come.
  const explicit = /(?<![\d:])(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?(?![\d:])/u.exec(s);
  if (explicit) {
    const day = Number(explicit[1]);
    const month = Number(explicit[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      let year = explicit[3] ? Number(explicit[3]) : said.year;
      if (year < 100) year += 2000;
      let date = dateString(year, month, day);
      if (!explicit[3] && date < plusDays(said, 0)) date = dateString(year + 1, month, day);
      return { date, evening: false };
    }
  }

  if (/מחרתיים|the day after tomorrow/u.test(s)) return { date: plusDays(said, 2), evening: false };
  if (/(?:^|[\s,(ו])(?:עד |ב|ל)?מחר(?=$|[\s,.!?])|\btomorrow\b/u.test(s))
    return { date: plusDays(said, 1), evening: false };
  if (/(?:^|[\s,(ו])(?:עד |ב|ל)?הערב(?=$|[\s,.!?])|\btonight\b|\bthis evening\b/u.test(s))
    return { date: plusDays(said, 0), evening: true };
  if (/(?:^|[\s,(ו])(?:עד |ב|ל)?היום(?=$|[\s,.!?])|\btoday\b|\blater today\b/u.test(s))
    return { date: plusDays(said, 0), evening: false };

  // Weekdays: "יום חמישי" (with any prefix), or a bare name with a prefix ("בחמישי", "עד חמישי").
  for (let i = 0; i < 7; i++) {
    const he = HE_WEEKDAYS[i]!;
    const withDay = new RegExp(`(?:^|[\\s,(])(?:ו|ב|ל|עד |עד ה|וב|ול)?יום (?:ה)?${he}(?=$|[\\s,.!?])`, 'u');
    const bare = new RegExp(`(?:^|[\\s,(])(?:ב|עד |עד ה|וב|ול|ל)${he}(?=$|[\\s,.!?])`, 'u');
    if (withDay.test(s) || bare.test(s) || new RegExp(`\\b${EN_WEEKDAYS[i]}\\b`).test(s))
      return { date: nextWeekday(said, i, nextWeek), evening: false };
  }

  if (/(?:סוף (?:ה)?שבוע|השבוע|end of (?:the |this )?week|this week|(?:next|the) weekend)/u.test(s) || nextWeek)
    return { date: endOfWeek(said, nextWeek), evening: false };
  return null;
}

/**
 * The time named in a sentence, as HH:MM. Hebrew: "ב-10", "ב10:30", "בשעה 14:00", "עד 12", with
 * בבוקר / בערב / אחה"צ; English: "at 10", "10am", "3:30 pm", "by 5". A bare hour from 1 to 7 means
 * the afternoon (nobody promises a call at 4 at night).
 */
export function timeIn(sentence: string): string | null {
  const s = sentence.toLowerCase().replace(/[\u05f4״"]/g, '"');
  const en = /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])/u.exec(s);
  if (en) {
    let hour = Number(en[1]) % 12;
    if (en[3]!.startsWith('p')) hour += 12;
    return within(hour, Number(en[2] ?? 0));
  }
  const he =
    /(?:בשעה|ב-|ב־|ב|עד השעה|עד|at|by|around)\s?(\d{1,2})(?::(\d{2}))?(?![\d./])(?:\s*(בבוקר|בצהריים|אחה"צ|אחר הצהריים|בערב|בלילה|o'clock))?/u.exec(
      s,
    );
  if (!he) return null;
  // "ב-17.1" is a date and "עד 3 ימים" a span: a time is a number not followed by a date's dot or a unit.
  const after = s.slice(he.index + he[0].length);
  if (/^\s*(?:ימים|יום|שעות|דקות|days?|hours?|minutes?|weeks?|שבועות|%)/u.test(after)) return null;
  let hour = Number(he[1]);
  const minute = Number(he[2] ?? 0);
  const part = he[3];
  if (part && /ערב|לילה|צה|אחה|אחר/u.test(part) && hour < 12) hour += 12;
  else if (!part && !he[2] && hour >= 1 && hour <= 7) hour += 12;
  else if (!part && he[2] && hour >= 1 && hour <= 6) hour += 12;
  return within(hour, minute);
}

function within(hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

function due(sentence: string, said: LocalDay): Due | null {
  const day = dayIn(sentence, said);
  const time = timeIn(sentence);
  if (!day && !time) return null;
  return { date: day?.date ?? null, time: time ?? (day?.evening ? '20:00' : null) };
}

/**
 * The promise in one message, if any: the first sentence in the first-person future that names a
 * time. A question ("אשלח לך מחר?") asks, it does not promise; a time with no day is the next such
 * time after the message (said at 21:45, "ב-10" is tomorrow morning).
 */
export function findPromise(text: string, said: LocalDay): FoundPromise | null {
  for (const sentence of sentences(text)) {
    if (sentence.includes('?')) continue;
    if (!isFirstPersonFuture(sentence)) continue;
    const d = due(sentence, said);
    if (!d) continue;
    let date = d.date;
    if (!date) {
      const saidTime = `${pad(said.hour)}:${pad(said.minute)}`;
      date = d.time! > saidTime ? plusDays(said, 0) : plusDays(said, 1);
    }
    return { sentence: sentence.slice(0, 300), dueDate: date, dueTime: d.time };
  }
  return null;
}
