import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZCommitmentChange } from '../../../../shared/schemas/commitments';
import { UserText } from '../../../components/ui/bidi';
import { AlertIcon, CheckIcon, MessageIcon } from '../../../components/ui/icons';

type Change = z.infer<typeof ZCommitmentChange>;

/** Whether a move came before the deadline, and whether the client was told: in words and icons, not colour only. */
export function ChangeBadges({ change }: { change: Change }) {
  const { t } = useTranslation();
  return (
    <>
      {change.inTime ? (
        <Badge size="xs" variant="light" color="mila" c="mila.9" radius="sm" leftSection={<CheckIcon size={10} />}>
          {t('commitments.history.inTime')}
        </Badge>
      ) : (
        <Badge size="xs" variant="light" color="red" c="red.9" radius="sm" leftSection={<AlertIcon size={10} />}>
          {t('commitments.history.afterDeadline')}
        </Badge>
      )}
      {change.messageId && (
        <Badge size="xs" variant="outline" color="gray" c="dark.6" radius="sm" leftSection={<MessageIcon size={10} />}>
          {t('commitments.history.messageSent')}
        </Badge>
      )}
    </>
  );
}

/** Why the promise moved, when a reason was given. */
export function ChangeReason({ change }: { change: Change }) {
  const { t } = useTranslation();
  if (!change.reason) return null;
  return (
    <Text size="xs" mt={2}>
      {t('commitments.history.reason')} <UserText>{change.reason}</UserText>
    </Text>
  );
}
