import type { Quote, QuoteVersion } from '../../../shared/schemas/quotes.js';
import { dayBounds } from '../../../shared/time/zoned.js';
import { AppError, fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import { secretToken, sha256Hex } from '../../lib/crypto.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { readContent, totalsOf } from './quote-content.js';
import * as q from './quotes.queries.js';
import type { QuoteLinkRow, QuoteRow, QuoteVersionRow } from './quotes.table.js';
import { changeOrderProjectTitle, getQuote, versionOf } from './quotes.service.js';

type Scope = { workspaceId: string };

/**
 * Issues the current version: the VAT rate is fixed on it and a client link is made (returned
 * once, stored as a hash, expiring with the quote) — one transaction, or a step of the caller's.
 */
export async function issueQuote(
  deps: Deps,
  scope: Scope,
  quoteId: string,
): Promise<{ token: string; quote: QuoteRow; version: QuoteVersionRow }> {
  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const quote = await q.findQuote(db, { ...scope, quoteId });
    if (!quote) throw notFound();
    const current = (await q.versionsOf(db, { ...scope, quoteIds: [quoteId] })).find(
      (v) => v.version === quote.current_version,
    )!;
    if (current.status !== 'draft' && current.status !== 'sent' && current.status !== 'viewed')
      throw new AppError('conflict');
    const profile = await getBusinessProfile(deps, scope);
    const content = readContent(current);
    const now = deps.clock.now();
    if (dayBounds(content.validUntil, profile.timeZone).end <= now) throw fieldError('validUntil', 'in_past');
    if (current.status === 'draft') {
      const vat = profile.dealerType === 'exempt' ? 0 : profile.vatRateBasisPoints;
      await q.updateVersion(db, {
        ...scope,
        quoteId,
        version: current.version,
        changes: { status: 'sent', sent_at: now.toISOString(), vat_rate_bp: vat, total: totalsOf(content, vat).total },
      });
    }
    const token = secretToken();
    await q.insertLink(db, {
      id: newId(),
      workspace_id: scope.workspaceId,
      quote_id: quoteId,
      version: current.version,
      token_hash: sha256Hex(token),
      expires_at: dayBounds(content.validUntil, profile.timeZone).end.toISOString(),
      revoked_at: null,
      created_at: now.toISOString(),
    });
    await q.updateQuote(db, { ...scope, quoteId, changes: { updated_at: now.toISOString() } });
    const version = (await q.versionsOf(db, { ...scope, quoteIds: [quoteId] })).find(
      (v) => v.version === quote.current_version,
    )!;
    return { token, quote, version };
  });
}

export async function revokeQuoteLinks(deps: Deps, scope: Scope, quoteId: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    const quote = await q.findQuote(deps.db.kysely, { ...scope, quoteId });
    if (!quote) throw notFound();
    await q.revokeLinks(deps.db.kysely, { ...scope, quoteId, at: isoNow(deps.clock) });
    await recordAudit(deps, scope, { action: 'quote_links_revoked', clientId: quote.client_id, target: quote.number });
  });
}

export function portalUrl(deps: Deps, requestOrigin: string, token: string): string {
  return `${deps.config.publicUrl ?? requestOrigin}/q/${token}`;
}

// ── The client's side (portal) ──────────────────────────────────────────────

export type PortalView = {
  quote: Quote;
  version: QuoteVersion;
  business: Awaited<ReturnType<typeof getBusinessProfile>>;
  workspaceId: string;
  /** A change order's project, by title: the document says it is an addition to it. */
  projectTitle: string | null;
};

/**
 * Resolves a client link. Wrong, revoked, replaced or expired tokens all answer the same way
 * (null → 404): the lookup is by hash only, so there is nothing to time or enumerate.
 */
export async function resolveLink(deps: Deps, token: string): Promise<QuoteLinkRow | null> {
  if (!/^[\w-]{40,60}$/.test(token)) return null;
  const link = await q.findLinkByHash(deps.db.kysely, { tokenHash: sha256Hex(token) });
  if (!link || link.revoked_at || link.expires_at <= isoNow(deps.clock)) return null;
  return link;
}

/** The client opens the link: the first view marks the version viewed. */
export async function viewByToken(deps: Deps, token: string): Promise<PortalView | null> {
  return inTransaction(deps, async (deps) => {
    const link = await resolveLink(deps, token);
    if (!link) return null;
    const scope = { workspaceId: link.workspace_id };
    const row = (await q.versionsOf(deps.db.kysely, { ...scope, quoteIds: [link.quote_id] })).find(
      (v) => v.version === link.version,
    );
    if (!row) return null;
    if (row.status === 'sent')
      await q.updateVersion(deps.db.kysely, {
        ...scope,
        quoteId: link.quote_id,
        version: link.version,
        changes: { status: 'viewed', viewed_at: isoNow(deps.clock) },
      });
    const quote = await getQuote(deps, scope, link.quote_id);
    const version = versionOf(quote, link.version);
    return {
      quote,
      version,
      business: await getBusinessProfile(deps, scope),
      workspaceId: link.workspace_id,
      projectTitle: await changeOrderProjectTitle(deps, scope, quote),
    };
  });
}
