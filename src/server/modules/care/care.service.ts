import type { StubbornClientList } from '../../../shared/schemas/care.js';
import type { Deps } from '../../lib/http.js';
import type { Period } from '../../lib/period.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientNames } from '../clients/clients.service.js';
import { outOfScopeCounts } from '../projects/change-requests.service.js';
import * as q from './care.queries.js';

type Scope = { workspaceId: string };

/** Seed 002's exercise: "work with your five most stubborn clients". */
const STUBBORN = 5;

/**
 * Up to five clients ranked by the friction on the table now: open conflict cases + open mistakes +
 * requests beyond the agreed scope (every change request not marked in scope, decided or not: each
 * one is the client asking for extras). One point each, no weights, so the number explains itself;
 * ties go to more open conflicts (the exercise is a conflict worksheet), then to the client id so the
 * order is stable. Only clients with at least one point. The counts are grouped in SQL, per module.
 */
export async function stubbornClients(deps: Deps, scope: Scope): Promise<StubbornClientList> {
  const [friction, extras] = await Promise.all([
    q.openFrictionCounts(deps.db.kysely, scope),
    outOfScopeCounts(deps, scope),
  ]);
  const byClient = new Map<string, { openConflicts: number; openIncidents: number; changeRequests: number }>();
  for (const [clientId, count] of extras)
    byClient.set(clientId, { openConflicts: 0, openIncidents: 0, changeRequests: count });
  for (const row of friction) {
    const entry = byClient.get(row.client_id) ?? { openConflicts: 0, openIncidents: 0, changeRequests: 0 };
    byClient.set(row.client_id, { ...entry, openConflicts: row.open_conflicts, openIncidents: row.open_incidents });
  }
  const ranked = [...byClient]
    .map(([clientId, c]) => ({ clientId, ...c, score: c.openConflicts + c.openIncidents + c.changeRequests }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || b.openConflicts - a.openConflicts || (a.clientId < b.clientId ? -1 : 1))
    .slice(0, STUBBORN);
  const names = await clientNames(
    deps,
    scope,
    ranked.map((r) => r.clientId),
  );
  return { items: ranked.map((r) => ({ ...r, clientName: names.get(r.clientId) ?? '' })) };
}

// ── Client health ──────────────────────────────────────────────────────────

export type CareFigures = { openIncidents: number; openConflicts: number; compensation: number };

/**
 * Per client: open mistakes and open conflicts (as they stand at the time of asking) and the
 * compensation given (agorot, business currency) for mistakes recorded in the period. One grouped query.
 */
export async function careFigures(deps: Deps, scope: Scope, period: Period): Promise<Map<string, CareFigures>> {
  const { currency } = await getBusinessProfile(deps, scope);
  const rows = await q.healthCounts(deps.db.kysely, { ...scope, ...period, currency, dialect: deps.db.dialect });
  return new Map(
    rows.map((r) => [
      r.client_id,
      { openIncidents: r.open_incidents, openConflicts: r.open_conflicts, compensation: r.compensation },
    ]),
  );
}

/** The ids behind one client's care figures, oldest first (for linking). */
export async function careEvidence(
  deps: Deps,
  scope: Scope,
  { clientId, from, to }: { clientId: string; from: string; to: string },
): Promise<{
  openIncidentIds: string[];
  openConflictIds: string[];
  compensatedIncidentIds: string[];
  recordedAt: Map<string, string>;
}> {
  const { currency } = await getBusinessProfile(deps, scope);
  return q.healthEvidence(deps.db.kysely, { ...scope, clientId, from, to, currency });
}
