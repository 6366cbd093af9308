import type { MessageSent } from '../../../shared/schemas/messages.js';
import type { Quote, ReportMistake } from '../../../shared/schemas/quotes.js';
import { AppError } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { inTransaction } from '../../lib/transaction.js';
import { sendMessage } from '../messages/send.service.js';
import * as q from './quotes.queries.js';
import { getQuote, updateQuote } from './quotes.service.js';
import { sendQuote } from './send-quote.service.js';

type Scope = { workspaceId: string };

/**
 * "I made a mistake" on a sent quote (seed 000): honour it (the absorbed difference is recorded,
 * the client is told the price is one-time) or re-issue (a new version with the reason, an
 * apology, optionally a goodwill benefit). Either way the message is logged. One transaction: when
 * the message cannot go out, the quote stays exactly as it was (v1 sent, its link working).
 */
export async function reportMistake(
  deps: Deps,
  scope: Scope,
  quoteId: string,
  input: ReportMistake,
  options: { origin: string },
): Promise<{ quote: Quote; sent: MessageSent | null; url: string | null }> {
  return inTransaction(deps, async (deps) => {
    const existing = await getQuote(deps, scope, quoteId);
    if (!['sent', 'viewed', 'expired'].includes(existing.status)) throw new AppError('conflict');
    const now = isoNow(deps.clock);
    if (input.mode === 'honour') {
      await q.updateQuote(deps.db.kysely, {
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
        ? await sendMessage(deps, scope, { kind: 'quote_error_honour', clientId: existing.clientId, ...input.message })
        : null;
      return { quote: await getQuote(deps, scope, quoteId), sent, url: null };
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
  });
}
