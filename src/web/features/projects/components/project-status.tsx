import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { projectStatuses } from '../../../../shared/schemas/projects';
import type { ProjectStatus } from '../api/projects-api';

const colors: Record<ProjectStatus, string> = {
  planned: 'gray',
  active: 'blue',
  waiting_for_client: 'orange',
  delivered: 'teal',
  closed: 'gray',
};

export { projectStatuses };

/** The status in words (never colour alone). */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colors[status]} c="dark.8" radius="sm">
      {t(`projects.status.${status}`)}
    </Badge>
  );
}
