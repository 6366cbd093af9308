/**
 * Text normalisation for search, shared so that what is indexed and what is asked are folded the
 * same way: NFC, no niqqud or cantillation (U+0591–U+05C7), Hebrew geresh/gershayim unified with
 * ASCII quotes, final letters kept (they are distinct letters a user types), lower case.
 */
const NIQQUD = /[\u0591-\u05C7]/g;

export function normalizeForSearch(input: string): string {
  return input
    .normalize('NFC')
    .replace(NIQQUD, (ch) => (ch === '\u05BE' ? '-' : ch === '\u05C3' ? ':' : ''))
    .replace(/[\u05F4\u201C\u201D\u201E]/g, '"')
    .replace(/[\u05F3\u2018\u2019\u201A`]/g, "'")
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a query into normalised terms; quotes inside words (צ'ק, מנכ"ל) stay part of the word. */
export function searchTerms(query: string): string[] {
  return normalizeForSearch(query)
    .split(' ')
    .map((t) => t.replace(/^["']+|["']+$/g, ''))
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

/** Wraps user data in Unicode isolates for plain-text messages (WhatsApp, SMS, CSV). */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
