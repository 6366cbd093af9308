import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment, ZCommitmentChange } from '../../../../shared/schemas/commitments';
import type { z } from 'zod';
import { UserText } from '../../../components/ui/bidi';
import { CheckIcon, HistoryIcon, PromiseIcon, XIcon } from '../../../components/ui/icons';
import { currentIntlLocale } from '../../../lib/i18n';
import { formatDeadline } from './due-format';
import { ChangeBadges, ChangeReason } from './commitment-change';
import { CommitmentStatusBadge } from './commitment-status';

export type CommitmentEvent =
  | { kind: 'created' }
  | { kind: 'moved'; change: z.infer<typeof ZCommitmentChange> }
  | { kind: 'completed' }
  | { kind: 'cancelled' };

const icons = { created: PromiseIcon, moved: HistoryIcon, completed: CheckIcon, cancelled: XIcon } as const;

/** One moment in a promise's life, as a line on the client's timeline. */
export function CommitmentEventLine({
  commitment,
  event,
  timeZone,
}: {
  commitment: Commitment;
  event: CommitmentEvent;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const when = (iso: string) => formatDeadline(iso, intlLocale, timeZone);
  const mine = commitment.direction === 'mine';
  const Icon = icons[event.kind];
  let headline: string;
  switch (event.kind) {
    case 'created':
      headline = mine ? t('commitments.events.createdMine') : t('commitments.events.createdTheirs');
      break;
    case 'moved':
      headline = t('commitments.events.moved');
      break;
    case 'completed':
      headline = mine ? t('commitments.events.completedMine') : t('commitments.events.completedTheirs');
      break;
    default:
      headline = t('commitments.events.cancelled');
  }
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Text c="dimmed" mt={2} component="span">
        <Icon size={18} />
      </Text>
      <div style={{ minInlineSize: 0 }}>
        <Text size="sm" fw={600}>
          {headline}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <UserText>{commitment.title}</UserText>
        </Text>
        {event.kind === 'created' && (
          <Text size="xs" c="dimmed">
            {t('commitments.events.dueBy', { when: when(commitment.originalDueAt) })}
          </Text>
        )}
        {event.kind === 'moved' && (
          <>
            <Text size="xs">
              {t('commitments.history.moved', { from: when(event.change.fromDueAt), to: when(event.change.toDueAt) })}
            </Text>
            <Group gap={6} mt={2}>
              <ChangeBadges change={event.change} />
            </Group>
            <ChangeReason change={event.change} />
          </>
        )}
        {event.kind === 'completed' && (
          <Group mt={2}>
            <CommitmentStatusBadge commitment={commitment} size="xs" />
          </Group>
        )}
      </div>
    </Group>
  );
}
