import { Alert, Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/schemas/commitments';
import type { Interaction } from '../../../../shared/schemas/interactions';
import { AlertIcon, HistoryIcon, PhoneIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useNow } from '../../../lib/use-when';
import { addDays, todayIn } from '../../../lib/zoned-dates';
import { useClientCareCases, useClientCommitmentEvents, useClientInteractionPages } from '../api/insight-queries';
import { CareCaseEvent } from './care-case-event';
import { type TimelineCommitmentEvent, buildTimeline } from './timeline-entries';

type Props = {
  clientId: string;
  timeZone: string;
  renderInteraction: (interaction: Interaction, now: Date) => ReactNode;
  renderCommitmentEvent: (commitment: Commitment, event: TimelineCommitmentEvent) => ReactNode;
  onLogContact: () => void;
};

/**
 * Everything that happened with a client, newest first: contacts (including messages sent from
 * Mila), promises made, moved and kept, and mistakes and conflicts with how they ended. The care
 * cases arrive on their own; the timeline shows without them rather than wait. Contacts come in pages; promise events are shown down
 * to the oldest contact loaded, so the two never interleave out of order.
 */
export function ClientTimeline({ clientId, timeZone, renderInteraction, renderCommitmentEvent, onLogContact }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const intlLocale = currentIntlLocale();
  const pages = useClientInteractionPages(clientId);
  const commitments = useClientCommitmentEvents(clientId);
  const care = useClientCareCases(clientId);

  const days = useMemo(
    () =>
      buildTimeline(
        pages.data?.pages.flatMap((page) => page.items) ?? [],
        commitments.data ?? [],
        pages.hasNextPage,
        timeZone,
        care.data,
      ),
    [pages.data, pages.hasNextPage, commitments.data, timeZone, care.data],
  );

  const today = todayIn(timeZone, now);
  const dayTitle = (day: string) =>
    day === today
      ? t('when.todayTitle')
      : day === addDays(today, -1)
        ? t('when.yesterdayTitle')
        : formatLongDay(day, intlLocale, day.slice(0, 4) !== today.slice(0, 4));

  const loading = !pages.data || !commitments.data;
  const error = pages.error ?? commitments.error;

  return (
    <SectionCard id="client-timeline" title={t('timeline.title')} icon={<HistoryIcon size={20} />}>
      {error && loading ? (
        <Alert color="red" icon={<AlertIcon />}>
          {error.message}
        </Alert>
      ) : loading ? (
        <Stack gap="xs" aria-hidden="true">
          <Skeleton height={56} />
          <Skeleton height={56} />
        </Stack>
      ) : days.length === 0 ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('timeline.empty')}
          </Text>
          <Button size="sm" variant="light" leftSection={<PhoneIcon size={16} />} onClick={onLogContact}>
            {t('timeline.logFirst')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="md">
          {days.map(({ day, entries }) => (
            <section key={day} aria-labelledby={`timeline-day-${day}`}>
              <Title order={3} size="h6" c="dimmed" id={`timeline-day-${day}`} mb={4}>
                {dayTitle(day)}
              </Title>
              <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
                {entries.map((entry) => (
                  <li
                    key={entry.key}
                    style={{ paddingBlock: 8, borderBlockEnd: '1px solid var(--mantine-color-gray-2)' }}
                  >
                    {entry.type === 'interaction' ? (
                      renderInteraction(entry.interaction, now)
                    ) : entry.type === 'commitment' ? (
                      renderCommitmentEvent(entry.commitment, entry.event)
                    ) : (
                      <CareCaseEvent event={entry.event} />
                    )}
                  </li>
                ))}
              </Stack>
            </section>
          ))}
          {pages.hasNextPage && (
            <Button
              variant="light"
              onClick={() => void pages.fetchNextPage()}
              loading={pages.isFetchingNextPage}
              style={{ alignSelf: 'center' }}
            >
              {t('timeline.older')}
            </Button>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
