import { incidentCauses, incidentStatuses } from '../../../shared/lists';
import type { IncidentCause, IncidentStatus } from '../../../shared/schemas/care';

/** The list of mistakes keeps its filters in the URL (?cause=estimate&status=open), so a link can carry them. */
export function validateMistakesSearch(search: Record<string, unknown>): {
  cause?: IncidentCause;
  status?: IncidentStatus;
} {
  const cause = incidentCauses.find((c) => c === search.cause);
  const status = incidentStatuses.find((s) => s === search.status);
  return { ...(cause ? { cause } : {}), ...(status ? { status } : {}) };
}
