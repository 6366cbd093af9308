import { Anchor, Button, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type Incident,
  type IncidentCause,
  type IncidentStatus,
  incidentCauses,
  incidentStatuses,
} from '../../../../shared/schemas/care';
import { Ltr } from '../../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { useIsPhone } from '../../../components/ui/dialog-flow';
import { formatAmount, formatShortDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useIncidents } from '../api/care-queries';
import type { Composer } from '../../../lib/composer-slot';
import { useMistakeDialogs } from './mistake-dialogs';
import { MistakeStatusBadge } from './mistake-labels';
import { MistakeRow } from './mistakes-section';

export type MistakeFilters = { cause?: IncidentCause; status?: IncidentStatus };

type Props = {
  filters: MistakeFilters;
  onFiltersChange: (filters: MistakeFilters) => void;
  currency: string;
  timeZone: string;
  /** The message composer for the apology (features/messages), from the page. */
  composer: Composer;
};

const ALL = 'all';

/** Every mistake with what it taught (the prevention step), to learn from: filter by cause and status. */
export function MistakesList({ filters, onFiltersChange, currency, timeZone, composer }: Props) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const isPhone = useIsPhone();
  const list = useIncidents(filters);
  const dialogs = useMistakeDialogs({ currency, timeZone, composer, showClient: true });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const causeOptions: Choice<IncidentCause | typeof ALL>[] = [
    { value: ALL, label: t('care.mistakes.filterAll') },
    ...incidentCauses.map((c) => ({ value: c, label: t(`care.mistakes.cause.${c}`) })),
  ];
  const statusOptions: Choice<IncidentStatus | typeof ALL>[] = [
    { value: ALL, label: t('care.mistakes.filterAll') },
    ...incidentStatuses.map((s) => ({ value: s, label: t(`care.mistakes.status.${s}`) })),
  ];

  const clientLink = (incident: Incident) => (
    <Anchor
      size="sm"
      renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId: incident.clientId }} {...props} />}
    >
      <bdi>{incident.clientName}</bdi>
    </Anchor>
  );

  let body;
  if (list.isPending) body = <Skeleton height={160} />;
  else if (list.isError)
    body = (
      <Text size="sm" c="red.9">
        {list.error.message}
      </Text>
    );
  else if (items.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {filters.cause || filters.status ? t('care.mistakes.emptyFiltered') : t('care.mistakes.emptyAll')}
      </Text>
    );
  else if (isPhone)
    body = (
      <Stack
        gap="xs"
        component="ul"
        aria-label={t('care.mistakes.listLabel')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {items.map((incident) => (
          <MistakeRow
            key={incident.id}
            incident={incident}
            onOpen={() => dialogs.view(incident)}
            footer={<div style={{ marginBlockStart: 4 }}>{clientLink(incident)}</div>}
          />
        ))}
      </Stack>
    );
  else
    body = (
      <Table.ScrollContainer
        minWidth={720}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('care.mistakes.listLabel')}
      >
        <Table verticalSpacing="sm" highlightOnHover aria-label={t('care.mistakes.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('care.mistakes.fields.title')}</Table.Th>
              <Table.Th>{t('care.mistakes.columns.client')}</Table.Th>
              <Table.Th>{t('care.mistakes.fields.cause')}</Table.Th>
              <Table.Th>{t('care.mistakes.columns.prevention')}</Table.Th>
              <Table.Th>{t('care.mistakes.columns.compensation')}</Table.Th>
              <Table.Th>{t('care.mistakes.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((incident) => (
              <Table.Tr key={incident.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    fw={500}
                    ta="start"
                    onClick={() => dialogs.view(incident)}
                  >
                    <bdi>{incident.title}</bdi>
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatShortDay(incident.createdAt.slice(0, 10), intl, true)}
                  </Text>
                </Table.Td>
                <Table.Td>{clientLink(incident)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`care.mistakes.cause.${incident.cause}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={3}>
                    {incident.prevention ? <bdi>{incident.prevention}</bdi> : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {incident.compensationAmount > 0 ? (
                    <Ltr>{formatAmount(incident.compensationAmount, incident.currency)}</Ltr>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <MistakeStatusBadge status={incident.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <ChoiceChips
          label={t('care.mistakes.fields.cause')}
          value={filters.cause ?? ALL}
          options={causeOptions}
          onChange={(cause) => onFiltersChange({ ...filters, cause: cause === ALL ? undefined : cause })}
          scroll
        />
        <ChoiceChips
          label={t('care.mistakes.fields.status')}
          value={filters.status ?? ALL}
          options={statusOptions}
          onChange={(status) => onFiltersChange({ ...filters, status: status === ALL ? undefined : status })}
          scroll
        />
      </Stack>
      {body}
      {list.hasNextPage && (
        <div>
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('care.mistakes.more')}
          </Button>
        </div>
      )}
      {dialogs.dialog}
    </Stack>
  );
}
