import type { Quote, QuoteVersion } from '../../../shared/schemas/quotes.js';
import { deliveryDateFromTerms } from '../../../shared/time/delivery-time.js';
import { addDays, localDate } from '../../../shared/time/zoned.js';
import { AppError } from '../../lib/app-error.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { sha256Hex } from '../../lib/crypto.js';
import type { Deps } from '../../lib/http.js';
import { translate } from '../../lib/i18n.js';
import { inTransaction } from '../../lib/transaction.js';
import { getBusinessProfile, workspaceOwners } from '../accounts/accounts.service.js';
import { activateLead, referrerOf } from '../clients/clients.service.js';
import { addCommitment } from '../commitments/commitments.service.js';
import { notify } from '../messages/notifications.service.js';
import { enqueueOwnerMail } from '../messages/outbox.service.js';
import { addDeliverables, openProject } from '../projects/projects.service.js';
import { emitWebhookEvent } from '../webhooks/webhooks.service.js';
import * as q from './quotes.queries.js';
import { resolveLink } from './quote-links.service.js';
import { getQuote, listQuotes } from './quotes.service.js';

type Scope = { workspaceId: string };

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
 * opens the project (items → deliverables) and the client's obligations as promises they owe —
 * all in one transaction, with the owner's notification and e-mail.
 */
export async function decideByToken(
  deps: Deps,
  token: string,
  decision: { accept: true; name: string } | { accept: false; reason: string | null },
  meta: { ip: string; userAgent: string | null },
): Promise<(Decision & { quote: Quote; workspaceId: string }) | null> {
  return inTransaction(deps, async (deps) => {
    const link = await resolveLink(deps, token);
    if (!link) return null;
    const scope = { workspaceId: link.workspace_id };
    const quote = await getQuote(deps, scope, link.quote_id);
    const version = quote.versions.find((v) => v.version === link.version);
    if (!version || (version.status !== 'sent' && version.status !== 'viewed')) throw new AppError('conflict');
    const now = deps.clock.now();
    if (!decision.accept) {
      await q.updateVersion(deps.db.kysely, {
        ...scope,
        quoteId: quote.id,
        version: version.version,
        changes: { status: 'declined', decided_at: now.toISOString(), decline_reason: decision.reason },
      });
      await tellOwners(deps, scope, quote, 'quote_declined');
      const declined = await getQuote(deps, scope, quote.id);
      await emitWebhookEvent(deps, scope, 'quote.declined', { quote: declined, reason: decision.reason });
      return { kind: 'declined', quote: declined, workspaceId: link.workspace_id };
    }
    const hash = sha256Hex(acceptedContent(quote, version));
    await q.updateVersion(deps.db.kysely, {
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
    const profile = await getBusinessProfile(deps, scope);
    const today = localDate(now, profile.timeZone);
    // A change order grows the project it belongs to; a quote opens a new one.
    const deliverables = version.items.map((i) => i.description);
    let projectId: string;
    if (quote.kind === 'change_order' && quote.projectId) {
      projectId = quote.projectId;
      await addDeliverables(deps, scope, projectId, deliverables);
    } else {
      // "14 working days" in the terms becomes a date at once, and with it my delivery promise.
      projectId = await openProject(deps, scope, {
        clientId: quote.clientId,
        title: version.title,
        deliverables,
        targetDate: deliveryDateFromTerms(version.terms.deliveryTime, today),
      });
    }
    // A lead who accepts is a client now.
    await activateLead(deps, scope, quote.clientId);
    for (const obligation of version.terms.clientObligations) {
      await addCommitment(deps, scope, {
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
    await q.updateQuote(deps.db.kysely, {
      ...scope,
      quoteId: quote.id,
      changes: { project_id: projectId, updated_at: now.toISOString() },
    });
    await tellOwners(deps, scope, quote, 'quote_accepted');
    await proposeReferralThanks(deps, scope, quote);
    const accepted = await getQuote(deps, scope, quote.id);
    await emitWebhookEvent(deps, scope, 'quote.accepted', { quote: accepted, projectId });
    return { kind: 'accepted', projectId, quote: accepted, workspaceId: link.workspace_id };
  });
}

/** The owner hears about a decision at once: in the app and by e-mail, in the caller's transaction. */
async function tellOwners(
  deps: Deps,
  scope: Scope,
  quote: Quote,
  kind: 'quote_accepted' | 'quote_declined',
): Promise<void> {
  for (const owner of await workspaceOwners(deps, scope)) {
    const title = translate(owner.locale, `notifications.${kind}`, { client: quote.clientName, number: quote.number });
    await notify(deps, scope, {
      kind,
      refId: quote.id,
      dedupeKey: `${kind}:${quote.id}:${quote.current.version}:${owner.id}`,
      clientId: quote.clientId,
      title,
    });
    if (deps.mailer) {
      await enqueueOwnerMail(deps, scope, {
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

/**
 * Seed 000: the client is the best ambassador. When a referred client accepts a first quote, the
 * owners are offered the thank-you to whoever referred them (care composes it from the refId, the
 * referred client). In the acceptance's transaction.
 */
async function proposeReferralThanks(deps: Deps, scope: Scope, quote: Quote): Promise<void> {
  const referrer = await referrerOf(deps, scope, quote.clientId);
  if (!referrer) return;
  const accepted = (await listQuotes(deps, scope, { clientId: quote.clientId, limit: 1000 })).items.filter(
    (other) => other.id !== quote.id && other.status === 'accepted',
  );
  if (accepted.length) return;
  for (const owner of await workspaceOwners(deps, scope)) {
    await notify(deps, scope, {
      kind: 'referral_thanks',
      refId: quote.clientId,
      dedupeKey: `referral_thanks:${quote.clientId}:${owner.id}`,
      clientId: referrer.id,
      title: translate(owner.locale, 'notifications.referral_thanks', {
        client: referrer.name,
        referred: quote.clientName,
      }),
    });
  }
}
