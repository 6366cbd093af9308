import type { BusinessProfile } from '../../shared/schemas/accounts.js';
import type { Commitment } from '../../shared/schemas/commitments.js';
import type { Deps } from '../lib/http.js';
import { translate } from '../lib/i18n.js';
import { allWorkspaces } from '../modules/accounts/accounts.service.js';
import { openCommitments } from '../modules/commitments/commitments.service.js';
import { inTransaction } from '../lib/transaction.js';
import { notify } from '../modules/messages/notifications.service.js';
import { emitWebhookEvent } from '../modules/webhooks/webhooks.service.js';

const SOON_MS = 60 * 60_000;

/**
 * In-app reminders: an hour before each of my deadlines, once it is late, and when a client is
 * late with what they promised. The key includes the deadline, so a renegotiated commitment can
 * remind again; the same reminder is never created twice. "Broken" is derived at read time; the
 * first late reminder at a deadline is where the system notices it, so the `commitment.broken`
 * webhook is queued with it, in its transaction: once per promise and deadline (decision 015).
 */
export async function createReminders(deps: Deps, { pageSize = 500 }: { pageSize?: number } = {}): Promise<number> {
  let created = 0;
  const now = deps.clock.now();
  for (const workspace of await allWorkspaces(deps)) {
    const scope = { workspaceId: workspace.id };
    const soon = new Date(now.getTime() + SOON_MS).toISOString();
    // Page by page to the end: a backlog of old late promises must not hide the newest ones.
    let after: { dueAt: string; id: string } | undefined;
    for (;;) {
      const { items } = await openCommitments(deps, scope, { dueBefore: soon, after, limit: pageSize });
      for (const c of items) created += (await remind(deps, workspace, c, now)) ? 1 : 0;
      const last = items.at(-1);
      if (!last || items.length < pageSize) break;
      after = { dueAt: last.dueAt, id: last.id };
    }
  }
  return created;
}

/** The reminder a promise is due now, if any; true when it was created by this call. */
async function remind(
  deps: Deps,
  workspace: Pick<BusinessProfile, 'id' | 'locale'>,
  c: Commitment,
  now: Date,
): Promise<boolean> {
  const scope = { workspaceId: workspace.id };
  const late = c.dueAt < now.toISOString();
  const kind = c.direction === 'theirs' ? (late ? 'theirs_overdue' : null) : late ? 'overdue' : 'due_soon';
  if (!kind) return false;
  const title = translate(workspace.locale, `notifications.${kind}`, { what: c.title, client: c.clientName });
  return inTransaction(deps, async (deps) => {
    const fresh = await notify(deps, scope, {
      kind,
      refId: c.id,
      dedupeKey: `${kind}:${c.id}:${c.dueAt}`,
      clientId: c.clientId,
      title,
    });
    if (fresh && late) await emitWebhookEvent(deps, scope, 'commitment.broken', c);
    return fresh;
  });
}
