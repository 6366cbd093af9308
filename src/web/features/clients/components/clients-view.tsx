import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, PlusIcon, CalendarIcon } from '../../../components/ui/icons';
import {
  type ClientListFilters,
  type ClientsSearch,
  filtersFromSearch,
  hasNarrowingFilters,
  toQueryParams,
} from '../api/client-list-filters';
import { useClientList } from '../api/client-queries';
import { ClientFilters } from './client-filters';
import { CollapsibleOnPhone } from '../../../components/ui/collapsible-on-phone';
import { NoClientsYet, NoMatchingClients } from './client-list-empty';
import { ClientList } from './client-list';
import { ClientSearchBox } from './client-search-box';

function activeFilters(filters: ClientListFilters): number {
  return (
    filters.status.length +
    filters.personality.length +
    filters.tag.length +
    (filters.archived === 'exclude' ? 0 : 1) +
    (filters.sort === 'name' ? 0 : 1)
  );
}

type Props = {
  search: ClientsSearch;
  /** `replace` while typing, so the back button skips the half-typed queries. */
  onSearchChange: (patch: Partial<ClientsSearch>, options?: { replace: boolean }) => void;
  onClearFilters: () => void;
  /**
   * The list by health, when `search.health` asks for it: the page brings it from the insights
   * feature (sorted, filtered and paged by the server), and it stands in for the list.
   */
  healthList?: ReactNode;
  /** The role allows adding and importing clients (a viewer only looks). */
  canAdd?: boolean;
  /** The role allows exports (owners). */
  canExport?: boolean;
};

function csvHref(filters: ClientListFilters): string {
  const params = toQueryParams(filters, 0, 1);
  params.delete('limit');
  params.delete('offset');
  const query = params.toString();
  return `/api/v1/exports/clients.csv${query ? `?${query}` : ''}`;
}

export function ClientsView({
  search,
  onSearchChange,
  onClearFilters,
  healthList,
  canAdd = true,
  canExport = true,
}: Props) {
  const { t } = useTranslation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const list = useClientList(filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const narrowed = hasNarrowingFilters(filters);
  // With no clients at all, search and filters are noise: the empty state says what to do.
  const firstRun = Boolean(list.data) && total === 0 && !narrowed;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('clients.title')}
        </Title>
        <Group gap="xs">
          {/* The group of a holiday greeting is a tag: the one filtered here, when there is one. */}
          <Button
            renderRoot={(props) => (
              <Link
                to="/greetings/holidays"
                search={search.tag?.length === 1 ? { tag: search.tag[0] } : {}}
                {...props}
              />
            )}
            variant="default"
            leftSection={<CalendarIcon size={18} />}
          >
            {t('clients.holidayGreetings')}
          </Button>
          {canAdd && (
            <Button component={Link} to="/clients/import" variant="default">
              {t('imports.link')}
            </Button>
          )}
          {/* The list as filtered now, as a spreadsheet (the server writes it with the same filters). */}
          {!firstRun && canExport && (
            <Button component="a" href={csvHref(filters)} download variant="default">
              {t('clients.exportCsv')}
            </Button>
          )}
          {canAdd && (
            <Button component={Link} to="/clients/new" leftSection={<PlusIcon size={18} />} visibleFrom="sm">
              {t('clients.new')}
            </Button>
          )}
        </Group>
      </Group>

      {!firstRun && (
        <>
          <ClientSearchBox
            value={filters.q}
            onSearch={(q) => onSearchChange({ q: q.trim() ? q : undefined }, { replace: true })}
          />
          <CollapsibleOnPhone label={t('clients.filters', { count: activeFilters(filters) })}>
            <ClientFilters filters={filters} health={search.health} onChange={(patch) => onSearchChange(patch)} />
          </CollapsibleOnPhone>
          {search.health ? (
            <Text size="sm" c="dimmed">
              {t('clients.health.note')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" aria-live="polite" aria-atomic="true">
              {list.data ? t('clients.count', { count: total }) : '\u00a0'}
            </Text>
          )}
        </>
      )}

      {healthList && search.health ? (
        healthList
      ) : list.isError && !list.data ? (
        <Alert color="red" icon={<AlertIcon />} title={t('errors.title')}>
          <Text size="sm" mb="xs">
            {list.error.message}
          </Text>
          <Button size="xs" variant="light" color="red" onClick={() => void list.refetch()}>
            {t('actions.retry')}
          </Button>
        </Alert>
      ) : !list.data ? (
        <Stack gap="xs" aria-hidden="true">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={56} radius="sm" />
          ))}
        </Stack>
      ) : total === 0 ? (
        narrowed ? (
          <NoMatchingClients onClear={onClearFilters} />
        ) : (
          <NoClientsYet />
        )
      ) : (
        <ClientList
          items={items}
          total={total}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={() => void list.fetchNextPage()}
        />
      )}
    </Stack>
  );
}
