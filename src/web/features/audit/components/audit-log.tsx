import { Alert, Box, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { auditGroups, type AuditEvent, type AuditGroup } from '../../../../shared/schemas/audit';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { Loading } from '../../../components/ui/loading';
import { ShowMore } from '../../../components/ui/show-more';
import { deviceName } from '../../../lib/device-name';
import { formatDateTime } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useAuditEvents } from '../api/audit-api';
import { describeDetail } from './audit-details';
import classes from './audit-log.module.css';

type Filter = AuditGroup | 'all';
/** The client's name as a link: the page knows the routes, this feature does not. */
type RenderClient = (client: { id: string; name: string }) => ReactNode;

/**
 * Settings → activity: the sensitive actions newest first, each with what, when, who and from
 * where, so the owner can spot what they did not do. A list, not a table: it reads the same on a phone.
 */
export function AuditLog({ timeZone, renderClient }: { timeZone: string; renderClient: RenderClient }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const pages = useAuditEvents(filter === 'all' ? null : filter);
  const options: Choice<Filter>[] = [
    { value: 'all', label: t('audit.groups.all') },
    ...auditGroups.map((group) => ({ value: group, label: t(`audit.groups.${group}`) })),
  ];
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;

  return (
    <Stack gap="md">
      <ChoiceChips
        label={t('audit.filterLabel')}
        value={filter}
        options={options}
        onChange={setFilter}
        scroll
        hideLabel
      />
      {pages.isPending ? (
        <Loading label={t('common.loading')} />
      ) : pages.isError ? (
        <Alert color="red" variant="light">
          {pages.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <Box component="ul" className={classes.list} aria-label={t('audit.listLabel')}>
          {items.map((event) => (
            <AuditRow key={event.id} event={event} timeZone={timeZone} renderClient={renderClient} />
          ))}
        </Box>
      )}
      {pages.hasNextPage && (
        <ShowMore
          label={t('audit.showMore', { shown: items.length, total })}
          loading={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
        />
      )}
    </Stack>
  );
}

function AuditRow({
  event,
  timeZone,
  renderClient,
}: {
  event: AuditEvent;
  timeZone: string;
  renderClient: RenderClient;
}) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const detail = describeDetail(event, t, intl, timeZone);
  const who = event.actor
    ? event.actor.viaToken
      ? t('audit.viaToken', { name: event.actor.name })
      : event.actor.name
    : t('audit.noActor');
  return (
    <li className={classes.row} data-group={event.group}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Text fw={600}>{t(`audit.action.${event.action}`)}</Text>
        <Text size="sm" c="dimmed" className={classes.when}>
          {formatDateTime(event.at, intl, timeZone)}
        </Text>
      </Group>
      {(event.client || event.target || detail) && (
        <Text size="sm">
          {event.client && renderClient(event.client)}
          {event.client && (event.target || detail) && ' · '}
          {event.target && <UserText>{event.target}</UserText>}
          {event.target && detail && ' · '}
          {detail}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        <UserText>{who}</UserText>
        {event.userAgent && (
          <>
            {' '}
            · <Ltr>{deviceName(event.userAgent)}</Ltr>
          </>
        )}
        {event.ip && event.ip !== 'unknown' && (
          <>
            {' '}
            · <Ltr>{event.ip}</Ltr>
          </>
        )}
      </Text>
    </li>
  );
}
