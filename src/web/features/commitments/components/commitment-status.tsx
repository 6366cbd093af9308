import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { AlertIcon, CheckIcon, ClockIcon, HistoryIcon, XIcon } from '../../../components/ui/icons';

type Look = {
  key: 'open' | 'kept' | 'kept_late' | 'renegotiatedOpen' | 'renegotiatedKept' | 'broken' | 'cancelled';
  color: string;
  text: string;
  icon: typeof CheckIcon;
};

/** Word + icon + colour: a status is never told by colour alone. */
function look(commitment: Commitment): Look {
  const done = commitment.completedAt !== null;
  switch (commitment.status) {
    case 'kept':
      return { key: 'kept', color: 'mila', text: 'mila.9', icon: CheckIcon };
    case 'kept_late':
      return { key: 'kept_late', color: 'orange', text: 'dark.7', icon: CheckIcon };
    case 'renegotiated':
      return done
        ? { key: 'renegotiatedKept', color: 'mila', text: 'mila.9', icon: CheckIcon }
        : { key: 'renegotiatedOpen', color: 'blue', text: 'blue.9', icon: HistoryIcon };
    case 'broken':
      return { key: 'broken', color: 'red', text: 'red.9', icon: AlertIcon };
    case 'cancelled':
      return { key: 'cancelled', color: 'gray', text: 'dark.6', icon: XIcon };
    default:
      return { key: 'open', color: 'gray', text: 'dark.6', icon: ClockIcon };
  }
}

export function CommitmentStatusBadge({
  commitment,
  size = 'sm',
}: {
  commitment: Commitment;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  const { key, color, text, icon: Icon } = look(commitment);
  return (
    <Badge color={color} c={text} variant="light" size={size} radius="sm" leftSection={<Icon size={12} />}>
      {t(`commitments.statuses.${key}`)}
    </Badge>
  );
}
