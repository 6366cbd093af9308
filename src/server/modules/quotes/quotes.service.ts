import type { z } from 'zod';
import { computeTotals, formatMoney, type Discount } from '../../../shared/money.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { MessageSent, ZMessageDraft } from '../../../shared/schemas/messages.js';
import {
  ZCreateQuote,
  ZReportMistake,
  ZSaveTermsTemplate,
  ZUpdateQuote,
  type Quote,
  type QuoteStatus,
  type QuoteVersion,
  type Terms,
  type TermsTemplate,
} from '../../../shared/schemas/quotes.js';
import { addDays, dayBounds, localDate } from '../../../shared/time/zoned.js';
import type { Executor } from '../../db/database.js';
import { AppError, fieldError, notFound } from '../../lib/app-error.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { isoNow } from '../../lib/clock.js';
import { secretToken, sha256Hex } from '../../lib/crypto.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage, translate } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { parseInput } from '../../lib/validate.js';
import { getBusinessProfile, workspaceOwners } from '../accounts/accounts.service.js';
import { clientForReference, clientNames } from '../clients/clients.service.js';
import { createCommitmentInTrx, keepQuoteCommitments } from '../commitments/commitments.service.js';
import { enqueueOwnerMail, fillTemplate, notify, sendInTrx } from '../messages/messages.service.js';
import { formatDue } from '../../lib/message-format.js';
import { getInteraction } from '../interactions/interactions.service.js';
import { addDeliverablesInTrx, createProjectInTrx, projectForReference } from '../projects/projects.service.js';
import * as q from './quotes.queries.js';
import type { QuoteRow, QuoteVersionRow } from './quotes.table.js';

type Scope = { workspaceId: string };

/** What a version holds; frozen once the version is sent. */
export type QuoteContent = {
  title: string;
  items: { description: string; quantity: number; unit: string | null; unitPrice: number }[];
  discount: Discount | null;
  pricesIncludeVat: boolean;
  currency: string;
  validUntil: string;
  terms: Terms;
  notes: string | null;
};

// ── Terms templates ─────────────────────────────────────────────────────────

/** The built-in terms, in the catalogs, filled with the business's own hours and payment terms. */
export function defaultTerms(locale: Locale): Terms {
  const t = (key: string) => rawMessage(locale, `termsDefaults.${key}`);
  return {
    serviceHours: t('serviceHours'),
    deliveryTime: t('deliveryTime').replace('{{days}}', '14'),
    clientObligations: [
      { what: t('obligation1'), dueDaysAfterAcceptance: 3 },
      { what: t('obligation2'), dueDaysAfterAcceptance: 3 },
      { what: t('obligation3'), dueDaysAfterAcceptance: 5 },
    ],
    deliveryMethod: t('deliveryMethod'),
    revisionRounds: 2,
    paymentTerms: t('paymentTerms'),
    outOfScopePolicy: t('outOfScopePolicy'),
    cancellation: t('cancellation'),
  };
}

