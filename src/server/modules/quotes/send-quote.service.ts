import { formatMoney } from '../../../shared/money.js';
import type { MessageComposed, MessageDraft, MessageSent } from '../../../shared/schemas/messages.js';
import type { ComposeQuoteMessage, Quote, QuoteMessageKind } from '../../../shared/schemas/quotes.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage, translate } from '../../lib/i18n.js';
import { formatDue } from '../../lib/message-format.js';
import { inTransaction } from '../../lib/transaction.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { keepQuoteCommitments } from '../commitments/commitments.service.js';
import { sendMessage } from '../messages/send.service.js';
import { fillTemplate } from '../messages/templates.service.js';
import { emitWebhookEvent } from '../webhooks/webhooks.service.js';
import { issueQuote, portalUrl } from './quote-links.service.js';
import { QUOTE_PDF, getQuote, quotePdfRef } from './quotes.service.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

/**
 * The message for a quote, in the client's language. `{{link}}` stays in the text: the link is
 * made when the quote is sent and put in its place then (it exists only once, as a hash).
 */
export async function composeQuoteMessage(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  quoteId: string,
  input: ComposeQuoteMessage,
): Promise<MessageComposed> {
  const quote = await getQuote(deps, scope, quoteId);
  const profile = await getBusinessProfile(deps, scope);
  const version = quote.current;
  const goodwillLine = input.goodwill
    ? rawMessage(quote.locale, 'templates.goodwillLine').replace('{{goodwill}}', input.goodwill)
    : '';
  return fillTemplate(deps, scope, actor, {
    kind: input.kind,
    clientId: quote.clientId,
    values: {
      quoteNumber: quote.number,
      quoteTitle: version.title,
      quoteTotal: formatMoney(version.totals.total, version.currency, quote.locale),
      validUntil: formatDue(`${version.validUntil}T12:00:00.000Z`, false, quote.locale, profile.timeZone),
      link: '{{link}}',
      reason: input.reason ?? null,
      goodwill: input.goodwill ?? null,
      goodwillLine,
    },
  });
}

/**
 * Sends the quote: the version is issued, the link goes into the message, the message is sent or
 * opened and logged, and the promises "send the quote…" to this client are kept — one transaction,
 * or a step of the caller's (re-issuing after a mistake).
 */
export async function sendQuote(
  deps: Deps,
  scope: Scope,
  quoteId: string,
  draft: MessageDraft,
  options: { origin: string; kind?: QuoteMessageKind },
): Promise<{ quote: Quote; sent: MessageSent; url: string }> {
  return inTransaction(deps, async (deps) => {
    const { token, quote } = await issueQuote(deps, scope, quoteId);
    const url = portalUrl(deps, options.origin, token);
    const body = draft.body.includes('{{link}}') ? draft.body.replaceAll('{{link}}', url) : `${draft.body}\n\n${url}`;
    const label = translate(quote.locale, 'portal.linkRedacted', { number: quote.number });
    const sent = await sendMessage(deps, scope, {
      kind: options.kind ?? (quote.kind === 'change_order' ? 'change_order' : 'quote'),
      clientId: quote.client_id,
      channel: draft.channel,
      subject: draft.subject,
      body,
      redactions: [{ secret: url, label }],
      // The outbox attaches the PDF of exactly the version that was sent.
      attachment: { kind: QUOTE_PDF, ref: quotePdfRef(scope, quoteId, quote.current_version) },
    });
    await keepQuoteCommitments(deps, scope, { clientId: quote.client_id, quoteId });
    const sentQuote = await getQuote(deps, scope, quoteId);
    // The portal link is the client's secret: the event names the quote, never the link.
    await emitWebhookEvent(deps, scope, 'quote.sent', { quote: sentQuote, channel: draft.channel });
    return { quote: sentQuote, sent, url };
  });
}
