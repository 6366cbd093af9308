import { formatMoney } from '../../../shared/money.js';
import { formatPhone } from '../../../shared/phone.js';
import type { MessageComposed, MessageKind, MessageSent } from '../../../shared/schemas/messages.js';
import type {
  ChangeRequest,
  Colleague,
  ComposeScope,
  CreateChangeRequest,
  DecideChangeRequest,
  SaveColleague,
  ScopeDecision,
} from '../../../shared/schemas/projects.js';
import { ZCreateQuote } from '../../../shared/schemas/quotes.js';
import { addDays, localDate } from '../../../shared/time/zoned.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import type { Period } from '../../lib/period.js';
import { formatDue } from '../../lib/message-format.js';
import { inTransaction } from '../../lib/transaction.js';
import { parseInput } from '../../lib/validate.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference } from '../clients/clients.service.js';
import { addCommitment, dueInstant } from '../commitments/commitments.service.js';
import { recordInteraction } from '../interactions/interactions.service.js';
import { sendMessage } from '../messages/send.service.js';
import { fillTemplate } from '../messages/templates.service.js';
import { createQuote } from '../quotes/quotes.service.js';
import * as q from './projects.queries.js';
import type { ChangeRequestRow, ColleagueRow } from './projects.table.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

// ── Colleagues ──────────────────────────────────────────────────────────────

function toColleague(row: ColleagueRow): Colleague {
  return { id: row.id, name: row.name, does: row.does, phone: row.phone, email: row.email, notes: row.notes };
}

export async function listColleagues(deps: Deps, scope: Scope): Promise<{ items: Colleague[] }> {
  return { items: (await q.listColleagues(deps.db.kysely, scope)).map(toColleague) };
}

export async function createColleague(deps: Deps, scope: Scope, input: SaveColleague): Promise<Colleague> {
  const now = isoNow(deps.clock);
  const row: ColleagueRow = {
    id: newId(),
    workspace_id: scope.workspaceId,
    ...input,
    created_at: now,
    updated_at: now,
  };
  await q.insertColleague(deps.db.kysely, row);
  return toColleague(row);
}

export async function updateColleague(
  deps: Deps,
  scope: Scope,
  colleagueId: string,
  input: SaveColleague,
): Promise<Colleague> {
  const db = deps.db.kysely;
  if (!(await q.findColleague(db, { ...scope, colleagueId }))) throw notFound();
  await q.updateColleague(db, { ...scope, colleagueId, changes: { ...input, updated_at: isoNow(deps.clock) } });
  return toColleague((await q.findColleague(db, { ...scope, colleagueId }))!);
}

export async function deleteColleague(deps: Deps, scope: Scope, colleagueId: string): Promise<void> {
  const db = deps.db.kysely;
  if (!(await q.findColleague(db, { ...scope, colleagueId }))) throw notFound();
  await q.deleteColleague(db, { ...scope, colleagueId });
}

// ── Change requests (scope creep, seed 001) ────────────────────────────────

function toChangeRequest(row: ChangeRequestRow): ChangeRequest {
  return {
    id: row.id,
    projectId: row.project_id,
    clientId: row.client_id,
    what: row.what,
    requestedAt: row.requested_at,
    channel: row.channel,
    inScope: row.in_scope === null ? null : row.in_scope === 1,
    decision: row.decision,
    value: row.value,
    colleagueId: row.colleague_id,
    quoteId: row.quote_id,
    commitmentId: row.commitment_id,
    messageId: row.message_id,
    decidedAt: row.decided_at,
  };
}

/** The client asked for more: logged as their contact and as a request on the project. */
export async function createChangeRequest(
  deps: Deps,
  scope: Scope,
  projectId: string,
  input: CreateChangeRequest,
): Promise<ChangeRequest> {
  return inTransaction(deps, async (deps) => {
    const project = await q.findProject(deps.db.kysely, { ...scope, projectId });
    if (!project) throw notFound();
    const requestedAt = input.requestedAt ? new Date(input.requestedAt).toISOString() : isoNow(deps.clock);
    const interaction = await recordInteraction(deps, scope, {
      clientId: project.client_id,
      contactId: null,
      channel: input.channel,
      direction: 'in',
      occurredAt: requestedAt,
      summary: input.what,
      needsReply: true,
      source: 'manual',
    });
    const row: ChangeRequestRow = {
      id: newId(),
      workspace_id: scope.workspaceId,
      project_id: projectId,
      client_id: project.client_id,
      what: input.what,
      requested_at: requestedAt,
      channel: input.channel,
      interaction_id: interaction.id,
      in_scope: null,
      decision: null,
      value: null,
      colleague_id: null,
      quote_id: null,
      commitment_id: null,
      message_id: null,
      decided_at: null,
      created_at: isoNow(deps.clock),
    };
    await q.insertChangeRequest(deps.db.kysely, row);
    return toChangeRequest(row);
  });
}

export async function listChangeRequests(
  deps: Deps,
  scope: Scope,
  projectId: string,
): Promise<{ items: ChangeRequest[] }> {
  if (!(await q.findProject(deps.db.kysely, { ...scope, projectId }))) throw notFound();
  return { items: (await q.changeRequestsOf(deps.db.kysely, { ...scope, projectId })).map(toChangeRequest) };
}

const MESSAGE_KIND: Record<ScopeDecision, MessageKind> = {
  goodwill: 'scope_goodwill',
  change_order: 'scope_formal_quote',
  deterrent: 'scope_deterrent',
  subcontract: 'scope_subcontract',
  refer: 'scope_refer',
  decline: 'scope_decline',
};

