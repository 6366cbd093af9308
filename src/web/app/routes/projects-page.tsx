import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientNameLink } from '../../features/clients/components/client-name-link';
import type { ProjectStatus } from '../../features/projects/api/projects-api';
import { ProjectList } from '../../features/projects/components/project-list';
import { usePageTitle } from '../../lib/use-page-title';

export function ProjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t('projects.title'));
  const [filter, setFilter] = useState<ProjectStatus | 'all'>('all');
  const [view, setView] = useState<'list' | 'board'>('list');
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
        onChange={(value) => setView(value === 'board' ? 'board' : 'list')}
        data={[
          { value: 'list', label: t('projects.viewList') },
          { value: 'board', label: t('projects.viewBoard') },
        ]}
        w="fit-content"
      />
      <ProjectList
        view={view}
        filter={filter}
        onFilterChange={setFilter}
        renderClient={(clientId) => <ClientNameLink clientId={clientId} />}
      />
    </Stack>
  );
}
