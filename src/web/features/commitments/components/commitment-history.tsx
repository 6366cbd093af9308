import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { UserText } from '../../../components/ui/bidi';
import { AlertIcon, CheckIcon, MessageIcon } from '../../../components/ui/icons';
import { formatExact } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
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
            {change.inTime ? (
              <Badge
                size="xs"
                variant="light"
                color="mila"
                c="mila.9"
                radius="sm"
                leftSection={<CheckIcon size={10} />}
              >
                {t('commitments.history.inTime')}
              </Badge>
            ) : (
              <Badge size="xs" variant="light" color="red" c="red.9" radius="sm" leftSection={<AlertIcon size={10} />}>
                {t('commitments.history.afterDeadline')}
              </Badge>
            )}
            {change.messageId && (
              <Badge
                size="xs"
                variant="outline"
                color="gray"
                c="dark.6"
                radius="sm"
                leftSection={<MessageIcon size={10} />}
              >
                {t('commitments.history.messageSent')}
              </Badge>
            )}
          </Group>
          {change.reason && (
            <Text size="xs" mt={2}>
              {t('commitments.history.reason')} <UserText>{change.reason}</UserText>
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
