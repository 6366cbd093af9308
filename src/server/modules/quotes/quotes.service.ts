import type {
  CreateQuote,
  DuplicateQuote,
  Quote,
  QuoteList,
  QuoteListQuery,
  QuoteVersion,
  UpdateQuote,
} from '../../../shared/schemas/quotes.js';
import { nextOffsetOf } from '../../../shared/schemas/common.js';
import { searchTerms } from '../../../shared/text.js';
import { addDays, localDate } from '../../../shared/time/zoned.js';
import { AppError, fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { toCount } from '../../lib/period.js';
import { everyTermIn } from '../../lib/search-match.js';
import type { NamesToFill } from '../../lib/names-to-fill.js';
import { inTransaction } from '../../lib/transaction.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import { getInteraction } from '../interactions/interactions.service.js';
import { projectForReference } from '../projects/projects.service.js';
import { listColumns, presentVersion, readContent, totalsOf, versionRow, type QuoteContent } from './quote-content.js';
import * as q from './quotes.queries.js';
import type { QuoteRow } from './quotes.table.js';
import { defaultTerms, templateTerms } from './terms.service.js';

type Scope = { workspaceId: string };

async function present(deps: Deps, scope: Scope, rows: QuoteRow[]): Promise<Quote[]> {
  const [versions, names, profile] = await Promise.all([
    q.versionsOf(deps.db.kysely, { ...scope, quoteIds: rows.map((r) => r.id) }),
    clientNames(
      deps,
      scope,
      rows.map((r) => r.client_id),
    ),
    getBusinessProfile(deps, scope),
  ]);
  const now = deps.clock.now();
  return rows.map((row) => {
    const own = versions.filter((v) => v.quote_id === row.id).map((v) => presentVersion(v, profile.timeZone, now));
    const current = own.find((v) => v.version === row.current_version)!;
    return {
      id: row.id,
      number: row.number,
      kind: row.kind,
      clientId: row.client_id,
      clientName: names.get(row.client_id) ?? '',
      locale: row.locale,
      status: current.status,
      current,
      versions: own,
      projectId: row.project_id,
      errorHandling:
        row.error_mode && row.error_at
          ? { mode: row.error_mode, absorbedAmount: row.error_absorbed, reason: row.error_reason, at: row.error_at }
          : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export async function getQuote(deps: Deps, scope: Scope, quoteId: string): Promise<Quote> {
  const row = await q.findQuote(deps.db.kysely, { ...scope, quoteId });
  if (!row) throw notFound();
  return (await present(deps, scope, [row]))[0]!;
}

export async function listQuotes(
  deps: Deps,
  scope: Scope,
  options: { clientId?: string; limit?: number },
): Promise<{ items: Quote[] }> {
  const rows = await q.listQuotes(deps.db.kysely, {
    ...scope,
    clientId: options.clientId,
    limit: options.limit ?? 100,
  });
  return { items: await present(deps, scope, rows) };
}

/**
 * The quotes list (GET /quotes): one page, searched by number, title or client, filtered by status
 * (expired included, derived from the validity day) and sorted in SQL; each row a slim summary.
 */
export async function listQuoteSummaries(deps: Deps, scope: Scope, query: QuoteListQuery): Promise<QuoteList> {
  const { timeZone } = await getBusinessProfile(deps, scope);
  const filter = {
    ...scope,
    clientId: query.clientId,
    terms: searchTerms(query.q ?? ''),
    today: localDate(deps.clock.now(), timeZone),
  };
  const [rows, counts] = await Promise.all([
    q.listQuoteSummaries(deps.db.kysely, { ...filter, status: query.status, ...query }),
    q.quoteStatusCounts(deps.db.kysely, filter),
  ]);
  // The counts are by the same status the filter uses, so they hold the total (no count of its own).
  const total = query.status
    ? (counts.find((c) => c.status === query.status)?.count ?? 0)
    : counts.reduce((sum, c) => sum + c.count, 0);
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      clientId: r.client_id,
      clientName: r.client_name,
      status: r.status,
      title: r.title ?? '',
      total: r.total,
      currency: r.currency ?? '',
      validUntil: r.valid_until ?? '',
      projectId: r.project_id,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      decidedAt: r.decided_at,
    })),
    total,
    nextOffset: nextOffsetOf(query.offset, rows.length, total),
    counts,
  };
}

/** Versions stored without the list's columns (restored from an older export) get them from their content. */
export async function fillQuoteListColumns(deps: Deps, scope: Scope): Promise<void> {
  for (const row of await q.versionsWithoutListColumns(deps.db.kysely, scope))
    await q.setVersionListColumns(deps.db.kysely, {
      ...scope,
      id: row.id,
      columns: listColumns(row.number, readContent(row)),
    });
}

/** The project a change order adds to, by title (for its document); null for a first quote. */
export async function changeOrderProjectTitle(deps: Deps, scope: Scope, quote: Quote): Promise<string | null> {
  if (quote.kind !== 'change_order' || !quote.projectId) return null;
  return (await projectForReference(deps, scope, quote.projectId, quote.clientId).catch(() => null))?.title ?? null;
}

/** A new draft: one transaction, or a step of the caller's (a change request's change order). */
export async function createQuote(deps: Deps, scope: Scope, input: CreateQuote): Promise<Quote> {
  return inTransaction(deps, async (deps) => {
    const client = await clientForReference(deps, scope, input.clientId, 'clientId');
    if (input.projectId) await projectForReference(deps, scope, input.projectId, client.id);
    const profile = await getBusinessProfile(deps, scope);
    let terms = input.terms;
    if (!terms && input.termsTemplateId) terms = await templateTerms(deps, scope, input.termsTemplateId);
    let notes = input.notes;
    if (input.interactionId) {
      const meeting = await getInteraction(deps, scope, input.interactionId).catch(() => {
        throw fieldError('interactionId', 'unknown_interaction');
      });
      if (!notes) notes = meeting.agreed ?? meeting.summary;
    }
    const content: QuoteContent = {
      title: input.title,
      items: input.items.map((i) => ({
        description: i.description,
        quantity: i.quantity,
        unit: i.unit,
        unitPrice: i.unitPrice,
      })),
      discount: input.discount,
      pricesIncludeVat: input.pricesIncludeVat,
      currency: input.currency ?? profile.currency,
      validUntil: input.validUntil,
      terms: changeOrderTerms(terms ?? defaultTerms(client.language), Boolean(input.projectId && !input.terms)),
      notes,
    };
    const now = deps.clock.now();
    const year = Number(localDate(now, profile.timeZone).slice(0, 4));
    const sequence = await q.nextQuoteSequence(deps.db.kysely, { ...scope, year });
    const quoteId = newId();
    const number = `${year}-${String(sequence).padStart(3, '0')}`;
    await q.insertQuote(deps.db.kysely, {
      id: quoteId,
      workspace_id: scope.workspaceId,
      client_id: client.id,
      number,
      kind: input.projectId ? 'change_order' : 'quote',
      locale: client.language,
      current_version: 1,
      project_id: input.projectId ?? null,
      error_mode: null,
      error_absorbed: null,
      error_reason: null,
      error_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await q.insertVersion(
      deps.db.kysely,
      versionRow(scope, { id: quoteId, number }, 1, content, profile.vatRateBasisPoints, null, now.toISOString()),
    );
    return getQuote(deps, scope, quoteId);
  });
}

/**
 * A change order is an addition to a project whose client duties were agreed with the first quote:
 * it asks for none again unless the freelancer wrote them into this one (explicit terms).
 */
function changeOrderTerms(terms: QuoteContent['terms'], dropDuties: boolean): QuoteContent['terms'] {
  return dropDuties ? { ...terms, clientObligations: [] } : terms;
}

/** A new draft with the content of another quote (its current version), for the same or another client. */
export async function duplicateQuote(
  deps: Deps,
  scope: Scope,
  quoteId: string,
  options: DuplicateQuote,
): Promise<Quote> {
  return inTransaction(deps, async (deps) => {
    const source = await getQuote(deps, scope, quoteId);
    const profile = await getBusinessProfile(deps, scope);
    const v = source.current;
    const today = localDate(deps.clock.now(), profile.timeZone);
    const validUntil = options.validUntil ?? (v.validUntil > today ? v.validUntil : addDays(today, 30));
    return createQuote(deps, scope, {
      clientId: options.clientId ?? source.clientId,
      title: v.title,
      items: v.items,
      discount: v.discount,
      pricesIncludeVat: v.pricesIncludeVat,
      currency: v.currency,
      validUntil,
      terms: v.terms,
      notes: v.notes,
    });
  });
}

/**
 * Edits a draft in place. Editing a sent quote makes a new draft version (the old one stays,
 * read-only, marked superseded, its client link revoked). An accepted or declined quote never changes.
 */
export async function updateQuote(deps: Deps, scope: Scope, quoteId: string, input: UpdateQuote): Promise<Quote> {
  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const profile = await getBusinessProfile(deps, scope);
    const quote = await q.findQuote(db, { ...scope, quoteId });
    if (!quote) throw notFound();
    const current = (await q.versionsOf(db, { ...scope, quoteIds: [quoteId] })).find(
      (v) => v.version === quote.current_version,
    )!;
    if (current.status === 'accepted' || current.status === 'declined') throw new AppError('conflict');
    const before = readContent(current);
    const content: QuoteContent = {
      title: input.title ?? before.title,
      items: input.items
        ? input.items.map((i) => ({
            description: i.description,
            quantity: i.quantity,
            unit: i.unit,
            unitPrice: i.unitPrice,
          }))
        : before.items,
      discount: input.discount !== undefined ? input.discount : before.discount,
      pricesIncludeVat: input.pricesIncludeVat ?? before.pricesIncludeVat,
      currency: input.currency ?? before.currency,
      validUntil: input.validUntil ?? before.validUntil,
      terms: input.terms ?? before.terms,
      notes: input.notes !== undefined ? input.notes : before.notes,
    };
    const now = isoNow(deps.clock);
    if (current.status === 'draft') {
      await q.updateVersion(db, {
        ...scope,
        quoteId,
        version: current.version,
        changes: {
          content: JSON.stringify(content),
          ...listColumns(quote.number, content),
          vat_rate_bp: profile.vatRateBasisPoints,
          total: totalsOf(content, profile.vatRateBasisPoints).total,
          reason: input.reason ?? current.reason,
        },
      });
    } else {
      await q.updateVersion(db, { ...scope, quoteId, version: current.version, changes: { status: 'superseded' } });
      await q.revokeLinks(db, { ...scope, quoteId, at: now });
      await q.insertVersion(
        db,
        versionRow(scope, quote, current.version + 1, content, profile.vatRateBasisPoints, input.reason, now),
      );
      await q.updateQuote(db, { ...scope, quoteId, changes: { current_version: current.version + 1 } });
    }
    await q.updateQuote(db, { ...scope, quoteId, changes: { updated_at: now } });
    return getQuote(deps, scope, quoteId);
  });
}

export type QuoteAwaiting = {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  title: string;
  status: 'sent' | 'viewed';
  sentAt: string | null;
  viewedAt: string | null;
  validUntil: string;
  total: number;
  currency: string;
};

/**
 * Quotes the client has (sent or viewed, still valid) and not yet answered, oldest sent first: one
 * statement of list columns, the client names the caller's to fill in (Today). A quote whose
 * validity day has ended in the workspace's zone has expired and is left out.
 */
export async function quotesAwaitingAnswer(
  deps: Deps,
  scope: Scope,
  { limit, timeZone }: { limit: number; timeZone: string },
): Promise<NamesToFill<{ items: QuoteAwaiting[]; total: number }>> {
  // Valid through its validity day in the workspace's zone: not expired while that day has not
  // ended, i.e. while today (there) is not after it. The list columns are kept with every version
  // (and derived on restore); a version without its validity day is not expired.
  const today = localDate(deps.clock.now(), timeZone);
  const rows = await q.awaitingAnswer(deps.db.kysely, { ...scope, today, limit });
  return {
    clientIds: rows.map((r) => r.client_id),
    fill: (names) => ({
      items: rows.map((r) => ({
        id: r.id,
        number: r.number,
        clientId: r.client_id,
        clientName: names.get(r.client_id) ?? '',
        title: r.title ?? '',
        status: r.status === 'viewed' ? 'viewed' : 'sent',
        sentAt: r.sent_at,
        viewedAt: r.viewed_at,
        validUntil: r.valid_until ?? '',
        total: r.total,
        currency: r.currency ?? '',
      })),
      total: Number(rows[0]?.waiting ?? 0),
    }),
  };
}

/** The version of a quote to show or print: the given one, or the current one. */
export function versionOf(quote: Quote, version?: number): QuoteVersion {
  return quote.versions.find((v) => v.version === (version ?? quote.current.version)) ?? quote.current;
}

// ── The quote's PDF as a mail attachment ────────────────────────────────────

/** The attachment kind of a quote's PDF; its renderer is wired into `deps.attachments` at start-up. */
export const QUOTE_PDF = 'quote_pdf';

/** Which PDF: this workspace's quote, at this version (the current one when left out). */
export function quotePdfRef(scope: Scope, quoteId: string, version?: number): string {
  return `${scope.workspaceId}:${quoteId}:${version ?? ''}`;
}

export function parseQuotePdfRef(ref: string): { scope: Scope; quoteId: string; version?: number } | null {
  const [workspaceId, quoteId, version] = ref.split(':');
  if (!workspaceId || !quoteId) return null;
  return { scope: { workspaceId }, quoteId, version: version ? Number(version) : undefined };
}

// ── Client health ──────────────────────────────────────────────────────────

/** What each client accepted (quotes whose current version is accepted, decided up to `to`), in one currency. */
export async function acceptedTotals(
  deps: Deps,
  scope: Scope,
  { to, currency, clientIds }: { to: string; currency: string; clientIds?: string[] },
): Promise<Map<string, number>> {
  const rows = await q.acceptedByClient(deps.db.kysely, {
    ...scope,
    to,
    currency,
    clientIds,
    dialect: deps.db.dialect,
  });
  return new Map(rows.map((r) => [r.client_id, toCount(r.total)]));
}

/** Accepted totals per month of acceptance (YYYY-MM, UTC), the whole workspace, up to `to`. */
export async function acceptedByMonth(
  deps: Deps,
  scope: Scope,
  { to, currency }: { to: string; currency: string },
): Promise<Map<string, number>> {
  const rows = await q.acceptedByMonth(deps.db.kysely, { ...scope, to, currency, dialect: deps.db.dialect });
  return new Map(rows.map((r) => [r.month, toCount(r.total)]));
}

/** Quotes with every (normalised) term in their number or current content: global search candidates. */
export async function searchQuoteCandidates(deps: Deps, scope: Scope, terms: string[], limit: number) {
  if (!terms.length) return [];
  const rows = await q.searchQuotes(deps.db.kysely, {
    workspaceId: scope.workspaceId,
    terms: everyTermIn(['quotes.number', 'v.content'], terms),
    limit,
  });
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: readContent(r).title,
    status: r.status,
    clientId: r.client_id,
    projectId: r.project_id,
  }));
}
