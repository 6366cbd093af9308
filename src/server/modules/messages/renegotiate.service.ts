import type { Commitment } from '../../../shared/schemas/commitments.js';
import type { MessageSent, RenegotiateWithNotice } from '../../../shared/schemas/messages.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { applyRenegotiation, getCommitment } from '../commitments/commitments.service.js';
import { sendMessage } from './send.service.js';

type Scope = { workspaceId: string };

/**
 * "I haven't forgotten you": the new deadline, the message saying so, and its log entry — one
 * transaction, so the history never shows a change without the message or the other way round.
 */
export async function renegotiateWithNotice(
  deps: Deps,
  scope: Scope,
  commitmentId: string,
  input: RenegotiateWithNotice,
): Promise<{ commitment: Commitment; sent: MessageSent | null }> {
  return inTransaction(deps, async (deps) => {
    const current = await getCommitment(deps, scope, commitmentId);
    const messageId = input.message ? newId() : null;
    await applyRenegotiation(deps, scope, commitmentId, input, messageId);
    const sent = input.message
      ? await sendMessage(deps, scope, {
          kind: current.direction === 'mine' ? 'not_forgotten' : 'client_reminder',
          clientId: current.clientId,
          commitmentId,
          ...input.message,
          messageId: messageId!,
        })
      : null;
    return { commitment: await getCommitment(deps, scope, commitmentId), sent };
  });
}
