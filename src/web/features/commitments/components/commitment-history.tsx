import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { formatExact } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { ChangeBadges, ChangeReason } from './commitment-change';
import { formatDeadline } from './due-format';

/** Every due-time change, oldest first, with why and whether it came before the deadline. */
export function CommitmentHistory({ commitment, timeZone }: { commitment: Commitment; timeZone: string }) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const when = (iso: string) => formatDeadline(iso, intlLocale, timeZone);
  return (
    <Stack
      gap="xs"
      component="ol"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('commitments.history.title')}
    >
      <li>
        <Text size="sm">{t('commitments.history.originally', { when: when(commitment.originalDueAt) })}</Text>
      </li>
      {commitment.changes.map((change) => (
        <li key={change.id}>
          <Text size="sm">
            {t('commitments.history.moved', { from: when(change.fromDueAt), to: when(change.toDueAt) })}
          </Text>
          <Group gap={6} mt={2}>
            <Text size="xs" c="dimmed">
              {t('commitments.history.changedAt', { when: formatExact(change.changedAt, intlLocale, timeZone) })}
            </Text>
            <ChangeBadges change={change} />
          </Group>
          <ChangeReason change={change} />
        </li>
      ))}
    </Stack>
  );
}
