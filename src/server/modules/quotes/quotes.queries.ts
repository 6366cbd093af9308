import { sql, type Expression, type SqlBool } from 'kysely';
import type { QuoteSort, QuoteStatus } from '../../../shared/schemas/quotes.js';
import type { Dialect, Executor } from '../../db/database.js';
import { idIn } from '../../db/id-list.js';
import { everyTermIn } from '../../lib/search-match.js';
import type {
  NewQuote,
  NewQuoteLink,
  NewQuoteVersion,
  NewTermsTemplate,
  QuoteRow,
  QuoteVersionRow,
  TermsTemplateRow,
} from './quotes.table.js';

type Scope = { workspaceId: string };

export async function listTermsTemplates(db: Executor, { workspaceId }: Scope) {
  return db
    .selectFrom('terms_templates')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .execute();
}

export async function findTermsTemplate(db: Executor, { workspaceId, id }: Scope & { id: string }) {
  return db
    .selectFrom('terms_templates')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTermsTemplate(db: Executor, row: NewTermsTemplate) {
  await db.insertInto('terms_templates').values(row).execute();
}

export async function updateTermsTemplate(
  db: Executor,
  {
    workspaceId,
    id,
    changes,
  }: Scope & { id: string; changes: Pick<TermsTemplateRow, 'name' | 'locale' | 'terms' | 'updated_at'> },
) {
  await db
    .updateTable('terms_templates')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteTermsTemplate(db: Executor, { workspaceId, id }: Scope & { id: string }) {
  await db.deleteFrom('terms_templates').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** The next number of the year, atomically (two quotes made at once never share a number). */
export async function nextQuoteSequence(
  db: Executor,
  { workspaceId, year }: Scope & { year: number },
): Promise<number> {
  const row = await db
    .insertInto('quote_counters')
    .values({ workspace_id: workspaceId, year, last: 1 })
    .onConflict((oc) => oc.columns(['workspace_id', 'year']).doUpdateSet({ last: sql`quote_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export async function insertQuote(db: Executor, row: NewQuote) {
  await db.insertInto('quotes').values(row).execute();
}

export async function findQuote(db: Executor, { workspaceId, quoteId }: Scope & { quoteId: string }) {
  return db
    .selectFrom('quotes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', quoteId)
    .executeTakeFirst();
}

export async function updateQuote(
  db: Executor,
  {
    workspaceId,
    quoteId,
    changes,
  }: Scope & { quoteId: string; changes: Partial<Omit<QuoteRow, 'id' | 'workspace_id'>> },
) {
  await db
    .updateTable('quotes')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', quoteId)
    .execute();
}

export async function listQuotes(
  db: Executor,
  { workspaceId, clientId, limit }: Scope & { clientId?: string; limit: number },
) {
  let query = db.selectFrom('quotes').selectAll().where('workspace_id', '=', workspaceId);
  if (clientId) query = query.where('client_id', '=', clientId);
  return query.orderBy('created_at', 'desc').limit(limit).execute();
}

export type QuoteListFilter = Scope & {
  clientId?: string | undefined;
  /** Folded search terms: each must be in the number and title, or in the client's search text. */
  terms: string[];
  /** The workspace's local day: a sent quote whose validity day is before it has expired. */
  today: string;
};

/** The current version's status as the list shows it: expired is derived from the validity day. */
const effectiveStatus = (today: string) =>
  sql<QuoteStatus>`case when v.status in ('sent', 'viewed') and v.valid_until < ${today} then 'expired' else v.status end`;

/** The quotes matching the filter, each with its current version and its client. */
function listBase(db: Executor, f: QuoteListFilter) {
  let query = db
    .selectFrom('quotes as q')
    .innerJoin('quote_versions as v', (join) =>
      join.onRef('v.quote_id', '=', 'q.id').onRef('v.version', '=', 'q.current_version'),
    )
    .innerJoin('clients as c', 'c.id', 'q.client_id')
    .where('q.workspace_id', '=', f.workspaceId);
  if (f.clientId) query = query.where('q.client_id', '=', f.clientId);
  if (f.terms.length) query = query.where(everyTermIn(['v.search_text', 'c.search_text'], f.terms));
  return query;
}

/** One page of the list (its total is the counts' sum: quoteStatusCounts). */
export async function listQuoteSummaries(
  db: Executor,
  f: QuoteListFilter & { status?: QuoteStatus | undefined; sort: QuoteSort; limit: number; offset: number },
) {
  let query = listBase(db, f);
  if (f.status) query = query.where(effectiveStatus(f.today), '=', f.status);
  let page = query.select([
    'q.id',
    'q.number',
    'q.kind',
    'q.client_id',
    'c.name as client_name',
    effectiveStatus(f.today).as('status'),
    'v.title',
    'v.total',
    'v.currency',
    'v.valid_until',
    'q.project_id',
    'q.created_at',
    'v.sent_at',
    'v.decided_at',
  ]);
  page =
    f.sort === 'number'
      ? page.orderBy('q.number', 'asc')
      : f.sort === 'total'
        ? page.orderBy('v.total', 'desc').orderBy('q.created_at', 'desc')
        : f.sort === 'client'
          ? page.orderBy(sql`lower(c.name)`).orderBy('q.created_at', 'desc')
          : page.orderBy('q.created_at', 'desc');
  return page.orderBy('q.id').limit(f.limit).offset(f.offset).execute();
}

/**
 * How many quotes of each status match the search (the filter chips' numbers, and the list's
 * total: their sum, or the chosen status's number). Every quote of the workspace is counted, so
 * the versions are read from an index alone (migration 029: by status and validity day), each
 * joined to its quote (a small row) where it is the current one. SQLite takes a cross join's
 * tables in the order written; from the quotes, it read each current version's row by the unique
 * (quote_id, version) index, a kilobyte of content beside the two columns (18 → 2.5 ms at 5,000
 * quotes). Every quote has its client (not null, cascading delete), so the client's row is joined
 * only to search its text.
 */
export async function quoteStatusCounts(db: Executor, f: QuoteListFilter) {
  const status = effectiveStatus(f.today);
  let query = db
    .selectFrom('quote_versions as v')
    .crossJoin('quotes as q')
    .whereRef('q.id', '=', 'v.quote_id')
    .whereRef('q.current_version', '=', 'v.version')
    .where('v.workspace_id', '=', f.workspaceId)
    .where('q.workspace_id', '=', f.workspaceId);
  if (f.clientId) query = query.where('q.client_id', '=', f.clientId);
  if (f.terms.length)
    query = query
      .innerJoin('clients as c', 'c.id', 'q.client_id')
      .where(everyTermIn(['v.search_text', 'c.search_text'], f.terms));
  const rows = await query
    .select([status.as('status'), (eb) => eb.fn.countAll<number | string>().as('n')])
    // By position: PostgreSQL would see the CASE's bound day as a different expression in GROUP BY.
    .groupBy(sql`1`)
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}

export async function versionsWithoutListColumns(db: Executor, { workspaceId }: Scope) {
  return db
    .selectFrom('quote_versions as v')
    .innerJoin('quotes as q', 'q.id', 'v.quote_id')
    .select(['v.id', 'v.content', 'q.number'])
    .where('v.workspace_id', '=', workspaceId)
    .where('v.title', 'is', null)
    .execute();
}

export async function setVersionListColumns(
  db: Executor,
  {
    workspaceId,
    id,
    columns,
  }: Scope & { id: string; columns: Pick<QuoteVersionRow, 'title' | 'valid_until' | 'currency' | 'search_text'> },
) {
  await db
    .updateTable('quote_versions')
    .set(columns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function insertVersion(db: Executor, row: NewQuoteVersion) {
  await db.insertInto('quote_versions').values(row).execute();
}

export async function versionsOf(db: Executor, { workspaceId, quoteIds }: Scope & { quoteIds: string[] }) {
  if (!quoteIds.length) return [];
  return db
    .selectFrom('quote_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('quote_id', 'in', quoteIds)
    .orderBy('version')
    .execute();
}

export async function updateVersion(
  db: Executor,
  {
    workspaceId,
    quoteId,
    version,
    changes,
  }: Scope & {
    quoteId: string;
    version: number;
    changes: Partial<Omit<QuoteVersionRow, 'id' | 'workspace_id' | 'quote_id' | 'version'>>;
  },
) {
  await db
    .updateTable('quote_versions')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('quote_id', '=', quoteId)
    .where('version', '=', version)
    .execute();
}

export async function insertLink(db: Executor, row: NewQuoteLink) {
  await db.insertInto('quote_links').values(row).execute();
}

/** Only by the token's hash; no list of links exists anywhere in the API. */
export async function findLinkByHash(db: Executor, { tokenHash }: { tokenHash: string }) {
  return db.selectFrom('quote_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function revokeLinks(db: Executor, { workspaceId, quoteId, at }: Scope & { quoteId: string; at: string }) {
  await db
    .updateTable('quote_links')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('quote_id', '=', quoteId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Quotes sent or viewed, not answered and not expired (valid through their validity day, `today`
 * being the workspace's day), oldest sent first, with the current version's list columns only (not
 * its content, items and history), and how many there are in all beside every row (a subquery the
 * databases evaluate once). Read from those versions (quote_versions_status_cover_idx: by status,
 * with the validity day in the index), each joined to its quote; SQLite takes a cross
 * join's tables in the order written, where it had read every quote of the workspace and sorted
 * them. The validity day was checked per row in JS after the limit, so expired quotes took places
 * in the list and the count was of the rows returned.
 */
export async function awaitingAnswer(
  db: Executor,
  { workspaceId, today, limit }: Scope & { today: string; limit: number },
) {
  const waiting = db
    .selectFrom('quote_versions as v')
    .crossJoin('quotes as q')
    .whereRef('q.id', '=', 'v.quote_id')
    .whereRef('q.current_version', '=', 'v.version')
    .where('v.workspace_id', '=', workspaceId)
    .where('q.workspace_id', '=', workspaceId)
    .where('v.status', 'in', ['sent', 'viewed'])
    .where((eb) => eb.or([eb('v.valid_until', 'is', null), eb('v.valid_until', '>=', today)]));
  const total = sql<number | string>`(${waiting.select((eb) => eb.fn.countAll<number | string>().as('n'))})`;
  return waiting
    .select([
      'q.id',
      'q.number',
      'q.client_id',
      'v.status',
      'v.title',
      'v.sent_at',
      'v.viewed_at',
      'v.valid_until',
      'v.total',
      'v.currency',
      total.as('waiting'),
    ])
    .orderBy('v.sent_at')
    .orderBy('q.id')
    .limit(limit)
    .execute();
}

// ── Client health ──────────────────────────────────────────────────────────

/** The quote's currency sits in the version's JSON content; each dialect reads JSON its own way. */
function versionCurrency(dialect: Dialect) {
  return dialect === 'postgres'
    ? sql<string>`(cast(v.content as json) ->> 'currency')`
    : sql<string>`json_extract(v.content, '$.currency')`;
}

/**
 * Quotes whose current version is accepted (decided up to `to`), in one currency. Read from the
 * accepted versions (quote_versions_status_cover_idx: a few), each joined to its quote: SQLite takes a
 * cross join's tables in the order written, and left to choose it read every quote of the
 * workspace (or of every given client) and its current version first, 7 ms for 5,000 quotes.
 * PostgreSQL plans a cross join with conditions as any inner join.
 */
function accepted(db: Executor, f: Scope & { to: string; currency: string; dialect: Dialect }) {
  return db
    .selectFrom('quote_versions as v')
    .crossJoin('quotes as q')
    .whereRef('q.id', '=', 'v.quote_id')
    .whereRef('q.current_version', '=', 'v.version')
    .where('q.workspace_id', '=', f.workspaceId)
    .where('v.workspace_id', '=', f.workspaceId)
    .where('v.status', '=', 'accepted')
    .where('v.decided_at', '<=', f.to)
    .where(versionCurrency(f.dialect), '=', f.currency);
}

/** Accepted quotes' totals per client. */
export async function acceptedByClient(
  db: Executor,
  f: Scope & { to: string; currency: string; dialect: Dialect; clientIds?: string[] },
) {
  return accepted(db, f)
    .select((eb) => ['q.client_id', eb.fn.sum<number>('v.total').as('total')])
    .$if(f.clientIds !== undefined, (qb) => qb.where(idIn(f.dialect, 'q.client_id', f.clientIds!)))
    .groupBy('q.client_id')
    .execute();
}

/** Accepted quotes' totals per month of acceptance (YYYY-MM, UTC), for the whole workspace. */
export async function acceptedByMonth(db: Executor, f: Scope & { to: string; currency: string; dialect: Dialect }) {
  const month = sql<string>`substr(v.decided_at, 1, 7)`;
  return accepted(db, f)
    .select((eb) => [month.as('month'), eb.fn.sum<number>('v.total').as('total')])
    .groupBy(month)
    .execute();
}

/** Quotes whose number or current version's content holds every term: global search candidates. */
export async function searchQuotes(
  db: Executor,
  { workspaceId, terms, limit }: { workspaceId: string; terms: Expression<SqlBool>; limit: number },
) {
  return db
    .selectFrom('quotes')
    .innerJoin('quote_versions as v', (join) =>
      join
        .onRef('v.quote_id', '=', 'quotes.id')
        .onRef('v.version', '=', 'quotes.current_version')
        .on('v.workspace_id', '=', workspaceId),
    )
    .select(['quotes.id', 'quotes.number', 'quotes.client_id', 'quotes.project_id', 'v.status', 'v.content'])
    .where('quotes.workspace_id', '=', workspaceId)
    .where(terms)
    .orderBy('quotes.created_at', 'desc')
    .limit(limit)
    .execute();
}
