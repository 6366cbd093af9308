import { Anchor, Group, Select, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/schemas/projects';
import { UserText } from '../../../components/ui/bidi';
import { notifyError } from '../../../lib/notify';
import { useUpdateProject } from '../api/project-queries';
import type { ProjectStatus } from '../api/projects-api';
import { ProjectStatusBadge, projectStatuses } from './project-status';

/** Title, status (changed in place) and the client, above the project's sections. */
export function ProjectHeader({ project, client }: { project: Project; client: ReactNode }) {
  const { t } = useTranslation();
  const update = useUpdateProject(project.id);
  return (
    <Stack gap={4}>
      <Anchor renderRoot={(props) => <Link to="/projects" {...props} />} size="sm">
        {t('projects.backToList')}
      </Anchor>
      <Group gap="sm" wrap="wrap" align="center">
        <Title order={1} size="h2">
          <UserText>{project.title}</UserText>
        </Title>
        <ProjectStatusBadge status={project.status} />
      </Group>
      <Group gap="md" wrap="wrap" align="flex-end">
        {client}
        <Select
          w={220}
          size="xs"
          label={t('projects.statusLabel')}
          data={projectStatuses.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
          value={project.status}
          allowDeselect={false}
          onChange={(value) => value && update.mutate({ status: value as ProjectStatus }, { onError: notifyError })}
        />
      </Group>
    </Stack>
  );
}
