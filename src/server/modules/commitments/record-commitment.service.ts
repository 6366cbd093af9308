import type { Commitment, CreateCommitment } from '../../../shared/schemas/commitments.js';
import { fieldError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/http.js';
import { clientForReference } from '../clients/clients.service.js';
import { getInteraction } from '../interactions/interactions.service.js';
import { addCommitment, presentCommitment } from './commitments.service.js';

type Scope = { workspaceId: string };

/**
 * A promise recorded on its own (POST /commitments): the client and the contact it was made in
 * must be this workspace's, and the contact this client's, before anything is stored. Its own file
 * because it reads the contact log, and the contact log records promises (commitments.service).
 */
export async function createCommitment(deps: Deps, scope: Scope, input: CreateCommitment): Promise<Commitment> {
  await clientForReference(deps, scope, input.clientId);
  if (input.interactionId) {
    const interaction = await getInteraction(deps, scope, input.interactionId).catch(() => null);
    if (!interaction || interaction.clientId !== input.clientId)
      throw fieldError('interactionId', 'unknown_interaction');
  }
  const row = await addCommitment(deps, scope, input);
  return presentCommitment(deps, scope, row);
}
