import { Anchor, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/schemas/projects';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { UserText } from '../../../components/ui/bidi';
import { formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useProjects } from '../api/project-queries';
import type { ProjectStatus } from '../api/projects-api';
import classes from './project-board.module.css';
import { ProjectStatusBadge, projectStatuses } from './project-status';

type Props = {
  clientId?: string;
  /** A board shows one column per status (the projects page); the list suits the client page. */
  view?: 'list' | 'board';
  /** The client's name as a link; the route knows clients, this feature does not. */
  renderClient?: (clientId: string) => ReactNode;
  filter?: ProjectStatus | 'all';
  onFilterChange?: (filter: ProjectStatus | 'all') => void;
};

/** Projects as cards: title, status, target date and client. */
export function ProjectList({ clientId, renderClient, filter = 'all', onFilterChange, view = 'list' }: Props) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const projects = useProjects(clientId ?? null);
  const options: Choice<ProjectStatus | 'all'>[] = [
    { value: 'all', label: t('projects.filterAll') },
    ...projectStatuses.map((s) => ({ value: s, label: t(`projects.status.${s}`) })),
  ];
  if (projects.isPending) return <Skeleton height={60} />;
  if (projects.isError) return <Text c="red.9">{projects.error.message}</Text>;
  if (view === 'board') return <ProjectBoard projects={projects.data} intl={intl} renderClient={renderClient} />;
  const shown = projects.data.filter((p) => filter === 'all' || p.status === filter);
  return (
    <Stack gap="sm">
      {onFilterChange && (
        <ChoiceChips
          label={t('projects.filterLabel')}
          value={filter}
          options={options}
          onChange={onFilterChange}
          scroll
        />
      )}
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('projects.empty')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('projects.listLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {shown.map((project) => (
            <ProjectRow key={project.id} project={project} intl={intl} renderClient={renderClient} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ProjectRow({
  project,
  intl,
  renderClient,
  showStatus = true,
}: {
  project: Project;
  intl: string;
  renderClient: Props['renderClient'];
  /** On the board the column already says the status. */
  showStatus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor
          fw={700}
          renderRoot={(props) => <Link to="/projects/$projectId" params={{ projectId: project.id }} {...props} />}
        >
          <UserText>{project.title}</UserText>
        </Anchor>
        {showStatus && <ProjectStatusBadge status={project.status} />}
      </Group>
      <Group gap="md" wrap="wrap" mt={4}>
        {renderClient && <Text size="sm">{renderClient(project.clientId)}</Text>}
        <Text size="sm" c="dimmed">
          {project.targetDate
            ? t('projects.targetOn', { date: formatLongDay(project.targetDate, intl) })
            : t('projects.noTarget')}
        </Text>
      </Group>
    </Paper>
  );
}

/** One column per status, soonest target first: stacked on a phone, one scrollable row from a tablet up. */
function ProjectBoard({
  projects,
  intl,
  renderClient,
}: {
  projects: Project[];
  intl: string;
  renderClient: Props['renderClient'];
}) {
  const { t } = useTranslation();
  const byTarget = (a: Project, b: Project) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999');
  return (
    // Focusable, so the row can be scrolled from the keyboard when the columns do not fit.
    <div role="region" aria-label={t('projects.boardLabel')} className={classes.board} tabIndex={0}>
      {projectStatuses.map((status) => {
        const column = projects.filter((p) => p.status === status).sort(byTarget);
        return (
          <Paper key={status} withBorder radius="md" p="xs" bg="var(--mantine-color-gray-0)">
            <Group gap="xs" mb="xs">
              <ProjectStatusBadge status={status} />
              <Text size="sm" c="dimmed">
                <bdi>{column.length}</bdi>
              </Text>
            </Group>
            {column.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('projects.columnEmpty')}
              </Text>
            ) : (
              <Stack
                gap="xs"
                component="ul"
                aria-label={t(`projects.status.${status}`)}
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {column.map((project) => (
                  <ProjectRow
                    key={project.id}
                    project={project}
                    intl={intl}
                    renderClient={renderClient}
                    showStatus={false}
                  />
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
    </div>
  );
}