function toTemplate(row: {
  id: string;
  name: string;
  locale: string;
  terms: string;
  created_at: string;
  updated_at: string;
}): TermsTemplate {
  return {
    id: row.id,
    name: row.name,
    locale: row.locale as Locale,
    terms: JSON.parse(row.terms) as Terms,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A new workspace gets the built-in Hebrew and English terms as editable templates. */
export async function listTermsTemplates(deps: Deps, scope: Scope): Promise<{ items: TermsTemplate[] }> {
  const db = deps.db.kysely;
  let rows = await q.listTermsTemplates(db, scope);
  if (!rows.length) {
    const now = isoNow(deps.clock);
    await db.transaction().execute(async (trx) => {
      if ((await q.listTermsTemplates(trx, scope)).length) return;
      for (const locale of ['he', 'en'] as const) {
        await q.insertTermsTemplate(trx, {
          id: newId(),
          workspace_id: scope.workspaceId,
          name: rawMessage(locale, 'termsDefaults.name'),
          locale,
          terms: JSON.stringify(defaultTerms(locale)),
          created_at: now,
          updated_at: now,
        });
      }
    });
    rows = await q.listTermsTemplates(db, scope);
  }
  return { items: rows.map(toTemplate) };
}

export async function createTermsTemplate(deps: Deps, scope: Scope, raw: unknown): Promise<TermsTemplate> {
  const input = parseInput(ZSaveTermsTemplate, raw);
  const now = isoNow(deps.clock);
  const row = {
    id: newId(),
    workspace_id: scope.workspaceId,
    name: input.name,
    locale: input.locale,
    terms: JSON.stringify(input.terms),
    created_at: now,
    updated_at: now,
  };
  await q.insertTermsTemplate(deps.db.kysely, row);
  return toTemplate(row);
}

export async function updateTermsTemplate(deps: Deps, scope: Scope, id: string, raw: unknown): Promise<TermsTemplate> {
  const input = parseInput(ZSaveTermsTemplate, raw);
  const db = deps.db.kysely;
  if (!(await q.findTermsTemplate(db, { ...scope, id }))) throw notFound();
  await q.updateTermsTemplate(db, {
    ...scope,
    id,
    changes: {
      name: input.name,
      locale: input.locale,
      terms: JSON.stringify(input.terms),
      updated_at: isoNow(deps.clock),
    },
  });
  return toTemplate((await q.findTermsTemplate(db, { ...scope, id }))!);
}

export async function deleteTermsTemplate(deps: Deps, scope: Scope, id: string): Promise<void> {
  const db = deps.db.kysely;
  if (!(await q.findTermsTemplate(db, { ...scope, id }))) throw notFound();
  await q.deleteTermsTemplate(db, { ...scope, id });
}

// ── Quotes ──────────────────────────────────────────────────────────────────

function totalsOf(content: QuoteContent, vatRateBp: number) {
  return computeTotals({
    lines: content.items.map((i) => ({ quantityMilli: Math.round(i.quantity * 1000), unitPrice: i.unitPrice })),
    discount: content.discount,
    vatBasisPoints: vatRateBp,
    pricesIncludeVat: content.pricesIncludeVat,
  });
}

/** Expired is derived: a sent (or viewed) version whose validity day has ended in the workspace zone. */
function effectiveStatus(row: QuoteVersionRow, content: QuoteContent, timeZone: string, now: Date): QuoteStatus {
  if ((row.status === 'sent' || row.status === 'viewed') && now >= dayBounds(content.validUntil, timeZone).end)
    return 'expired';
  return row.status as QuoteStatus;
}

function presentVersion(row: QuoteVersionRow, timeZone: string, now: Date): QuoteVersion {
  const content = JSON.parse(row.content) as QuoteContent;
  return {
    version: row.version,
    status: effectiveStatus(row, content, timeZone, now),
    title: content.title,
    items: content.items,
    discount: content.discount,
    pricesIncludeVat: content.pricesIncludeVat,
    currency: content.currency,
    vatRateBasisPoints: row.vat_rate_bp,
    validUntil: content.validUntil,
    terms: content.terms,
    notes: content.notes,
    totals: totalsOf(content, row.vat_rate_bp),
    reason: row.reason,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    viewedAt: row.viewed_at,
    decidedAt: row.decided_at,
    acceptance:
      row.accepted_name && row.decided_at && row.content_hash
        ? {
            name: row.accepted_name,
            at: row.decided_at,
            ip: row.accepted_ip ?? '',
            userAgent: row.accepted_ua,
            contentHash: row.content_hash,
          }
        : null,
    declineReason: row.decline_reason,
  };
}

async function present(deps: Deps, scope: Scope, rows: QuoteRow[], trx?: Executor): Promise<Quote[]> {
  const db = trx ?? deps.db.kysely;
  const [versions, names, profile] = await Promise.all([
    q.versionsOf(db, { ...scope, quoteIds: rows.map((r) => r.id) }),
    clientNames(
      deps,
      scope,
      rows.map((r) => r.client_id),
      trx,
    ),
    getBusinessProfile(deps, scope, trx),
  ]);
  const now = deps.clock.now();
  return rows.map((row) => {
    const own = versions.filter((v) => v.quote_id === row.id).map((v) => presentVersion(v, profile.timeZone, now));
    const current = own.find((v) => v.version === row.current_version)!;
    return {
      id: row.id,
      number: row.number,
      kind: row.kind as Quote['kind'],
      clientId: row.client_id,
      clientName: names.get(row.client_id) ?? '',
      locale: row.locale as Locale,
      status: current.status,
      current,
      versions: own,
      projectId: row.project_id,
      errorHandling:
        row.error_mode && row.error_at
          ? {
              mode: row.error_mode as 'honour' | 'reissue',
              absorbedAmount: row.error_absorbed,
              reason: row.error_reason,
              at: row.error_at,
            }
          : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export async function getQuote(deps: Deps, scope: Scope, quoteId: string, trx?: Executor): Promise<Quote> {
  const row = await q.findQuote(trx ?? deps.db.kysely, { ...scope, quoteId });
  if (!row) throw notFound();
  return (await present(deps, scope, [row], trx))[0]!;
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

/** A new draft; pass `trx` to make it part of another module's transaction (a change request). */
export async function createQuote(deps: Deps, scope: Scope, raw: unknown, trx?: Executor): Promise<Quote> {
  const input: z.output<typeof ZCreateQuote> = parseInput(ZCreateQuote, raw);
  const client = await clientForReference(deps, scope, input.clientId, 'clientId', trx);
  if (input.projectId) await projectForReference(deps, scope, input.projectId, client.id, trx);
  const profile = await getBusinessProfile(deps, scope, trx);
  let terms = input.terms;
  if (!terms && input.termsTemplateId) {
    const template = await q.findTermsTemplate(trx ?? deps.db.kysely, { ...scope, id: input.termsTemplateId });
    if (!template) throw fieldError('termsTemplateId', 'unknown_template');
    terms = JSON.parse(template.terms) as Terms;
  }
  let notes = input.notes;
  if (input.interactionId && !notes) {
    const meeting = await getInteraction(deps, scope, input.interactionId).catch(() => {
      throw fieldError('interactionId', 'unknown_interaction');
    });
    notes = meeting.agreed ?? meeting.summary;
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
    terms: terms ?? defaultTerms(client.language),
    notes,
  };
  const now = deps.clock.now();
  const year = Number(localDate(now, profile.timeZone).slice(0, 4));
  const run = async (trx: Executor) => {
    const sequence = await q.nextQuoteSequence(trx, { ...scope, year });
    const quoteId = newId();
    await q.insertQuote(trx, {
      id: quoteId,
      workspace_id: scope.workspaceId,
      client_id: client.id,
      number: `${year}-${String(sequence).padStart(3, '0')}`,
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
      trx,
      versionRow(scope, quoteId, 1, content, profile.vatRateBasisPoints, null, now.toISOString()),
    );
    return getQuote(deps, scope, quoteId, trx);
  };
  return trx ? run(trx) : deps.db.kysely.transaction().execute(run);
}

/** A new draft with the content of another quote (its current version), for the same or another client. */
export async function duplicateQuote(
  deps: Deps,
  scope: Scope,
  quoteId: string,
  options: { clientId?: string; validUntil?: string },
): Promise<Quote> {
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
}

function versionRow(
  scope: Scope,
  quoteId: string,
  version: number,
  content: QuoteContent,
  vatRateBp: number,
  reason: string | null,
  now: string,
): QuoteVersionRow {
  return {
    id: newId(),
    workspace_id: scope.workspaceId,
    quote_id: quoteId,
    version,
    status: 'draft',
    content: JSON.stringify(content),
    vat_rate_bp: vatRateBp,
    total: totalsOf(content, vatRateBp).total,
    reason,
    created_at: now,
    sent_at: null,
    viewed_at: null,
    decided_at: null,
    accepted_name: null,
    accepted_ip: null,
    accepted_ua: null,
    content_hash: null,
    decline_reason: null,
  };
}

/**
 * Edits a draft in place. Editing a sent quote makes a new draft version (the old one stays,
 * read-only, marked superseded, its client link revoked). An accepted or declined quote never changes.
 */
export async function updateQuote(deps: Deps, scope: Scope, quoteId: string, raw: unknown): Promise<Quote> {
  const input = parseInput(ZUpdateQuote, raw);
  const profile = await getBusinessProfile(deps, scope);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const quote = await q.findQuote(trx, { ...scope, quoteId });
    if (!quote) throw notFound();
    const current = (await q.versionsOf(trx, { ...scope, quoteIds: [quoteId] })).find(
      (v) => v.version === quote.current_version,
    )!;
    if (current.status === 'accepted' || current.status === 'declined') throw new AppError('conflict');
    const before = JSON.parse(current.content) as QuoteContent;
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
      await q.updateVersion(trx, {
        ...scope,
        quoteId,
        version: current.version,
        changes: {
          content: JSON.stringify(content),
          vat_rate_bp: profile.vatRateBasisPoints,
          total: totalsOf(content, profile.vatRateBasisPoints).total,
          reason: input.reason ?? current.reason,
        },
      });
    } else {
      await q.updateVersion(trx, { ...scope, quoteId, version: current.version, changes: { status: 'superseded' } });
      await q.revokeLinks(trx, { ...scope, quoteId, at: now });
      await q.insertVersion(
        trx,
        versionRow(scope, quoteId, current.version + 1, content, profile.vatRateBasisPoints, input.reason, now),
      );
      await q.updateQuote(trx, { ...scope, quoteId, changes: { current_version: current.version + 1 } });
    }
    await q.updateQuote(trx, { ...scope, quoteId, changes: { updated_at: now } });
    return getQuote(deps, scope, quoteId, trx);
  });
}

/**
 * Issues the current version: the VAT rate is fixed on it, a client link is made (returned once,
 * stored as a hash, expiring with the quote), and the promises to send this quote are kept.
 */
export async function issueQuoteInTrx(
  deps: Deps,
  trx: Executor,
  scope: Scope,
  quoteId: string,
): Promise<{ token: string; quote: QuoteRow; version: QuoteVersionRow }> {
  const quote = await q.findQuote(trx, { ...scope, quoteId });
  if (!quote) throw notFound();
  const current = (await q.versionsOf(trx, { ...scope, quoteIds: [quoteId] })).find(
    (v) => v.version === quote.current_version,
  )!;
  if (current.status !== 'draft' && current.status !== 'sent' && current.status !== 'viewed')
    throw new AppError('conflict');
  const profile = await getBusinessProfile(deps, scope, trx);
  const content = JSON.parse(current.content) as QuoteContent;
  const now = deps.clock.now();
  if (dayBounds(content.validUntil, profile.timeZone).end <= now) throw fieldError('validUntil', 'in_past');
  if (current.status === 'draft') {
    const vat = profile.dealerType === 'exempt' ? 0 : profile.vatRateBasisPoints;
    await q.updateVersion(trx, {
      ...scope,
      quoteId,
      version: current.version,
      changes: { status: 'sent', sent_at: now.toISOString(), vat_rate_bp: vat, total: totalsOf(content, vat).total },
    });
  }
  const token = secretToken();
  await q.insertLink(trx, {
    id: newId(),
    workspace_id: scope.workspaceId,
    quote_id: quoteId,
    version: current.version,
    token_hash: sha256Hex(token),
    expires_at: dayBounds(content.validUntil, profile.timeZone).end.toISOString(),
    revoked_at: null,
    created_at: now.toISOString(),
  });
  await q.updateQuote(trx, { ...scope, quoteId, changes: { updated_at: now.toISOString() } });
  const version = (await q.versionsOf(trx, { ...scope, quoteIds: [quoteId] })).find(
    (v) => v.version === quote.current_version,
  )!;
  return { token, quote, version };
}

export async function revokeQuoteLinks(deps: Deps, scope: Scope, quoteId: string): Promise<void> {
  if (!(await q.findQuote(deps.db.kysely, { ...scope, quoteId }))) throw notFound();
  await q.revokeLinks(deps.db.kysely, { ...scope, quoteId, at: isoNow(deps.clock) });
}

// ── The client's side (portal) ──────────────────────────────────────────────

export type PortalView = {
  quote: Quote;
  version: QuoteVersion;
  business: Awaited<ReturnType<typeof getBusinessProfile>>;
  workspaceId: string;
};

/**
 * Resolves a client link. Wrong, revoked, replaced or expired tokens all answer the same way
 * (null → 404): the lookup is by hash only, so there is nothing to time or enumerate.
 */
async function resolveLink(deps: Deps, trx: Executor, token: string) {
  if (!/^[\w-]{40,60}$/.test(token)) return null;
  const link = await q.findLinkByHash(trx, { tokenHash: sha256Hex(token) });
  if (!link || link.revoked_at || link.expires_at <= isoNow(deps.clock)) return null;
  return link;
}

/** The client opens the link: the first view marks the version viewed. */
export async function viewByToken(deps: Deps, token: string): Promise<PortalView | null> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const link = await resolveLink(deps, trx, token);
    if (!link) return null;
    const scope = { workspaceId: link.workspace_id };
    const row = (await q.versionsOf(trx, { ...scope, quoteIds: [link.quote_id] })).find(
      (v) => v.version === link.version,
    );
    if (!row) return null;
    if (row.status === 'sent')
      await q.updateVersion(trx, {
        ...scope,
        quoteId: link.quote_id,
        version: link.version,
        changes: { status: 'viewed', viewed_at: isoNow(deps.clock) },
      });
    const quote = await getQuote(deps, scope, link.quote_id, trx);
    const version = quote.versions.find((v) => v.version === link.version)!;
    return { quote, version, business: await getBusinessProfile(deps, scope, trx), workspaceId: link.workspace_id };
  });
}

/** The exact content the client sees and accepts; its SHA-256 is stored with the acceptance. */
export function acceptedContent(quote: Quote, version: QuoteVersion): string {
  return canonicalJson({
    number: quote.number,
    version: version.version,
    title: version.title,
    items: version.items,
    discount: version.discount,
    pricesIncludeVat: version.pricesIncludeVat,
    currency: version.currency,
    vatRateBasisPoints: version.vatRateBasisPoints,
    validUntil: version.validUntil,
    terms: version.terms,
    notes: version.notes,
    totals: version.totals,
  });
}

export type Decision = { kind: 'accepted'; projectId: string } | { kind: 'declined' };

/**
 * Accepting records who, when, from where and the hash of what; freezes the version for good;
 * opens the project (items → deliverables) and the client's obligations as promises they owe.
 */
export async function decideByToken(
  deps: Deps,
  token: string,
  decision: { accept: true; name: string } | { accept: false; reason: string | null },
  meta: { ip: string; userAgent: string | null },
): Promise<(Decision & { quote: Quote; workspaceId: string }) | null> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const link = await resolveLink(deps, trx, token);
    if (!link) return null;
    const scope = { workspaceId: link.workspace_id };
    const quote = await getQuote(deps, scope, link.quote_id, trx);
    const version = quote.versions.find((v) => v.version === link.version);
    if (!version || (version.status !== 'sent' && version.status !== 'viewed')) throw new AppError('conflict');
    const now = deps.clock.now();
    if (!decision.accept) {
      await q.updateVersion(trx, {
        ...scope,
        quoteId: quote.id,
        version: version.version,
        changes: { status: 'declined', decided_at: now.toISOString(), decline_reason: decision.reason },
      });
      await tellOwners(deps, trx, scope, quote, 'quote_declined');
      return { kind: 'declined', quote: await getQuote(deps, scope, quote.id, trx), workspaceId: link.workspace_id };
    }
    const hash = sha256Hex(acceptedContent(quote, version));
    await q.updateVersion(trx, {
      ...scope,
      quoteId: quote.id,
      version: version.version,
      changes: {
        status: 'accepted',
        decided_at: now.toISOString(),
        accepted_name: decision.name,
        accepted_ip: meta.ip,
        accepted_ua: meta.userAgent?.slice(0, 500) ?? null,
        content_hash: hash,
      },
    });
    const profile = await getBusinessProfile(deps, scope, trx);
    const today = localDate(now, profile.timeZone);
    // A change order grows the project it belongs to; a quote opens a new one.
    const deliverables = version.items.map((i) => i.description);
    let projectId: string;
    if (quote.kind === 'change_order' && quote.projectId) {
      projectId = quote.projectId;
      await addDeliverablesInTrx(deps, trx, scope, projectId, deliverables);
    } else {
      projectId = await createProjectInTrx(deps, trx, scope, {
        clientId: quote.clientId,
        title: version.title,
        deliverables,
        targetDate: null,
      });
    }
    for (const obligation of version.terms.clientObligations) {
      await createCommitmentInTrx(deps, trx, scope, {
        clientId: quote.clientId,
        interactionId: null,
        quoteId: quote.id,
        projectId,
        direction: 'theirs',
        title: obligation.what,
        dueDate: addDays(today, obligation.dueDaysAfterAcceptance),
        dueTime: null,
        notes: null,
      });
    }
    await q.updateQuote(trx, {
      ...scope,
      quoteId: quote.id,
      changes: { project_id: projectId, updated_at: now.toISOString() },
    });
    await tellOwners(deps, trx, scope, quote, 'quote_accepted');
    return {
      kind: 'accepted',
      projectId,
      quote: await getQuote(deps, scope, quote.id, trx),
      workspaceId: link.workspace_id,
    };
  });
}

