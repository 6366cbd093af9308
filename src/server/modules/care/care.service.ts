import type { StubbornClientList } from '../../../shared/schemas/care.js';
import type { Deps } from '../../lib/http.js';
import { clientNames } from '../clients/clients.service.js';
import * as q from './care.queries.js';

type Scope = { workspaceId: string };

/** Seed 002's exercise: "work with your five most stubborn clients". */
const STUBBORN = 5;

/**
 * Up to five clients with the most friction on the table now, ranked in SQL (see
 * `stubbornClients` in the queries for the rule), each with the counts that make up its score.
 */
export async function stubbornClients(deps: Deps, scope: Scope): Promise<StubbornClientList> {
  const rows = await q.stubbornClients(deps.db.kysely, { ...scope, limit: STUBBORN });
  const names = await clientNames(
    deps,
    scope,
    rows.map((r) => r.client_id),
  );
  return {
    items: rows.map((r) => ({
      clientId: r.client_id,
      clientName: names.get(r.client_id) ?? '',
      openConflicts: r.open_conflicts,
      openIncidents: r.open_incidents,
      changeRequests: r.change_requests,
      score: r.open_conflicts + r.open_incidents + r.change_requests,
    })),
  };
}
