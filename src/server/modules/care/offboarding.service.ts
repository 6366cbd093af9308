import {
  ZOffboardingDecision,
  type ComposeFarewell,
  type EndEngagement,
  type EngagementEnded,
  type Offboarding,
  type OffboardingDecision,
  type OffboardingItemKind,
} from '../../../shared/schemas/care.js';
import type { Commitment } from '../../../shared/schemas/commitments.js';
import type { MessageComposed } from '../../../shared/schemas/messages.js';
import { formatPhone } from '../../../shared/phone.js';
import { z } from 'zod';
import { AppError, fieldError } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { renderTemplate } from '../../lib/message-format.js';
import { inTransaction } from '../../lib/transaction.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { getClient, setClientStatus } from '../clients/clients.service.js';
import { cancelCommitment, listCommitments, projectCommitments } from '../commitments/commitments.service.js';
import { sendMessage } from '../messages/send.service.js';
import { fillTemplate } from '../messages/templates.service.js';
import { cancelPaymentItem, listPaymentItems } from '../payments/payments.service.js';
import { listColleagues } from '../projects/change-requests.service.js';
import { listProjects, updateProject } from '../projects/projects.service.js';
import { revokeQuoteLinks } from '../quotes/quote-links.service.js';
import { listQuotes } from '../quotes/quotes.service.js';
import * as q from './care.queries.js';
import type { OffboardingRow } from './care.table.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

// Seeds 000 and 004: end gracefully, because a bitter ex-client's word of mouth costs more than a
// good ending. The checklist (deliver or hand over, settle payments, return materials and access,
// a final message) is read from the other modules' services; ending decides each open item and
// leaves the door open. Every ending is kept (offboardings), also after the client is brought back.

const ENDED = new Set(['ended', 'let_go']);
const OPEN_PROJECT = new Set(['planned', 'active', 'waiting_for_client']);
const OPEN_QUOTE = new Set(['draft', 'sent', 'viewed']);
const UNPAID = new Set(['open', 'partial', 'overdue']);
/** Payments and quotes are finished (collected, answered) or cancelled; nobody else takes them over. */
const HANDOVER_KINDS = new Set<OffboardingItemKind>(['commitment', 'project']);

const ZDecisions = z.array(ZOffboardingDecision);

function toEnding(row: OffboardingRow): Offboarding['endings'][number] {
  return {
    id: row.id,
    outcome: row.outcome,
    reason: row.reason,
    decisions: ZDecisions.parse(JSON.parse(row.decisions)),
    materialsReturned: row.materials_returned === 1,
    farewellMessageId: row.farewell_message_id,
    colleagueId: row.colleague_id,
    endedAt: row.ended_at,
    broughtBackAt: row.brought_back_at,
  };
}

/** The client's open items, each from its own module, and the checklist they add up to. 404 for another workspace's client. */
export async function offboardingState(deps: Deps, scope: Scope, clientId: string): Promise<Offboarding> {
  const client = await getClient(deps, scope, clientId);
  const [commitments, projects, payments, quotes, endings] = await Promise.all([
    listCommitments(deps, scope, { clientId, state: 'open', limit: 500 }),
    listProjects(deps, scope, { clientId }),
    listPaymentItems(deps, scope, { clientId }),
    listQuotes(deps, scope, { clientId, limit: 500 }),
    q.offboardingsOf(deps.db.kysely, { ...scope, clientId }),
  ]);
  const openProjects = projects.items
    .filter((p) => OPEN_PROJECT.has(p.status))
    .map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      targetDate: p.targetDate,
      openDeliverables: p.deliverables.filter((d) => d.status === 'open').map((d) => d.title),
    }));
  const paymentItems = payments.items.filter((i) => UNPAID.has(i.status));
  const openQuotes = quotes.items
    .filter((qt) => OPEN_QUOTE.has(qt.status))
    .map((qt) => ({
      id: qt.id,
      number: qt.number,
      title: qt.current.title,
      status: qt.status,
      total: qt.current.totals.total,
    }));
  const current = endings[0] && !endings[0].brought_back_at && ENDED.has(client.status) ? endings[0] : null;
  const mine = commitments.items.filter((c) => c.direction === 'mine').length;
  return {
    clientId: client.id,
    clientName: client.name,
    status: client.status,
    checklist: [
      {
        step: 'deliver_or_hand_over',
        done: openProjects.length + mine === 0,
        open: openProjects.length + mine,
      },
      { step: 'settle_payments', done: paymentItems.length === 0, open: paymentItems.length },
      // Files, keys and access the client gave: Mila cannot see them, the user ticks it when ending.
      { step: 'return_materials', done: current?.materials_returned === 1, open: 0 },
      { step: 'final_message', done: Boolean(current?.farewell_message_id), open: 0 },
    ],
    commitments: commitments.items,
    projects: openProjects,
    paymentItems,
    quotes: openQuotes,
    endings: endings.map(toEnding),
  };
}