/** The owner hears about a decision at once: in the app and by e-mail, in the same transaction. */
async function tellOwners(
  deps: Deps,
  trx: Executor,
  scope: Scope,
  quote: Quote,
  kind: 'quote_accepted' | 'quote_declined',
): Promise<void> {
  for (const owner of await workspaceOwners(deps, scope, trx)) {
    const title = translate(owner.locale, `notifications.${kind}`, { client: quote.clientName, number: quote.number });
    await notify(
      deps,
      scope,
      {
        kind,
        refId: quote.id,
        dedupeKey: `${kind}:${quote.id}:${quote.current.version}:${owner.id}`,
        clientId: quote.clientId,
        title,
      },
      trx,
    );
    if (deps.mailer) {
      await enqueueOwnerMail(deps, trx, scope, {
        to: owner.email,
        subject: title,
        text: title,
        html: null,
        purpose: kind,
        key: `${kind}-${quote.id}-${quote.current.version}-${owner.id}@mila`,
      });
    }
  }
}

// ── Sending, mistakes and terms (messages to the client) ───────────────────

type Actor = { userId: string };

function termsAsText(terms: Terms, locale: Locale): string {
  const label = (key: string) => rawMessage(locale, `quoteDocument.${key}`);
  const lines: string[] = [];
  const add = (key: string, value: string | null) => value && lines.push(`${label(key)}: ${value}`);
  add('serviceHours', terms.serviceHours);
  add('deliveryTime', terms.deliveryTime);
  if (terms.clientObligations.length)
    lines.push(`${label('clientObligations')}:\n${terms.clientObligations.map((o) => `• ${o.what}`).join('\n')}`);
  add('deliveryMethod', terms.deliveryMethod);
  if (terms.revisionRounds !== null) lines.push(`${label('revisionRounds')}: ${terms.revisionRounds}`);
  add('paymentTerms', terms.paymentTerms);
  add('outOfScopePolicy', terms.outOfScopePolicy);
  add('cancellation', terms.cancellation);
  return lines.join('\n\n');
}

