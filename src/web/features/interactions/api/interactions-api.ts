import { z } from 'zod';
import { ZCommitment } from '../../../../shared/schemas/commitments';
import { type CreateInteractionInput, type Interaction, ZInteraction } from '../../../../shared/schemas/interactions';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

/** The answer to logging a contact: the server route composes it from these shared schemas. */
const ZInteractionCreated = z.object({ interaction: ZInteraction, commitments: z.array(ZCommitment) });
export type InteractionCreated = z.infer<typeof ZInteractionCreated>;

export function createInteraction(input: CreateInteractionInput): Promise<InteractionCreated> {
  return apiRequest('/interactions', ZInteractionCreated, { method: 'POST', body: input });
}

export function markInteractionHandled(id: string): Promise<Interaction> {
  return apiRequest(`/interactions/${encodeURIComponent(id)}/handled`, ZInteraction, { method: 'POST' });
}

export function deleteInteraction(id: string): Promise<void> {
  return apiRequestNoContent(`/interactions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