async function colleagueFor(deps: Deps, scope: Scope, colleagueId: string | undefined) {
  if (!colleagueId) return null;
  const colleague = (await listColleagues(deps, scope)).items.find((c) => c.id === colleagueId);
  if (!colleague) throw fieldError('referToColleagueId', 'unknown_colleague');
  return colleague;
}

/** The farewell of seed 004 in the client's language: thanks, the door left open, a colleague to turn to. */
export async function composeFarewell(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  clientId: string,
  input: ComposeFarewell = {},
): Promise<MessageComposed> {
  const client = await getClient(deps, scope, clientId);
  const colleague = await colleagueFor(deps, scope, input.referToColleagueId);
  const referralLine = colleague
    ? renderTemplate(
        rawMessage(client.language, 'templates.referralLine'),
        {
          colleagueName: colleague.name,
          colleagueDoes: colleague.does,
          colleagueContact: [colleague.phone ? formatPhone(colleague.phone) : null, colleague.email]
            .filter(Boolean)
            .join(' · '),
        },
        client.language,
      )
    : '';
  return fillTemplate(deps, scope, actor, { kind: 'farewell', clientId: client.id, values: { referralLine } });
}

/**
 * Ends the engagement (or lets the client go), in one transaction: each decided item is finished
 * (left open), handed over or cancelled; the open promises nobody decided and not yet due are
 * closed with the reason (a project decided as a whole takes its promises along); closed, they do
 * not count as broken, and the word-keeping rate stays as it was. A promise already broken stays
 * open unless the user decides it. The farewell is sent or opened and logged, the status changes and the ending is
 * recorded with its decisions. Every id must be an open item of this client (422 otherwise).
 */