export type QuoteMessageKind = 'quote' | 'change_order' | 'quote_error_honour' | 'quote_error_reissue';

/**
 * The message for a quote, in the client's language. `{{link}}` stays in the text: the link is
 * made when the quote is sent and put in its place then (it exists only once, as a hash).
 */
export async function composeQuoteMessage(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  quoteId: string,
  kind: QuoteMessageKind,
  extra: { reason?: string | null; goodwill?: string | null } = {},
) {
  const quote = await getQuote(deps, scope, quoteId);
  const profile = await getBusinessProfile(deps, scope);
  const version = quote.current;
  const goodwillLine = extra.goodwill
    ? rawMessage(quote.locale, 'templates.goodwillLine').replace('{{goodwill}}', extra.goodwill)
    : '';
  return fillTemplate(deps, scope, actor, {
    kind,
    clientId: quote.clientId,
    values: {
      quoteNumber: quote.number,
      quoteTitle: version.title,
      quoteTotal: formatMoney(version.totals.total, version.currency, quote.locale),
      validUntil: formatDue(`${version.validUntil}T12:00:00.000Z`, false, quote.locale, profile.timeZone),
      link: '{{link}}',
      reason: extra.reason ?? null,
      goodwill: extra.goodwill ?? null,
      goodwillLine,
    },
  });
}

