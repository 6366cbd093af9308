import { ZConflictList, ZIncidentList } from '../../../../shared/schemas/care';
import { ZCommitmentList } from '../../../../shared/schemas/commitments';
import { ZCalendarFeed } from '../../../../shared/schemas/insights';
import { ZInteractionList } from '../../../../shared/schemas/interactions';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client';

export function createCalendarFeed() {
  return apiRequest('/calendar-feed', ZCalendarFeed, { method: 'POST' });
}

export function deleteCalendarFeed(): Promise<void> {
  return apiRequestNoContent('/calendar-feed', { method: 'DELETE' });
}

/** One page of a client's contact log, newest first; `before` continues from the last page. */
export function fetchClientInteractions(clientId: string, before: string | null, limit: number, signal?: AbortSignal) {
  const query = new URLSearchParams({ clientId, limit: String(limit) });
  if (before) query.set('before', before);
  return apiRequest('/interactions', ZInteractionList, { query, ...(signal ? { signal } : {}) });
}

/** Every promise with this client, open and closed: their creation, changes and outcome are events. */
export async function fetchClientCommitments(clientId: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ clientId, state: 'all', limit: '500' });
  return (await apiRequest('/commitments', ZCommitmentList, { query, ...(signal ? { signal } : {}) })).items;
}

/** A client's mistakes and conflicts: recorded, fixed, resolved are events on the timeline too. */
export async function fetchClientCareCases(clientId: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ clientId, limit: '200' });
  const options = { query, ...(signal ? { signal } : {}) };
  const [incidents, conflicts] = await Promise.all([
    apiRequest('/care/incidents', ZIncidentList, options),
    apiRequest('/care/conflicts', ZConflictList, options),
  ]);
  return { incidents: incidents.items, conflicts: conflicts.items };
}
