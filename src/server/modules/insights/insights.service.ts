import type { Today } from '../../../shared/schemas/insights.js';
import { dayBounds, localDate } from '../../../shared/time/zoned.js';
import type { Deps } from '../../lib/http.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { openCommitments } from '../commitments/commitments.service.js';
import { awaitingReply } from '../interactions/interactions.service.js';
import { upcomingDates } from '../clients/clients.service.js';
import { listPaymentItems } from '../payments/payments.service.js';
import { quotesAwaitingAnswer } from '../quotes/quotes.service.js';

type Scope = { workspaceId: string };
const LIST_LIMIT = 200;
/** Greetings are prepared a week ahead. */
const GREETING_DAYS = 7;

/**
 * Today: what I promised for today and what is late, what clients owe me, who waits for my
 * reply, which quotes wait for an answer, whom to greet this week and which payments are late. Late first (oldest first),
 * then today by the hour. Lists are capped; counts are exact.
 */
export async function today(deps: Deps, scope: Scope): Promise<Today> {
  const profile = await getBusinessProfile(deps, scope);
  const now = deps.clock.now();
  const date = localDate(now, profile.timeZone);
  const endOfToday = dayBounds(date, profile.timeZone).end.toISOString();
  const nowIso = now.toISOString();
  // Late and today are separate lists with their own caps, so a long backlog never hides today.
  // Late includes a promise moved once it was already late (late until kept, whatever its new date).
  const late = { late: true, limit: LIST_LIMIT };
  const dueToday = { dueFrom: nowIso, dueBefore: endOfToday, late: false, limit: LIST_LIMIT };
  const [mineOverdue, mineToday, theirsOverdue, theirsToday, replies, quotes, greetings, payments] = await Promise.all([
    openCommitments(deps, scope, { direction: 'mine', ...late }),
    openCommitments(deps, scope, { direction: 'mine', ...dueToday }),
    openCommitments(deps, scope, { direction: 'theirs', ...late }),
    openCommitments(deps, scope, { direction: 'theirs', ...dueToday }),
    awaitingReply(deps, scope, LIST_LIMIT),
    quotesAwaitingAnswer(deps, scope, LIST_LIMIT),
    upcomingDates(deps, scope, { fromDate: date, days: GREETING_DAYS }),
    listPaymentItems(deps, scope, { state: 'overdue' }),
  ]);
  return {
    date,
    timeZone: profile.timeZone,
    mine: { overdue: mineOverdue.items, today: mineToday.items },
    theirs: { overdue: theirsOverdue.items, today: theirsToday.items },
    awaitingReply: replies.items,
    quotesWaiting: quotes.map((quote) => ({
      id: quote.id,
      number: quote.number,
      clientId: quote.clientId,
      clientName: quote.clientName,
      title: quote.current.title,
      // Only sent and viewed quotes wait for an answer.
      status: quote.status === 'viewed' ? 'viewed' : 'sent',
      sentAt: quote.current.sentAt,
      viewedAt: quote.current.viewedAt,
      validUntil: quote.current.validUntil,
      total: quote.current.totals.total,
      currency: quote.current.currency,
    })),
    greetings,
    paymentsOverdue: payments.items.slice(0, LIST_LIMIT),
    counts: {
      mineOverdue: mineOverdue.total,
      mineToday: mineToday.total,
      theirsOverdue: theirsOverdue.total,
      theirsToday: theirsToday.total,
      awaitingReply: replies.total,
      quotesWaiting: quotes.length,
      greetings: greetings.length,
      paymentsOverdue: payments.items.length,
    },
  };
}