export function portalUrl(deps: Deps, requestOrigin: string, token: string): string {
  return `${deps.config.publicUrl ?? requestOrigin}/q/${token}`;
}

/**
 * Sends the quote: the version is issued, the link goes into the message, the message is sent or
 * opened and logged, and the promises "send the quote…" to this client are kept — one transaction.
 */
export async function sendQuote(
  deps: Deps,
  scope: Scope,
  quoteId: string,
  draft: z.output<typeof ZMessageDraft>,
  options: { origin: string; kind?: QuoteMessageKind },
): Promise<{ quote: Quote; sent: MessageSent; url: string }> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const { token, quote } = await issueQuoteInTrx(deps, trx, scope, quoteId);
    const url = portalUrl(deps, options.origin, token);
    const body = draft.body.includes('{{link}}') ? draft.body.replaceAll('{{link}}', url) : `${draft.body}\n\n${url}`;
    const label = translate(quote.locale as Locale, 'portal.linkRedacted', { number: quote.number });
    const sent = await sendInTrx(
      deps,
      trx,
      scope,
      {
        kind: options.kind ?? (quote.kind === 'change_order' ? 'change_order' : 'quote'),
        clientId: quote.client_id,
        channel: draft.channel,
        subject: draft.subject,
        body,
      },
      {
        redactions: [{ secret: url, label }],
        attachment: { kind: 'quote_pdf', ref: `${scope.workspaceId}:${quoteId}:${quote.current_version}` },
      },
    );
    await keepQuoteCommitments(deps, trx, scope, { clientId: quote.client_id, quoteId });
    return { quote: await getQuote(deps, scope, quoteId, trx), sent, url };
  });
}

