import { clientSorts, clientStatuses, personalities } from '../../../../shared/lists';
import type { ClientSort, ClientStatus, Personality } from '../../../../shared/schemas/clients';
import { asList } from '../../../lib/search-params';

export const archivedModes = ['exclude', 'only', 'include'] as const;
export type ArchivedMode = (typeof archivedModes)[number];

/**
 * The list by health (issue 9): `worst` sorts every active client by score, worst first; `at_risk`
 * keeps only those under 60. Health is the insights module's, so the page shows its list instead.
 */
export const healthViews = ['worst', 'at_risk'] as const;
export type HealthView = (typeof healthViews)[number];

/** The list's state as it lives in the URL: defaults are left out so links stay short. */
export type ClientsSearch = {
  q?: string;
  status?: ClientStatus[];
  personality?: Personality[];
  tag?: string[];
  archived?: ArchivedMode;
  sort?: ClientSort;
  health?: HealthView;
};

export type ClientListFilters = {
  q: string;
  status: ClientStatus[];
  personality: Personality[];
  tag: string[];
  archived: ArchivedMode;
  sort: ClientSort;
};

function pick<T extends string>(allowed: readonly T[], values: string[]): T[] {
  return values.flatMap((value) => allowed.filter((a) => a === value));
}

function one<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.find((a) => a === value);
}

/** Tolerant by design: a hand-edited URL drops what it does not understand instead of failing. */
export function validateClientsSearch(raw: Record<string, unknown>): ClientsSearch {
  const search: ClientsSearch = {};
  const q = typeof raw.q === 'string' ? raw.q.slice(0, 200) : '';
  if (q.trim()) search.q = q;
  const status = pick(clientStatuses, asList(raw.status));
  if (status.length) search.status = status;
  const personality = pick(personalities, asList(raw.personality));
  if (personality.length) search.personality = personality;
  const tag = asList(raw.tag)
    .map((t) => t.slice(0, 40))
    .filter(Boolean);
  if (tag.length) search.tag = tag;
  const archived = one(archivedModes, raw.archived);
  if (archived && archived !== 'exclude') search.archived = archived;
  const sort = one(clientSorts, raw.sort);
  if (sort && sort !== 'name') search.sort = sort;
  const health = one(healthViews, raw.health);
  if (health) search.health = health;
  return search;
}

export function filtersFromSearch(search: ClientsSearch): ClientListFilters {
  return {
    q: search.q?.trim() ?? '',
    status: search.status ?? [],
    personality: search.personality ?? [],
    tag: search.tag ?? [],
    archived: search.archived ?? 'exclude',
    sort: search.sort ?? 'name',
  };
}

export function hasNarrowingFilters(filters: ClientListFilters): boolean {
  return (
    filters.q !== '' ||
    filters.status.length > 0 ||
    filters.personality.length > 0 ||
    filters.tag.length > 0 ||
    filters.archived === 'only'
  );
}

export function toQueryParams(filters: ClientListFilters, offset: number, limit: number): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const s of filters.status) params.append('status', s);
  for (const p of filters.personality) params.append('personality', p);
  for (const t of filters.tag) params.append('tag', t);
  params.set('archived', filters.archived);
  params.set('sort', filters.sort);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return params;
}
