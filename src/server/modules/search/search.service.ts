import type { SearchHit, SearchKind, SearchQuery, SearchResults } from '../../../shared/schemas/search.js';
import { searchTerms } from '../../../shared/text.js';
import type { Deps } from '../../lib/http.js';
import { byMatch, matchText, type Match } from '../../lib/search-match.js';
import { clientNames, searchClientCandidates, searchContactCandidates } from '../clients/clients.service.js';
import { searchChangeRequestCandidates, searchProjectCandidates } from '../projects/projects.service.js';
import { searchQuoteCandidates } from '../quotes/quotes.service.js';

type Scope = { workspaceId: string };

/** How many candidates each kind fetches before ranking: enough that the best few are among them. */
const CANDIDATES = 50;

type Ranked = { hit: Omit<SearchHit, 'clientName'>; match: Match; text: string };

/** A hit whose shown text does not match (a client found by a contact's name) comes after those that do. */
const weak: Match = { rank: 1, at: Number.MAX_SAFE_INTEGER };

function best(items: Ranked[], limit: number): Ranked[] {
  return items.sort(byMatch).slice(0, limit);
}

/**
 * The global search: clients, the people at them, quotes (number and title), projects and change
 * requests, each group ranked (a match at the start of a word first) and cut to `limit`. Every
 * module searches its own tables through its service; this one only ranks and names the clients.
 */
export async function search(deps: Deps, scope: Scope, query: SearchQuery): Promise<SearchResults> {
  const terms = searchTerms(query.q);
  const [clients, contacts, quotes, projects, changes] = await Promise.all([
    searchClientCandidates(deps, scope, query.q, CANDIDATES),
    searchContactCandidates(deps, scope, terms, CANDIDATES),
    searchQuoteCandidates(deps, scope, terms, CANDIDATES),
    searchProjectCandidates(deps, scope, terms, CANDIDATES),
    searchChangeRequestCandidates(deps, scope, terms, CANDIDATES),
  ]);
  const ranked = (text: string, hit: Ranked['hit'], fallback?: Match): Ranked[] => {
    const match = matchText(text, terms) ?? fallback;
    return match ? [{ hit, match, text }] : [];
  };
  const groups: Record<SearchKind, Ranked[]> = {
    // The client list's own rule found them (phones and tags too); the name decides the order.
    clients: clients.flatMap((c) =>
      ranked(
        c.name,
        {
          id: c.id,
          title: c.name,
          detail: c.phone ?? c.email,
          clientId: c.id,
          projectId: null,
          status: c.status,
        },
        weak,
      ),
    ),
    contacts: contacts.flatMap((c) =>
      ranked(`${c.name} ${c.role ?? ''} ${c.phone ?? ''} ${c.email ?? ''}`, {
        id: c.id,
        title: c.name,
        detail: c.role ?? c.phone ?? c.email,
        clientId: c.clientId,
        projectId: null,
        status: null,
      }),
    ),
    quotes: quotes.flatMap((q) =>
      ranked(`${q.title} ${q.number}`, {
        id: q.id,
        title: q.title,
        detail: q.number,
        clientId: q.clientId,
        projectId: q.projectId,
        status: q.status,
      }),
    ),
    projects: projects.flatMap((p) =>
      ranked(p.title, {
        id: p.id,
        title: p.title,
        detail: null,
        clientId: p.clientId,
        projectId: p.id,
        status: p.status,
      }),
    ),
    changeRequests: changes.flatMap((c) =>
      ranked(c.what, {
        id: c.id,
        title: c.what,
        detail: null,
        clientId: c.clientId,
        projectId: c.projectId,
        status: c.status,
      }),
    ),
  };
  const chosen = Object.entries(groups).map(([kind, items]) => ({
    kind: kind as SearchKind,
    items: best(items, query.limit),
  }));
  const names = await clientNames(
    deps,
    scope,
    chosen.flatMap((g) => g.items.map((r) => r.hit.clientId)),
  );
  return {
    groups: chosen.map(({ kind, items }) => ({
      kind,
      items: items.map(({ hit }) => ({ ...hit, clientName: names.get(hit.clientId) ?? '' })),
    })),
  };
}
