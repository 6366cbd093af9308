import type { z } from 'zod';
import {
  type CreateInteractionInput,
  type Interaction,
  ZInteraction,
  ZInteractionCreated,
} from '../../../../shared/schemas/interactions';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

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