/** The answer to an out-of-scope request, in the client's language, for the chosen decision. */
export async function composeScopeAnswer(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  changeRequestId: string,
  input: ComposeScope,
): Promise<MessageComposed> {
  const request = await q.findChangeRequest(deps.db.kysely, { ...scope, id: changeRequestId });
  if (!request) throw notFound();
  const client = await clientForReference(deps, scope, request.client_id);
  const profile = await getBusinessProfile(deps, scope);
  const colleague = input.colleagueId
    ? await q.findColleague(deps.db.kysely, { ...scope, colleagueId: input.colleagueId })
    : undefined;
  if (input.colleagueId && !colleague) throw fieldError('colleagueId', 'unknown_colleague');
  const due = input.formalQuoteBy ?? {
    dueDate: addDays(localDate(deps.clock.now(), profile.timeZone), 2),
    dueTime: null,
  };
  return fillTemplate(deps, scope, actor, {
    kind: MESSAGE_KIND[input.decision],
    clientId: request.client_id,
    values: {
      what: request.what,
      price: input.value !== undefined ? formatMoney(input.value, profile.currency, client.language) : null,
      due: formatDue(
        dueInstant(due.dueDate, due.dueTime, profile.timeZone),
        due.dueTime !== null,
        client.language,
        profile.timeZone,
      ),
      colleagueName: colleague?.name ?? null,
      colleagueDoes: colleague?.does ?? null,
      colleagueContact: colleague
        ? [colleague.phone ? formatPhone(colleague.phone) : null, colleague.email].filter(Boolean).join(' · ')
        : null,
    },
  });
}

/**
 * The decision on a request. Out of scope, a change order / deterrent price / subcontract gets a
 * draft change-order quote on the project (prefilled); "I'll send a formal quote by…" becomes my
 * promise, kept when that quote is sent. The message is sent or opened and logged. One transaction.
 */
export async function decideChangeRequest(
  deps: Deps,
  scope: Scope,
  changeRequestId: string,
  input: DecideChangeRequest,
): Promise<{ changeRequest: ChangeRequest; sent: MessageSent | null }> {
  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const profile = await getBusinessProfile(deps, scope);
    const request = await q.findChangeRequest(db, { ...scope, id: changeRequestId });
    if (!request) throw notFound();
    if (request.decided_at) throw fieldError('decision', 'already_decided');
    if (input.colleagueId && !(await q.findColleague(db, { ...scope, colleagueId: input.colleagueId })))
      throw fieldError('colleagueId', 'unknown_colleague');
    const decision = input.inScope ? null : (input.decision ?? null);
    let quoteId: string | null = null;
    let commitmentId: string | null = null;
    if (decision === 'change_order' || decision === 'deterrent' || decision === 'subcontract') {
      const today = localDate(deps.clock.now(), profile.timeZone);
      // Built here, so validated here: a request too long for a quote title is the user's 422.
      const draft = parseInput(ZCreateQuote, {
        clientId: request.client_id,
        projectId: request.project_id,
        title: request.what,
        items: [{ description: request.what, quantity: 1, unit: null, unitPrice: input.value ?? 0 }],
        validUntil: addDays(today, 30),
      });
      const quote = await createQuote(deps, scope, draft);
      quoteId = quote.id;
      if (input.formalQuoteBy) {
        const title = rawMessage(profile.locale, 'projects.formalQuotePromise').replace('{{what}}', request.what);
        const promise = await addCommitment(deps, scope, {
          clientId: request.client_id,
          interactionId: request.interaction_id,
          quoteId,
          projectId: request.project_id,
          direction: 'mine',
          title,
          ...input.formalQuoteBy,
          notes: null,
        });
        commitmentId = promise.id;
      }
    }
    const messageId = input.message ? newId() : null;
    const kind: MessageKind = decision ? MESSAGE_KIND[decision] : 'scope_goodwill';
    const sent =
      input.message && messageId
        ? await sendMessage(deps, scope, { kind, clientId: request.client_id, ...input.message, messageId })
        : null;
    await q.updateChangeRequest(db, {
      ...scope,
      id: changeRequestId,
      changes: {
        in_scope: input.inScope ? 1 : 0,
        decision,
        value: input.value ?? null,
        colleague_id: input.colleagueId ?? null,
        quote_id: quoteId,
        commitment_id: commitmentId,
        message_id: messageId,
        decided_at: isoNow(deps.clock),
      },
    });
    return {
      changeRequest: toChangeRequest((await q.findChangeRequest(db, { ...scope, id: changeRequestId }))!),
      sent,
    };
  });
}

/**
 * How many times each client asked for extras beyond the agreed scope (for care and insights): ever,
 * or in a period (asked in [from, to), optionally for some clients only).
 */
export async function outOfScopeCounts(deps: Deps, scope: Scope, period?: Period): Promise<Map<string, number>> {
  return q.outOfScopeCounts(deps.db.kysely, { ...scope, period, dialect: deps.db.dialect });
}

/** The requests behind one client's count in a period, oldest first, with when each was asked (for linking). */
export async function outOfScopeRequestIds(
  deps: Deps,
  scope: Scope,
  { clientId, from, to }: { clientId: string; from: string; to: string },
): Promise<{ id: string; at: string }[]> {
  return q.outOfScopeIds(deps.db.kysely, { ...scope, clientId, from, to, limit: 50 });
}