/**
 * "I made a mistake" on a sent quote (seed 000): honour it (the absorbed difference is recorded,
 * the client is told the price is one-time) or re-issue (a new version with the reason, an
 * apology, optionally a goodwill benefit). Either way the message is logged.
 */
export async function reportMistake(
  deps: Deps,
  scope: Scope,
  quoteId: string,
  raw: unknown,
  options: { origin: string },
): Promise<{ quote: Quote; sent: MessageSent | null; url: string | null }> {
  const input = parseInput(ZReportMistake, raw);
  const existing = await getQuote(deps, scope, quoteId);
  if (!['sent', 'viewed', 'expired'].includes(existing.status)) throw new AppError('conflict');
  const now = isoNow(deps.clock);
  if (input.mode === 'honour') {
    return deps.db.kysely.transaction().execute(async (trx) => {
      await q.updateQuote(trx, {
        ...scope,
        quoteId,
        changes: {
          error_mode: 'honour',
          error_absorbed: input.absorbedAmount,
          error_reason: input.reason,
          error_at: now,
          updated_at: now,
        },
      });
      const sent = input.message
        ? await sendInTrx(deps, trx, scope, {
            kind: 'quote_error_honour',
            clientId: existing.clientId,
            ...input.message,
          })
        : null;
      return { quote: await getQuote(deps, scope, quoteId, trx), sent, url: null };
    });
  }
  await updateQuote(deps, scope, quoteId, { ...input.changes, reason: input.reason });
  await q.updateQuote(deps.db.kysely, {
    ...scope,
    quoteId,
    changes: { error_mode: 'reissue', error_absorbed: null, error_reason: input.reason, error_at: now },
  });
  if (!input.message) return { quote: await getQuote(deps, scope, quoteId), sent: null, url: null };
  const result = await sendQuote(deps, scope, quoteId, input.message, {
    origin: options.origin,
    kind: 'quote_error_reissue',
  });
  return { quote: result.quote, sent: result.sent, url: result.url };
}