export async function endEngagement(
  deps: Deps,
  scope: Scope,
  clientId: string,
  input: EndEngagement,
): Promise<EngagementEnded> {
  return inTransaction(deps, async (deps) => {
    const state = await offboardingState(deps, scope, clientId);
    if (ENDED.has(state.status)) throw new AppError('conflict');
    const colleague = await colleagueFor(deps, scope, input.referToColleagueId);
    const profile = await getBusinessProfile(deps, scope);
    const openIds: Record<OffboardingItemKind, Set<string>> = {
      commitment: new Set(state.commitments.map((c) => c.id)),
      project: new Set(state.projects.map((p) => p.id)),
      payment_item: new Set(state.paymentItems.map((p) => p.id)),
      quote: new Set(state.quotes.map((qt) => qt.id)),
    };
    const decided = new Map<string, OffboardingDecision>();
    input.decisions.forEach((d, i) => {
      const key = `${d.itemKind}:${d.itemId}`;
      if (!openIds[d.itemKind].has(d.itemId)) throw fieldError(`decisions.${i}.itemId`, 'unknown_item');
      if (decided.has(key)) throw fieldError(`decisions.${i}.itemId`, 'duplicate_item');
      if (d.decision === 'hand_over' && !HANDOVER_KINDS.has(d.itemKind))
        throw fieldError(`decisions.${i}.decision`, 'decision_not_allowed');
      decided.set(key, d);
    });
    const endingReason = input.reason ?? rawMessage(profile.locale, `care.endings.${input.outcome}`);
    const reasonOf = (d: OffboardingDecision) =>
      d.reason ?? (d.decision === 'hand_over' ? rawMessage(profile.locale, 'care.endings.hand_over') : endingReason);

    // A promise of a project follows the project's decision unless it has its own.
    const projectOf = new Map<string, OffboardingDecision | null>();
    for (const project of state.projects) {
      const decision = decided.get(`project:${project.id}`) ?? null;
      for (const c of await projectCommitments(deps, scope, project.id)) projectOf.set(c.id, decision);
    }
    for (const project of state.projects) {
      const d = decided.get(`project:${project.id}`);
      if (d && d.decision !== 'finish') await updateProject(deps, scope, project.id, { status: 'closed' });
    }
    const closeReason = (c: Commitment): string | null => {
      const own = decided.get(`commitment:${c.id}`);
      if (own) return own.decision === 'finish' ? null : reasonOf(own);
      // Already past its deadline it is a broken promise: closing it would take it out of the rate
      // (a cancelled promise does not count), so that takes the user's own decision.
      if (c.overdue) return null;
      if (projectOf.has(c.id)) {
        const d = projectOf.get(c.id);
        return d && d.decision !== 'finish' ? reasonOf(d) : null;
      }
      return endingReason;
    };
    for (const commitment of state.commitments) {
      const reason = closeReason(commitment);
      if (reason !== null) await cancelCommitment(deps, scope, commitment.id, reason);
    }
    for (const d of decided.values()) {
      if (d.decision !== 'cancel') continue;
      if (d.itemKind === 'payment_item') await cancelPaymentItem(deps, scope, d.itemId);
      // The client can no longer accept it; the quote itself stays as it was, in the history.
      if (d.itemKind === 'quote') await revokeQuoteLinks(deps, scope, d.itemId);
    }

    const messageId = input.farewell ? newId() : null;
    const sent =
      input.farewell && messageId
        ? await sendMessage(deps, scope, { kind: 'farewell', clientId, ...input.farewell, messageId })
        : null;
    const { previous } = await setClientStatus(deps, scope, clientId, input.outcome);
    await q.insertOffboarding(deps.db.kysely, {
      id: newId(),
      workspace_id: scope.workspaceId,
      client_id: clientId,
      outcome: input.outcome,
      previous_status: previous,
      reason: input.reason,
      decisions: JSON.stringify([...decided.values()]),
      materials_returned: input.materialsReturned ? 1 : 0,
      farewell_message_id: messageId,
      colleague_id: colleague?.id ?? null,
      ended_at: isoNow(deps.clock),
      brought_back_at: null,
    });
    return { offboarding: await offboardingState(deps, scope, clientId), sent };
  });
}

/** An ended client comes back as active; the endings, closed promises and messages stay in the history. */
export async function bringBack(deps: Deps, scope: Scope, clientId: string): Promise<Offboarding> {
  return inTransaction(deps, async (deps) => {
    const client = await getClient(deps, scope, clientId);
    if (!ENDED.has(client.status)) throw new AppError('conflict');
    await setClientStatus(deps, scope, clientId, 'active');
    const [latest] = await q.offboardingsOf(deps.db.kysely, { ...scope, clientId });
    if (latest && !latest.brought_back_at)
      await q.updateOffboarding(deps.db.kysely, {
        ...scope,
        id: latest.id,
        changes: { brought_back_at: isoNow(deps.clock) },
      });
    return offboardingState(deps, scope, clientId);
  });
}
