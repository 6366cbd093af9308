import { Anchor, Button, Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ProjectSort,
  type ProjectStatus,
  type ProjectSummary,
  projectSorts,
} from '../../../../shared/schemas/projects';
import { UserText } from '../../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { DebouncedSearch } from '../../../components/ui/debounced-search';
import { ShowMore } from '../../../components/ui/show-more';
import { formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { type ProjectFilters, useProjectColumn, useProjectPages, useProjects } from '../api/project-queries';
import classes from './project-board.module.css';
import { ProjectStatusBadge, projectStatuses } from './project-status';

/** The client's name as a link; the route knows clients, this feature does not. */
type RenderClient = (clientId: string) => ReactNode;

function ProjectRow({
  project,
  renderClient,
  showStatus = true,
}: {
  project: ProjectSummary;
  renderClient?: RenderClient | undefined;
  /** On the board the column already says the status. */
  showStatus?: boolean;
}) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
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

function Rows({
  items,
  label,
  renderClient,
  showStatus = true,
}: {
  items: ProjectSummary[];
  label: string;
  renderClient?: RenderClient | undefined;
  showStatus?: boolean;
}) {
  return (
    <Stack gap="xs" component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((project) => (
        <ProjectRow key={project.id} project={project} renderClient={renderClient} showStatus={showStatus} />
      ))}
    </Stack>
  );
}

/** One client's projects on their page. */
export function ClientProjectList({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const projects = useProjects(clientId);
  if (projects.isPending) return <Skeleton height={60} />;
  if (projects.isError) return <Text c="red.9">{projects.error.message}</Text>;
  if (projects.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('projects.empty')}
      </Text>
    );
  return <Rows items={projects.data} label={t('projects.listLabel')} />;
}

type BrowserProps = {
  filters: ProjectFilters;
  view: 'list' | 'board';
  onChange: (patch: Partial<ProjectFilters> & { view?: 'list' | 'board' }, options?: { replace?: boolean }) => void;
  renderClient: RenderClient;
};

/**
 * The workspace's projects, searched on the server: a list (status chips with counts, a sort, a
 * page at a time) or a board with one column per status, soonest target first.
 */
export function ProjectsBrowser({ filters, view, onChange, renderClient }: BrowserProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group gap="sm" align="end" wrap="wrap">
        <DebouncedSearch
          label={t('projects.search.label')}
          placeholder={t('projects.search.placeholder')}
          value={filters.q}
          onCommit={(q) => onChange({ q }, { replace: true })}
        />
        {view === 'list' && (
          <Select
            style={{ flex: '0 1 12rem' }}
            label={t('projects.sort.label')}
            data={projectSorts.map((s) => ({ value: s, label: t(`projects.sort.${s}`) }))}
            value={filters.sort}
            allowDeselect={false}
            onChange={(v) => v && onChange({ sort: v as ProjectSort })}
          />
        )}
      </Group>
      {view === 'board' ? (
        <ProjectBoard
          q={filters.q}
          renderClient={renderClient}
          onShowAll={(status) => onChange({ status, view: 'list' })}
        />
      ) : (
        <ProjectPages filters={filters} onChange={onChange} renderClient={renderClient} />
      )}
    </Stack>
  );
}

function ProjectPages({ filters, onChange, renderClient }: Omit<BrowserProps, 'view'>) {
  const { t } = useTranslation();
  const pages = useProjectPages(filters);
  if (pages.isPending) return <Skeleton height={60} />;
  if (pages.isError) return <Text c="red.9">{pages.error.message}</Text>;
  const first = pages.data.pages[0]!;
  const items = pages.data.pages.flatMap((p) => p.items);
  const count = (s: ProjectStatus) => first.counts.find((c) => c.status === s)?.count ?? 0;
  const everything = first.counts.reduce((sum, c) => sum + c.count, 0);
  const options: Choice<ProjectStatus | 'all'>[] = [
    { value: 'all', label: `${t('projects.filterAll')} (${everything})` },
    ...projectStatuses.map((s) => ({ value: s, label: `${t(`projects.status.${s}`)} (${count(s)})` })),
  ];
  return (
    <Stack gap="sm">
      <ChoiceChips
        label={t('projects.filterLabel')}
        value={filters.status ?? 'all'}
        options={options}
        onChange={(v) => onChange({ status: v === 'all' ? null : v })}
        scroll
      />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {filters.q ? t('projects.search.none') : t('projects.empty')}
        </Text>
      ) : (
        <Rows items={items} label={t('projects.listLabel')} renderClient={renderClient} />
      )}
      {pages.hasNextPage && (
        <ShowMore
          label={t('projects.showMore', { shown: items.length, total: first.total })}
          loading={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
        />
      )}
    </Stack>
  );
}

/** One column per status, soonest target first: stacked on a phone, one scrollable row from a tablet up. */
function ProjectBoard({
  q,
  renderClient,
  onShowAll,
}: {
  q: string;
  renderClient: RenderClient;
  onShowAll: (status: ProjectStatus) => void;
}) {
  const { t } = useTranslation();
  return (
    // Focusable, so the row can be scrolled from the keyboard when the columns do not fit.
    <div role="region" aria-label={t('projects.boardLabel')} className={classes.board} tabIndex={0}>
      {projectStatuses.map((status) => (
        <BoardColumn key={status} status={status} q={q} renderClient={renderClient} onShowAll={onShowAll} />
      ))}
    </div>
  );
}

function BoardColumn({
  status,
  q,
  renderClient,
  onShowAll,
}: {
  status: ProjectStatus;
  q: string;
  renderClient: RenderClient;
  onShowAll: (status: ProjectStatus) => void;
}) {
  const { t } = useTranslation();
  const column = useProjectColumn(status, q);
  const items = column.data?.items ?? [];
  const total = column.data?.total ?? 0;
  return (
    <Paper withBorder radius="md" p="xs" bg="var(--mantine-color-gray-0)">
      <Group gap="xs" mb="xs">
        <ProjectStatusBadge status={status} />
        <Text size="sm" c="dimmed">
          <bdi>{total}</bdi>
        </Text>
      </Group>
      {column.isPending ? (
        <Skeleton height={40} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('projects.columnEmpty')}
        </Text>
      ) : (
        <Rows items={items} label={t(`projects.status.${status}`)} renderClient={renderClient} showStatus={false} />
      )}
      {total > items.length && (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => onShowAll(status)}>
          {t('projects.columnMore', { count: total - items.length })}
        </Button>
      )}
    </Paper>
  );
}
