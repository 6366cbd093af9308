import { sql, type Expression, type SqlBool } from 'kysely';
import { normalizeForSearch } from '../../shared/text.js';

/** A LIKE pattern for "contains the term" (use with `escape '\\'`). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * SQL for "every term is in one of these columns" (lower-cased, so English is found in any case):
 * the wide net; `matchText` then keeps and ranks the real matches.
 */
export function everyTermIn(columns: string[], terms: string[]): Expression<SqlBool> {
  const clauses = terms.map(
    (term) =>
      sql<SqlBool>`(${sql.join(
        columns.map((column) => sql`lower(coalesce(${sql.ref(column)}, '')) like ${containsPattern(term)} escape '\\'`),
        sql` or `,
      )})`,
  );
  return sql<SqlBool>`(${sql.join(clauses, sql` and `)})`;
}

const letterOrDigit = /[\p{L}\p{N}]/u;

/** Where `term` starts a word of `text` (both normalised), or -1. */
function wordStart(text: string, term: string): number {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1))
    if (at === 0 || !letterOrDigit.test(text[at - 1]!)) return at;
  return -1;
}

export type Match = {
  /** 0: every term starts a word ("דנ" in "דנה לוי"); 1: a term of 3+ letters sits inside a word. */
  rank: 0 | 1;
  /** Where the first term was found: earlier is better. */
  at: number;
};

/**
 * How `text` matches the search terms (already normalised, as `searchTerms` gives them), by the
 * client search's rule: a term of 1–2 letters must start a word, a longer one may sit anywhere
 * (לקוח finds ללקוח). Null when a term is missing. The text is normalised here (niqqud, geresh).
 */
export function matchText(text: string, terms: string[]): Match | null {
  const folded = normalizeForSearch(text);
  let rank: 0 | 1 = 0;
  let first = -1;
  for (const [index, term] of terms.entries()) {
    let at = wordStart(folded, term);
    if (at === -1) {
      if (term.length < 3) return null;
      at = folded.indexOf(term);
      if (at === -1) return null;
      rank = 1;
    }
    if (index === 0) first = at;
  }
  return { rank, at: first };
}

/** Orders hits: word-start matches first, then the earlier match, then the shorter text, then by name. */
export function byMatch<T extends { match: Match; text: string }>(a: T, b: T): number {
  return (
    a.match.rank - b.match.rank ||
    a.match.at - b.match.at ||
    a.text.length - b.text.length ||
    a.text.localeCompare(b.text, 'he')
  );
}
