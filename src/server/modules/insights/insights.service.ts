import type { ProjectNextStep, Today } from '../../../shared/schemas/insights.js';
import { dayBounds, localDate } from '../../../shared/time/zoned.js';
import type { Deps } from '../../lib/http.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { todayPromises } from '../commitments/commitments.service.js';
import { awaitingReply } from '../interactions/interactions.service.js';
import { clientNames, upcomingDates } from '../clients/clients.service.js';
import { overduePaymentItems } from '../payments/payments.service.js';
import { startedProjects, type StartedProject } from '../projects/projects.service.js';
import { quotesAwaitingAnswer } from '../quotes/quotes.service.js';

type Scope = { workspaceId: string };
const LIST_LIMIT = 200;
/** Promises, contacts and quotes waiting: the rows Today shows (counts stay exact; the screen says how many more). */
const SHOWN_ROWS = 15;
/** Greetings are prepared a week ahead. */
const GREETING_DAYS = 7;
/** A project counts as just started for two weeks: long enough to set it going. */
const STARTED_DAYS = 14;
const STARTED_LIMIT = 5;

/** What a project needs next: a delivery date, the client's materials, the next deliverable, the delivery. */
function nextStep(project: StartedProject): ProjectNextStep {
  const base = {
    projectId: project.id,
    title: project.title,
    clientId: project.clientId,
    clientName: project.clientName,
    startedAt: project.createdAt,
  };
  if (!project.targetDate) return { ...base, step: 'set_target', subject: null, dueDate: null };
  const material = project.materials[0];
  if (material) return { ...base, step: 'materials', subject: material.title, dueDate: material.dueDate };
  const deliverable = project.deliverables[0];
  if (deliverable)
    return {
      ...base,
      step: 'deliverable',
      subject: deliverable.title,
      dueDate: deliverable.targetDate ?? project.targetDate,
    };
  return { ...base, step: 'deliver', subject: null, dueDate: project.targetDate };
}

/**
 * Today: what I promised for today and what is late, what clients owe me, who waits for my
 * reply, which quotes wait for an answer, whom to greet this week and which payments are late. Late first (oldest first),
 * then today by the hour. Lists are capped; counts are exact.
 *
 * A handful of statements whatever the data: the business profile once, one or two per section
 * (read side by side), then every section's client names in one (NamesToFill).
 */
export async function today(deps: Deps, scope: Scope): Promise<Today> {
  const profile = await getBusinessProfile(deps, scope);
  const now = deps.clock.now();
  const date = localDate(now, profile.timeZone);
  const endOfToday = dayBounds(date, profile.timeZone).end.toISOString();
  // Late and today are separate lists with their own caps, so a long backlog never hides today.
  // Late includes a promise moved once it was already late (late until kept, whatever its new date).
  const startedSince = new Date(now.getTime() - STARTED_DAYS * 86_400_000).toISOString();
  const [promises, replies, quotes, greetings, payments, started] = await Promise.all([
    todayPromises(deps, scope, { endOfToday, limit: SHOWN_ROWS }),
    awaitingReply(deps, scope, SHOWN_ROWS),
    quotesAwaitingAnswer(deps, scope, { limit: SHOWN_ROWS, timeZone: profile.timeZone }),
    upcomingDates(deps, scope, { fromDate: date, days: GREETING_DAYS }),
    overduePaymentItems(deps, scope, { today: date }),
    startedProjects(deps, scope, { since: startedSince, limit: STARTED_LIMIT }),
  ]);
  const lists = [promises, replies, quotes, payments, started];
  const names = await clientNames(
    deps,
    scope,
    lists.flatMap((l) => l.clientIds),
  );
  const [words, waiting, quotesWaiting, overdue, projects] = [
    promises.fill(names),
    replies.fill(names),
    quotes.fill(names),
    payments.fill(names),
    started.fill(names),
  ];
  return {
    date,
    timeZone: profile.timeZone,
    mine: words.mine,
    theirs: words.theirs,
    awaitingReply: waiting.items,
    quotesWaiting: quotesWaiting.items,
    greetings,
    paymentsOverdue: overdue.slice(0, LIST_LIMIT),
    projectsStarted: projects.map(nextStep),
    counts: {
      ...words.counts,
      awaitingReply: waiting.total,
      quotesWaiting: quotesWaiting.total,
      greetings: greetings.length,
      paymentsOverdue: overdue.length,
      projectsStarted: projects.length,
    },
  };
}
