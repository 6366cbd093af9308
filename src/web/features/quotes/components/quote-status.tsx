import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteStatus } from '../../../../shared/schemas/quotes';
import { AlertIcon, CheckIcon, ClockIcon, EditIcon, HistoryIcon, SendIcon, XIcon } from '../../../components/ui/icons';

const looks: Record<QuoteStatus, { color: string; text: string; icon: typeof CheckIcon }> = {
  draft: { color: 'gray', text: 'dark.8', icon: EditIcon },
  sent: { color: 'blue', text: 'dark.8', icon: SendIcon },
  viewed: { color: 'violet', text: 'dark.8', icon: ClockIcon },
  accepted: { color: 'teal', text: 'dark.8', icon: CheckIcon },
  declined: { color: 'red', text: 'dark.8', icon: XIcon },
  expired: { color: 'orange', text: 'dark.8', icon: AlertIcon },
  superseded: { color: 'gray', text: 'dark.8', icon: HistoryIcon },
};

/** A status in colour, an icon and a word: never colour alone. */
export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  const look = looks[status];
  const Icon = look.icon;
  return (
    <Badge variant="light" color={look.color} c={look.text} radius="sm" leftSection={<Icon size={12} />}>
      {t(`quotes.status.${status}`)}
    </Badge>
  );
}
