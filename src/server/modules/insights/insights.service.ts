import type { Today } from '../../../shared/schemas/insights.js';
import { dayBounds, localDate } from '../../../shared/time/zoned.js';
import type { Deps } from '../../lib/http.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { openCommitments } from '../commitments/commitments.service.js';
import { awaitingReply } from '../interactions/interactions.service.js';
import { upcomingDates } from '../clients/clients.service.js';
import { quotesAwaitingAnswer } from '../quotes/quotes.service.js';

type Scope = { workspaceId: string };
const LIST_LIMIT = 200;
/** Greetings are prepared a week ahead. */
const GREETING_DAYS = 7;

/**
 * Today: what I promised for today and what is late, what clients owe me, who waits for my
 * reply, which quotes wait for an answer, and whom to greet this week. Late first (oldest first),
 * then today by the hour. Lists are capped; counts are exact.
 */
export async function today(deps: Deps, scope: Scope): Promise<Today> {
  const profile = await getBusinessProfile(deps, scope);
  const now = deps.clock.now();
  const date = localDate(now, profile.timeZone);
  const endOfToday = dayBounds(date, profile.timeZone).end.toISOString();
  const nowIso = now.toISOString();
  const [mine, theirs, replies, quotes, greetings] = await Promise.all([
    openCommitments(deps, scope, { direction: 'mine', dueBefore: endOfToday, limit: LIST_LIMIT }),
    openCommitments(deps, scope, { direction: 'theirs', dueBefore: endOfToday, limit: LIST_LIMIT }),
    awaitingReply(deps, scope, LIST_LIMIT),
    quotesAwaitingAnswer(deps, scope, LIST_LIMIT),
    upcomingDates(deps, scope, { fromDate: date, days: GREETING_DAYS }),
  ]);
  const split = (items: typeof mine.items) => ({ overdue: items.filter((c) => c.dueAt < nowIso), today: items.filter((c) => c.dueAt >= nowIso) });
  const mineSplit = split(mine.items);
  const theirsSplit = split(theirs.items);
  const overdueCount = async (direction: 'mine' | 'theirs', listed: { overdue: unknown[] }, total: number, listedTotal: number) =>
    total === listedTotal ? listed.overdue.length : (await openCommitments(deps, scope, { direction, dueBefore: nowIso, limit: 1 })).total;
  const mineOverdue = await overdueCount('mine', mineSplit, mine.total, mine.items.length);
  const theirsOverdue = await overdueCount('theirs', theirsSplit, theirs.total, theirs.items.length);
  return {
    date,
    timeZone: profile.timeZone,
    mine: mineSplit,
    theirs: theirsSplit,
    awaitingReply: replies.items,
    quotesWaiting: quotes.map((quote) => ({
      id: quote.id,
      number: quote.number,
      clientId: quote.clientId,
      clientName: quote.clientName,
      title: quote.current.title,
      status: quote.status as 'sent' | 'viewed',
      sentAt: quote.current.sentAt,
      viewedAt: quote.current.viewedAt,
      validUntil: quote.current.validUntil,
      total: quote.current.totals.total,
      currency: quote.current.currency,
    })),
    greetings,
    counts: {
      mineOverdue,
      mineToday: mine.total - mineOverdue,
      theirsOverdue,
      theirsToday: theirs.total - theirsOverdue,
      awaitingReply: replies.total,
      quotesWaiting: quotes.length,
      greetings: greetings.length,
    },
  };
}