/** "Send the general terms" to a client who never got them, with the apology template. */
export async function composeTermsMessage(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  clientId: string,
  termsTemplateId?: string,
) {
  // The client comes from the path: unknown or not ours is a 404, like every other path id.
  const client = await clientForReference(deps, scope, clientId).catch(() => {
    throw notFound();
  });
  let terms = defaultTerms(client.language);
  if (termsTemplateId) {
    const template = await q.findTermsTemplate(deps.db.kysely, { ...scope, id: termsTemplateId });
    if (!template) throw fieldError('termsTemplateId', 'unknown_template');
    terms = JSON.parse(template.terms) as Terms;
  } else {
    const own = (await listTermsTemplates(deps, scope)).items.find((t) => t.locale === client.language);
    if (own) terms = own.terms;
  }
  return fillTemplate(deps, scope, actor, {
    kind: 'terms',
    clientId,
    values: { terms: termsAsText(terms, client.language) },
  });
}

/** Quotes the client has (sent or viewed, still valid) and not yet answered, oldest first. */
export async function quotesAwaitingAnswer(deps: Deps, scope: Scope, limit: number): Promise<Quote[]> {
  const rows = await q.awaitingAnswer(deps.db.kysely, { ...scope, limit });
  const quotes = await present(deps, scope, rows);
  return quotes.filter((quote) => quote.status === 'sent' || quote.status === 'viewed');
}
