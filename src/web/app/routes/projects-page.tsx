import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ClientNameLink } from '../../features/clients/components/client-name-link';
import {
  projectFiltersFrom,
  projectsSearchPatch,
  type ProjectsSearch,
} from '../../features/projects/api/project-list-search';
import { ProjectsBrowser } from '../../features/projects/components/project-list';
import { usePageTitle } from '../../lib/use-page-title';

const route = getRouteApi('/_app/projects');

export function ProjectsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  usePageTitle(t('projects.title'));
  const view = search.view ?? 'list';
  const change = (patch: Parameters<typeof projectsSearchPatch>[0], options?: { replace?: boolean }) =>
    void navigate({
      search: (prev: ProjectsSearch) => ({ ...prev, ...projectsSearchPatch(patch) }) as ProjectsSearch,
      replace: options?.replace ?? false,
    });
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('projects.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('projects.subtitle')}
        </Text>
      </div>
      <SegmentedControl
        aria-label={t('projects.viewLabel')}
        value={view}
        onChange={(value) => change({ view: value === 'board' ? 'board' : 'list' })}
        data={[
          { value: 'list', label: t('projects.viewList') },
          { value: 'board', label: t('projects.viewBoard') },
        ]}
        w="fit-content"
      />
      <ProjectsBrowser
        filters={projectFiltersFrom(search)}
        view={view}
        onChange={change}
        renderClient={(clientId) => <ClientNameLink clientId={clientId} />}
      />
    </Stack>
  );
}
