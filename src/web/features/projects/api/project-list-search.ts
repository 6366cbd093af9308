import { projectSorts, projectStatuses } from '../../../../shared/lists';
import type { ProjectSort, ProjectStatus } from '../../../../shared/schemas/projects';
import type { ProjectFilters } from './project-queries';

export type ProjectsView = 'list' | 'board';

/** The projects page's state in the URL: defaults are left out so links stay short. */
export type ProjectsSearch = { q?: string; status?: ProjectStatus; sort?: ProjectSort; view?: 'board' };

/** Tolerant: a hand-edited URL drops what it does not understand instead of failing. */
export function validateProjectsSearch(raw: Record<string, unknown>): ProjectsSearch {
  const search: ProjectsSearch = {};
  const q = typeof raw.q === 'string' ? raw.q.slice(0, 200).trim() : '';
  if (q) search.q = q;
  const status = projectStatuses.find((s) => s === raw.status);
  if (status) search.status = status;
  const sort = projectSorts.find((s) => s === raw.sort);
  if (sort && sort !== 'newest') search.sort = sort;
  if (raw.view === 'board') search.view = 'board';
  return search;
}

export function projectFiltersFrom(search: ProjectsSearch): ProjectFilters {
  return { q: search.q ?? '', status: search.status ?? null, sort: search.sort ?? 'newest' };
}

/** A change of the filters as URL search: defaults and empties drop out. */
export function projectsSearchPatch(
  patch: Partial<ProjectFilters> & { view?: ProjectsView },
): Partial<Record<keyof ProjectsSearch, string | undefined>> {
  const out: Partial<Record<keyof ProjectsSearch, string | undefined>> = {};
  if ('q' in patch) out.q = patch.q || undefined;
  if ('status' in patch) out.status = patch.status ?? undefined;
  if ('sort' in patch) out.sort = patch.sort === 'newest' ? undefined : patch.sort;
  if ('view' in patch) out.view = patch.view === 'board' ? 'board' : undefined;
  return out;
}
