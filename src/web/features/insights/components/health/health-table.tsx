import { Anchor, Button, Chip, Group, NativeSelect, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientHealthRow, HealthPeriod, healthSorts } from '../../../../../shared/schemas/insights';
import { useIsPhone } from '../../../../components/ui/dialog-flow';
import { SectionCard } from '../../../../components/ui/section-card';
import { UsersIcon } from '../../../../components/ui/icons';
import { formatAmount, formatNumber } from '../../../../lib/format';
import { currentIntlLocale } from '../../../../lib/i18n';
import { useHealthList } from '../../api/health-queries';
import { perHour, signalName } from './health-words';
import { ScoreBadge } from './score-badge';

const PAGE = 20;
const filters = ['all', 'at_risk', 'with_signals'] as const;
type Filter = (typeof filters)[number];
type Sort = (typeof healthSorts)[number];
const sorts: Sort[] = ['score', 'revenue', 'hours', 'rate', 'name'];
const columns = ['client', 'score', 'signals', 'received', 'hours', 'rate'] as const;

function Signals({ row }: { row: ClientHealthRow }) {
  const { t } = useTranslation();
  return (
    <>
      {row.signals.length === 0
        ? t('health.table.none')
        : row.signals.map((s) => signalName(s.signal, t)).join(t('common.separator'))}
    </>
  );
}

/** Every active client's health: filter chips, a sort, pages; a table on a desktop, cards on a phone. */
export function HealthTable({ period }: { period: HealthPeriod }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const isPhone = useIsPhone();
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<Sort>('score');
  const [offset, setOffset] = useState(0);
  const list = useHealthList({ period, filter, sort, limit: PAGE, offset });
  const data = list.data;
  const name = (r: ClientHealthRow) => (
    <Anchor
      size="sm"
      fw={500}
      renderRoot={(p) => <Link to="/clients/$clientId" params={{ clientId: r.clientId }} {...p} />}
    >
      <bdi>{r.clientName}</bdi>
    </Anchor>
  );
  const money = (r: ClientHealthRow) => <bdi>{formatAmount(r.revenue.received, data?.currency ?? 'ILS')}</bdi>;
  const rate = (r: ClientHealthRow) => <bdi>{perHour(r.rate.withAccepted, data?.currency ?? 'ILS', t)}</bdi>;

  return (
    <SectionCard id="insights-health" title={t('health.table.title')} icon={<UsersIcon size={20} />}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('health.table.intro')}
      </Text>
      <Group gap="md" mb="sm" align="flex-end" wrap="wrap">
        <Chip.Group
          multiple={false}
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setOffset(0);
          }}
        >
          <Group gap="xs" role="group" aria-label={t('health.table.filterLabel')}>
            {filters.map((f) => (
              <Chip key={f} value={f} size="sm">
                {t(`health.table.filters.${f}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <NativeSelect
          size="xs"
          label={t('health.table.sortLabel')}
          value={sort}
          onChange={(e) => {
            setSort(e.currentTarget.value as Sort);
            setOffset(0);
          }}
          data={sorts.map((s) => ({ value: s, label: t(`health.table.sorts.${s}`) }))}
        />
      </Group>
      {!data ? (
        list.isError ? (
          <Text size="sm" c="red.9">
            {list.error.message}
          </Text>
        ) : (
          <Skeleton height={160} />
        )
      ) : data.items.length === 0 ? (
        <Text size="sm">{t('health.table.empty')}</Text>
      ) : isPhone ? (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('health.table.title')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {data.items.map((r) => (
            <Paper component="li" key={r.clientId} withBorder radius="sm" p="sm">
              <Group justify="space-between" gap="xs" wrap="wrap">
                {name(r)}
                <ScoreBadge score={r.score} size="sm" />
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                <Signals row={r} />
              </Text>
              <Text size="xs" mt={2}>
                {money(r)}
                {t('common.separator')}
                {t('health.units.hours', { count: r.hours })}
                {t('common.separator')}
                {rate(r)}
              </Text>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table striped highlightOnHover fz="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }} className="visually-hidden">
            {t('health.table.caption', { period: t(`health.period.${period}`) })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c} scope="col">
                  {t(`health.table.columns.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((r) => (
              <Table.Tr key={r.clientId}>
                <Table.Th scope="row">{name(r)}</Table.Th>
                <Table.Td>
                  <ScoreBadge score={r.score} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Signals row={r} />
                </Table.Td>
                <Table.Td>{money(r)}</Table.Td>
                <Table.Td>{formatNumber(r.hours, intl)}</Table.Td>
                <Table.Td>{rate(r)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && data.total > PAGE && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" aria-live="polite">
            {t('health.table.range', { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}
          </Text>
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="default"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t('health.table.previous')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              disabled={offset + PAGE >= data.total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('health.table.next')}
            </Button>
          </Group>
        </Group>
      )}
    </SectionCard>
  );
}
